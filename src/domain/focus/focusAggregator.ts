import { FileDecimalMark } from "./focusDecimals";
import { checkFocusHeader } from "./focusHeader";
import { FocusSums, toAggregate } from "./focusMeasures";
import { ABSENT, INVALID, tagValue } from "./focusTags";
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
  const groups = new Map<string, FocusSums>();
  const files: { info: Omit<FocusFileInfo, "decimalMark">; decimals: FileDecimalMark | null }[] =
    [];
  const issues: FocusIssue[] = [];
  const currencies: string[] = [];
  let issueCount = 0;
  let rowsRead = 0;
  let rowsSkipped = 0;

  function report(issue: FocusIssue): void {
    issueCount++;
    if (issues.length < issueLimit) issues.push(issue);
  }

  function file(
    name: string,
    header: readonly string[],
    delimiter: FocusDelimiter = ","
  ): FocusRowConsumer {
    const columns = header.map((column) => column.trim());
    const { version, warning } = checkFocusHeader(name, columns);
    if (warning) report(warning);
    // Column indexes are resolved once per file; -1 is a column the file does not have.
    const iStart = columns.indexOf("ChargePeriodStart");
    const amountColumns = ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"];
    const amountIndexes = amountColumns.map((c) => columns.indexOf(c));
    const [iBilled, iEffective, iList, iContracted] = amountIndexes;
    // A comma-separated file is FOCUS's own: "." always, read by parseDecimal alone (the fast path).
    const decimals = delimiter === "," ? null : new FileDecimalMark(columns, amountIndexes);
    files.push({ info: { file: name, version, delimiter }, decimals });
    const iCurrency = columns.indexOf("BillingCurrency");
    const iCategory = columns.indexOf("ChargeCategory");
    const iStatus = columns.indexOf("CommitmentDiscountStatus");
    const iPricing = columns.indexOf("PricingCategory");
    const groupColumn = GROUP_COLUMN[grouping.by];
    const iGroup = groupColumn === null ? -1 : columns.indexOf(groupColumn);
    if (groupColumn !== null && iGroup < 0) {
      report({
        severity: "warning",
        file: name,
        line: 1,
        column: groupColumn,
        message: `${name} has no ${groupColumn} column: all its rows fall in the group without a value.`,
      });
    }
    const width = columns.length;
    const monthCache = new Map<string, string | null>();
    let lastStart = "";
    let lastMonth = "";
    let last: FocusSums | null = null;

    function skip(line: number, column: string | undefined, message: string): void {
      rowsSkipped++;
      report({
        severity: "error",
        file: name,
        line,
        column,
        message: `${message} The row is left out.`,
      });
    }

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
          line,
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
          skip(line, "ChargePeriodStart", `ChargePeriodStart "${start}" is not an ISO 8601 date.`);
          return;
        }
        month = lastMonth = cached;
        lastStart = start;
      }
      if (decimals !== null && decimals.mark === null) {
        const unclear = decimals.settle(fields, line);
        if (unclear >= 0) {
          const column = amountColumns[unclear];
          skip(line, column, decimals.problem(column, fields[amountIndexes[unclear]]));
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
        const column = amountColumns[bad];
        const text = fields[amountIndexes[bad]];
        skip(
          line,
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
            report({
              severity: "warning",
              file: name,
              line,
              column: "Tags",
              message: "Tags is not a JSON object; the row counts as untagged.",
            });
          } else if (value !== ABSENT) {
            group = value;
            tagged = true;
          }
        } else if (!isMissing(text)) {
          group = text;
        }
      }
      let sums = last;
      if (
        sums === null ||
        sums.month !== month ||
        sums.group !== group ||
        sums.currency !== currency
      ) {
        const key = `${month}\u001f${group === null ? "\u0000" : "\u0001" + group}\u001f${currency}`;
        sums = groups.get(key) ?? null;
        if (sums === null) {
          sums = new FocusSums(month, group, currency);
          groups.set(key, sums);
          if (!currencies.includes(currency)) addCurrency(currency, name, line);
        }
        last = sums;
      }
      sums.rows++;
      sums.billedCost += billed;
      sums.effectiveCost += effective;
      const category = iCategory < 0 ? "" : fields[iCategory];
      const status = iStatus < 0 ? "" : fields[iStatus];
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
      else if (category === "Usage" && iPricing >= 0 && fields[iPricing] === "Standard") {
        sums.onDemandListCost += list;
      }
      // The FinOps hubs' rule, kept for comparison: every row but the prepayments, savings per row
      // clamped at 0 (their 0.0001 tolerance), none without a list price.
      if (!prepaid) {
        sums.hubsListCost += list;
        if (list > 0 && list - effective >= 0.0001) sums.hubsTotalSavings += list - effective;
      }
      if (tagged) sums.allocatedCost += effective;
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

  function addCurrency(currency: string, file: string, line: number): void {
    currencies.push(currency);
    if (currencies.length > 1) {
      report({
        severity: "warning",
        file,
        line,
        column: "BillingCurrency",
        message: `Billing currency "${currency || "(none)"}" appears besides ${currencies
          .slice(0, -1)
          .map((c) => `"${c || "(none)"}"`)
          .join(", ")}: each currency gets its own aggregates, never added together.`,
      });
    }
  }

  function finish(): FocusImport {
    const tracked = grouping.by === "tag";
    const aggregates = [...groups.values()]
      .sort(
        (a, b) =>
          compareText(a.month, b.month) ||
          compareGroup(a.group, b.group) ||
          compareText(a.currency, b.currency)
      )
      .map((sums) => toAggregate(sums, tracked));
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

  return { file, finish };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Rows without a group value come first. */
function compareGroup(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return compareText(a, b);
}
