import { currencyFormat, TemplateOptions } from "./options";
import { ValueType } from "./spec";

/** The Excel number format each value type is shown with. */
export function numberFormatFor(type: ValueType, options: TemplateOptions): string {
  switch (type) {
    case "currency":
      return currencyFormat(options.currency);
    case "percent":
      return "0.0%";
    case "integer":
      return "#,##0";
    case "number":
      return "#,##0.00";
    case "fte":
      return "0.00";
    case "score":
      return "0.0";
    case "points":
      return '+0.0" pts";-0.0" pts";0.0" pts"';
    case "ratio":
      return '0.00"x"';
    case "date":
      return "yyyy-mm-dd";
    case "text":
      return "General";
  }
}

/** Column width in characters when a column does not set one. */
export function defaultWidth(type: ValueType): number {
  switch (type) {
    case "text":
      return 24;
    case "currency":
      return 13;
    case "date":
      return 12;
    case "percent":
    case "integer":
    case "number":
      return 11;
    case "fte":
    case "score":
    case "ratio":
      return 9;
    case "points":
      return 11;
  }
}
