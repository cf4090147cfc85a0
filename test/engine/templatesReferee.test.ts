import ExcelJS from "exceljs";
import { isErrorValue } from "../../src/domain/cellValue";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { planToWorkbook } from "../../src/xlsx";
import { computedValue, recalculate } from "./recalc";

/**
 * The referee: LibreOffice recalculates the generated workbooks (portable formulas, sample data) and
 * must find no error anywhere and, in every formula cell, the value our domain computed and cached.
 */
type Disagreement = {
  sheet: string;
  address: string;
  formula: string;
  cached: unknown;
  libreOffice: unknown;
};

function agrees(read: unknown, cached: unknown): boolean {
  // ExcelJS reads a result in a date-formatted cell (Next review) as a Date: compare its serial.
  const actual =
    read instanceof Date ? (read.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000 : read;
  if (typeof cached === "number") {
    return (
      typeof actual === "number" &&
      Math.abs(actual - cached) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(cached), 1e-300)
    );
  }
  if (cached === "" || cached === null || cached === undefined)
    return actual === "" || actual === null || actual === undefined;
  return JSON.stringify(actual) === JSON.stringify(cached);
}

async function referee(options: TemplateOptions) {
  const { plan } = planTemplates(
    TEMPLATES.map((t) => t.id),
    options,
    { sheets: [], tablesAndNames: [] }
  );
  const { workbook } = await planToWorkbook(plan, new Date("2026-11-29T12:00:00Z"));
  const cached = new Map<string, { formula: string; result: unknown }>();
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula)
          cached.set(`${sheet.name}!${cell.address}`, {
            formula: cell.formula,
            result: cell.result,
          });
      })
    )
  );
  const recalculated = await recalculate(workbook);
  const disagreements: Disagreement[] = [];
  const errors: string[] = [];
  recalculated.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const value = computedValue(cell);
        if (
          isErrorValue(value) ||
          (typeof value === "object" && value !== null && "error" in value)
        ) {
          errors.push(
            `${sheet.name}!${cell.address} ${JSON.stringify(value)} ${cell.type === ExcelJS.ValueType.Formula ? cell.formula : ""}`
          );
        }
        const mine = cached.get(`${sheet.name}!${cell.address}`);
        if (mine && !agrees(value, mine.result)) {
          disagreements.push({
            sheet: sheet.name,
            address: cell.address,
            formula: mine.formula,
            cached: mine.result,
            libreOffice: value,
          });
        }
      })
    )
  );
  return { formulas: cached.size, errors, disagreements };
}

describe("LibreOffice recalculates the generated practice set to our cached values", () => {
  it.each([
    ["sample data", { ...DEFAULT_OPTIONS, formulaMode: "portable" as const }],
    // A department's own sample (figures drawn from its name): the varied story computes alike.
    [
      "a department's sample data (Payments)",
      { ...DEFAULT_OPTIONS, formulaMode: "portable" as const, department: "Payments" },
    ],
    [
      "no sample data, April fiscal year, 18 periods, EUR",
      {
        ...DEFAULT_OPTIONS,
        formulaMode: "portable" as const,
        sampleData: false,
        fiscalYearStartMonth: 4,
        firstPeriod: "2026-04",
        periods: 18,
        currency: "EUR",
      },
    ],
  ])(
    "%s",
    async (_, options) => {
      const result = await referee(options);
      expect(result.formulas).toBeGreaterThan(500);
      expect(result.errors).toEqual([]);
      expect(result.disagreements).toEqual([]);
    },
    240000
  );
});
