/**
 * How the pane and the CLI write figures in sentences: one formatter for money, percentages and
 * months, so a figure reads the same on every screen ("52% -> 25%" in the preview and the summary).
 * English (the pane's language), whatever the machine's locale: a finance reader sees one spelling.
 */
import { periodAt } from "./options";

const LOCALE = "en-US";

/** 0 for a value that shows as zero at `digits` decimals: written "0", never "-0" (a tiny negative rate). */
function shown(value: number, digits: number): number {
  return Math.abs(value) < 0.5 / 10 ** digits ? 0 : value;
}

/** "$1,234,568" for 1234567.8 in USD; whole units (cents belong on the sheet, not in a sentence). */
export function moneyText(amount: number, currency: string): string {
  if (!/^[A-Z]{3}$/.test(currency))
    return shown(amount, 0).toLocaleString(LOCALE, { maximumFractionDigits: 0 });
  return shown(amount, 0).toLocaleString(LOCALE, {
    style: "currency",
    currency,
    maximumFractionDigits: 0,
    minimumFractionDigits: 0,
  });
}

/** "62%" for 0.62; `digits` decimals when a whole percent would hide the difference. */
export function fractionText(fraction: number, digits = 0): string {
  return `${shown(fraction * 100, digits).toLocaleString(LOCALE, { maximumFractionDigits: digits })}%`;
}

/** "23.4%" for 23.4: the KPI tracker holds its rates in percent. */
export function percentText(percent: number): string {
  return `${shown(percent, 2).toLocaleString(LOCALE, { maximumFractionDigits: 2 })}%`;
}

const monthOf = (year: string, month: string) =>
  Number(month) >= 1 && Number(month) <= 12 ? periodAt(Number(year), Number(month), 0).label : null;

/** "Jan 2026" for "2026-01" (the sheets' own spelling of a month); anything else as it is. */
export function monthText(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return (match && monthOf(match[1], match[2])) ?? month;
}

/** "7 Dec 2026, 07:00 UTC" for "2026-12-07T07:00Z". */
export function dateTimeText(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}:\d{2})/.exec(iso);
  const month = match && monthOf(match[1], match[2]);
  return match && month ? `${Number(match[3])} ${month}, ${match[4]} UTC` : iso;
}
