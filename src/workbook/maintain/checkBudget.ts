import { CellValue } from "../../domain/cellValue";
import { budgetStatus, variancePct } from "../../domain/budget";
import { evaluate } from "../expr/evaluate";
import { TableBlock } from "../spec";
import { BoundTable, indexOf, typedRow } from "./boundTable";
import { Finding } from "./findings";
import { excelDate } from "../dates";
import { fractionText, moneyText } from "../displayText";
import { fiscalYearMonths, TemplateOptions } from "../options";
import { LINES_TABLE } from "../templates/budget/categories";
import { DETAIL_TABLE, MEASURES } from "../templates/budget/monthlyDetail";

/**
 * Budget lines whose actuals so far exceed the budget of the same months beyond the tolerance (and
 * the materiality amount, from version 3). The
 * year-to-date figures come from the template's own expressions over the row as typed (so a broken
 * formula in the sheet does not hide an overspend); the verdict is the domain's budgetStatus.
 */
export function checkBudget(
  templateId: string,
  bound: BoundTable,
  spec: TableBlock,
  /** An input named cell's value now, by key: the tolerance, materiality and reporting date. */
  input: (key: string) => CellValue,
  options: TemplateOptions
): Finding[] {
  if (templateId !== "team-budget" || spec.key !== "budgetLines") return [];
  // The months the reporting date closes, from the fiscal year itself rather than the sheet's count.
  const asAt = input("budgetAsAt");
  const closed = fiscalYearMonths(options).filter(
    (m) => typeof asAt === "number" && excelDate(m.year, m.month + 1, 0) <= asAt
  ).length;
  const nameValue = (key: string) => (key === "budgetMonthsClosed" ? closed : input(key));
  const budgetYtd = spec.columns.find((c) => c.key === "budgetYtd");
  const actualYtd = spec.columns.find((c) => c.key === "actualYtd");
  if (budgetYtd?.kind !== "computed" || actualYtd?.kind !== "computed") return [];
  const keys = spec.columns.map((c) => c.key);
  const findings: Finding[] = [];
  for (let row = 0; row < bound.rows; row += 1) {
    const values = typedRow(bound, spec.columns, row);
    const context = {
      row: values,
      rowColumns: keys,
      columnValues: () => [],
      nameValue,
    };
    const budget = evaluate(budgetYtd.expr, context);
    const actual = evaluate(actualYtd.expr, context);
    if (typeof budget !== "number" || typeof actual !== "number" || actual === 0) continue;
    let over: boolean;
    try {
      over =
        budgetStatus(
          budget,
          actual,
          nameValue("budgetTolerance"),
          nameValue("budgetMateriality")
        ) === "Over budget";
    } catch {
      continue; // a negative budget or tolerance: the input checks report it
    }
    if (!over) continue;
    const at = indexOf(bound, "actualYtd");
    const share = budget > 0 ? ` (${fractionText(variancePct(budget, actual), 1)} over)` : "";
    const money = (n: number) => moneyText(n, options.currency);
    findings.push({
      severity: "warning",
      kind: "overBudget",
      templateId,
      sheet: bound.read.sheet,
      address:
        at >= 0 ? bound.address(row, at) : bound.rowAddress(row, 0, bound.read.headers.length - 1),
      what: `${lineName(bound, row)}: actual ${money(actual)} against a budget of ${money(budget)} for the same months${share}.`,
      fix: "Review the line's forecast, or raise its budget if the spend is agreed.",
      repairable: false,
    });
  }
  return findings;
}

function lineName(bound: BoundTable, row: number): string {
  const index = indexOf(bound, "item");
  const name = index < 0 ? "" : bound.cell(row, index).value;
  return name === "" ? `Budget line ${row + 1}` : String(name);
}

/**
 * Version 4: the monthly detail shows three rows (budget, forecast, actual) for each budget line, by
 * position. A line added to the lines table without its three rows in the detail is left out of it
 * and of the printout: said, with the rows to add (Excel fills in their formulas).
 */
export function checkBudgetDetail(
  templateId: string,
  tables: readonly {
    readonly template: { readonly key: string };
    readonly bound: BoundTable | null;
  }[]
): Finding[] {
  if (templateId !== "team-budget") return [];
  const lines = tables.find((t) => t.template.key === LINES_TABLE)?.bound;
  const detail = tables.find((t) => t.template.key === DETAIL_TABLE)?.bound;
  if (!lines || !detail) return [];
  const shown = Math.floor(detail.rows / MEASURES.length);
  if (shown >= lines.rows) return [];
  const missing = lines.rows - shown;
  return [
    {
      severity: "warning",
      kind: "budgetDetail",
      templateId,
      sheet: detail.read.sheet,
      address: detail.read.address,
      what: `The monthly detail shows ${shown} of the ${lines.rows} budget lines: ${missing === 1 ? "the last line is" : `the last ${missing} lines are`} not in it, nor in the printout.`,
      fix: `Add ${missing * MEASURES.length} rows at the end of table ${detail.read.name}, with Measure ${MEASURES.join(", ")} in turn for each line: the other columns fill in.`,
      repairable: false,
    },
  ];
}
