import type { DepartmentSubmission } from "./submission";

/**
 * Rates typed in an earlier roll-up convert to that roll-up's currency, so they are carried only into
 * a roll-up in the same currency: a USD rate kept in a EUR roll-up would convert by the wrong amount.
 */
export function carriedRates(
  previous: { readonly rates: Readonly<Record<string, number>>; readonly ratesTo: string | null },
  currency: string
): Readonly<Record<string, number>> {
  return previous.ratesTo === currency ? previous.rates : {};
}

/**
 * The departments whose amounts no rate converts yet, said as the roll-up leaves them: out of the
 * enterprise totals until the finance team types the rate. Undefined when every department has one.
 */
export function missingRatesNote(
  submissions: readonly DepartmentSubmission[],
  currency: string,
  rates: Readonly<Record<string, number>>
): string | undefined {
  const missing = submissions.filter((s) => s.currency !== currency && !(rates[s.currency] > 0));
  if (missing.length === 0) return undefined;
  const names = missing.map((s) => `"${s.department}" (${s.currency})`).join(", ");
  return (
    `No rate to ${currency} yet for ${names}: type each in the Rate to ${currency} column of the ` +
    `Enterprise roll-up sheet. Until then those departments are left out of the enterprise totals.`
  );
}
