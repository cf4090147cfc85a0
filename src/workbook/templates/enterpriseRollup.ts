import { Consolidation, DepartmentSubmission } from "../consolidate/submission";
import { isIsoDate, TemplateOptions } from "../options";
import { Template, WorkbookSpec } from "../spec";
import { buildRollup } from "./rollup/buildRollup";
import { ROLLUP_TEMPLATE_ID } from "./rollup/rollupKeys";

export { ROLLUP_TEMPLATE_ID } from "./rollup/rollupKeys";

// The enterprise roll-up: one workbook per department (hub and spoke), consolidated into the view the
// CFO reads. The FinOps Assessment guidance warns against averaging groups at very different maturity,
// so the roll-up shows the spread (lowest, median, highest, below target) beside any single figure.

export const enterpriseRollup: Template = {
  id: ROLLUP_TEMPLATE_ID,
  version: 1,
  title: "Enterprise roll-up",
  purpose:
    "The departments' workbooks consolidated: maturity by capability and department with the spread, KPIs, adoption, the team's money by department, category and team model, the submissions and where every figure came from.",
  audience: "The CFO, the central FinOps team and the department leads",
  build: (options) => buildRollup(options, undefined),
};

/** The roll-up with a consolidation's figures in its input cells: values, never links to the files. */
export function rollupSpec(options: TemplateOptions, consolidation: Consolidation): WorkbookSpec {
  return buildRollup(options, consolidation);
}

/**
 * The roll-up's options from the departments' submissions: what is given, else what the departments
 * share (the most common organisation and currency, the first seen on a tie), the departments in file
 * order, sample figures when any department's are, the fiscal year most of them report, as at the reporting date most of them give (their
 * figures, year to date and KPIs, are as at it; the consolidation's date, given, is the history's and
 * stands in only when no department gives one). Portable formulas: the roll-up is read by a CFO who
 * does not have the add-in.
 */
export function rollupOptions(
  submissions: readonly DepartmentSubmission[],
  given: { organisation?: string; currency?: string; date: string }
): TemplateOptions {
  const asAt = mostCommon(submissions.map((s) => s.asAt).filter(isIsoDate)) ?? given.date;
  const year = fiscalYearOf(mostCommon(submissions.map((s) => s.fiscalYear)) ?? "", asAt);
  return {
    organisation:
      given.organisation ?? mostCommon(submissions.map((s) => s.organisation)) ?? "Enterprise",
    currency: given.currency ?? mostCommon(submissions.map((s) => s.currency)) ?? "USD",
    fiscalYearStartMonth: year.startMonth,
    firstPeriod: year.firstPeriod,
    periods: 12,
    teamModel: "hub-and-spoke",
    // Invented figures stay marked as such: every title of the roll-up then says "(sample figures)".
    sampleData: submissions.some((s) => s.sampleFigures === true),
    formulaMode: "portable",
    asAt,
    departments: submissions.map((s) => s.department),
  };
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | undefined;
  for (const [value, count] of counts)
    if (best === undefined || count > counts.get(best)!) best = value;
  return best;
}

/**
 * The fiscal year a label names ("FY2026": January to December; "FY2026/27": from a month of 2026
 * into 2027, the start month chosen so that the date falls inside it where it can, else April), as
 * options; the date's calendar year when the label is not one of these.
 */
function fiscalYearOf(label: string, date: string): { startMonth: number; firstPeriod: string } {
  const [dateYear, dateMonth] = date.split("-").map(Number);
  const match = /^FY(\d{4})(?:\/(\d{2}))?$/.exec(label);
  if (!match) return { startMonth: 1, firstPeriod: `${dateYear}-01` };
  const start = Number(match[1]);
  if (!match[2]) return { startMonth: 1, firstPeriod: `${start}-01` };
  const month =
    dateYear === start
      ? Math.max(2, dateMonth)
      : dateYear === start + 1
        ? Math.min(12, dateMonth + 1)
        : 4;
  return { startMonth: month, firstPeriod: `${start}-${String(month).padStart(2, "0")}` };
}
