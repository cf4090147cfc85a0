/**
 * What a FOCUS import produces: aggregates per month (and optionally per sub account, service category
 * or tag value), never raw rows, so files far larger than a sheet fit in a workbook. The parser and
 * aggregator (src/domain/focus) fill these; the workbook writers (Cost data sheet, KPI actuals), the
 * command line and the task pane's worker only read them. docs/FOCUS.md states the rules.
 */

/** FOCUS specification versions the importer recognises from a file's columns. */
export type FocusVersion = "1.0" | "1.1" | "1.2" | "1.3";

/** Column delimiters read: FOCUS's ",", and ";" or tab as spreadsheets save CSV in many locales. */
export type FocusDelimiter = "," | ";" | "\t";

/** The decimal mark of a file's numbers: FOCUS's ".", or "," in a ";" or tab file that uses it. */
export type FocusDecimalMark = "." | ",";

/** What was detected in one file: its version from its columns, and how its text is written. */
export interface FocusFileInfo {
  readonly file: string;
  readonly version: FocusVersion;
  /** From the header: the delimiter on which it splits into FOCUS columns. */
  readonly delimiter: FocusDelimiter;
  /** From the first number that shows one (focusDecimals.ts); "." when none did. */
  readonly decimalMark: FocusDecimalMark;
}

/** How rows are grouped besides the month. */
export type FocusGrouping =
  | { readonly by: "month" }
  | { readonly by: "subAccount" }
  | { readonly by: "serviceCategory" }
  /** By the value of one tag key; rows without the key are grouped as untagged. */
  | { readonly by: "tag"; readonly key: string };

/** One month (and group, and billing currency): sums and the measures derived from them. */
export interface FocusAggregate {
  /** "2026-01": the UTC month of ChargePeriodStart. */
  readonly month: string;
  /**
   * The group's value (sub account, service category, tag value). null when grouped by month only, and
   * also for the rows that have no value for the grouping: a missing (empty or NULL) SubAccountId or
   * ServiceCategory, a file without that column, or rows whose Tags lack the key (or are not a JSON
   * object). A key present with a null or empty value is the group "", not null.
   */
  readonly group: string | null;
  /** BillingCurrency: amounts in different currencies are never added together. */
  readonly currency: string;
  readonly rows: number;
  readonly billedCost: number;
  readonly effectiveCost: number;
  readonly listCost: number;
  readonly contractedCost: number;
  /** List - Contracted. */
  readonly negotiatedSavings: number;
  /** Contracted - Effective. */
  readonly commitmentSavings: number;
  /** List - Effective. */
  readonly totalSavings: number;
  /** Total savings / List (FINOPS.ESR); null where List is 0. */
  readonly effectiveSavingsRate: number | null;
  /** Effective cost of commitment-covered usage (CommitmentDiscountStatus "Used"). */
  readonly commitmentUsedCost: number;
  /** Effective cost of unused commitment (CommitmentDiscountStatus "Unused"). */
  readonly commitmentUnusedCost: number;
  /** Used / (Used + Unused) (FINOPS.UTILIZATION); null without commitments. */
  readonly commitmentUtilisation: number | null;
  /**
   * Eligible usage covered by commitments, and all eligible usage (covered plus on-demand), both at
   * ListCost, the on-demand equivalent, so coverage compares like with like (docs/FOCUS.md).
   */
  readonly commitmentCoveredCost: number;
  readonly commitmentEligibleCost: number;
  /** Covered / eligible (FINOPS.COVERAGE); null without eligible usage. */
  readonly commitmentCoverage: number | null;
  /** Effective cost of rows carrying the chosen tag key (allocation), and its share of effective cost. */
  readonly allocatedCost: number;
  readonly allocationCoverage: number | null;
  /**
   * Total savings and effective savings rate as Microsoft's FinOps hubs compute them: savings per row
   * clamped at 0 (none where ListCost is 0), prepayments left out, unused commitment kept in the list
   * base. Shown beside ours so a reader can reproduce the hubs' figure (docs/FOCUS.md says why they differ).
   */
  readonly hubsListCost: number;
  readonly hubsTotalSavings: number;
  readonly hubsEffectiveSavingsRate: number | null;
}

/** A problem in the input, located so the user can find it. */
export interface FocusIssue {
  readonly severity: "error" | "warning";
  readonly file: string;
  /**
   * 1-based line in a CSV file (the header is line 1), or 1-based row in a Parquet file (its first data
   * row is row 1); 0 for a problem with the whole file (for Parquet, also with its columns).
   */
  readonly line: number;
  /** Parquet only: the 1-based row group holding the row. */
  readonly rowGroup?: number;
  /** The column concerned, when there is one. */
  readonly column?: string;
  readonly message: string;
}

export interface FocusImport {
  /** Per file, what was detected: the version, the delimiter and the decimal mark. */
  readonly versions: readonly FocusFileInfo[];
  /**
   * Set when the sums were made in a warehouse by the focus-query query and its result imported
   * (import-focus --aggregates): the result file's name. `versions` is then empty.
   */
  readonly warehouseResult?: string;
  readonly grouping: FocusGrouping;
  /** Sorted by month, group, currency. */
  readonly aggregates: readonly FocusAggregate[];
  /** Up to the limit the user chose; `issueCount` says how many there were in all. */
  readonly issues: readonly FocusIssue[];
  readonly issueCount: number;
  readonly rowsRead: number;
  /** Rows left out because of an error (bad number or date in a cost or period column). */
  readonly rowsSkipped: number;
  /** Billing currencies found; more than one is reported, and each gets its own aggregates. */
  readonly currencies: readonly string[];
}
