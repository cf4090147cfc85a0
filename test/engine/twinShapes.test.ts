import ExcelJS from "exceljs";
import { CellValue } from "../../src/domain/cellValue";
import { FormulaError } from "../../src/domain/formulaError";
import { FINOPS_FUNCTIONS, FinopsFunctionName } from "../../src/domain/functionsByName";
import { nativeTwin } from "../../src/workbook/twins/nativeTwins";
import { computedValue, recalculate } from "./recalc";

/**
 * Hand-written twin cases the generated rows do not reach: expressions and literals as arguments,
 * references to other sheets, ranges down a column, and values exactly on a threshold. Each case
 * writes its input cells, the twin formula in its own cell, and says what the domain receives.
 */
type Input = number | string | null | { formula: string };

interface ShapeCase {
  title: string;
  name: FinopsFunctionName;
  args: (string | undefined)[];
  cells: Record<string, Input>;
  /** The values FINOPS.<name> receives for args, as Excel would pass them. */
  values: (CellValue | CellValue[][])[];
  /** Where the twin must differ from the add-in function, what the twin gives (documented). */
  twinGives?: unknown;
}

const SHAPES: ShapeCase[] = [
  {
    title: "expression argument",
    name: "SAVINGS",
    args: ["A1", "B1+C1"],
    cells: { A1: 100, B1: 10, C1: 5 },
    values: [100, 15],
  },
  {
    title: "expression base",
    name: "ROI",
    args: ["A1", "B1+C1"],
    cells: { A1: 300, B1: 50, C1: 50 },
    values: [300, 100],
  },
  {
    title: "product argument",
    name: "COVERAGE",
    args: ["A1", "B1*2"],
    cells: { A1: 80, B1: 100 },
    values: [80, 200],
  },
  {
    title: "other sheet with a space in its name",
    name: "SAVINGS",
    args: ["'Team budget'!B2", "'Team budget'!C2"],
    cells: { "'Team budget'!B2": 1000, "'Team budget'!C2": 750 },
    values: [1000, 750],
  },
  {
    title: "range down a column",
    name: "FTE",
    args: ["A1:A5"],
    cells: { A1: 1, A2: 0.5, A4: 0.25 },
    values: [[[1], [0.5], [null], [0.25], [null]]],
  },
  {
    title: "weighted column ranges",
    name: "MATURITYSCORE",
    args: ["A1:A5", "B1:B5"],
    cells: { A1: 2, A2: 3, A4: 4, A5: 1, B1: 1, B2: 2, B3: 1, B4: 1, B5: 1 },
    values: [
      [[2], [3], [null], [4], [1]],
      [[1], [2], [1], [1], [1]],
    ],
  },
  {
    title: "maxScore from a cell",
    name: "MATURITYSCORE",
    args: ["A1:E1", undefined, "F1"],
    cells: { A1: 5, B1: 3, C1: 4, F1: 5 },
    values: [[[5, 3, 4, null, null]], undefined, 5],
  },
  {
    title: "RACI down a column",
    name: "RACICHECK",
    args: ["A1:A4"],
    cells: { A1: "R", A2: "a", A3: "C" },
    values: [[["R"], ["a"], ["C"], [null]]],
  },
  {
    title: "literal arguments on the tolerance edge",
    name: "BUDGETSTATUS",
    args: ["0.3", "0.315"],
    cells: {},
    values: [0.3, 0.315],
  },
  {
    title: "exactly at the tolerance",
    name: "BUDGETSTATUS",
    args: ["A1", "B1", "C1"],
    cells: { A1: 100, B1: 105, C1: 0.05 },
    values: [100, 105, 0.05],
  },
  {
    title: "zero tolerance, equal amounts",
    name: "BUDGETSTATUS",
    args: ["A1", "B1", "0"],
    cells: { A1: 0.3, B1: { formula: "0.1+0.2" } },
    values: [0.3, 0.1 + 0.2, 0],
  },
  {
    title: "expression on the target",
    name: "KPISTATUS",
    args: ["0.1+0.2", "0.3", '"lower"'],
    cells: {},
    values: [0.1 + 0.2, 0.3, "lower"],
  },
  {
    title: "on the amber edge",
    name: "KPISTATUS",
    args: ["A1", "B1"],
    cells: { A1: 0.27, B1: 0.3 },
    values: [0.27, 0.3],
  },
  {
    title: "level exactly at walkAt",
    name: "MATURITYLEVEL",
    args: ["A1"],
    cells: { A1: 0.5 },
    values: [0.5],
  },
  {
    title: "used equal to committed",
    name: "UTILIZATION",
    args: ["A1", "B1"],
    cells: { A1: { formula: "0.1+0.2" }, B1: 0.3 },
    values: [0.1 + 0.2, 0.3],
  },
  {
    title: "no-break space after the direction",
    name: "KPISTATUS",
    args: ["A1", "B1", "C1"],
    cells: { A1: 1, B1: 1, C1: "lower\u00a0" },
    values: [1, 1, "lower\u00a0"],
  },
  {
    title: "tab after a RACI letter",
    name: "RACICHECK",
    args: ["A1:C1"],
    cells: { A1: "R", B1: "A\t", C1: "A" },
    values: [[["R", "A\t", "A"]]],
  },
  {
    title:
      "an input holding #REF! (an add-in cannot return #REF!: it answers #VALUE!, the twin passes #REF! on)",
    name: "SAVINGS",
    args: ["A1", "B1"],
    cells: { A1: { formula: 'INDIRECT("")' }, B1: 5 },
    values: [{ code: "#REF!" }, 5],
    twinGives: { error: "#REF!" },
  },
];

function domainOutcome(shape: ShapeCase): unknown {
  try {
    return (FINOPS_FUNCTIONS[shape.name] as (...a: unknown[]) => unknown)(...shape.values);
  } catch (error) {
    return { error: (error as FormulaError).code };
  }
}

describe("native twins with other argument shapes, in LibreOffice", () => {
  let results: unknown[];
  const domain = SHAPES.map(domainOutcome);

  beforeAll(async () => {
    const workbook = new ExcelJS.Workbook();
    SHAPES.forEach((shape, i) => {
      const sheet = workbook.addWorksheet(`Case ${i + 1}`);
      for (const [address, value] of Object.entries(shape.cells)) {
        const [sheetName, cell] = address.includes("!") ? address.split("!") : [null, address];
        const target = sheetName
          ? (workbook.getWorksheet(sheetName.replace(/'/g, "")) ??
            workbook.addWorksheet(sheetName.replace(/'/g, "")))
          : sheet;
        target.getCell(cell).value = value as ExcelJS.CellValue;
      }
      sheet.getCell("H1").value = {
        formula: nativeTwin(shape.name, shape.args),
      } as ExcelJS.CellFormulaValue;
    });
    const recalculated = await recalculate(workbook);
    results = SHAPES.map((_, i) =>
      computedValue((recalculated.getWorksheet(`Case ${i + 1}`) as ExcelJS.Worksheet).getCell("H1"))
    );
  }, 240000);

  it.each(SHAPES.map((shape, i) => [shape.title, i] as const))("%s", (_, i) => {
    const expected = SHAPES[i].twinGives ?? domain[i];
    const actual = results[i];
    if (typeof expected === "number")
      expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
        1e-9 * Math.abs(expected)
      );
    else expect(actual).toEqual(expected);
  });

  it("documents the one difference: #REF! in an input is #VALUE! from the add-in", () => {
    expect(domain[SHAPES.length - 1]).toEqual({ error: "#VALUE!" });
  });
});
