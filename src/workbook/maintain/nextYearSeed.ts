import { CellValue } from "../../domain/cellValue";
import { fiscalYearMonths, TemplateOptions } from "../options";
import { excelDate } from "../dates";
import { BoundTable, indexOf } from "./boundTable";
import { RawCell } from "./readBack";

/**
 * What a new fiscal year takes over from the year before, per template: which table is seeded, how a
 * row of it becomes next year's row, and which settings (input named cells) keep their value. Figures
 * that belong to one year (savings delivered, the year's cloud spend) start empty.
 */
export interface YearSeed {
  readonly table: string;
  readonly row: (
    read: (key: string) => CellValue,
    next: TemplateOptions
  ) => Record<string, CellValue>;
  readonly settings: readonly string[];
}

const MONTHS = 12;
const months = (prefix: string) => Array.from({ length: MONTHS }, (_, m) => `${prefix}${m + 1}`);

/** A typed value as a new cell holds it: errors and empty cells are left empty. */
export function seedValue(raw: RawCell): CellValue {
  if (raw === "" || (typeof raw === "string" && /^#[A-Z/0!?]+[!?A]?$/.test(raw))) return null;
  return raw;
}

export const YEAR_SEEDS: Readonly<Record<string, YearSeed>> = {
  // Each line keeps its category, item and owner; last year's forecast for a month becomes this
  // year's budget for the same month and the starting forecast; actuals start empty.
  "team-budget": {
    table: "budgetLines",
    row: (read) => {
      const row: Record<string, CellValue> = {
        category: read("category"),
        item: read("item"),
        owner: read("owner"),
      };
      months("forecast").forEach((forecast, m) => {
        const amount = read(forecast);
        row[`budget${m + 1}`] = typeof amount === "number" ? Math.max(amount, 0) : null;
        row[forecast] = typeof amount === "number" ? amount : null;
      });
      return row;
    },
    settings: ["budgetTolerance", "budgetMateriality", "budgetAsAt"],
  },
  // Every role is carried over with its person, place in the model and salary; each month of the new
  // year gets the allocation of the old year's last month, unless the role has ended by then.
  "staffing-plan": {
    table: "staff",
    row: (read, next) => {
      const keys = [
        "role",
        "roleType",
        "responsibilities",
        "person",
        "model",
        "reportsTo",
        "start",
        "end",
        "salary",
        "funding",
        "certification",
        "hiring",
      ];
      const row: Record<string, CellValue> = Object.fromEntries(keys.map((k) => [k, read(k)]));
      const last = read(`alloc${MONTHS}`);
      const end = read("end");
      fiscalYearMonths(next).forEach((month, m) => {
        const ended = typeof end === "number" && end < excelDate(month.year, month.month, 1);
        row[`alloc${m + 1}`] = typeof last === "number" && !ended ? last : null;
      });
      return row;
    },
    settings: ["staffOverheadRate"],
  },
};

/** Next year's rows from a table as read: rows with nothing typed in them are left out. */
export function seedRows(
  seed: YearSeed,
  bound: BoundTable,
  next: TemplateOptions
): Record<string, CellValue>[] {
  const rows: Record<string, CellValue>[] = [];
  for (let r = 0; r < bound.rows; r += 1) {
    const read = (key: string) => {
      const index = indexOf(bound, key);
      return index < 0 ? null : seedValue(bound.cell(r, index).value);
    };
    const row = seed.row(read, next);
    if (Object.values(row).some((v) => v !== null && v !== "")) rows.push(row);
  }
  return rows;
}
