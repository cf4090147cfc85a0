import type { CostImportPreview } from "../../excel/importCostData";
import { FocusFileError } from "../../domain/focus/focusFileError";
import { issuePlace } from "../../domain/focus/focusIssuePlace";
import { readAsNote } from "../../domain/focus/focusReadAs";
import type { FocusProgress } from "../../domain/focus/focusProgress";
import type { FocusAggregate, FocusGrouping, FocusImport } from "../../domain/focus/focusTypes";
import { changeValues, KpiActualChange } from "../../workbook/costData/kpiActuals";
import { fractionText, monthText, moneyText } from "../../workbook/displayText";
import { messageOf } from "./messageOf";

/** Issues listed after a read (all are counted); the pane says so, so a long list is not mistaken for all. */
export const ISSUE_LIMIT = 100;

export type GroupingChoice = FocusGrouping["by"];

export const GROUPING_CHOICES: readonly { readonly by: GroupingChoice; readonly label: string }[] =
  [
    { by: "month", label: "Month only" },
    { by: "subAccount", label: "Month and account (sub account)" },
    { by: "serviceCategory", label: "Month and service category" },
    { by: "tag", label: "Month and a tag (team, cost centre...)" },
  ];

/** The grouping to read with, or what is missing (a tag key). */
export function groupingOf(
  by: GroupingChoice,
  tagKey: string
): { grouping: FocusGrouping } | { error: string } {
  if (by !== "tag") return { grouping: { by } };
  const key = tagKey.trim();
  return key
    ? { grouping: { by, key } }
    : { error: "Type the name of the tag to group by, for example CostCenter." };
}

const count = (n: number) => Math.round(n).toLocaleString("en-US");

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.round(seconds))} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface ProgressView {
  /** 0..1 of the files' bytes. */
  readonly fraction: number;
  readonly file: string;
  readonly figures: string;
}

/** "Reading q1.csv (1 of 2)" and "120,000 rows, 45.2 of 120.0 MB, about 30 s left". */
export function progressView(p: FocusProgress): ProgressView {
  const of = p.fileCount > 1 ? ` (${p.fileIndex + 1} of ${p.fileCount})` : "";
  const left = p.secondsLeft === null ? "" : `, about ${duration(p.secondsLeft)} left`;
  return {
    fraction: p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0,
    file: `Reading ${p.file}${of}`,
    figures: `${count(p.rows)} rows, ${(p.bytes / 1e6).toFixed(1)} of ${(p.totalBytes / 1e6).toFixed(1)} MB${left}`,
  };
}

/** What to do about each kind of unusable file, in plain words. */
const FIXES: Record<FocusFileError["kind"], string> = {
  missingColumns:
    "Export the cost data again in FOCUS format (1.0 or later): it needs at least ChargePeriodStart, BilledCost and EffectiveCost.",
  wrongDelimiter:
    "Save the file with commas or semicolons between values (a spreadsheet's 'CSV UTF-8'), or export it again from the billing tool.",
  truncated:
    "The file is incomplete: download or export it again, and wait until the download has finished.",
  malformed:
    "A quoted value is broken at that line: export the file again rather than editing it by hand.",
  fieldTooLarge:
    "Check the line for a quote that is never closed, or export the file again without very long values.",
  encoding: "Save the file as UTF-8 (in Excel: Save As, 'CSV UTF-8'), then import it again.",
  unreadable:
    "Check that the file is a FOCUS CSV file (or a .gz of one) or a Parquet file and that it opens; then pick it again.",
  columnType:
    "Export the cost data again in FOCUS format: its dates as timestamps or ISO 8601 text, its costs as numbers.",
  rowGroupTooLarge:
    "Export the file again with smaller row groups (for example 128 MB or 1,000,000 rows each), or import it with the command line (finops-workbooks import-focus), which can hold larger ones.",
};

export interface FailureView {
  readonly title: string;
  readonly message: string;
  readonly fix?: string;
}

/** A failed read: which file and why, and the fix; nothing was written to the workbook. */
export function failureView(error: unknown): FailureView {
  if (error instanceof FocusFileError) {
    const { file, line, rowGroup, message } = error;
    const where = issuePlace({ severity: "error", file, line, rowGroup, message });
    return { title: `${where} cannot be imported`, message: error.message, fix: FIXES[error.kind] };
  }
  return {
    title: "The files could not be read",
    message: messageOf(error),
  };
}

const rows = (n: number) => `${count(n)} row${n === 1 ? "" : "s"}`;

/** What was read, in sentences above the issues. */
export function readSummary(result: FocusImport): string[] {
  const files = result.versions.map((v) => `${v.file} (FOCUS ${v.version})`).join(", ");
  const readAs = readAsNote(result.versions);
  const lines = [
    result.warehouseResult === undefined
      ? `Read ${rows(result.rowsRead)} from ${files}.`
      : `Read the totals of ${rows(result.rowsRead)} summed in a warehouse (${result.warehouseResult}).`,
    ...(readAs ? [readAs] : []),
    `${rows(result.aggregates.length)} of totals, grouped by ${groupingName(result.grouping)}.`,
  ];
  if (result.rowsSkipped > 0)
    lines.push(
      `${count(result.rowsSkipped)} row${result.rowsSkipped === 1 ? " was" : "s were"} left out because of an error (see below).`
    );
  return lines;
}

/** The issues' heading: how many, and that only the first ISSUE_LIMIT are listed. */
export function issuesHeading(result: FocusImport): string {
  const n = result.issueCount;
  if (n === 0) return "No issues found.";
  const listed = result.issues.length;
  return listed < n
    ? `${count(n)} issues; the first ${count(listed)} are listed (the limit is ${ISSUE_LIMIT}).`
    : `${count(n)} issue${n === 1 ? "" : "s"} (up to ${ISSUE_LIMIT} are listed).`;
}

/** Said when amounts come in several currencies: each keeps its own rows, never summed together. */
export function currencyNote(result: FocusImport): string | undefined {
  if (result.currencies.length < 2) return undefined;
  const named = result.currencies.map((c) => c || "rows without a currency");
  return `The files bill in ${result.currencies.length} currencies (${named.join(", ")}). Each currency gets its own rows; amounts in different currencies are never added together, and KPI months billed in more than one are not filled.`;
}

function groupingName(grouping: FocusGrouping): string {
  const choice = GROUPING_CHOICES.find((c) => c.by === grouping.by);
  const label = (choice?.label ?? "Month").toLowerCase();
  return grouping.by === "tag" ? `month and tag "${grouping.key}"` : label;
}

/** One line of the Cost data sheet's preview (the sheet holds more columns). */
export interface CostDataRow {
  readonly key: string;
  readonly month: string;
  readonly group: string;
  readonly currency: string;
  readonly effectiveCost: string;
  readonly totalSavings: string;
  readonly savingsRate: string;
}

const percent = (n: number | null) => (n === null ? "-" : fractionText(n, 1));

/** The first `limit` aggregates as the sheet will show them; the rest are counted, not listed. */
export function costDataRows(result: FocusImport, limit = 12): CostDataRow[] {
  return result.aggregates.slice(0, limit).map((a: FocusAggregate, i) => ({
    key: `${i}`,
    month: monthText(a.month),
    group: a.group === null ? (result.grouping.by === "month" ? "" : "(none)") : a.group,
    currency: a.currency || "(no currency)",
    effectiveCost: moneyText(a.effectiveCost, a.currency),
    totalSavings: moneyText(a.totalSavings, a.currency),
    savingsRate: percent(a.effectiveSavingsRate),
  }));
}

/** A KPI month the user can confirm, with each cell's value before and after. */
export interface PeriodChoice {
  readonly month: string;
  readonly label: string;
  readonly changes: readonly {
    readonly key: string;
    readonly kpi: string;
    readonly cell: string;
    readonly oldValue: string;
    readonly newValue: string;
    /** The cell holds something now (typed, or an earlier import): writing replaces it. */
    readonly replaces: boolean;
  }[];
  /** How many of its cells hold something now: a month with any is not ticked until the user says. */
  readonly replaces: number;
}

/** Nothing is replaced without an explicit choice: only months whose cells are all empty start ticked. */
export const tickedAtFirst = (period: PeriodChoice): boolean => period.replaces === 0;

const isEmpty = (change: KpiActualChange) =>
  !change.oldFormula &&
  (change.oldValue === null || change.oldValue === undefined || change.oldValue === "");

/** The preview's KPI changes by month, in the tracker's order of periods. */
export function periodChoices(preview: CostImportPreview): PeriodChoice[] {
  return preview.periods.map((month) => {
    const changes = preview.kpiChanges.filter((c) => c.month === month);
    return {
      month,
      label: changes[0]?.period ?? month,
      changes: changes.map((c) => ({
        key: `${c.sheet}!${c.address}`,
        kpi: c.kpi,
        cell: `${c.sheet}!${c.address}`,
        oldValue: changeValues(c).now,
        newValue: changeValues(c).next,
        replaces: !isEmpty(c),
      })),
      replaces: changes.filter((c) => !isEmpty(c)).length,
    };
  });
}
