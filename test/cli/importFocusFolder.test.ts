import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { gzipSync } from "zlib";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/help";
import {
  AwsDeliverySpec,
  awsFolder,
  awsManifest,
  AzureRunSpec,
  azureFolder,
  azureManifest,
} from "../focus/exportFolderFixtures";
import { csvToParquet } from "../focus/parquetFiles";
import { cli } from "./runCli";
import { reasonOf } from "../../src/node/focusFolder";

// Export folders written to a temp dir as the clouds deliver them; each import's totals are checked
// against sums of the rows that should be read, computed here from the rows written.

const HEADER =
  "BillingAccountId,BillingCurrency,BillingPeriodStart,BillingPeriodEnd,ChargeCategory,ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,ListCost,ContractedCost,PricingCategory,CommitmentDiscountStatus,SubAccountId,ServiceCategory,Tags";

/** A FOCUS CSV of usage rows in `month` (YYYY-MM), one per amount (cents). */
function focusCsv(month: string, cents: readonly number[]): string {
  const start = `${month}-01T00:00:00Z`;
  const [y, m] = month.split("-").map(Number);
  const end = new Date(Date.UTC(y, m, 1)).toISOString().replace(".000", "");
  const rows = cents.map((c, i) => {
    const day = `${month}-${String(i + 2).padStart(2, "0")}`;
    const amount = (c / 100).toFixed(2);
    return `a,USD,${start},${end},Usage,${day}T00:00:00Z,${day}T01:00:00Z,${amount},${amount},${amount},${amount},Standard,,sub-1,Compute,"{}"`;
  });
  return [HEADER, ...rows].join("\n") + "\n";
}

function write(root: string, rel: string, content: string | Buffer): number {
  const full = path.join(root, ...rel.split("/"));
  fs.mkdirSync(path.dirname(full), { recursive: true });
  fs.writeFileSync(full, content);
  return fs.statSync(full).size;
}

/** Month -> [rows, billed cents] from the Cost data sheet. */
async function costData(file: string): Promise<Record<string, [number, number]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Cost data")!;
  let columns: Record<string, number> | undefined;
  const totals: Record<string, [number, number]> = {};
  sheet.eachRow((row) => {
    const values = (row.values as unknown[]).map((v) => (typeof v === "string" ? v : v));
    if (!columns) {
      if (values.includes("Billed cost"))
        columns = {
          month: values.indexOf("Month"),
          rows: values.indexOf("FOCUS rows"),
          billed: values.indexOf("Billed cost"),
        };
      return;
    }
    const month = String(values[columns.month]);
    totals[month] = [
      Number(values[columns.rows]),
      Math.round(Number(values[columns.billed]) * 100),
    ];
  });
  return totals;
}

const sum = (cents: readonly number[]) => cents.reduce((a, b) => a + b, 0);

describe("finops-workbooks import-focus FOLDER", () => {
  let dir: string;
  let workbook: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-folder-"));
    workbook = path.join(dir, "template.xlsx");
    const made = await cli(["generate", "--template", "kpi-tracker", "--out", workbook]);
    expect(made.code).toBe(EXIT.ok);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** A fresh copy of the generated workbook. */
  function into(name: string): string {
    const file = path.join(dir, `${name}.xlsx`);
    fs.copyFileSync(workbook, file);
    return file;
  }

  // AWS: January delivered twice (create-new; only the second is read), February overwritten.
  const JAN_OLD: AwsDeliverySpec = {
    period: "2026-01",
    executionId: "aaaa-1111",
    time: "20260105T010203Z",
    files: ["focus-00001.csv.gz", "focus-00002.csv.gz"],
  };
  const JAN_NEW: AwsDeliverySpec = {
    period: "2026-01",
    executionId: "bbbb-2222",
    time: "20260203T040506Z",
    files: ["focus-00001.csv.gz", "focus-00002.snappy.parquet"],
  };
  const FEB: AwsDeliverySpec = {
    period: "2026-02",
    executionId: "cccc-3333",
    files: ["focus-00001.csv.gz"],
  };
  const janOld = [[100000, 200000], [300000]];
  const janNew = [[11111, 22222], [5]];
  const feb = [[5050, 7]];

  async function awsExport(root: string): Promise<void> {
    for (const [spec, cents] of [
      [JAN_OLD, janOld],
      [JAN_NEW, janNew],
      [FEB, feb],
    ] as const) {
      const manifest = awsManifest(spec);
      write(root, manifest.path, manifest.text);
      for (const [i, f] of spec.files.entries()) {
        const csv = focusCsv(spec.period, cents[i]);
        const rel = `${awsFolder("data", spec)}/${f}`;
        if (!f.endsWith(".parquet")) {
          write(root, rel, f.endsWith(".gz") ? gzipSync(csv) : csv);
          continue;
        }
        const source = path.join(dir, `${spec.executionId}-${i}.csv`);
        fs.writeFileSync(source, csv);
        write(root, rel, "");
        await csvToParquet(source, path.join(root, ...rel.split("/")));
      }
    }
    // A file no manifest lists: it must not be read.
    write(root, "focus/data/BILLING_PERIOD=2026-02/stray.csv", focusCsv("2026-02", [99999999]));
  }

  it("reads an AWS export's newest delivery per period and names the files it skips", async () => {
    const root = path.join(dir, "aws");
    await awsExport(root);
    const file = into("aws");
    const run = await cli(["import-focus", root, "--into", file]);
    expect(run.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({
      "2026-01": [3, sum(janNew.flat())],
      "2026-02": [2, sum(feb.flat())],
    });
    expect(run.err).toContain(
      `${root}: Export manifests found: reading 3 files for 2 billing periods, the newest delivery of each.\n`
    );
    expect(run.err).toContain(
      '  2026-01: AWS export "focus", execution bbbb-2222 of 2026-02-03T04:05:06Z, 2 files (1 older delivery not read).\n'
    );
    expect(run.err).toContain(
      "  focus/data/BILLING_PERIOD=2026-02/stray.csv: skipped, no manifest lists it.\n"
    );
    expect(run.err).toContain(
      "focus/data/BILLING_PERIOD=2026-01/20260105T010203Z-aaaa-1111/focus-00002.csv.gz: skipped, an older delivery of 2026-01"
    );
    // The plan is told before the reading starts.
    expect(run.err.indexOf("Export manifests found")).toBeLessThan(
      run.err.indexOf("Reading 3 FOCUS files")
    );
  });

  it("refuses an incomplete delivery and writes nothing", async () => {
    const root = path.join(dir, "aws-incomplete");
    await awsExport(root);
    fs.rmSync(
      path.join(root, ...`${awsFolder("data", JAN_NEW)}/focus-00002.snappy.parquet`.split("/"))
    );
    const file = into("aws-incomplete");
    const before = fs.readFileSync(file);
    const run = await cli(["import-focus", root, "--into", file]);
    expect(run.code).toBe(EXIT.input);
    expect(run.err).toContain(
      `finops-workbooks: ${root}: The 2026-01 delivery of AWS export "focus" is incomplete: its manifest focus/metadata/BILLING_PERIOD=2026-01/20260203T040506Z-bbbb-2222/focus-Manifest.json lists a file that is missing or not fully downloaded: s3://finops-bucket/exports/focus/data/BILLING_PERIOD=2026-01/20260203T040506Z-bbbb-2222/focus-00002.snappy.parquet.`
    );
    expect(run.err).toContain("Nothing was written.");
    expect(run.err).not.toContain("bug");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it("reads an Azure export's newest run per month, with manifests old and new", async () => {
    const root = path.join(dir, "azure");
    const runs: [AzureRunSpec, number[][]][] = [
      [
        {
          range: "20260101-20260131",
          runId: "11111111-aaaa",
          submittedTime: "2026-02-01T06:00:00.1234567Z",
          files: [{ name: "part_0_0001.csv.gz", size: 0 }],
          counts: true,
        },
        [[40000]],
      ],
      [
        {
          range: "20260101-20260131",
          runId: "22222222-bbbb",
          submittedTime: "2026-02-02T06:00:00Z",
          timeFolder: "202602020600",
          files: [
            { name: "part_0_0001.csv.gz", size: 0 },
            { name: "part_1_0001.csv", size: 0 },
          ],
          counts: true,
        },
        [[1234, 5678], [1]],
      ],
      [
        {
          range: "20260201-20260228",
          runId: "33333333-cccc",
          submittedTime: "2026-03-01T06:00:00Z",
          files: [{ name: "part_0_0001.csv", size: 0 }],
          counts: false,
        },
        [[999]],
      ],
    ];
    for (const [spec, cents] of runs) {
      const month = `${spec.range.slice(0, 4)}-${spec.range.slice(4, 6)}`;
      const files = spec.files.map((f, i) => {
        const csv = focusCsv(month, cents[i]);
        const size = write(
          root,
          `${azureFolder(spec)}/${f.name}`,
          f.name.endsWith(".gz") ? gzipSync(csv) : csv
        );
        return { ...f, size };
      });
      const manifest = azureManifest({ ...spec, files });
      write(root, manifest.path, manifest.text);
    }
    const file = into("azure");
    const run = await cli(["import-focus", root, "--into", file]);
    expect(run.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({
      "2026-01": [3, 1234 + 5678 + 1],
      "2026-02": [1, 999],
    });
    expect(run.err).toContain(
      '  2026-01: Azure export "focus-daily", run 22222222-bbbb of 2026-02-02T06:00:00Z, 2 files (1 older delivery not read).\n'
    );
  });

  it("reads a folder without manifests: every FOCUS file, identical copies once, others listed", async () => {
    const root = path.join(dir, "plain");
    const jan = focusCsv("2026-01", [10000, 2500]);
    write(root, "jan.csv", jan);
    write(root, "backup/jan copy.CSV", jan);
    write(root, "feb/feb.csv.gz", gzipSync(focusCsv("2026-02", [777])));
    // Same size as jan.csv, different content: read.
    const other = focusCsv("2026-01", [10000, 2501]);
    expect(other.length).toBe(jan.length);
    write(root, "jan-late.csv", other);
    write(root, "README.md", "Exports of 2026.");
    write(root, ".DS_Store", "x");
    const file = into("plain");
    const run = await cli(["import-focus", root, "--into", file]);
    expect(run.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({
      "2026-01": [4, 10000 + 2500 + 10000 + 2501],
      "2026-02": [1, 777],
    });
    expect(run.err).toContain(`${root}: No export manifests: reading every FOCUS file, 3 files.\n`);
    expect(run.err).toContain("  jan.csv: the same content as backup/jan copy.CSV, read once.\n");
    expect(run.err).toContain("  README.md: skipped, not a FOCUS data file.\n");
    expect(run.err).toContain("  .DS_Store: skipped, not a FOCUS data file.\n");
  });

  it("takes files and folders together, a file named twice read once", async () => {
    const root = path.join(dir, "mixed");
    write(root, "in/jan.csv", focusCsv("2026-01", [100]));
    const loose = path.join(root, "loose.csv");
    write(root, "loose.csv", focusCsv("2026-03", [300]));
    const file = into("mixed");
    const run = await cli([
      "import-focus",
      path.join(root, "in"),
      loose,
      path.join(root, "in", "jan.csv"),
      "--into",
      file,
    ]);
    expect(run.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({ "2026-01": [1, 100], "2026-03": [1, 300] });
  });

  it("refuses an export named twice (the export and a copy), not two accounts' exports of one name", async () => {
    const root = path.join(dir, "aws-twice");
    await awsExport(root);
    const copy = path.join(dir, "aws-twice-copy");
    fs.cpSync(root, copy, { recursive: true });
    const file = into("aws-twice");
    const before = fs.readFileSync(file);
    const run = await cli(["import-focus", root, copy, "--into", file]);
    expect(run.code).toBe(EXIT.input);
    expect(run.err).toContain(
      `finops-workbooks: ${root} and ${copy} both hold 2026-01 of AWS export "focus": reading both would count it twice.`
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Another account's export of the same name (its exportArn says so) is read as well.
    const other = path.join(dir, "aws-other-account");
    fs.cpSync(root, other, { recursive: true });
    for (const month of ["2026-01", "2026-02"]) {
      const metadata = path.join(other, "focus", "metadata", `BILLING_PERIOD=${month}`);
      for (const manifest of fs.readdirSync(metadata, { recursive: true, encoding: "utf8" }))
        if (manifest.endsWith("-Manifest.json")) {
          const full = path.join(metadata, manifest);
          fs.writeFileSync(
            full,
            fs.readFileSync(full, "utf8").replace("123456789012", "210987654321")
          );
        }
    }
    const both = await cli(["import-focus", root, other, "--into", file]);
    expect(both.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({
      "2026-01": [6, 2 * sum(janNew.flat())],
      "2026-02": [4, 2 * sum(feb.flat())],
    });
    // The same folder under two names reads the same files: once.
    const again = await cli(["import-focus", root, `${root}${path.sep}.`, "--into", file]);
    expect(again.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({
      "2026-01": [3, sum(janNew.flat())],
      "2026-02": [2, sum(feb.flat())],
    });
  });

  it("reads once a file named directly with the same bytes as one a folder reads", async () => {
    const root = path.join(dir, "copies");
    write(root, "export/jan.csv", focusCsv("2026-01", [4200]));
    write(root, "downloads/jan (1).csv", focusCsv("2026-01", [4200]));
    const file = into("copies");
    const loose = path.join(root, "downloads", "jan (1).csv");
    const run = await cli(["import-focus", path.join(root, "export"), loose, "--into", file]);
    expect(run.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({ "2026-01": [1, 4200] });
    expect(run.err).toContain(
      `${loose}: the same content as ${path.join(root, "export", "jan.csv")}, read once.\n`
    );
  });

  it("refuses the data/ folder of an export without its manifests: deliveries would add up", async () => {
    const root = path.join(dir, "data-only");
    for (const [time, cents] of [
      ["20260105T010203Z-aaa", 100],
      ["20260106T010203Z-bbb", 200],
    ] as const)
      write(
        root,
        `data/BILLING_PERIOD=2026-01/${time}/focus-00001.csv.gz`,
        gzipSync(focusCsv("2026-01", [cents]))
      );
    const file = into("data-only");
    const run = await cli(["import-focus", path.join(root, "data"), "--into", file]);
    expect(run.code).toBe(EXIT.input);
    expect(run.err).toContain(
      "2026-01 (2 deliveries in BILLING_PERIOD=2026-01: 20260105T010203Z-aaa, 20260106T010203Z-bbb). Choose the export's own folder, the one holding metadata/ (AWS) or the runs' manifest.json files (Azure)"
    );
    expect(run.err).toContain("Nothing was written.");
  });

  it("skips a stray .gz that is not FOCUS instead of stopping", async () => {
    const root = path.join(dir, "stray-gz");
    write(root, "jan.csv", focusCsv("2026-01", [321]));
    write(root, "readme.txt.gz", gzipSync("Exports of 2026."));
    const file = into("stray-gz");
    const run = await cli(["import-focus", root, "--into", file]);
    expect(run.code).toBe(EXIT.ok);
    expect(await costData(file)).toEqual({ "2026-01": [1, 321] });
    expect(run.err).toContain("  readme.txt.gz: skipped, not a FOCUS data file.\n");
  });

  it("says why a name cannot be read, in words", async () => {
    const loop = path.join(dir, "loop-a");
    fs.symlinkSync(path.join(dir, "loop-b"), loop);
    fs.symlinkSync(loop, path.join(dir, "loop-b"));
    const notFolder = path.join(dir, "template.xlsx", "jan.csv");
    const file = into("unreadable");
    for (const [name, reason] of [
      [loop, "its symbolic links form a loop"],
      [notFolder, "a part of its path is a file, not a folder"],
    ]) {
      const run = await cli(["import-focus", name, "--into", file]);
      expect(run.code).toBe(EXIT.input);
      expect(run.err).toBe(
        `finops-workbooks: Cannot read ${name}: ${reason}. Nothing was written.\n`
      );
    }
    expect(
      reasonOf(Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" }))
    ).toBe("permission denied");
    expect(reasonOf(new Error("odd"))).toBe("it cannot be read");
  });

  it("says plainly when a folder holds nothing to read, or a name does not exist", async () => {
    const empty = path.join(dir, "empty");
    fs.mkdirSync(empty);
    const notes = path.join(dir, "notes");
    write(notes, "README.md", "nothing here");
    const file = into("nothing");
    const cases: [string, string][] = [
      [
        empty,
        `${empty}: The folder is empty: choose the folder that holds the FOCUS export files (.csv, .csv.gz or .parquet). Nothing was written.`,
      ],
      [
        notes,
        `${notes}: The folder holds no FOCUS files (.csv, .csv.gz or .parquet), only README.md. Nothing was written.`,
      ],
      [
        path.join(dir, "nowhere"),
        `Cannot read ${path.join(dir, "nowhere")}: there is no such file or folder. Nothing was written.`,
      ],
    ];
    for (const [name, message] of cases) {
      const run = await cli(["import-focus", name, "--into", file]);
      expect([name, run.code]).toEqual([name, EXIT.input]);
      expect(run.err).toBe(`finops-workbooks: ${message}\n`);
    }
  });
});

describe("a folder where a file is expected", () => {
  let dir: string;
  let book: string;
  let folder: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-folder-args-"));
    book = path.join(dir, "book.xlsx");
    expect((await cli(["generate", "--all", "--out", book])).code).toBe(EXIT.ok);
    // Named like the file each command wants, so only its being a folder is wrong.
    folder = path.join(dir, "folder.xlsx");
    fs.mkdirSync(folder);
    fs.mkdirSync(path.join(dir, "departments.csv"));
    write(dir, "focus.csv", `${HEADER}\n`);
    write(dir, "teams.csv", "Department,Lead\nPayments,Ana Lima\n");
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is told plainly, with the documented exit code, by every command", async () => {
    const csv = path.join(dir, "departments.csv");
    const cases: [string[], number, string][] = [
      [["import-focus", path.join(dir, "focus.csv"), "--into", folder], EXIT.input, "is a folder"],
      [["import-focus", "--aggregates", csv, "--into", book], EXIT.input, "is a folder"],
      [["check", folder], EXIT.input, "is a folder"],
      // A folder not named like a workbook is a bad argument before it is looked at.
      [["check", dir], EXIT.usage, "check works on .xlsx workbooks"],
      [["repair", folder], EXIT.input, "is a folder"],
      [["upgrade", folder], EXIT.input, "is a folder"],
      [["convert", folder, "--to", "portable"], EXIT.input, "is a folder"],
      [["roll-forward", folder, "--month"], EXIT.input, "is a folder"],
      [["record-assessment", folder], EXIT.input, "is a folder"],
      [["consolidate", folder, "--out", path.join(dir, "rollup.xlsx")], EXIT.input, "is a folder"],
      [["consolidate", book, "--out", folder], EXIT.cannotWrite, "is a folder"],
      [["consolidate", book, "--into", folder], EXIT.input, "is a folder"],
      [["generate", "--all", "--out", folder], EXIT.cannotWrite, "is a folder"],
      [["generate", "--all", "--into", folder], EXIT.input, "is a folder"],
      [
        ["generate", "--all", "--departments-from", csv, "--out-dir", path.join(dir, "out")],
        EXIT.input,
        "is a folder",
      ],
      [
        [
          "generate",
          "--all",
          "--departments-from",
          path.join(dir, "teams.csv"),
          "--out-dir",
          path.join(dir, "focus.csv"),
        ],
        EXIT.cannotWrite,
        "is a file; --out-dir names the folder",
      ],
    ];
    for (const [argv, code, words] of cases) {
      const run = await cli(argv);
      expect([argv.join(" "), run.code, run.err]).toEqual([
        argv.join(" "),
        code,
        expect.stringContaining(words),
      ]);
      expect(run.err).not.toMatch(/unexpected|bug|EISDIR/);
    }
  });
});
