import { FocusGrouping } from "../focusTypes";
import {
  and,
  bool,
  coalesce,
  column,
  eq,
  Expr,
  ge,
  gt,
  isNull,
  minus,
  ne,
  not,
  nullText,
  num,
  or,
  ref,
  tagPresent,
  tagValue,
  text,
  upper,
  utcMonth,
  when,
} from "./queryExpression";

// The Cost data sheet's sums as one grouped query, written once from the aggregator's rules
// (focusAggregator.ts; docs/FOCUS.md "Measures and double counting") and rendered per engine. The
// result holds raw sums only: toAggregate derives every measure on import, as for a file.

/** The result's group column per grouping (none by month): its name says the grouping. */
export const GROUP_COLUMNS = {
  subAccount: "sub_account_id",
  serviceCategory: "service_category",
  tag: "tag_value",
} as const;

/** The result's key columns besides the group: the UTC month and the billing currency. */
export const MONTH_COLUMN = "month";
export const CURRENCY_COLUMN = "billing_currency";

/** The sums, in the result's order, each with the FocusSums field it fills. */
export const SUM_COLUMNS = [
  ["billed_cost", "billedCost"],
  ["effective_cost", "effectiveCost"],
  ["list_cost", "listCost"],
  ["contracted_cost", "contractedCost"],
  ["commitment_used_cost", "commitmentUsedCost"],
  ["commitment_unused_cost", "commitmentUnusedCost"],
  ["covered_list_cost", "coveredListCost"],
  ["on_demand_list_cost", "onDemandListCost"],
  ["allocated_cost", "allocatedCost"],
  ["hubs_list_cost", "hubsListCost"],
  ["hubs_total_savings", "hubsTotalSavings"],
] as const;

export type SumColumn = (typeof SUM_COLUMNS)[number][0];

/** Rows per result row, and how many of them have a group value (all or none: it tells "" from no group). */
export const COUNT_COLUMNS = ["row_count", "grouped_rows"] as const;

/** The row value saying whether a row has a group value; the KQL rendering groups by it too. */
export const HAS_GROUP = "has_group";

export type QueryColumn =
  | { readonly name: string; readonly kind: "sum"; readonly of: Expr }
  /** COUNT of the rows where `where` holds (every row when absent). */
  | { readonly name: string; readonly kind: "count"; readonly where?: Expr };

export interface MonthlyQuery {
  /** Rows left out: those without a ChargePeriodStart (the aggregator reports and skips them). */
  readonly where: Expr;
  /**
   * Computed first for every FOCUS row, from its columns: the result's keys and what the sums read,
   * so each rule is written once (a SQL WITH, KQL's extend). Never NULL but the group.
   */
  readonly rowValues: readonly { readonly name: string; readonly value: Expr }[];
  /** The row values the result is grouped by, in order: month, the group column (if any), currency. */
  readonly keys: readonly string[];
  /** The group column's name, or null by month. */
  readonly groupColumn: string | null;
  /** After the keys, in this order; over the row values (refs). */
  readonly columns: readonly QueryColumn[];
}

const amount = (name: string) => coalesce(column(name, "number"), num(0));
/** A text column only compared with FOCUS values ("Usage"...): NULL as "", the text NULL equals none. */
const label = (name: string) => coalesce(column(name, "text"), text(""));
/**
 * A text column the result shows (currency, group), "" when missing: NULL, empty, or the text NULL in
 * any case (the aggregator's missing value, focusValues.ts; a table loaded from CSV may hold such text).
 */
function shown(name: string): Expr {
  const value = label(name);
  return when(eq(upper(value), text("NULL")), text(""), value);
}
/** Whether a shown text column has a value. */
const present = (name: string) => ne(shown(name), text(""));

/** The query for a grouping; the rules mirror focusAggregator.ts line by line. */
export function monthlyQuery(grouping: FocusGrouping): MonthlyQuery {
  const category = label("ChargeCategory");
  const effectiveAmount = amount("EffectiveCost");
  let groupColumn: string | null = null;
  let grouped: Expr = bool(false);
  let group: Expr = nullText;
  if (grouping.by === "tag") {
    groupColumn = GROUP_COLUMNS.tag;
    grouped = tagPresent(grouping.key);
    group = when(grouped, tagValue(grouping.key), nullText);
  } else if (grouping.by !== "month") {
    const name = grouping.by === "subAccount" ? "SubAccountId" : "ServiceCategory";
    groupColumn = GROUP_COLUMNS[grouping.by];
    grouped = present(name);
    group = when(grouped, shown(name), nullText);
  }
  const rowValues = [
    { name: MONTH_COLUMN, value: utcMonth },
    ...(groupColumn === null ? [] : [{ name: groupColumn, value: group }]),
    { name: CURRENCY_COLUMN, value: shown("BillingCurrency") },
    { name: HAS_GROUP, value: grouped },
    { name: "billed_amount", value: amount("BilledCost") },
    { name: "effective_amount", value: effectiveAmount },
    { name: "list_amount", value: amount("ListCost") },
    // FOCUS: Contracted Cost defaults to List Cost when no negotiated discount applies.
    {
      name: "contracted_amount",
      value: coalesce(column("ContractedCost", "number"), amount("ListCost")),
    },
    { name: "commitment_status", value: label("CommitmentDiscountStatus") },
    // Prepayments amortised onto usage (and their tax) add only their billed cost.
    {
      name: "is_prepaid",
      value: and(
        eq(effectiveAmount, num(0)),
        or(eq(category, text("Purchase")), eq(category, text("Tax")))
      ),
    },
    {
      name: "is_on_demand",
      value: and(eq(category, text("Usage")), eq(label("PricingCategory"), text("Standard"))),
    },
  ];

  const billed = ref("billed_amount");
  const effective = ref("effective_amount");
  const list = ref("list_amount");
  const prepaid = ref("is_prepaid");
  const hasGroup = ref(HAS_GROUP);
  const used = eq(ref("commitment_status"), text("Used"));
  const unused = eq(ref("commitment_status"), text("Unused"));
  const atList = and(not(prepaid), not(unused));
  const rowSavings = minus(list, effective);
  const sumIf = (condition: Expr, value: Expr) => when(condition, value, num(0));
  const sums: Record<SumColumn, Expr> = {
    billed_cost: billed,
    effective_cost: effective,
    list_cost: sumIf(atList, list),
    contracted_cost: sumIf(atList, ref("contracted_amount")),
    commitment_used_cost: sumIf(used, effective),
    commitment_unused_cost: sumIf(unused, effective),
    covered_list_cost: sumIf(used, list),
    on_demand_list_cost: sumIf(and(not(used), not(unused), ref("is_on_demand")), list),
    // Allocation is tracked for a tag only: the effective cost of rows carrying the key.
    allocated_cost: grouping.by === "tag" ? sumIf(hasGroup, effective) : num(0),
    // The FinOps hubs' rule: prepayments out, savings per row clamped at 0 (0.0001 tolerance).
    hubs_list_cost: sumIf(not(prepaid), list),
    hubs_total_savings: sumIf(
      and(not(prepaid), gt(list, num(0)), ge(rowSavings, num(0.0001))),
      rowSavings
    ),
  };
  return {
    where: not(isNull(column("ChargePeriodStart", "time"))),
    rowValues,
    keys: [MONTH_COLUMN, ...(groupColumn === null ? [] : [groupColumn]), CURRENCY_COLUMN],
    groupColumn,
    columns: [
      { name: "row_count", kind: "count" },
      ...SUM_COLUMNS.map(([name]): QueryColumn => ({ name, kind: "sum", of: sums[name] })),
      { name: "grouped_rows", kind: "count", where: hasGroup },
    ],
  };
}
