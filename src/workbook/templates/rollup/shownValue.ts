import { CellValue } from "../../../domain/cellValue";
import { moneyText } from "../../displayText";

/**
 * A figure of the Sources table as its department's sheet shows it ("42.2%", "$609,850", "2.75"),
 * not as the raw double the cell holds. Text, because one column lists figures of every kind and the
 * health check, planned from the roll-up's recorded options (no rows), would take a row's own number
 * format for a lost one and Repair would reset it. The numbers themselves are in the roll-up's other
 * tables, and at the cell the row names.
 */
export type Shown =
  /** A share of the top score, a target or a return: the templates' 0.0%. */
  | { readonly as: "share" }
  /** An amount in the department's currency, whole units. */
  | { readonly as: "money"; readonly currency: string }
  | { readonly as: "fte" }
  /** A KPI's value in its unit as the tracker labels it ("%", "USD", "USD per order", "count"). */
  | { readonly as: "kpi"; readonly unit: string }
  /** Text or a count: as it is. */
  | { readonly as: "plain" };

const LOCALE = "en-US";

const fixed = (value: number, digits: number) =>
  value.toLocaleString(LOCALE, { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** "$0.52": a unit cost shows cents, as the tracker's currency-per-order format does. */
function cents(value: number, currency: string): string {
  return /^[A-Z]{3}$/.test(currency)
    ? value.toLocaleString(LOCALE, { style: "currency", currency, minimumFractionDigits: 2 })
    : fixed(value, 2);
}

/** The KPI tracker's unit formats (kpiTracker.ts): percentages are held in points (72 for 72%). */
function kpiText(value: number, unit: string): string {
  const currency = /^([A-Z]{3})( per order)?$/.exec(unit.trim());
  if (currency) return currency[2] ? cents(value, currency[1]) : moneyText(value, currency[1]);
  switch (unit.trim().toLowerCase()) {
    case "%":
      return `${fixed(value, 1)}%`;
    case "score 1-5":
      return fixed(value, 1);
    case "count":
      return fixed(value, 0);
    default:
      return value.toLocaleString(LOCALE, { maximumFractionDigits: 2 });
  }
}

export function shownValue(value: CellValue, shown: Shown): CellValue {
  if (typeof value !== "number") return value;
  switch (shown.as) {
    case "share":
      return `${fixed(value * 100, 1)}%`;
    case "money":
      return moneyText(value, shown.currency);
    case "fte":
      return fixed(value, 2);
    case "kpi":
      return kpiText(value, shown.unit);
    case "plain":
      return value.toLocaleString(LOCALE, { maximumFractionDigits: 2 });
  }
}
