import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseCommand } from "../../src/cli/command";
import { EXIT } from "../../src/cli/help";
import { readRollupHistory } from "../../src/workbook/consolidate/rollupHistory";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { ROLLUP_TEMPLATE_ID } from "../../src/workbook/templates/rollup/rollupKeys";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { canonicalParts, foreignView } from "../xlsx/foreign/canonicalParts";
import { withForeignParts } from "../xlsx/foreign/foreignParts";
import { cli } from "./runCli";

/**
 * `finops-workbooks consolidate` through the real CLI, on department workbooks the CLI's own generate
 * wrote: the roll-up in a new file and in a workbook in place (twice: history kept, only the roll-up's
 * sheets replaced), unusable files, a department delivered twice, --dry-run.
 */
const DEPARTMENTS = ["Retail", "Logistics", "Finance"];

let departments: string;
const files: string[] = [];
let dir: string;

beforeAll(async () => {
  departments = fs.mkdtempSync(path.join(os.tmpdir(), "finops-departments-"));
  for (const name of DEPARTMENTS) {
    const file = path.join(departments, `${name.toLowerCase()}.xlsx`);
    const made = await cli(["generate", "--all", "--sample", "--org", name, "--out", file]);
    expect(made.code).toBe(EXIT.ok);
    files.push(file);
  }
}, 60_000);
afterAll(() => fs.rmSync(departments, { recursive: true, force: true }));
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-consolidate-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function read(file: string) {
  return readWorkbookFile(new Uint8Array(fs.readFileSync(file)));
}

/** The store's roll-up records. */
async function rollups(file: string) {
  const { readBack } = await read(file);
  return readBack.templates.filter((t) => t.record.templateId === ROLLUP_TEMPLATE_ID);
}

/** "Sheets: A, B" of the command's stdout. */
const sheetsLine = (out: string) => /^Sheets: (.*)$/m.exec(out)?.[1].split(", ") ?? [];

/** A defined name's cached value in a workbook the generator wrote, read with ExcelJS (not our reader). */
async function namedValue(file: string, name: string): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const [range] = book.definedNames.getRanges(name).ranges;
  const [, sheet, address] = /^'?(.*?)'?!\$?([A-Z]+\$?\d+)$/.exec(range) ?? [];
  const cell = book.getWorksheet(sheet.replace(/''/g, "'"))?.getCell(address.replace(/\$/g, ""));
  const value = cell?.value as { result?: unknown } | number | null;
  return typeof value === "object" && value !== null ? value.result : value;
}

/** Each worksheet part's canonical XML by sheet name, the store's and the roll-up's left out. */
async function sheetParts(file: string, leaveOut: readonly string[]): Promise<Map<string, string>> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const { pkg } = await readWorkbookFile(bytes);
  const parts = await canonicalParts(bytes);
  const skip = new Set([...leaveOut, METADATA_SHEET].map((s) => s.toLowerCase()));
  return new Map(
    pkg.sheets
      .filter((s) => !skip.has(s.name.toLowerCase()))
      .map((s) => [s.name, parts.get(s.path) ?? "(missing)"])
  );
}

const externalLinks = async (file: string) =>
  Object.keys((await JSZip.loadAsync(fs.readFileSync(file))).files).filter((p) =>
    /externalLink/i.test(p)
  );

describe("finops-workbooks consolidate", () => {
  test("--out: three departments rolled up into a new workbook the health check passes", async () => {
    const out = path.join(dir, "enterprise.xlsx");
    const result = await cli(["consolidate", ...files, "--out", out, "--date", "2026-06-30"]);
    expect(result.err).not.toMatch(/finops-workbooks:/);
    expect(result.code).toBe(EXIT.ok);
    expect(result.out).toContain("Consolidated 3 departments (Retail, Logistics, Finance)");
    expect(result.out).toContain(`Wrote ${out}\n`);

    const [rollup, ...more] = await rollups(out);
    expect(more).toEqual([]);
    const { readBack } = await read(out);
    expect(readBack.templates).toHaveLength(1);
    expect(rollup.record.sheets).toEqual(sheetsLine(result.out));
    for (const sheet of rollup.record.sheets) expect(readBack.sheetNames).toContain(sheet);

    // One history row per department, carrying each department's own practice score.
    const { history } = readRollupHistory(readBack);
    expect(history.map((h) => [h.date, h.department])).toEqual(
      DEPARTMENTS.map((d) => ["2026-06-30", d])
    );
    for (const [i, file] of files.entries()) {
      const score = await namedValue(file, "PracticeMaturityScore");
      expect(typeof score).toBe("number");
      expect(history[i].practiceScore).toBeCloseTo(score as number, 9);
    }

    // Values only: no link to the department files.
    expect(await externalLinks(out)).toEqual([]);
    expect((await cli(["check", out])).code).toBe(EXIT.ok);
  }, 60_000);

  test("an unusable file stops it, named with the reason; --skip-bad consolidates the others", async () => {
    const text = path.join(dir, "notes.xlsx");
    fs.writeFileSync(text, "Quarterly notes, not a workbook\n");
    const own = path.join(dir, "own-budget.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Budget").getCell("A1").value = "A team's own budget";
    await book.xlsx.writeFile(own);
    const out = path.join(dir, "enterprise.xlsx");

    const stopped = await cli(["consolidate", files[0], text, own, files[1], "--out", out]);
    expect(stopped.code).toBe(EXIT.input);
    expect(stopped.err).toContain("2 files cannot be used:");
    expect(stopped.err).toContain("notes.xlsx: this file is not an .xlsx workbook.");
    expect(stopped.err).toMatch(/own-budget\.xlsx: .*no practice templates/);
    expect(stopped.err).toContain("--skip-bad");
    expect(stopped.err).toMatch(/Nothing was written\.\n$/);
    expect(stopped.out).toBe("");
    expect(fs.existsSync(out)).toBe(false);

    const skipped = await cli([
      "consolidate",
      files[0],
      text,
      own,
      files[1],
      "--out",
      out,
      "--skip-bad",
    ]);
    expect(skipped.code).toBe(EXIT.ok);
    expect(skipped.out).toContain("Consolidated 2 departments (Retail, Logistics)");
    expect(skipped.out).toMatch(/notes\.xlsx\b.*not an \.xlsx workbook/);
    expect(skipped.out).toMatch(/own-budget\.xlsx\b.*no practice templates/);
    const { history } = readRollupHistory((await read(out)).readBack);
    expect(history.map((h) => h.department)).toEqual(["Retail", "Logistics"]);

    const none = await cli([
      "consolidate",
      text,
      own,
      "--out",
      path.join(dir, "none.xlsx"),
      "--skip-bad",
    ]);
    expect(none.code).toBe(EXIT.input);
    expect(none.err).toContain("No department workbook can be used");
    expect(fs.existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  }, 60_000);

  test("a department delivered twice is refused until --use picks the file", async () => {
    const again = path.join(dir, "retail-final.xlsx");
    fs.copyFileSync(files[0], again);
    const out = path.join(dir, "enterprise.xlsx");

    const refused = await cli(["consolidate", files[0], again, files[2], "--out", out]);
    expect(refused.code).toBe(EXIT.input);
    expect(refused.err).toContain(
      'The department "Retail" is delivered by more than one file: retail.xlsx, retail-final.xlsx.'
    );
    expect(refused.err).toContain("--use");
    expect(fs.existsSync(out)).toBe(false);
    // Never skipped: either file may be the right one.
    const skipBad = await cli([
      "consolidate",
      files[0],
      again,
      files[2],
      "--out",
      out,
      "--skip-bad",
    ]);
    expect(skipBad.code).toBe(EXIT.input);
    expect(fs.existsSync(out)).toBe(false);

    const picked = await cli([
      "consolidate",
      ...[files[0], again, files[2]],
      ...["--out", out, "--use", "retail-final.xlsx"],
    ]);
    expect(picked.code).toBe(EXIT.ok);
    expect(picked.out).toContain("Consolidated 2 departments (Retail, Finance)");
    expect(picked.out).toMatch(/retail\.xlsx\b.*retail-final\.xlsx, which was chosen/);
    expect(readRollupHistory((await read(out)).readBack).history).toHaveLength(2);

    const wrongUse = parseCommand(["consolidate", ...files, "--out", out, "--use", "hr.xlsx"]);
    expect(wrongUse).toMatchObject({
      kind: "usage",
      problems: ['--use "hr.xlsx" is not one of the files to consolidate.'],
    });
  }, 60_000);

  test("--into twice: the history grows, only the roll-up's sheets are replaced, the rest kept", async () => {
    // A department's workbook a finance team has worked in for a year: their sheet, cells, pivot,
    // chart, names, external link...
    const target = path.join(dir, "retail-and-enterprise.xlsx");
    const start = await withForeignParts(new Uint8Array(fs.readFileSync(files[0])));
    fs.writeFileSync(target, start);
    const linksBefore = await externalLinks(target);
    const departmentSheets = await sheetParts(target, []);

    const first = await cli(["consolidate", ...files, "--into", target, "--date", "2026-03-31"]);
    expect(first.code).toBe(EXIT.ok);
    const [rollup] = await rollups(target);
    const rollupSheets = rollup.record.sheets;
    const storeRows = (await read(target)).readBack.storeRows;
    expect(sheetsLine(first.out)).toEqual(rollupSheets);
    expect(await foreignView(fs.readFileSync(target))).toEqual(await foreignView(start));
    expect(await sheetParts(target, rollupSheets)).toEqual(departmentSheets);

    const second = await cli(["consolidate", ...files, "--into", target, "--date", "2026-06-30"]);
    expect(second.code).toBe(EXIT.ok);
    expect(second.out).toContain("replacing the earlier roll-up's");
    const after = await rollups(target);
    expect(after).toHaveLength(1);
    expect(after[0].record.sheets).toEqual(rollupSheets);
    const { readBack } = await read(target);
    // The roll-up's store row is rewritten, not a second one appended.
    expect(readBack.storeRows).toBe(storeRows);
    expect(
      readBack.templates.filter((t) => t.record.templateId !== ROLLUP_TEMPLATE_ID)
    ).toHaveLength((await read(files[0])).readBack.templates.length);
    const { history } = readRollupHistory(readBack);
    expect(history.map((h) => `${h.date} ${h.department}`)).toEqual([
      ...DEPARTMENTS.map((d) => `2026-03-31 ${d}`),
      ...DEPARTMENTS.map((d) => `2026-06-30 ${d}`),
    ]);
    expect(await foreignView(fs.readFileSync(target))).toEqual(await foreignView(start));
    expect(await sheetParts(target, rollupSheets)).toEqual(departmentSheets);
    // The user's own external link is theirs and kept; the roll-up adds none.
    expect(await externalLinks(target)).toEqual(linksBefore);
    expect((await cli(["check", target])).code).toBe(EXIT.ok);
  }, 120_000);

  test("--dry-run reads and reports, and writes nothing", async () => {
    const out = path.join(dir, "enterprise.xlsx");
    const dry = await cli(["consolidate", ...files, "--out", out, "--dry-run"]);
    expect(dry.code).toBe(EXIT.ok);
    expect(dry.out).toContain("(--dry-run: nothing was written)");
    expect(sheetsLine(dry.out).length).toBeGreaterThan(0);
    expect(fs.existsSync(out)).toBe(false);

    const target = path.join(dir, "target.xlsx");
    fs.copyFileSync(files[1], target);
    const before = fs.readFileSync(target);
    const intoDry = await cli(["consolidate", ...files, "--into", target, "--dry-run"]);
    expect(intoDry.code).toBe(EXIT.ok);
    expect(fs.readFileSync(target).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["target.xlsx"]);
  }, 60_000);

  test("an existing --out is kept without --force, replaced with it", async () => {
    const out = path.join(dir, "enterprise.xlsx");
    fs.writeFileSync(out, "last quarter's");
    const kept = await cli(["consolidate", files[0], "--out", out]);
    expect(kept.code).toBe(EXIT.exists);
    expect(kept.err).toContain("--force");
    expect(fs.readFileSync(out, "utf8")).toBe("last quarter's");
    expect((await cli(["consolidate", files[0], "--out", out, "--force"])).code).toBe(EXIT.ok);
    expect(await rollups(out)).toHaveLength(1);
    expect(fs.readdirSync(dir)).toEqual(["enterprise.xlsx"]);
    // Said before fifty files are read.
    const nowhere = await cli(["consolidate", files[0], "--out", path.join(dir, "no", "e.xlsx")]);
    expect(nowhere.code).toBe(EXIT.cannotWrite);
    expect(nowhere.err).toBe(
      `finops-workbooks: The folder ${path.join(dir, "no")} does not exist. Create it first, or choose another --out.\n`
    );
  }, 60_000);

  test("the compiled command reads the files in worker threads, with the same result", async () => {
    // The threads run the compiled module (lib/), so the command is built first, as npm install does.
    const repo = path.resolve(__dirname, "../..");
    execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["run", "-s", "build:cli"], {
      cwd: repo,
    });
    const text = path.join(dir, "notes.xlsx");
    fs.writeFileSync(text, "not a workbook");
    const args = (out: string) => [
      "consolidate",
      ...[files[0], text, files[1], files[2]],
      ...["--out", out, "--date", "2026-06-30", "--skip-bad"],
    ];
    const threaded = spawnSync(
      process.execPath,
      [path.join(repo, "bin/finops-workbooks.js"), ...args(path.join(dir, "threads.xlsx"))],
      { encoding: "utf8", env: { ...process.env, FINOPS_CONSOLIDATE_THREADS: "2" } }
    );
    expect(threaded.stderr).not.toMatch(/finops-workbooks:/);
    expect(threaded.status).toBe(EXIT.ok);
    const inProcess = await cli(args(path.join(dir, "in-process.xlsx")));
    expect(threaded.stdout.replace("threads.xlsx", "X")).toBe(
      inProcess.out.replace("in-process.xlsx", "X")
    );
    const history = async (file: string) =>
      readRollupHistory((await read(path.join(dir, file))).readBack).history;
    expect(await history("threads.xlsx")).toEqual(await history("in-process.xlsx"));
  }, 120_000);

  test("flag mistakes are usage errors, all said at once", () => {
    const problems = (argv: string[]) => {
      const parsed = parseCommand(["consolidate", ...argv]);
      return parsed.kind === "usage" ? parsed.problems : [];
    };
    expect(problems(["--out", "e.xlsx"])).toEqual([
      "Name the department workbooks to consolidate, for example sales.xlsx hr.xlsx.",
    ]);
    expect(problems(["a.xlsx"])).toEqual([
      "Say where the roll-up goes with --out FILE.xlsx (a new file) or --into FILE.xlsx (a workbook you have).",
    ]);
    expect(problems(["a.xlsx", "b.csv", "--out", "e.xlsx", "--into", "f.xlsx", "--force"])).toEqual(
      [
        'consolidate reads .xlsx workbooks (got "b.csv").',
        "Use either --out (a new file) or --into (a workbook you have), not both.",
        "--force goes with --out; --into changes the workbook in place, all or nothing.",
      ]
    );
    expect(
      problems(["a.xlsx", "--out", "e.xlsx", "--date", "2026-02-30", "--currency", "euro"])
    ).toEqual([
      '--currency: "euro" is not an ISO 4217 currency code (for example USD, EUR, GBP).',
      '--date takes a date as YYYY-MM-DD (got "2026-02-30").',
    ]);
    expect(
      parseCommand(["consolidate", "a.xlsx", "b.xlsx", "--into", "e.xlsx", "--currency", "eur"])
    ).toEqual({
      kind: "consolidate",
      files: ["a.xlsx", "b.xlsx"],
      into: "e.xlsx",
      skipBad: false,
      use: [],
      currency: "EUR",
      dryRun: false,
    });
    expect(parseCommand(["consolidate", "--help"])).toEqual({ kind: "help", topic: "consolidate" });
  });
});
