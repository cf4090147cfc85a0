/**
 * Import cost data (FOCUS) in Chromium: the real Web Worker chunk reads files chosen through the file
 * chooser (plain and gzip), the preview shows the Cost data sheet and the KPI tracker's old and new
 * values, and the confirmed months land in the in-memory Excel. axe-core and the 320 px width in each state.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { focusCsv, gzipText } from "../taskpane/focusFiles";
import {
  axeViolations,
  launch,
  openPane,
  overflow,
  Page,
  pageErrors,
  screenshot,
  Session,
} from "./browser";
import { chooseTemplates, createFromOptions, fromMenu } from "./paneSteps";

jest.setTimeout(90_000);

let session: Session;
beforeAll(async () => {
  session = await launch();
});
const chosenDirs: string[] = [];
afterAll(async () => {
  await session?.close();
  for (const dir of chosenDirs) fs.rmSync(dir, { recursive: true, force: true });
});

const MONTHS = ["2026-01", "2026-02", "2026-03"];
const SPEC_EXAMPLE = path.resolve(
  __dirname,
  "../fixtures/focus-spec-examples/commitment_discount_scenarios/commitment_discount_usage_scenario_1.csv"
);

async function kpiTracker(page: Page): Promise<void> {
  await chooseTemplates(page, ["KPI tracker and savings ledger"]);
  await createFromOptions(page);
  await page.getByText("Done.", { exact: true }).waitFor();
  await page.getByRole("button", { name: "See the workbook summary" }).click();
}

/**
 * Chooses files as a user does. They are written to disk and given by path: Chromium reads a local
 * file itself, where a buffer is copied over the DevTools protocol, which on a loaded machine took
 * longer than the action's time-out for the 60 MB file.
 */
async function choose(page: Page, files: { name: string; buffer: Buffer }[]): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-e2e-files-"));
  chosenDirs.push(dir);
  const paths = files.map((f) => {
    const file = path.join(dir, f.name);
    fs.writeFileSync(file, f.buffer);
    return file;
  });
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: /^Choose (other )?files\.\.\.$/ }).click();
  await (await chooser).setFiles(paths);
}

/** axe-core and sideways scrolling, at 320 px, in the state the pane is in. */
async function checked(page: Page, name: string) {
  const found = { axe: await axeViolations(page), overflow: await overflow(page) };
  await screenshot(page, `import-${name}-320`);
  return found;
}

describe("Import cost data (FOCUS) in Chromium", () => {
  it("reads a multi-month file in the worker with progress, previews old and new KPI values, and fills the confirmed months", async () => {
    const page = await openPane(session, { width: 320 });
    await kpiTracker(page);
    await fromMenu(page, "Month end", "Import cost data");
    const states: Record<string, unknown> = {};
    states.choose = await checked(page, "choose");
    // About 60 MB, so the worker reports progress before it ends; a multiple of 3 rows a month keeps
    // the rates round (a third of the rows are commitment-covered).
    const big = focusCsv(MONTHS, 199_998);
    await choose(page, [
      { name: "costs.csv", buffer: Buffer.from(big) },
      { name: "spec-example.csv", buffer: fs.readFileSync(SPEC_EXAMPLE) },
    ]);
    await page.getByRole("list", { name: "Files to import" }).waitFor();
    await page.getByRole("button", { name: "Read files" }).click();
    await page
      .getByRole("status")
      .filter({ hasText: /rows, [\d.]+ of [\d.]+ MB/ })
      .waitFor();
    states.reading = await checked(page, "reading");
    await page
      .getByRole("button", { name: "Next: into the workbook" })
      .waitFor({ timeout: 60_000 });
    await page
      .getByText(/^Read 599,9\d\d rows from costs\.csv \(FOCUS 1\.0\), spec-example\.csv/)
      .waitFor();
    states.read = await checked(page, "read");
    await page.getByRole("button", { name: "Next: into the workbook" }).click();
    const months = page.getByRole("list", { name: "KPI months to fill" });
    await months.waitFor();
    await page
      .getByText(/^Effective savings rate: 14% → 20% \(KPI tracker!/)
      .first()
      .waitFor();
    states.preview = await checked(page, "preview");
    // The sample's months hold values: none is ticked until the user says (Feb keeps its values).
    await months.getByRole("checkbox", { name: /^Jan 2026/ }).click();
    await months.getByRole("checkbox", { name: /^Mar 2026/ }).click();
    await page.getByRole("button", { name: "Write the sheet and 2 months" }).click();
    const written = page.getByRole("list", { name: "KPI values written" });
    await written.waitFor();
    states.done = await checked(page, "done");
    const lines = await written.getByRole("listitem").allTextContents();
    expect(lines.some((l) => l.includes("Feb 2026"))).toBe(false);
    const janEsr = lines.find((l) => /Effective savings rate, Jan 2026: 14% -> 20%$/.test(l));
    expect(janEsr).toBeDefined();
    const [, sheet, address] = /^(.+)!([A-Z]+\d+) /.exec(janEsr!)!;
    const workbook = (await page.evaluate(
      `(s => ({ sheets: s.sheetNames(), esr: s.cell(${JSON.stringify(sheet)}, ${JSON.stringify(address)}).value,
        table: s.tables().find(t => t.sheet === "Cost data") }))(window.__finopsFake.state)`
    )) as { sheets: string[]; esr: unknown; table?: { headers: string[] } };
    expect(workbook.sheets).toContain("Cost data");
    expect(workbook.esr).toBe(20);
    expect(workbook.table?.headers.slice(0, 3)).toEqual(["Month", "Currency", "FOCUS rows"]);
    const clean = { axe: [], overflow: [] };
    expect({ ...states, errors: pageErrors(page) }).toEqual({
      choose: clean,
      reading: clean,
      read: clean,
      preview: clean,
      done: clean,
      errors: [],
    });
    await page.close();
  });

  it("reads a gzip file and a semicolon-separated one, saying so; a file it cannot use is refused in plain words", async () => {
    const page = await openPane(session, { width: 320 });
    await page.getByRole("button", { name: "Import cost data" }).click();
    await choose(page, [{ name: "costs.csv.gz", buffer: gzipText(focusCsv(MONTHS)) }]);
    await page.getByRole("button", { name: "Read files" }).click();
    await page.getByText("Read 18 rows from costs.csv.gz (FOCUS 1.0).").waitFor();
    await page.getByRole("button", { name: "Change files or grouping" }).click();
    // As Excel saves CSV in many European locales.
    await choose(page, [
      { name: "semicolons.csv", buffer: Buffer.from(focusCsv(MONTHS).replace(/,/g, ";")) },
    ]);
    await page.getByRole("button", { name: "Read files" }).click();
    await page.getByText("Read 18 rows from semicolons.csv (FOCUS 1.0).").waitFor();
    await page.getByText("Read as semicolon-separated values.").waitFor();
    const semicolons = await checked(page, "semicolons");
    await page.getByRole("button", { name: "Change files or grouping" }).click();
    await choose(page, [
      { name: "bars.csv", buffer: Buffer.from(focusCsv(MONTHS).replace(/,/g, "|")) },
    ]);
    await page.getByRole("button", { name: "Read files" }).click();
    await page.getByText(/^bars\.csv.* cannot be imported$/).waitFor();
    const failed = await checked(page, "failed");
    expect({ semicolons, failed, errors: pageErrors(page) }).toEqual({
      semicolons: { axe: [], overflow: [] },
      failed: { axe: [], overflow: [] },
      errors: [],
    });
    await page.close();
  });
});
