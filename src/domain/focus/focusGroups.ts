import { FocusSums } from "./focusMeasures";

// What the aggregator and the warehouse result's reader (focusAggregatesCsv.ts) must agree on, so an
// import of a query result lists its rows and warnings exactly as an import of the files: the key of
// one month, group and currency, the order of the aggregates, and the warning for a second currency.

/** One month, group and currency; a null group (no value) never equals a group "" or any text. */
export function groupKey(month: string, group: string | null, currency: string): string {
  return `${month}\u001f${group === null ? "\u0000" : "\u0001" + group}\u001f${currency}`;
}

/** Sorts by month, group (rows without a group value first), then currency; in place. */
export function sortSums(sums: FocusSums[]): FocusSums[] {
  return sums.sort(
    (a, b) =>
      compareText(a.month, b.month) ||
      compareGroup(a.group, b.group) ||
      compareText(a.currency, b.currency)
  );
}

/** Code-unit order, the same in every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareGroup(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}

/** The warning when `currencies`' last one appears besides the others (all in order of appearance). */
export function currencyWarning(currencies: readonly string[]): string {
  const name = (c: string) => `"${c || "(none)"}"`;
  return `Billing currency ${name(currencies[currencies.length - 1])} appears besides ${currencies
    .slice(0, -1)
    .map(name)
    .join(", ")}: each currency gets its own aggregates, never added together.`;
}
