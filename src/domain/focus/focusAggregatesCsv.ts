import { FocusCsvTokenizer, guessNewline, UNTERMINATED_QUOTE } from "./focusCsv";
import { FocusFileError } from "./focusFileError";
import { compareText, currencyWarning, groupKey, sortSums } from "./focusGroups";
import { FocusSums, toAggregate } from "./focusMeasures";
import { FocusGrouping, FocusImport, FocusIssue } from "./focusTypes";
import { isMissing, parseDecimal } from "./focusValues";
import {
  COUNT_COLUMNS,
  CURRENCY_COLUMN,
  GROUP_COLUMNS,
  MONTH_COLUMN,
  SUM_COLUMNS,
} from "./warehouse/monthlyQuery";

// The warehouse path's way back in: the result of the monthly query (warehouse/focusQuery.ts) as an
// engine's console exports it, read into the same FocusImport a file import gives. The sums go
// through toAggregate, so the Cost data sheet's rows are computed exactly as for files. Pure.

export interface FocusAggregatesOptions {
  /** The grouping the user named (--group-by); a tag's key can only come from here. */
  readonly grouping?: FocusGrouping;
}

const GROUPINGS_BY_COLUMN: Record<string, FocusGrouping["by"]> = {
  [GROUP_COLUMNS.subAccount]: "subAccount",
  [GROUP_COLUMNS.serviceCategory]: "serviceCategory",
  [GROUP_COLUMNS.tag]: "tag",
};

const REQUIRED = [MONTH_COLUMN, CURRENCY_COLUMN, ...COUNT_COLUMNS, ...SUM_COLUMNS.map(([c]) => c)];

/**
 * "2026-01", or the first of the month as a date, with at most a UTC midnight time as consoles
 * write DATE_TRUNC's result ("2026-01-01T00:00:00Z", "2026-01-01 00:00:00.000 Z").
 */
const MONTH =
  /^(\d{4}-(?:0[1-9]|1[0-2]))(?:-01(?:[T ]00:00(?::00(?:\.0+)?)? ?(?:Z|UTC|[+-]00(?::?00)?)?)?)?$/;

/** A cheap test of a file's first line: does it look like the query's result rather than FOCUS rows? */
export function looksLikeAggregates(headerLine: string): boolean {
  const tokenizer = new FocusCsvTokenizer("\n");
  const line = headerLine.replace(/^\uFEFF/, "");
  tokenizer.text(line, true);
  const fields: string[] = [];
  if (tokenizer.record(0, fields, null) < 0) return false;
  const columns = new Set(fields.map(normalise));
  return columns.has(MONTH_COLUMN) && columns.has("row_count") && columns.has("effective_cost");
}

/**
 * Reads an exported query result. Throws FocusFileError, located by line, for anything that is not
 * one: missing columns, a grouping the header does not match, a bad month or number, a row repeated.
 */
export function readFocusAggregates(
  name: string,
  text: string,
  options: FocusAggregatesOptions = {}
): FocusImport {
  const records = csvRecords(name, text.replace(/^\uFEFF/, ""));
  const header = records.find((r) => !isBlank(r.fields));
  if (header === undefined)
    throw new FocusFileError("unreadable", name, 0, `${name} is empty: it holds no header.`);
  const columns = header.fields.map(normalise);
  const index = (column: string) => columns.indexOf(column);
  const missing = REQUIRED.filter((c) => index(c) < 0);
  if (missing.length > 0)
    throw new FocusFileError(
      "missingColumns",
      name,
      header.line,
      `${name} lacks the column${missing.length === 1 ? "" : "s"} ${missing.join(", ")}: import-focus --aggregates reads the result of "finops-workbooks focus-query" exported as CSV.`
    );
  const grouping = groupingOf(name, header.line, columns, options.grouping);
  const groupColumn = grouping.by === "month" ? -1 : index(GROUP_COLUMNS[grouping.by]);
  const iMonth = index(MONTH_COLUMN);
  const iCurrency = index(CURRENCY_COLUMN);
  const iRows = index("row_count");
  const iGrouped = index("grouped_rows");
  const sumIndexes = SUM_COLUMNS.map(([column, field]) => [index(column), column, field] as const);

  const seen = new Map<string, number>();
  const all: FocusSums[] = [];
  const currencies: string[] = [];
  const issues: FocusIssue[] = [];
  let rowsRead = 0;
  for (const { fields, line } of records) {
    if (line <= header.line || isBlank(fields)) continue;
    const bad = (message: string): never => {
      throw new FocusFileError("malformed", name, line, `${name}, line ${line}: ${message}`);
    };
    if (fields.length !== columns.length)
      bad(`${fields.length} values where the header has ${columns.length}.`);
    const monthText = fields[iMonth].trim();
    const month = MONTH.exec(monthText)?.[1];
    if (month === undefined)
      bad(`${MONTH_COLUMN} "${monthText}" is not a month (2026-01 or 2026-01-01).`);
    const count = (i: number) => {
      const value = parseDecimal(fields[i].trim());
      if (!Number.isInteger(value) || value < 0)
        bad(`${columns[i]} "${fields[i]}" is not a count of rows.`);
      return value;
    };
    const rows = count(iRows);
    const grouped = count(iGrouped);
    // Rows of one result row all have a group value or none: none is the group without a value, even
    // where the console wrote NULL as an empty text, like a tag present with an empty value.
    if (grouped !== 0 && grouped !== rows)
      bad(`grouped_rows ${grouped} is neither 0 nor row_count ${rows}.`);
    const group = groupColumn < 0 || grouped === 0 ? null : fields[groupColumn];
    const currency = isMissing(fields[iCurrency]) ? "" : fields[iCurrency];
    const key = groupKey(month as string, group, currency);
    const earlier = seen.get(key);
    if (earlier !== undefined)
      bad(
        `a second row for ${month}${group === null ? "" : `, ${JSON.stringify(group)}`}, currency "${currency || "(none)"}" (the first is line ${earlier}).`
      );
    seen.set(key, line);
    const sums = new FocusSums(month as string, group, currency);
    sums.rows = rows;
    for (const [i, column, field] of sumIndexes) {
      const value = isMissing(fields[i]) ? NaN : parseDecimal(fields[i].trim());
      if (!Number.isFinite(value)) bad(`${column} "${fields[i]}" is not a number.`);
      sums[field] = value;
    }
    rowsRead += rows;
    all.push(sums);
    if (!currencies.includes(currency)) {
      currencies.push(currency);
      if (currencies.length > 1)
        issues.push({
          severity: "warning",
          file: name,
          line,
          column: CURRENCY_COLUMN,
          message: currencyWarning(currencies),
        });
    }
  }
  const tracked = grouping.by === "tag";
  return {
    versions: [],
    warehouseResult: name,
    grouping,
    aggregates: sortSums(all).map((sums) => toAggregate(sums, tracked)),
    issues,
    issueCount: issues.length,
    rowsRead,
    rowsSkipped: 0,
    currencies: currencies.slice().sort(compareText),
  };
}

/** The grouping the header shows, checked against the one asked for. */
function groupingOf(
  name: string,
  line: number,
  columns: readonly string[],
  asked: FocusGrouping | undefined
): FocusGrouping {
  const found = columns.filter((c) => c in GROUPINGS_BY_COLUMN);
  const fail = (message: string): never => {
    throw new FocusFileError("missingColumns", name, line, `${name}: ${message}`);
  };
  if (found.length > 1) fail(`the header has more than one group column (${found.join(", ")}).`);
  const by = found.length === 0 ? "month" : GROUPINGS_BY_COLUMN[found[0]];
  if (asked !== undefined && asked.by !== by)
    fail(
      `totals by ${describe(asked)} were asked for, but the result is grouped ${found.length === 0 ? "by month only" : `by ${found[0]}`}: run the query with the same --group-by.`
    );
  if (by === "tag") {
    if (asked?.by === "tag") return asked;
    fail(
      "the result is grouped by a tag's value: say which tag (import-focus --group-by tag:KEY; in the pane, totals per tag, with its name)."
    );
  }
  return { by } as FocusGrouping;
}

function describe(grouping: FocusGrouping): string {
  switch (grouping.by) {
    case "month":
      return "month";
    case "subAccount":
      return "sub-account";
    case "serviceCategory":
      return "service-category";
    case "tag":
      return `tag:${grouping.key}`;
  }
}

/** Header names as engines write them: any case (Snowflake upper-cases), maybe quoted or padded. */
function normalise(column: string): string {
  return column.trim().toLowerCase();
}

function isBlank(fields: readonly string[]): boolean {
  return fields.length === 1 && fields[0].trim() === "";
}

/**
 * The text's records through the FOCUS import's tokenizer (focusCsv.ts), each with the line it starts
 * on (a quoted value may hold line breaks). Throws FocusFileError for text no CSV reader accepts.
 */
function csvRecords(name: string, text: string): { fields: string[]; line: number }[] {
  const tokenizer = new FocusCsvTokenizer(guessNewline(text) ?? "\n");
  tokenizer.text(text, true);
  const records: { fields: string[]; line: number }[] = [];
  let line = 1;
  for (let at = 0; at < text.length;) {
    const fields: string[] = [];
    const next = tokenizer.record(at, fields, null);
    if (next === UNTERMINATED_QUOTE)
      throw new FocusFileError(
        "truncated",
        name,
        line,
        `${name}, line ${line}: a quoted value is never closed (the file may be cut short).`
      );
    if (next < 0)
      throw new FocusFileError(
        "malformed",
        name,
        line,
        `${name}, line ${line}: a quoted value is followed by other text (a quote inside a quoted value is written "").`
      );
    records.push({ fields, line });
    line += text.substring(at, next).match(/\r\n|\r|\n/g)?.length ?? 0;
    at = next;
  }
  return records;
}
