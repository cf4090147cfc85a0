import { CellValue } from "../../domain/cellValue";
import { commitmentWaste } from "../../domain/commitments";
import { FocusSums, toAggregate } from "../../domain/focus/focusMeasures";
import { FocusAggregate, FocusImport } from "../../domain/focus/focusTypes";
import { FormulaError } from "../../domain/formulaError";
import { cellAddress, rangeBounds } from "../addresses";
import { percentText } from "../displayText";
import { periodAt } from "../options";

/**
 * Which KPI tracker rows a FOCUS import fills, by KPI id (the ID column: stable, while names and
 * descriptions are the user's to retype). All five are rates, shown in the tracker in percent, so a
 * month's value does not depend on its currency; a month billed in several currencies is still left
 * out, because its rate would weigh one currency's amounts against another's. No currency-valued KPI
 * is fed: "Savings delivered" (PO-01) counts what finance validated in the savings ledger, which the
 * discounts in a bill are not.
 */
export const FOCUS_KPI_MEASURES = [
  { kpiId: "KL-01", measure: "effectiveSavingsRate", label: "Effective savings rate" },
  { kpiId: "KL-02", measure: "commitmentCoverage", label: "Commitment coverage" },
  { kpiId: "KL-03", measure: "commitmentUtilisation", label: "Commitment utilisation" },
  { kpiId: "KL-04", measure: "commitmentWaste", label: "Commitment waste" },
  { kpiId: "KL-05", measure: "allocationCoverage", label: "Allocation coverage" },
] as const;

export type FocusKpiMeasure = (typeof FOCUS_KPI_MEASURES)[number]["measure"];

/** The KPI tracker's table as read from the workbook: header row first. */
export interface KpiTrackerGrid {
  readonly sheet: string;
  /** The table's range on its sheet, header row included, e.g. "A9:AC25". */
  readonly address: string;
  readonly values: readonly (readonly CellValue[])[];
  /** The same cells' formulas where a user typed one (text starting with "="), else anything. */
  readonly formulas?: readonly (readonly unknown[])[];
}

/** One KPI cell to write: where, and what it holds before and after. */
export interface KpiActualChange {
  readonly kpiId: string;
  /** The KPI's name as the row shows it. */
  readonly kpi: string;
  /** "2026-01" */
  readonly month: string;
  /** The period column's header, "Jan 2026". */
  readonly period: string;
  readonly sheet: string;
  readonly address: string;
  readonly oldValue: CellValue;
  /** A formula the user typed in the cell, which writing replaces. */
  readonly oldFormula?: string;
  readonly newValue: number;
}

export interface KpiActualsPlan {
  /** Every proposed change, for all available months; apply only the confirmed months' (forPeriods). */
  readonly changes: readonly KpiActualChange[];
  /** Months ("2026-01") with at least one value for the tracker, in order. */
  readonly available: readonly string[];
  /** What is not filled and why. */
  readonly notes: readonly string[];
}

/** A month's measures (fractions), summed over its groups in its one currency. */
export interface MonthMeasures {
  readonly month: string;
  readonly currencies: readonly string[];
  /** Empty when the month has several currencies. */
  readonly values: Partial<Record<FocusKpiMeasure, number>>;
}

function ratio(compute: () => number): number | undefined {
  try {
    return compute();
  } catch (error) {
    if (error instanceof FormulaError) return undefined;
    throw error;
  }
}

/**
 * Each month's rates over all its groups: the groups' sums added (never across currencies) and the
 * measures derived through the aggregator's own toAggregate, so a month grouped by sub account gets
 * exactly the rates of the same data grouped by month alone.
 */
export function monthlyMeasures(result: FocusImport): MonthMeasures[] {
  const byMonth = new Map<string, Map<string, FocusSums>>();
  for (const a of result.aggregates) {
    const currencies = byMonth.get(a.month) ?? new Map<string, FocusSums>();
    byMonth.set(a.month, currencies);
    const sums = currencies.get(a.currency) ?? new FocusSums(a.month, null, a.currency);
    currencies.set(a.currency, sums);
    addTo(sums, a);
  }
  const allocationTracked = result.grouping.by === "tag";
  return [...byMonth.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, currencies]) => {
      if (currencies.size !== 1) return { month, currencies: [...currencies.keys()], values: {} };
      const [sums] = currencies.values();
      const total = toAggregate(sums, allocationTracked);
      const committed = total.commitmentUsedCost + total.commitmentUnusedCost;
      const values: Partial<Record<FocusKpiMeasure, number>> = {};
      const set = (key: FocusKpiMeasure, value: number | null | undefined) => {
        if (value !== null && value !== undefined) values[key] = value;
      };
      set("effectiveSavingsRate", total.effectiveSavingsRate);
      set("commitmentCoverage", total.commitmentCoverage);
      set("commitmentUtilisation", total.commitmentUtilisation);
      set(
        "commitmentWaste",
        committed === 0
          ? undefined
          : ratio(() => commitmentWaste(total.commitmentUnusedCost, committed))
      );
      set("allocationCoverage", total.allocationCoverage);
      return { month, currencies: [sums.currency], values };
    });
}

function addTo(sums: FocusSums, a: FocusAggregate): void {
  sums.rows += a.rows;
  sums.billedCost += a.billedCost;
  sums.effectiveCost += a.effectiveCost;
  sums.listCost += a.listCost;
  sums.contractedCost += a.contractedCost;
  sums.commitmentUsedCost += a.commitmentUsedCost;
  sums.commitmentUnusedCost += a.commitmentUnusedCost;
  sums.coveredListCost += a.commitmentCoveredCost;
  // Eligible = covered + on demand (focusMeasures.ts), so on demand comes back as the difference.
  sums.onDemandListCost += a.commitmentEligibleCost - a.commitmentCoveredCost;
  sums.allocatedCost += a.allocatedCost;
  sums.hubsListCost += a.hubsListCost;
  sums.hubsTotalSavings += a.hubsTotalSavings;
}

/** The tracker shows rates in percent (23.4 for 23.4%); rounded so 0.234 does not become 23.400000000000002. */
export function asPercent(fraction: number): number {
  return Math.round(fraction * 100 * 1e6) / 1e6;
}

/** "Jan 2026" for "2026-01": the tracker's period column header. */
export function periodLabel(month: string): string {
  const [year, monthNumber] = month.split("-").map(Number);
  return periodAt(year, monthNumber, 0).label;
}

/**
 * The KPI cells an import would fill: for each month the tracker has a column for, each mapped KPI
 * row found by its ID, the month's rate in percent, where it differs from what the cell holds.
 */
export function planKpiActuals(
  result: FocusImport,
  grid: KpiTrackerGrid | undefined
): KpiActualsPlan {
  if (!grid) {
    return {
      changes: [],
      available: [],
      notes: ["The workbook has no KPI tracker: only the Cost data sheet is written."],
    };
  }
  const notes: string[] = [];
  const [headers = [], ...rows] = grid.values;
  const column = (header: string) => headers.findIndex((h) => String(h).trim() === header);
  const { top, left } = rangeBounds(grid.address);
  const idColumn = column("ID");
  const kpiColumn = column("KPI");
  const rowOf = new Map<string, number>();
  rows.forEach((row, r) => {
    const id = idColumn < 0 ? "" : String(row[idColumn] ?? "").trim();
    if (id && !rowOf.has(id)) rowOf.set(id, r);
  });
  for (const { kpiId, label } of FOCUS_KPI_MEASURES)
    if (!rowOf.has(kpiId))
      notes.push(
        `${label} is not filled: the tracker has no row with ID ${kpiId} (the ID was changed or the row deleted).`
      );
  if (result.grouping.by !== "tag" && rowOf.has("KL-05"))
    notes.push(
      "Allocation coverage is filled only when the import is grouped by a tag (the share of cost carrying that tag)."
    );

  const changes: KpiActualChange[] = [];
  const available: string[] = [];
  for (const month of monthlyMeasures(result)) {
    const period = periodLabel(month.month);
    const c = column(period);
    if (c < 0) {
      notes.push(`${month.month} is not filled: the KPI tracker has no ${period} column.`);
      continue;
    }
    if (month.currencies.length > 1) {
      notes.push(
        `${month.month} is not filled: it is billed in ${month.currencies.join(" and ")}, and a rate over both would weigh one currency against another.`
      );
      continue;
    }
    let found = false;
    for (const { kpiId, measure } of FOCUS_KPI_MEASURES) {
      const r = rowOf.get(kpiId);
      const fraction = month.values[measure];
      if (r === undefined || fraction === undefined) continue;
      const newValue = asPercent(fraction);
      const oldValue = rows[r][c] ?? null;
      const typed = grid.formulas?.[r + 1]?.[c];
      const oldFormula = typeof typed === "string" && typed.startsWith("=") ? typed : undefined;
      if (oldValue === newValue && !oldFormula) continue;
      changes.push({
        kpiId,
        kpi: kpiColumn < 0 ? kpiId : String(rows[r][kpiColumn] ?? kpiId),
        month: month.month,
        period,
        sheet: grid.sheet,
        address: cellAddress(top + 1 + r, left + c),
        oldValue: oldValue === "" ? null : oldValue,
        ...(oldFormula ? { oldFormula } : {}),
        newValue,
      });
      found = true;
    }
    // A month offered for filling has something to write: one whose cells already hold these values is not.
    if (found) available.push(month.month);
  }
  return { changes, available, notes };
}

/** The changes of the months the user confirmed ("all" for every available month). */
export function forPeriods(
  plan: KpiActualsPlan,
  periods: readonly string[] | "all"
): KpiActualChange[] {
  if (periods === "all") return [...plan.changes];
  const wanted = new Set(periods);
  return plan.changes.filter((c) => wanted.has(c.month));
}

/**
 * A change's value now and the one it gets, as every view writes them: the tracker holds these rates
 * in percent (23.4 for 23.4%), so both read "23.4%"; a formula or text now is quoted as it is.
 */
export function changeValues(change: KpiActualChange): {
  readonly now: string;
  readonly next: string;
} {
  const old = change.oldValue;
  const now =
    change.oldFormula ??
    (old === null || old === undefined || old === ""
      ? "(empty)"
      : typeof old === "number"
        ? percentText(old)
        : String(old));
  return { now, next: percentText(change.newValue) };
}

/** One line per change, old value first: what the preview shows and the summary reports. */
export function describeChange(change: KpiActualChange): string {
  const { now, next } = changeValues(change);
  return `${change.sheet}!${change.address} ${change.kpi}, ${change.period}: ${now} -> ${next}`;
}
