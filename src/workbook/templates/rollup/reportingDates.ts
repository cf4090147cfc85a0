import { Consolidation } from "../../consolidate/submission";
import { reportingDate, TemplateOptions } from "../../options";

/**
 * The roll-up's dates in words. Each department's figures (year to date, KPIs) are as at its own
 * reporting date; the roll-up is as at the one most of them give (rollupOptions), and the date it was
 * consolidated on is the history's, said apart so that one is never read as the other.
 */

/** The departments' reporting dates other than the roll-up's, first seen first. */
function otherDates(options: TemplateOptions, consolidation: Consolidation | undefined): string[] {
  const asAt = reportingDate(options);
  return [...new Set((consolidation?.submissions ?? []).map((s) => s.asAt))].filter(
    (date) => date !== asAt
  );
}

/**
 * "Figures as at 2026-06-30, each department's reporting date; consolidated on 2026-12-07." Short
 * enough for a subtitle's one line: where the dates differ, the notes say how (differingDatesNote).
 */
export function asAtSentence(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): string {
  const consolidated = consolidation ? `; consolidated on ${consolidation.date}` : "";
  return otherDates(options, consolidation).length === 0
    ? `Figures as at ${reportingDate(options)}, each department's reporting date${consolidated}.`
    : `Figures as at each department's reporting date, which differ (Submissions gives each)${consolidated}.`;
}

/** The notes' line where the departments' reporting dates differ; none where they agree. */
export function differingDatesNote(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): string[] {
  const others = otherDates(options, consolidation);
  if (!consolidation || others.length === 0) return [];
  const asAt = reportingDate(options);
  const { submissions } = consolidation;
  const most = submissions.filter((s) => s.asAt === asAt).length;
  const rest = others.length <= 3 ? others.join(", ") : `${others.length} other dates`;
  return [
    `The departments' reporting dates differ: ${asAt} for ${most} of ${submissions.length} departments, else ${rest}. Their year-to-date amounts and KPIs cover different months, so compare them with care; the Submissions table gives each department's date.`,
  ];
}
