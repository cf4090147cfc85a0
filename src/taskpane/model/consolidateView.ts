import type { ReadingProgress, ReadResult } from "../../workbook/consolidate/readingMessages";
import {
  departmentKey,
  Gathered,
  gatherSubmissions,
  isRefused,
} from "../../workbook/consolidate/gather";
import type { DepartmentSubmission, RefusedFile } from "../../workbook/consolidate/submission";
import { fractionText, moneyText } from "../../workbook/displayText";
import { checkOptions, DEFAULT_OPTIONS } from "../../workbook/options";
import { templateTitle } from "../../workbook/templates";
import { rollupOptions } from "../../workbook/templates/enterpriseRollup";
import { consolidationReport } from "../../workbook/consolidate/consolidationReport";

/** "Reading 3 of 12: Payments.xlsx" */
export function progressText(progress: ReadingProgress): string {
  return `Reading ${progress.index + 1} of ${progress.count}: ${progress.file}`;
}

/** One department as the preview lists it: what was read from its file. */
export interface DepartmentRow {
  readonly key: string;
  readonly department: string;
  readonly file: string;
  /** "Team budget v4, KPI tracker v3 (v4 available)". */
  readonly versions: string;
  /** "Walk (62%)" as the Workbook tab's maturity tile says it, or "not scored". */
  readonly practiceScore: string;
  /** "USD 1,200,000", or "no team budget". */
  readonly budget: string;
  /** "No health-check errors" or "3 health-check errors". */
  readonly health: string;
  readonly healthErrors: number;
}

/** A department two or more files deliver, and the file the user chose for it (if any). */
export interface DuplicateChoice {
  readonly department: string;
  readonly files: readonly string[];
  readonly chosen?: string;
}

export interface ConsolidatePreview {
  readonly departments: readonly DepartmentRow[];
  /** Files that cannot be used at all (not a workbook, encrypted, not made by this tool...). */
  readonly bad: readonly RefusedFile[];
  readonly duplicates: readonly DuplicateChoice[];
  /** What keeps the roll-up from being written now, in a sentence; absent when it can be written. */
  readonly blocker?: string;
  /** The submissions to roll up (duplicates resolved, bad files left out). */
  readonly submissions: readonly DepartmentSubmission[];
  readonly gathered: Gathered;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function versionsText(submission: DepartmentSubmission): string {
  return submission.templates
    .map(
      (t) =>
        `${templateTitle(t.templateId)} v${t.version}${t.version < t.latestVersion ? ` (v${t.latestVersion} available)` : ""}`
    )
    .join(", ");
}

function scoreText(submission: DepartmentSubmission): string {
  const score = submission.maturity?.practiceScore.value;
  if (score === null || score === undefined) return "not scored";
  const level = submission.maturity?.level.value;
  // MATURITYSCORE is a fraction of the scale's maximum (src/domain/maturity.ts).
  return level ? `${level} (${fractionText(score)})` : fractionText(score);
}

function budgetText(submission: DepartmentSubmission): string {
  const budget = submission.budget?.budget.value;
  if (budget === null || budget === undefined) return "no team budget";
  return moneyText(budget, submission.currency);
}

export function departmentRow(submission: DepartmentSubmission): DepartmentRow {
  const errors = submission.healthErrors;
  return {
    key: submission.file,
    department: submission.department,
    file: submission.file,
    versions: versionsText(submission),
    practiceScore: scoreText(submission),
    budget: budgetText(submission),
    health: errors === 0 ? "No health-check errors" : plural(errors, "health-check error"),
    healthErrors: errors,
  };
}

/**
 * The preview of what was read: departments, bad files, departments delivered twice with the user's
 * choice, and whether the roll-up can be written. `chosen` maps a duplicate's department (departmentKey)
 * to the file picked for it; `skipBad` is the user's "Skip files that cannot be used".
 */
export function consolidatePreview(
  results: readonly ReadResult[],
  chosen: ReadonlyMap<string, string>,
  skipBad: boolean
): ConsolidatePreview {
  const gathered = gatherSubmissions(results, [...chosen.values()]);
  const bad = results.filter(isRefused);
  const duplicates = gathered.duplicates.map((d) => ({
    department: d.department,
    files: d.files,
    chosen: d.files.find((f) => f === chosen.get(departmentKey(d.department))),
  }));
  const submissions = gathered.submissions;
  const unchosen = duplicates.filter((d) => d.chosen === undefined);
  const blocker =
    bad.length > 0 && !skipBad
      ? `${plural(bad.length, "file")} cannot be used (listed above). Nothing is written unless you tick "Skip files that cannot be used", or pick the files again without ${bad.length === 1 ? "it" : "them"}.`
      : unchosen.length > 0
        ? `Choose which file to use for ${unchosen.map((d) => d.department).join(", ")}.`
        : submissions.length === 0
          ? "None of the files can be used: there is no department to roll up."
          : undefined;
  return {
    departments: submissions.map(departmentRow),
    bad,
    duplicates,
    ...(blocker ? { blocker } : {}),
    submissions,
    gathered,
  };
}

export interface RollupSettings {
  readonly organisation: string;
  readonly currency: string;
  readonly date: string;
}

/** What is wrong with the roll-up's settings, one message per field. */
export function checkRollupSettings(
  settings: RollupSettings
): Partial<Record<keyof RollupSettings, string>> {
  // The template options' own rules (checkOptions), as the command line checks them, in this form's fields.
  const problems = checkOptions({
    ...DEFAULT_OPTIONS,
    organisation: settings.organisation.trim(),
    currency: settings.currency.trim(),
    asAt: settings.date.trim(),
  });
  return {
    ...(problems.organisation && { organisation: problems.organisation }),
    ...(problems.currency && { currency: problems.currency }),
    ...(problems.asAt && { date: problems.asAt }),
  };
}

/** "YYYY-MM-DD" of a local date: the consolidation's date defaults to today. */
export function isoDay(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Readers' hint of what writing does to an earlier roll-up. */
export function replacesText(replaces: readonly string[], historyRows: number): string {
  if (replaces.length === 0)
    return "The roll-up is written on new sheets; nothing already in this workbook is changed.";
  return `This workbook holds an earlier roll-up: its sheets (${replaces.join(", ")}) are replaced, and its history (${plural(historyRows, "row")}) is kept with this consolidation's rows added.`;
}

/** What the settings form starts from: the organisation and currency the roll-up would choose. */
export function rollupDefaults(
  submissions: readonly DepartmentSubmission[],
  date: string
): Pick<RollupSettings, "organisation" | "currency"> {
  const { organisation, currency } = rollupOptions(submissions, { date });
  return { organisation, currency };
}

/** The lines shown once the roll-up is written: the report, then the departments still without a rate. */
export function writtenReport(gathered: Gathered, ratesNote: string | undefined): string[] {
  return [...consolidationReport(gathered, "pane"), ...(ratesNote ? [ratesNote] : [])];
}
