import {
  add,
  col,
  column,
  countIf,
  ifBlank,
  ifCompare,
  mul,
  num,
  str,
  sum,
  sumIf,
} from "../../expr/expr";
import { fiscalYearLabel, TemplateOptions } from "../../options";
import { Block, ColumnSpec, ConditionalFormat } from "../../spec";
import { computedFigure } from "../figures";
import { LEDGER_TABLE, whenCosts, YES_NO } from "./savingsLedger";

// The savings ledger's version-2 columns and totals: what an initiative is worth in this fiscal year
// (not only a full year at the new rate), one-offs counted once, and initiatives that lower the same
// bill flagged so their values are not simply added. The FinOps Framework counts savings and cost
// avoidance "achieved" in a period; a year's value at the run rate (annualised) is how a saving is
// sized, the in-year value is what the year's accounts see. docs/TEMPLATES.md gives both definitions.

/** Keys of the version-2 totals, for links from other templates. */
export const IN_YEAR_FIGURES = {
  inYearTotal: "inYearValueTotal",
  inYearValidatedTotal: "inYearValidatedTotal",
  overlapsToCheck: "ledgerOverlapsToCheck",
} as const;

/** What the overlap column says on both initiatives of a shared bill. */
export const SAME_BILL_FLAG = "Same bill: check";

export const IN_YEAR_COLUMNS: readonly ColumnSpec[] = [
  {
    key: "recurring",
    header: "Recurring",
    kind: "input",
    type: "text",
    width: 11,
    list: YES_NO,
    help: "Y: the lower cost continues month after month. N: a one-off (an anomaly stopped once), counted once. Blank counts as Y.",
  },
  {
    key: "monthsInYear",
    header: "Months in fiscal year",
    kind: "input",
    type: "integer",
    min: 0,
    max: 12,
    help: "Months of this fiscal year the lower cost applies, realised or expected: a saving from April in a January year is 9. A one-off in this year: 1.",
  },
  {
    key: "inYear",
    header: "In-year value",
    kind: "computed",
    type: "currency",
    // Blank until the costs and the months are entered (no zero that looks like a result).
    expr: whenCosts(
      ifBlank(col("monthsInYear"), str(""), mul(col("monthly"), col("monthsInYear")))
    ),
  },
  {
    key: "sameBill",
    header: "Same bill as",
    kind: "input",
    type: "text",
    width: 12,
    help: "The ID of another initiative that lowers the same bill, if any (a commitment and a rightsizing of the same instances).",
  },
  {
    key: "overlap",
    header: "Overlap",
    kind: "computed",
    type: "text",
    width: 16,
    // Flagged when this row names another initiative, or another names this one.
    expr: ifCompare(
      ">",
      add(
        countIf(column(LEDGER_TABLE, "id"), col("sameBill")),
        countIf(column(LEDGER_TABLE, "sameBill"), col("id"))
      ),
      num(0),
      str(SAME_BILL_FLAG),
      str("")
    ),
  },
];

export const IN_YEAR_FORMATS: readonly ConditionalFormat[] = [
  { column: "overlap", when: "equals", text: SAME_BILL_FLAG, highlight: "neutral" },
];

export function inYearBlock(options: TemplateOptions): Block {
  const inYear = column(LEDGER_TABLE, "inYear");
  return {
    kind: "figures",
    heading: `In ${fiscalYearLabel(options)}`,
    items: [
      computedFigure(
        IN_YEAR_FIGURES.inYearTotal,
        "InYearValueTotal",
        "Value in the fiscal year, realised and expected (all rows)",
        "currency",
        sum(inYear)
      ),
      computedFigure(
        IN_YEAR_FIGURES.inYearValidatedTotal,
        "InYearValidatedTotal",
        "Value in the fiscal year validated by finance",
        "currency",
        sumIf(column(LEDGER_TABLE, "validated"), "Y", inYear)
      ),
      computedFigure(
        IN_YEAR_FIGURES.overlapsToCheck,
        "LedgerOverlapsToCheck",
        "Initiatives sharing a bill with another (check before adding)",
        "integer",
        countIf(column(LEDGER_TABLE, "overlap"), SAME_BILL_FLAG)
      ),
    ],
  };
}
