import { FOCUS_AMOUNT_COLUMNS } from "./focusColumns";
import { FileDecimalMark } from "./focusDecimals";
import { compareText, currencyWarning, groupKey, sortSums } from "./focusGroups";
import { checkFocusHeader } from "./focusHeader";
import { FocusSums, toAggregate } from "./focusMeasures";
import { ABSENT, INVALID, tagValue } from "./focusTags";
import { createTypedFile, FocusTypedFile } from "./focusTypedRows";
import {
  FocusDelimiter,
  FocusFileInfo,
  FocusGrouping,
  FocusImport,
  FocusIssue,
} from "./focusTypes";
import { isMissing, parseDecimal, utcMonthOf } from "./focusValues";

export interface FocusAggregatorOptions {
  readonly grouping: FocusGrouping;
  /** How many issues to keep (all are counted); reading goes on past bad rows up to the end. */
  readonly issueLimit: number;
}

/**
 * Takes one data row of the current file: its fields in header order and its 1-based line. The
 * aggregator's consumers also say which fields they read (`fieldsRead`, indexes in the header): for a
 * row as wide as the header, a reader may set only those and reuse one array for every row (the file
 * reader does). A plain function, which reads every field, is still a FocusRowConsumer.
 */
export type FocusRowConsumer = ((fields: string[], line: number) => void) & {
  readonly fieldsRead?: readonly number[];
};

/**
 * Sums FOCUS rows into per-month (and group, and currency) aggregates as they stream past, keeping
 * no rows. Pure: runs unchanged in Node and in a Web Worker.
 */
export interface FocusAggregator {
  /**
   * Starts a file: checks its header (throws FocusFileError when unusable) and detects the version.
   * `delimiter`: the one the file was read with; in a ";" or tab file amounts may use a decimal comma.
   */
  file(name: string, header: readonly string[], delimiter?: FocusDelimiter): FocusRowConsumer;
  /**
   * Starts a typed file (Parquet): checks its columns as `file` checks a header. Its rows then come a
   * row group at a time, as columns of typed values (focusTypedRows.ts).
   */
  typedFile(name: string, columns: readonly string[]): FocusTypedFile;
  /** The aggregates of every file so far, sorted by month, group and currency. */
  finish(): FocusImport;
}

const GROUP_COLUMN: Record<FocusGrouping["by"], string | null> = {
  month: null,
  subAccount: "SubAccountId",
  serviceCategory: "ServiceCategory",
  tag: "Tags",
};

/** Distinct ChargePeriodStart texts remembered per file; a file with more starts the cache again. */
const MONTH_CACHE_LIMIT = 100_000;

export function createFocusAggregator(options: FocusAggregatorOptions): FocusAggregator {
  const { grouping, issueLimit } = options;
  const tagKey = grouping.by === "tag" ? grouping.key : "";
  const quotedTagKey = JSON.stringify(tagKey);
  const groupColumn = GROUP_COLUMN[grouping.by];
  const groups = new Map<string, FocusSums>();
  const files: { info: Omit<FocusFileInfo, "decimalMark">; decimals: FileDecimalMark | null }[] =
    [];
  const issues: FocusIssue[] = [];
  const currencies: string[] = [];
  let issueCount = 0;
  let rowsRead = 0;
  let rowsSkipped = 0;
  /** The sums the last row went to: consecutive rows mostly share month, group and currency. */
  let last: FocusSums | null = null;

  function report(issue: FocusIssue): void {
    issueCount++;
    if (issues.length < issueLimit) issues.push(issue);
  }

  /**
   * Checks a file's columns (FocusFileError when unusable), reports the version's missing columns and a
   * missing group column at `line` (the CSV header's line; 0, the whole file, for Parquet) and records
   * the file. Returns the trimmed column names.
   */
  function startFile(
    name: string,
    header: readonly string[],
    line: number,
    delimiter: FocusDelimiter
  ): { columns: string[]; decimals: FileDecimalMark | null } {
    const columns = header.map((column) => column.trim());
    const { version, warning } = checkFocusHeader(name, columns, line);
    if (warning) report(warning);
    // A comma-separated file is FOCUS's own: "." always, read by parseDecimal alone (the fast path).
    const marks =
      delimiter === ","
        ? null
        : new FileDecimalMark(
            columns,
            FOCUS_AMOUNT_COLUMNS.map((c) => columns.indexOf(c))
          );
    files.push({ info: { file: name, version, delimiter }, decimals: marks });
    if (groupColumn !== null && !columns.includes(groupColumn)) {
      report({
        severity: "warning",
        file: name,
        line,
        column: groupColumn,
        message: `${name} has no ${groupColumn} column: all its rows fall in the group without a value.`,
      });
    }
    return { columns, decimals: marks };
  }

  /** Leaves a row out, saying why. */
  function skip(
    file: string,
    line: number,
    rowGroup: number | undefined,
    column: string | undefined,
    message: string
  ): void {
    rowsSkipped++;
    report({
      severity: "error",
      file,
      line,
      ...(rowGroup === undefined ? {} : { rowGroup }),
      column,
      message: `${message} The row is left out.`,
    });
  }

  function tagsNotObject(file: string, line: number, rowGroup: number | undefined): void {
    report({
      severity: "warning",
      file,
      line,
      ...(rowGroup === undefined ? {} : { rowGroup }),
      column: "Tags",
      message: "Tags is not a JSON object; the row counts as untagged.",
    });
  }

  /**
   * Adds one valid row (numbers checked, month known) to its month, group and currency: the rules of
   * docs/FOCUS.md, one function for the CSV and the typed (Parquet) paths. `standard`: PricingCategory
   * is "Standard"; `tagged`: the row carries the grouping's tag key.
   */
  function addRow(
    file: string,
    line: number,
    rowGroup: number | undefined,
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
  ): void {
    let sums = last;
    if (
      sums === null ||
      sums.month !== month ||
      sums.group !== group ||
      sums.currency !== currency
    ) {
      const key = groupKey(month, group, currency);
      sums = groups.get(key) ?? null;
      if (sums === null) {
        sums = new FocusSums(month, group, currency);
        groups.set(key, sums);
        if (!currencies.includes(currency)) addCurrency(currency, file, line, rowGroup);
      }
      last = sums;
    }
    sums.rows++;
    sums.billedCost += billed;
    sums.effectiveCost += effective;
    // A prepayment whose effective cost is amortised onto the usage it covers (FOCUS: Purchase rows
    // with EffectiveCost 0), and the tax charged on it, add only their billed cost: their list and
    // contracted costs reappear on the covered usage, and counting them twice would inflate savings
    // (FOCUS ListCost, aggregation: purchases "and their related Tax charges" may be excluded).
    const prepaid = effective === 0 && (category === "Purchase" || category === "Tax");
    // Unused commitment was paid for and not used: its effective cost stays in, but there is no
    // usage whose on-demand price it saved, so its list and contracted costs stay out. Savings and
    // ESR then fall with under-utilisation, as the FinOps Framework says they must.
    if (!prepaid && status !== "Unused") {
      sums.listCost += list;
      sums.contractedCost += contracted;
    }
    if (status === "Used") {
      sums.commitmentUsedCost += effective;
      sums.coveredListCost += list;
    } else if (status === "Unused") sums.commitmentUnusedCost += effective;
    else if (category === "Usage" && standard) {
      sums.onDemandListCost += list;
    }
    // The FinOps hubs' rule, kept for comparison: every row but the prepayments, savings per row
    // clamped at 0 (their 0.0001 tolerance), none without a list price.
    if (!prepaid) {
      sums.hubsListCost += list;
      if (list > 0 && list - effective >= 0.0001) sums.hubsTotalSavings += list - effective;
    }
    if (tagged) sums.allocatedCost += effective;
  }

  function file(
    name: string,
    header: readonly string[],
    delimiter: FocusDelimiter = ","
  ): FocusRowConsumer {
    const { columns, decimals } = startFile(name, header, 1, delimiter);
    // Column indexes are resolved once per file; -1 is a column the file does not have.
    const iStart = columns.indexOf("ChargePeriodStart");
    const amountIndexes = FOCUS_AMOUNT_COLUMNS.map((c) => columns.indexOf(c));
    const [iBilled, iEffective, iList, iContracted] = amountIndexes;
    const iCurrency = columns.indexOf("BillingCurrency");
    const iCategory = columns.indexOf("ChargeCategory");
    const iStatus = columns.indexOf("CommitmentDiscountStatus");
    const iPricing = columns.indexOf("PricingCategory");
    const iGroup = groupColumn === null ? -1 : columns.indexOf(groupColumn);
    const width = columns.length;
    const monthCache = new Map<string, string | null>();
    // null, not "": a first row with an empty ChargePeriodStart must be checked, not taken as cached.
    let lastStart: string | null = null;
    let lastMonth = "";

    /** An amount; 0 when missing or when the file has no such column, NaN when not a number. */
    function amount(fields: string[], index: number): number {
      if (index < 0) return 0;
      const text = fields[index];
      if (isMissing(text)) return 0;
      return decimals === null ? parseDecimal(text) : decimals.parse(text);
    }

    const consume = (fields: string[], line: number): void => {
      if (fields.length !== width) {
        if (fields.length === 1 && fields[0] === "") return; // a blank line
        rowsRead++;
        skip(
          name,
          line,
          undefined,
          undefined,
          `Line ${line} has ${fields.length} fields where the header has ${width}.`
        );
        return;
      }
      rowsRead++;
      const start = fields[iStart];
      let month = lastMonth;
      if (start !== lastStart) {
        let cached = monthCache.get(start);
        if (cached === undefined) {
          cached = isMissing(start) ? null : utcMonthOf(start);
          if (monthCache.size >= MONTH_CACHE_LIMIT) monthCache.clear();
          monthCache.set(start, cached);
        }
        if (cached === null) {
          skip(
            name,
            line,
            undefined,
            "ChargePeriodStart",
            `ChargePeriodStart "${start}" is not an ISO 8601 date.`
          );
          return;
        }
        month = lastMonth = cached;
        lastStart = start;
      }
      if (decimals !== null && decimals.mark === null) {
        const unclear = decimals.settle(fields, line);
        if (unclear >= 0) {
          const column = FOCUS_AMOUNT_COLUMNS[unclear];
          skip(
            name,
            line,
            undefined,
            column,
            decimals.problem(column, fields[amountIndexes[unclear]])
          );
          return;
        }
      }
      const billed = amount(fields, iBilled);
      const effective = amount(fields, iEffective);
      const list = amount(fields, iList);
      // FOCUS: "If negotiated discounts are not applicable, the Contracted Cost defaults to the List
      // Cost"; a file without the column (or a row without a value) is priced at list, not at 0.
      const contracted =
        iContracted < 0 || isMissing(fields[iContracted]) ? list : amount(fields, iContracted);
      if (
        billed !== billed ||
        effective !== effective ||
        list !== list ||
        contracted !== contracted
      ) {
        const bad = [billed, effective, list, contracted].findIndex((value) => value !== value);
        const column = FOCUS_AMOUNT_COLUMNS[bad];
        const text = fields[amountIndexes[bad]];
        skip(
          name,
          line,
          undefined,
          column,
          decimals === null
            ? `${column} "${text}" is not a number.`
            : decimals.problem(column, text)
        );
        return;
      }
      const currency = iCurrency < 0 || isMissing(fields[iCurrency]) ? "" : fields[iCurrency];
      let group: string | null = null;
      let tagged = false;
      if (iGroup >= 0) {
        const text = fields[iGroup];
        if (grouping.by === "tag") {
          const value = isMissing(text) ? ABSENT : tagValue(text, tagKey, quotedTagKey);
          if (value === INVALID) {
            tagsNotObject(name, line, undefined);
          } else if (value !== ABSENT) {
            group = value;
            tagged = true;
          }
        } else if (!isMissing(text)) {
          group = text;
        }
      }
      addRow(
        name,
        line,
        undefined,
        month,
        group,
        tagged,
        currency,
        billed,
        effective,
        list,
        contracted,
        iCategory < 0 ? "" : fields[iCategory],
        iStatus < 0 ? "" : fields[iStatus],
        iPricing >= 0 && fields[iPricing] === "Standard"
      );
    };
    const fieldsRead = [
      iStart,
      iBilled,
      iEffective,
      iList,
      iContracted,
      iCurrency,
      iCategory,
      iStatus,
      iPricing,
      iGroup,
      ...(decimals === null ? [] : decimals.indexes),
    ].filter((index) => index >= 0);
    return Object.assign(consume, { fieldsRead });
  }

  function typedFile(name: string, header: readonly string[]): FocusTypedFile {
    const { columns } = startFile(name, header, 0, ",");
    return createTypedFile(name, columns, {
      grouping,
      groupColumn,
      tagKey,
      quotedTagKey,
      countRows: (count) => (rowsRead += count),
      skip,
      tagsNotObject,
      addRow,
    });
  }

  function addCurrency(
    currency: string,
    file: string,
    line: number,
    rowGroup: number | undefined
  ): void {
    currencies.push(currency);
    if (currencies.length > 1) {
      report({
        severity: "warning",
        file,
        line,
        ...(rowGroup === undefined ? {} : { rowGroup }),
        column: "BillingCurrency",
        message: currencyWarning(currencies),
      });
    }
  }

  function finish(): FocusImport {
    const tracked = grouping.by === "tag";
    const aggregates = sortSums([...groups.values()]).map((sums) => toAggregate(sums, tracked));
    return {
      versions: files.map(({ info, decimals }) => ({
        ...info,
        decimalMark: decimals?.mark ?? ".",
      })),
      grouping,
      aggregates,
      issues: issues.slice(),
      issueCount,
      rowsRead,
      rowsSkipped,
      currencies: currencies.slice().sort(compareText),
    };
  }

  return { file, typedFile, finish };
}
