import { gzipSync } from "zlib";

/** The FOCUS 1.0 columns a small test file needs (the aggregator asks for no others). */
const HEADER = [
  "BilledCost",
  "BillingCurrency",
  "ChargeCategory",
  "ChargePeriodStart",
  "CommitmentDiscountStatus",
  "ContractedCost",
  "EffectiveCost",
  "ListCost",
  "PricingCategory",
  "ServiceCategory",
  "SubAccountId",
  "Tags",
];

export interface FocusFileOptions {
  readonly currency?: (month: string, row: number) => string;
  /** Extra raw lines appended (bad rows). */
  readonly extra?: readonly string[];
}

/**
 * A FOCUS CSV with `rowsPerMonth` rows in each month: on-demand usage at list 10 / contracted 9 /
 * effective 9, and every third row commitment-covered usage (effective 6), so each month has a savings
 * rate, coverage and utilisation for the KPI tracker.
 */
export function focusCsv(
  months: readonly string[],
  rowsPerMonth = 6,
  options: FocusFileOptions = {}
): string {
  const lines = [HEADER.join(",")];
  for (const month of months)
    for (let r = 0; r < rowsPerMonth; r++) {
      const committed = r % 3 === 0;
      const currency = options.currency?.(month, r) ?? "USD";
      lines.push(
        [
          committed ? "0" : "9",
          currency,
          "Usage",
          `${month}-0${1 + (r % 9)}T00:00:00Z`,
          committed ? "Used" : "",
          "9",
          committed ? "6" : "9",
          "10",
          committed ? "Committed" : "Standard",
          r % 2 ? "Compute" : "Storage",
          `sub-${r % 2}`,
          `"{""team"":""t${r % 2}""}"`,
        ].join(",")
      );
    }
  return `${[...lines, ...(options.extra ?? [])].join("\n")}\n`;
}

export const gzipText = (text: string): Buffer => gzipSync(Buffer.from(text));
