import { FOCUS_AMOUNT_COLUMNS, FOCUS_COLUMNS_READ } from "./focusColumns";
import { ABSENT, INVALID, tagValue } from "./focusTags";
import type { FocusGrouping } from "./focusTypes";
import { isMissing, parseDecimal, utcMonthOf } from "./focusValues";

// Rows of a typed file (Parquet, as hyparquet decodes it) for the aggregator: the same rules as a CSV
// row (focusAggregator.ts), on values that already have their types. What a column may hold:
// - ChargePeriodStart: epoch milliseconds (a TIMESTAMP or DATE column; without a zone it is UTC, as FOCUS
//   says), or ISO 8601 text (a string column), or null.
// - Amounts: a number (DOUBLE, FLOAT, DECIMAL, INT32), a bigint (INT64), decimal text, or null (0).
// - Text columns: a string or null; Tags also a MAP (an object of key to value) or a list of
//   {key, value} entries, besides JSON text.

/**
 * A typed file's consumer. `columnsRead`: the file's columns the aggregation reads, so the reader loads
 * only those. `rowGroup`: one row group's values of those columns (missing ones absent), `count` rows,
 * the first of which is row `firstRow` of the file (1-based); `group` is the 1-based row group.
 */
export interface FocusTypedFile {
  readonly columnsRead: readonly string[];
  rowGroup(
    group: number,
    firstRow: number,
    count: number,
    values: ReadonlyMap<string, ArrayLike<unknown>>
  ): void;
}

/** What a typed file needs from its aggregator: where rows go, and how problems are reported. */
export interface TypedRowSink {
  readonly grouping: FocusGrouping;
  /** The column grouped by besides the month, if any. */
  readonly groupColumn: string | null;
  readonly tagKey: string;
  readonly quotedTagKey: string;
  countRows(count: number): void;
  skip(
    file: string,
    line: number,
    rowGroup: number,
    column: string | undefined,
    message: string
  ): void;
  tagsNotObject(file: string, line: number, rowGroup: number): void;
  addRow(
    file: string,
    line: number,
    rowGroup: number,
    month: string,
    group: string | null,
    tagged: boolean,
    currency: string,
    billed: number,
    effective: number,
    list: number,
    contracted: number,
    category: string,
    status: string,
    standard: boolean
  ): void;
}

/** Distinct ChargePeriodStart texts remembered per file, as for CSV. */
const MONTH_CACHE_LIMIT = 100_000;

type Column = ArrayLike<unknown> | undefined;

export function createTypedFile(
  name: string,
  columns: readonly string[],
  sink: TypedRowSink
): FocusTypedFile {
  const { grouping, groupColumn, tagKey, quotedTagKey } = sink;
  const columnsRead = [...FOCUS_COLUMNS_READ, groupColumn].filter(
    (column): column is string => column !== null && columns.includes(column)
  );
  const texts = new Map<string, string | null>();
  const months = new UtcMonths();

  function monthOf(start: unknown): string | null {
    if (typeof start === "number") return months.of(start);
    if (typeof start !== "string" || isMissing(start)) return null;
    let month = texts.get(start);
    if (month === undefined) {
      month = utcMonthOf(start);
      if (texts.size >= MONTH_CACHE_LIMIT) texts.clear();
      texts.set(start, month);
    }
    return month;
  }

  function rowGroup(
    group: number,
    firstRow: number,
    count: number,
    values: ReadonlyMap<string, ArrayLike<unknown>>
  ): void {
    const starts = values.get("ChargePeriodStart") as ArrayLike<unknown>;
    const [billedColumn, effectiveColumn, listColumn, contractedColumn] = FOCUS_AMOUNT_COLUMNS.map(
      (column) => values.get(column)
    );
    const currencies = values.get("BillingCurrency");
    const categories = values.get("ChargeCategory");
    const statuses = values.get("CommitmentDiscountStatus");
    const pricings = values.get("PricingCategory");
    const groups = groupColumn === null ? undefined : values.get(groupColumn);
    const byTag = grouping.by === "tag";
    sink.countRows(count);
    for (let r = 0; r < count; r++) {
      const line = firstRow + r;
      const start = starts[r];
      const month = monthOf(start);
      if (month === null) {
        sink.skip(name, line, group, "ChargePeriodStart", badStart(start));
        continue;
      }
      const billed = amountOf(billedColumn, r);
      const effective = amountOf(effectiveColumn, r);
      const list = amountOf(listColumn, r);
      // FOCUS: ContractedCost defaults to ListCost (see focusAggregator.ts).
      const contracted = isAbsent(contractedColumn, r) ? list : amountOf(contractedColumn, r);
      if (
        billed !== billed ||
        effective !== effective ||
        list !== list ||
        contracted !== contracted
      ) {
        const bad = [billed, effective, list, contracted].findIndex((value) => value !== value);
        const column = FOCUS_AMOUNT_COLUMNS[bad];
        const value = [billedColumn, effectiveColumn, listColumn, contractedColumn][bad]?.[r];
        sink.skip(name, line, group, column, badAmount(column, value));
        continue;
      }
      const currencyValue = currencies?.[r];
      const currency =
        typeof currencyValue === "string"
          ? isMissing(currencyValue)
            ? ""
            : currencyValue
          : textOf(currencyValue);
      let groupValue: string | null = null;
      let tagged = false;
      if (groups !== undefined) {
        const value = groups[r];
        if (byTag) {
          const found = tagOf(value, tagKey, quotedTagKey);
          if (found === INVALID) sink.tagsNotObject(name, line, group);
          else if (found !== ABSENT) {
            groupValue = found;
            tagged = true;
          }
        } else {
          const text = textOf(value);
          if (!isMissing(text)) groupValue = text;
        }
      }
      sink.addRow(
        name,
        line,
        group,
        month,
        groupValue,
        tagged,
        currency,
        billed,
        effective,
        list,
        contracted,
        textOf(categories?.[r]),
        textOf(statuses?.[r]),
        pricings?.[r] === "Standard"
      );
    }
  }

  return { columnsRead, rowGroup };
}

/** NULL, or missing text ("" or "NULL", as in CSV): counts as no value. */
function isAbsent(column: Column, row: number): boolean {
  if (column === undefined) return true;
  const value = column[row];
  return value === null || value === undefined || (typeof value === "string" && isMissing(value));
}

/** An amount; 0 when missing, NaN when not a finite number. */
function amountOf(column: Column, row: number): number {
  if (column === undefined) return 0;
  const value = column[row];
  if (typeof value === "number") return Number.isFinite(value) ? value : NaN;
  if (value === null || value === undefined) return 0;
  if (typeof value === "bigint") return Number(value);
  if (typeof value === "string") return isMissing(value) ? 0 : parseDecimal(value);
  return NaN;
}

/** Text of a text column: "" for NULL; a number or bigint (an ID stored as one) as its digits. */
function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

function badStart(start: unknown): string {
  if (start === null || start === undefined) return "ChargePeriodStart is empty (NULL).";
  if (typeof start === "number")
    return `ChargePeriodStart (${start} ms) is not a date in years 0 to 9999.`;
  return `ChargePeriodStart "${textOf(start)}" is not an ISO 8601 date.`;
}

function badAmount(column: string, value: unknown): string {
  if (typeof value === "number") return `${column} is ${value}, not a finite number.`;
  return `${column} "${textOf(value)}" is not a number.`;
}

/** The value of the tag key in a Tags value of any layout: JSON text, a MAP, or a list of entries. */
function tagOf(
  tags: unknown,
  key: string,
  quotedKey: string
): string | typeof ABSENT | typeof INVALID {
  if (tags === null || tags === undefined) return ABSENT;
  if (typeof tags === "string") return isMissing(tags) ? ABSENT : tagValue(tags, key, quotedKey);
  if (Array.isArray(tags)) {
    let found: string | typeof ABSENT = ABSENT;
    for (const entry of tags as unknown[]) {
      if (typeof entry !== "object" || entry === null || !("key" in entry)) return INVALID;
      if (entry.key === key) found = "value" in entry ? tagText(entry.value) : "";
    }
    return found;
  }
  if (typeof tags !== "object") return INVALID;
  if (!Object.prototype.hasOwnProperty.call(tags, key)) return ABSENT;
  return tagText((tags as Record<string, unknown>)[key]);
}

/** A tag's value as the JSON path gives it: null (a key-only tag) is "". */
function tagText(value: unknown): string {
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/**
 * The UTC month of epoch milliseconds, remembering the last month's bounds: rows of one month mostly
 * follow each other, so most rows cost two comparisons.
 */
class UtcMonths {
  private from = 0;
  private to = 0;
  private month = "";

  of(time: number): string | null {
    if (time >= this.from && time < this.to) return this.month;
    const date = new Date(time);
    const year = date.getUTCFullYear();
    if (!(year >= 0 && year <= 9999)) return null; // NaN for an invalid date
    const month = date.getUTCMonth();
    this.from = new Date(0).setUTCFullYear(year, month, 1);
    this.to = new Date(0).setUTCFullYear(year, month + 1, 1);
    this.month = `${String(year).padStart(4, "0")}-${String(month + 1).padStart(2, "0")}`;
    return this.month;
  }
}
