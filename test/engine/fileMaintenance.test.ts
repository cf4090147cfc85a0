import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { EXIT } from "../../src/cli/help";
import { run } from "../../src/cli/run";
import { cellPosition } from "../../src/workbook/addresses";
import { errorCells, readBackOf, recalculationDifferences } from "./fileCells";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { nameTarget } from "../../src/workbook/maintain/survey";
import { planWorkbook } from "../../src/workbook/layout";
import { chooseNames } from "../../src/workbook/names";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { WorkbookSpec } from "../../src/workbook/spec";
import { TEMPLATES } from "../../src/workbook/templates";
import { buildAt } from "../../src/workbook/templateVersions";
import { writeXlsxBuffer } from "../../src/xlsx";

/** LibreOffice has no FINOPS functions: files it recalculates use Excel's own. */
const PORTABLE = { ...DEFAULT_OPTIONS, sampleData: true, formulaMode: "portable" as const };

/**
 * A real engine on a workbook repaired by the command line: a user's edits (formulas typed over, an
 * input changed without recalculating, a name deleted) are repaired in the file, and LibreOffice
 * recalculates it. Every formula cell of the template sheets must compute what the file caches, and
 * none may be an error.
 */
const silent = {
  stdout: () => undefined,
  stderr: () => undefined,
  now: () => new Date("2026-11-29T12:00:00Z"),
};

describe("workbooks changed in place by the command line, in LibreOffice", () => {
  // Each test has LibreOffice open and recalculate a practice set: seconds, not milliseconds.
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-repair-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recalculates to the values the repair cached, with no error cell", async () => {
    const file = path.join(dir, "practice.xlsx");
    expect(await run(["generate", "--all", "--sample", "--out", file], silent)).toBe(EXIT.ok);
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    const lines = readBack.tables.find((t) => t.name === "BudgetLines")!;
    const top = cellPosition(lines.address.split(":")[0]);
    const column = (header: string) => top.column + lines.headers.indexOf(header);
    const ytd = nameTarget(readBack.names.find((n) => n.name === "TeamBudgetYTD")!.formula)!;
    const edit = await PackageEdit.open(fs.readFileSync(file));
    await edit.writeCells(lines.sheet, [
      { row: top.row + 1, column: column("Budget FY"), value: "about 400" },
      { row: top.row + 2, column: column("Budget Jan 2026"), value: 123456 },
      { ...cellPosition(ytd.address), value: 1 },
    ]);
    await edit.changeNames([{ name: "TeamBudgetYTD", formula: null }]);
    fs.writeFileSync(file, await edit.bytes());
    expect(await run(["repair", file], silent)).toBe(EXIT.ok);

    const repaired = await expectRecalculatedToCache(file, dir);
    // The repaired cells hold the template's formulas again, with their values.
    const budget = repaired.get(lines.sheet)!;
    expect(
      budget.get(`${String.fromCharCode(65 + column("Budget FY"))}${top.row + 2}`)?.formula
    ).toBe(true);
  });

  it("rolls forward a month, a quarter and a fiscal year, and recalculates to its cache", async () => {
    const file = path.join(dir, "rolled.xlsx");
    expect(await run(["generate", "--all", "--sample", "--out", file], silent)).toBe(EXIT.ok);
    for (const by of ["--month", "--quarter", "--fiscal-year"])
      expect(await run(["roll-forward", file, by], silent)).toBe(EXIT.ok);
    const cells = await expectRecalculatedToCache(file, dir);
    expect([...cells.keys()]).toEqual(
      expect.arrayContaining(["Team budget FY2027", "Staffing plan FY2027"])
    );
    const tracker = [...(cells.get("KPI tracker")?.values() ?? [])].map((c) => c.value);
    expect(tracker).toContain("Apr 2027");
  });

  it("converts add-in formulas to portable ones that recalculate to the same values", async () => {
    const file = path.join(dir, "converted.xlsx");
    const generate = ["generate", "--all", "--sample", "--mode", "addin", "--out", file];
    expect(await run(generate, silent)).toBe(EXIT.ok);
    expect(await run(["convert", file, "--to", "portable"], silent)).toBe(EXIT.ok);
    await expectRecalculatedToCache(file, dir);
  });

  it("upgrades a practice set of version-1 templates and recalculates to its cache", async () => {
    const specs = TEMPLATES.map((t) => buildAt(t, 1, PORTABLE) as WorkbookSpec);
    const plan = planWorkbook(
      specs,
      PORTABLE,
      chooseNames(specs, { sheets: [], tablesAndNames: [] })
    );
    const file = path.join(dir, "upgraded.xlsx");
    fs.writeFileSync(file, (await writeXlsxBuffer(plan, silent.now())).buffer);
    expect(await run(["upgrade", file], silent)).toBe(EXIT.ok);
    await expectRecalculatedToCache(file, dir);
  });

  it("records two assessments: the history grows above the capability table, and recalculates to its cache", async () => {
    const file = path.join(dir, "recorded.xlsx");
    expect(await run(["generate", "--all", "--sample", "--out", file], silent)).toBe(EXIT.ok);
    for (const date of ["2026-09-30", "2026-12-31"])
      expect(await run(["record-assessment", file, "--date", date], silent)).toBe(EXIT.ok);
    const cells = await expectRecalculatedToCache(file, dir);
    const scorecard = [...(cells.get("Maturity scorecard")?.values() ?? [])].map((c) => c.value);
    expect(scorecard).toContain(46295); // 2026-09-30
    expect(scorecard).toContain(46387); // 2026-12-31
  });
});

/** LibreOffice recalculates the file: every formula cell computes what the file caches, none is an error. */
async function expectRecalculatedToCache(
  file: string,
  dir: string
): Promise<Awaited<ReturnType<typeof readBackOf>>> {
  const cached = await readBackOf(file);
  const output = convertWithLibreOffice(file, path.join(dir, "out"), "xlsx", {
    timeoutMs: 180_000,
  });
  const recalculated = await readBackOf(output);
  const { formulas, differences } = recalculationDifferences(cached, recalculated);
  expect(formulas).toBeGreaterThan(1000);
  expect(differences).toEqual([]);
  expect(errorCells(recalculated)).toEqual([]);
  return cached;
}
