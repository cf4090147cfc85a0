import fc from "fast-check";
import ExcelJS from "exceljs";
import { CellValue } from "../../src/domain/cellValue";
import { FormulaError } from "../../src/domain/formulaError";
import {
  FINOPS_FUNCTIONS,
  FINOPS_FUNCTION_NAMES,
  FinopsFunctionName,
} from "../../src/domain/functionsByName";
import { nativeTwin } from "../../src/workbook/twins/nativeTwins";
import { computedValue, recalculate } from "./recalc";
import { InputArgument, InputCell, TWIN_CASES } from "./twinCases";

/**
 * Every native twin, recalculated by LibreOffice over generated input rows, must give what the
 * TypeScript domain computes: numbers to 1e-9 relative, text equal, the same error code.
 */
const ROWS_PER_FUNCTION = Number(process.env.FINOPS_TWIN_ROWS ?? 80);
const RANGE_SLOT = 6; // columns reserved for a range argument

type Outcome = number | string | { error: string };

interface Row {
  name: FinopsFunctionName;
  args: InputArgument[];
  formula: string;
  expected: Outcome;
  address: string;
}

function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function writeCell(sheet: ExcelJS.Worksheet, address: string, cell: InputCell): void {
  if (cell.kind === "number" || cell.kind === "text") sheet.getCell(address).value = cell.value;
  if (cell.kind === "error")
    sheet.getCell(address).value = {
      formula: cell.code === "#N/A" ? "NA()" : "1/0",
    } as ExcelJS.CellFormulaValue;
}

function domainValue(cell: InputCell): CellValue {
  if (cell.kind === "blank") return null;
  if (cell.kind === "error") return { code: cell.code };
  return cell.value;
}

function expectedOutcome(name: FinopsFunctionName, args: InputArgument[]): Outcome {
  const values = args.map((arg) =>
    arg.kind === "omitted"
      ? undefined
      : arg.kind === "cell"
        ? domainValue(arg.cell)
        : arg.cells.map((r) => r.map(domainValue))
  );
  try {
    return (FINOPS_FUNCTIONS[name] as (...a: unknown[]) => number | string)(...values);
  } catch (error) {
    if (error instanceof FormulaError) return { error: error.code };
    throw error;
  }
}

/** Lays out each case in its own row and writes the twin formula after the inputs. */
function buildSheet(
  workbook: ExcelJS.Workbook,
  name: FinopsFunctionName,
  cases: InputArgument[][]
): Row[] {
  const sheet = workbook.addWorksheet(name);
  // As many argument slots as the longest case has (cases with optional arguments vary in length).
  const slots = Math.max(...cases.map((args) => args.length));
  const widths = Array.from({ length: slots }, (_, i) =>
    cases.some((args) => args[i]?.kind === "range") ? RANGE_SLOT : 1
  );
  const resultColumn = widths.reduce((a, b) => a + b, 0);
  return cases.map((args, index) => {
    const r = index + 1;
    let column = 0;
    const texts = args.map((arg, i) => {
      const start = column;
      column += widths[i];
      if (arg.kind === "omitted") return undefined;
      if (arg.kind === "cell") {
        writeCell(sheet, `${columnLetter(start)}${r}`, arg.cell);
        return `${columnLetter(start)}${r}`;
      }
      arg.cells[0].forEach((c, j) => writeCell(sheet, `${columnLetter(start + j)}${r}`, c));
      return `${columnLetter(start)}${r}:${columnLetter(start + arg.cells[0].length - 1)}${r}`;
    });
    const address = `${columnLetter(resultColumn)}${r}`;
    const formula = nativeTwin(name, texts);
    sheet.getCell(address).value = { formula } as ExcelJS.CellFormulaValue;
    return { name, args, formula, expected: expectedOutcome(name, args), address };
  });
}

function agrees(actual: unknown, expected: Outcome): boolean {
  if (typeof expected === "number") {
    return (
      typeof actual === "number" &&
      Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected), 1e-300)
    );
  }
  if (typeof expected === "string") return actual === expected;
  return (
    typeof actual === "object" &&
    actual !== null &&
    (actual as { error?: string }).error === expected.error
  );
}

describe("native twins in a real spreadsheet engine (LibreOffice)", () => {
  const rows: Row[] = [];
  let recalculated: ExcelJS.Workbook;

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    FINOPS_FUNCTION_NAMES.forEach((name, i) => {
      const cases = fc.sample(TWIN_CASES[name], { numRuns: ROWS_PER_FUNCTION, seed: 20261129 + i });
      rows.push(...buildSheet(workbook, name, cases));
    });
    recalculated = await recalculate(workbook);
  }, 240000);

  it("covers a few hundred rows and every outcome kind", () => {
    expect(rows.length).toBe(FINOPS_FUNCTION_NAMES.length * ROWS_PER_FUNCTION);
    const kinds = new Set(
      rows.map((row) =>
        typeof row.expected === "object" ? row.expected.error : typeof row.expected
      )
    );
    for (const kind of ["number", "string", "#VALUE!", "#N/A", "#DIV/0!"])
      expect(kinds).toContain(kind);
  });

  it.each(FINOPS_FUNCTION_NAMES)("%s: LibreOffice agrees with the domain on every row", (name) => {
    const sheet = recalculated.getWorksheet(name) as ExcelJS.Worksheet;
    const disagreements = rows
      .filter((row) => row.name === name)
      .map((row) => ({ row, actual: computedValue(sheet.getCell(row.address)) }))
      .filter(({ row, actual }) => !agrees(actual, row.expected))
      .map(({ row, actual }) => ({
        inputs: JSON.stringify(row.args),
        formula: row.formula,
        expected: row.expected,
        libreOffice: actual,
      }));
    expect(disagreements).toEqual([]);
  });
});
