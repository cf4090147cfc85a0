import fc from "fast-check";
import { FOCUS_REQUIRED_COLUMNS } from "../../src/domain/focus/focusColumns";
import { FocusDecimalMark, FocusDelimiter, FocusVersion } from "../../src/domain/focus/focusTypes";

// Generated FOCUS files (fast-check) for the property tests: random rows written as a file of a
// version, in FOCUS's own form or as a spreadsheet saves CSV in other locales (";" or tab between
// values, decimal commas, thousands grouped), so the same rows can be read both ways.

/** A column each version introduced, so the file is detected as that version. */
const MARKER: Record<FocusVersion, string | null> = {
  "1.0": null,
  "1.1": "SkuMeter",
  "1.2": "InvoiceId",
  "1.3": "ServiceProviderName",
};

export interface Row {
  day: number;
  month: number;
  currency: "USD" | "EUR";
  category: "Usage" | "Purchase" | "Tax";
  status: "" | "Used" | "Unused";
  pricing: "Standard" | "Committed";
  /** Amounts in cents, written with two decimals. */
  billed: number;
  effective: number;
  list: number;
  contracted: number;
  service: string;
  sub: string;
  team: string | null;
  description: string;
  /** A bad amount or date, or a field too many: the row is left out. */
  broken: "" | "amount" | "date" | "width";
}

const text = fc.constantFrom(
  "Zürich",
  "a;b\tc",
  "東京",
  'Straße, "Nord"',
  "a\nb",
  "€ 5",
  "😀",
  "=1+1",
  "plain"
);
const row: fc.Arbitrary<Row> = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 3 }),
  currency: fc.constantFrom<"USD" | "EUR">("USD", "USD", "EUR"),
  category: fc.constantFrom<"Usage" | "Purchase" | "Tax">("Usage", "Usage", "Purchase", "Tax"),
  status: fc.constantFrom<"" | "Used" | "Unused">("", "Used", "Unused"),
  pricing: fc.constantFrom<"Standard" | "Committed">("Standard", "Committed"),
  billed: fc.integer({ min: -500, max: 10_000_000 }),
  effective: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 10_000_000 })),
  list: fc.integer({ min: 0, max: 10_000_000 }),
  contracted: fc.integer({ min: 0, max: 10_000_000 }),
  service: fc.constantFrom("Compute", "Storage", "Databases"),
  sub: fc.constantFrom("sub-1", "sub-2", "Zürich-Ω"),
  team: fc.option(text, { nil: null }),
  description: text,
  broken: fc.constantFrom<"" | "amount" | "date" | "width">(
    "",
    "",
    "",
    "",
    "amount",
    "date",
    "width"
  ),
});

/** How a file is written: FOCUS's own is commas between values and decimal points, no grouping. */
export interface Dialect {
  readonly delimiter: FocusDelimiter;
  readonly decimalMark: FocusDecimalMark;
  /** Thousands grouped with the other mark ("1.234,56"), as a number format with thousands writes them. */
  readonly thousands?: boolean;
}

const FOCUS_DIALECT: Dialect = { delimiter: ",", decimalMark: "." };

/** An amount in cents with two decimals, in the dialect's marks. */
function amount(value: number, dialect: Dialect): string {
  const [whole, fraction] = (value / 100).toFixed(2).split(".");
  const group = dialect.decimalMark === "." ? "," : ".";
  const grouped = dialect.thousands ? whole.replace(/\B(?=(\d{3})+$)/g, group) : whole;
  return `${grouped}${dialect.decimalMark}${fraction}`;
}

const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** A FOCUS file of the version's required columns plus those the aggregation reads, in shuffled order. */
export function focusFile(
  version: FocusVersion,
  rows: Row[],
  order: number[],
  newline: string,
  dialect: Dialect = FOCUS_DIALECT
): string {
  const d = dialect.delimiter;
  const columns = [
    ...new Set([
      ...FOCUS_REQUIRED_COLUMNS[version],
      ...(MARKER[version] ? [MARKER[version] as string] : []),
      "CommitmentDiscountStatus",
      "PricingCategory",
      "SubAccountId",
      "Tags",
    ]),
  ];
  const sorted = columns
    .map((column, i) => [column, order[i % order.length] ?? i] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([column]) => column);
  const lines = [sorted.join(d)];
  for (const r of rows) {
    const values: Record<string, string> = {
      ChargePeriodStart:
        r.broken === "date"
          ? "4/1/25"
          : `2026-0${r.month}-${String(r.day).padStart(2, "0")}T00:00:00Z`,
      BilledCost: r.broken === "amount" ? '"$1,000.00"' : amount(r.billed, dialect),
      EffectiveCost: amount(r.effective, dialect),
      ListCost: amount(r.list, dialect),
      ContractedCost: amount(r.contracted, dialect),
      BillingCurrency: r.currency,
      ChargeCategory: r.category,
      CommitmentDiscountStatus: r.status,
      PricingCategory: r.pricing,
      ServiceCategory: r.service,
      SubAccountId: quoted(r.sub),
      ChargeDescription: quoted(r.description),
      Tags: quoted(
        JSON.stringify(r.team === null ? { env: "prod" } : { env: "prod", team: r.team })
      ),
    };
    const line = sorted.map((column) => values[column] ?? "x").join(d);
    lines.push(r.broken === "width" ? `${line}${d}"one, too many"` : line);
  }
  return lines.join(newline) + newline;
}

/** Random rows, a column order and a line break: a file's content before it is written. */
export const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  order: fc.array(fc.nat(100), { minLength: 1, maxLength: 30 }),
  newline: fc.constantFrom("\n", "\r\n"),
});
