import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { EXIT } from "../../src/cli/help";
import { run } from "../../src/cli/run";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { renameSheet, renameTable, renameTableColumn } from "../../src/xlsx/edit/renames";
import { errorCells, readBackOf, recalculationDifferences } from "./fileCells";

/**
 * A real engine on a renamed workbook: sheets (one to a name that needs quotes, one to a bare
 * name), tables and columns (one to a name that needs brackets) renamed in a portable practice set,
 * which LibreOffice then recalculates. A rename changes no value: every formula cell must compute
 * what the file cached before the renames, and none may be an error (#REF!, #NAME?).
 */
const silent = {
  stdout: () => undefined,
  stderr: () => undefined,
  now: () => new Date("2026-11-29T12:00:00Z"),
};

const SHEETS: Record<string, string> = { "Team budget": "Budget 2026", "Staffing plan": "Staff" };

describe("a renamed workbook, in LibreOffice", () => {
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-renames-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recalculates every formula to what it was, with no error cell", async () => {
    const file = path.join(dir, "practice.xlsx");
    expect(await run(["generate", "--all", "--sample", "--out", file], silent)).toBe(EXIT.ok);
    const cached = await readBackOf(file);
    const edit = await PackageEdit.open(fs.readFileSync(file));
    for (const [from, to] of Object.entries(SHEETS)) await renameSheet(edit, from, to);
    await renameTable(edit, "BudgetLines", "Lines");
    await renameTable(edit, "BudgetByMonth", "MonthlyBudget");
    await renameTableColumn(edit, "Lines", "Budget FY", "Budget: FY");
    await renameTableColumn(edit, "StaffingPlan", "Jan 2026", "January 2026");
    const renamed = path.join(dir, "renamed.xlsx");
    fs.writeFileSync(renamed, await edit.bytes());

    const output = convertWithLibreOffice(renamed, path.join(dir, "out"), "xlsx", {
      timeoutMs: 180_000,
    });
    const recalculated = await readBackOf(output);
    const { formulas, differences } = recalculationDifferences(
      cached,
      recalculated,
      undefined,
      (sheet) => SHEETS[sheet] ?? sheet
    );
    expect(formulas).toBeGreaterThan(1000);
    expect(differences).toEqual([]);
    expect(errorCells(recalculated)).toEqual([]);
  });
});
