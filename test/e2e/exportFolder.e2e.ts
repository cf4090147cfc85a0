/**
 * An AWS Data Exports folder chosen in Chromium through "Choose a folder..." (webkitdirectory): the pane
 * plans it from its manifests (the newest delivery of January only, a stray file skipped), the real worker
 * reads the planned gzip CSV and Parquet files, and the totals count only the newest delivery's rows.
 * axe-core and the 320 px width once planned and once read.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import { AwsDeliverySpec, awsFolder, awsManifest } from "../focus/exportFolderFixtures";
import { csvToParquet } from "../focus/parquetFiles";
import { axeViolations, launch, openPane, overflow, pageErrors, Session } from "./browser";

jest.setTimeout(90_000);

const HEADER =
  "BilledCost,BillingCurrency,ChargeCategory,ChargePeriodStart,EffectiveCost,ListCost,ContractedCost";

/** `rows` usage rows of 1.00 each in `month`. */
const focusCsv = (month: string, rows: number) =>
  [HEADER, ...Array.from({ length: rows }, () => `1,USD,Usage,${month}-02T00:00:00Z,1,1,1`)].join(
    "\n"
  ) + "\n";

const JAN_OLD: AwsDeliverySpec = {
  period: "2026-01",
  executionId: "aaaa-1111",
  time: "20260105T010203Z",
  files: ["focus-00001.csv.gz"],
};
const JAN_NEW: AwsDeliverySpec = {
  period: "2026-01",
  executionId: "bbbb-2222",
  time: "20260203T040506Z",
  files: ["focus-00001.csv.gz"],
};
const FEB: AwsDeliverySpec = {
  period: "2026-02",
  executionId: "cccc-3333",
  files: ["focus-00001.snappy.parquet"],
};

let session: Session;
let dir: string;
let root: string;
beforeAll(async () => {
  session = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-e2e-folder-"));
  root = path.join(dir, "exports");
  const write = (rel: string, content: string | Buffer) => {
    const full = path.join(root, ...rel.split("/"));
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, content);
    return full;
  };
  // January: 7 rows delivered first, then 3 in the newest delivery; February: 4 rows as Parquet.
  for (const [spec, rows] of [
    [JAN_OLD, 7],
    [JAN_NEW, 3],
    [FEB, 4],
  ] as const) {
    const manifest = awsManifest(spec);
    write(manifest.path, manifest.text);
    const rel = `${awsFolder("data", spec)}/${spec.files[0]}`;
    const csv = focusCsv(spec.period, rows);
    if (rel.endsWith(".gz")) write(rel, gzipSync(csv));
    else await csvToParquet(write(`${rel}.csv`, csv), write(rel, ""));
  }
  fs.rmSync(path.join(root, ...`${awsFolder("data", FEB)}/${FEB.files[0]}.csv`.split("/")));
  write("focus/data/BILLING_PERIOD=2026-02/stray.csv", focusCsv("2026-02", 1000));
});
afterAll(async () => {
  await session?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Import cost data from an export folder in Chromium", () => {
  it("reads the newest delivery of each period and names the file no manifest lists", async () => {
    const page = await openPane(session, { width: 320 });
    await page.getByRole("button", { name: "Import cost data" }).click();
    await page.locator("input[webkitdirectory]").setInputFiles(root);
    const periods = page.getByRole("list", { name: "Billing periods read" });
    await periods.getByText(/^2026-01: AWS export .*bbbb-2222/).waitFor();
    await periods.getByText(/^2026-02: AWS export .*cccc-3333/).waitFor();
    await page.getByText(/stray\.csv: skipped, no manifest lists it/).waitFor();
    const planned = {
      axe: await axeViolations(page),
      overflow: await overflow(page),
    };
    await page.getByRole("button", { name: "Read files" }).click();
    // 3 rows of January's newest delivery and 4 of February: not the 7 superseded, not the stray 1,000.
    await page.getByText(/^Read 7 rows from /).waitFor();
    expect({
      planned,
      read: { axe: await axeViolations(page), overflow: await overflow(page) },
      errors: pageErrors(page),
    }).toEqual({
      planned: { axe: [], overflow: [] },
      read: { axe: [], overflow: [] },
      errors: [],
    });
    await page.close();
  });
});
