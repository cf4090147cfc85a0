import { latestPerTemplate } from "../metadata";
import { fiscalYearLabel, fiscalYearMonths, TemplateOptions, trackedPeriods } from "../options";
import { ReadTemplate, WorkbookReadBack } from "./readBack";
import { planRefresh, RefreshPlan } from "./refreshPlan";
import { rolledTitles } from "./rolledTitles";
import { surveyWorkbook } from "./survey";

/** The most months a KPI tracker follows (checkOptions allows 1 to 36). */
export const MAX_PERIODS = 36;

/** Column of the recorded options in the metadata store. */

/** A metadata row whose options change, with the text it holds now (put back on undo). */
export interface OptionsChange {
  readonly row: number;
  readonly previous: string;
  readonly next: string;
}

/**
 * Rolling forward by months, as data: the recorded options change (more periods) and the refresh of
 * the larger plan adds the new period columns with the template's formulas, formats and validation and
 * rewrites the computed columns that span the periods. Input cells are never in it, so closed periods'
 * figures stay exactly as typed.
 */
export interface PeriodRollForward {
  readonly options: readonly OptionsChange[];
  readonly refresh: RefreshPlan;
  /** What will change, one line each; empty when nothing would be written. */
  readonly preview: readonly string[];
  /** What is not rolled and why (a budget's full fiscal year, a tracker at its limit). */
  readonly notes: readonly string[];
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The budget always holds its fiscal year's twelve months: say where the user is in it instead. */
function budgetLine(options: TemplateOptions): string {
  return `Team budget ${fiscalYearLabel(options)}: all 12 months of the fiscal year (${fiscalYearMonths(options)[0].label} to ${fiscalYearMonths(options)[11].label}) are already there; enter each month's actuals as it closes. After the last month, use "Next fiscal year" to start the next year's budget.`;
}

function kpiLine(
  options: TemplateOptions,
  months: number
): { line: string; next?: TemplateOptions } {
  const periods = trackedPeriods(options);
  const last = periods[periods.length - 1].label;
  if (options.periods + months > MAX_PERIODS)
    return {
      line: `KPI tracker: it already follows ${plural(options.periods, "month")} (${periods[0].label} to ${last}); adding ${plural(months, "month")} would pass the ${MAX_PERIODS} months a tracker can hold. Generate a new KPI tracker starting at the next month and keep this one as the record of those months.`,
    };
  const next = { ...options, periods: options.periods + months };
  const added = trackedPeriods(next).slice(options.periods);
  return {
    line: `KPI tracker: add ${added.map((p) => p.label).join(", ")} after ${last}; figures already entered stay as they are.`,
    next,
  };
}

/**
 * Plans rolling the newest KPI tracker forward by `months` (1 for a month, 3 for a quarter), and says
 * where the newest team budget stands. Pure: the preview is exactly what the adapter writes.
 */
export function planPeriodRollForward(
  readBack: WorkbookReadBack,
  months: number
): PeriodRollForward {
  const preview: string[] = [];
  const notes: string[] = [];
  const options: OptionsChange[] = [];
  const rolled: ReadTemplate[] = [];
  // The newest tracker and budget are the ones in use: earlier ones are kept as the record of their months.
  for (const t of latestPerTemplate(readBack.templates, (r) => r.record)) {
    const { templateId } = t.record;
    if (templateId === "team-budget") notes.push(budgetLine(t.record.options));
    if (templateId !== "kpi-tracker") continue;
    const { line, next } = kpiLine(t.record.options, months);
    (next ? preview : notes).push(line);
    if (!next) continue;
    options.push({
      row: t.metadataRow,
      previous: JSON.stringify(t.record.options),
      next: JSON.stringify(next),
    });
    rolled.push({ ...t, record: { ...t.record, options: next } });
  }
  if (
    readBack.templates.every((t) => !["kpi-tracker", "team-budget"].includes(t.record.templateId))
  )
    notes.push(
      "This workbook has no KPI tracker or team budget made by the add-in: there are no periods to roll forward."
    );
  // Only the rolled templates are refreshed: the roll forward changes nothing else in the workbook.
  const planned = planRefresh({ ...readBack, templates: rolled });
  const survey = surveyWorkbook(readBack);
  const titles = rolled.flatMap((t) => {
    const before = readBack.templates.find((r) => r.metadataRow === t.metadataRow);
    return before ? rolledTitles(survey, before.record, t.record) : [];
  });
  const refresh = { ...planned, cells: [...titles, ...planned.cells] };
  // The new period columns are announced above; refresh's own line would call them "back".
  const added = refresh.columns.map((c) => `add the column "${c.header}" back`);
  return {
    options,
    refresh,
    preview:
      options.length === 0
        ? []
        : [
            ...preview,
            ...refresh.preview
              .filter((l) => !added.some((a) => l.includes(a)))
              // Formulas spanning the months are rewritten over the larger range, not repaired.
              .map((l) =>
                l.includes("replacing")
                  ? l
                  : l.replace("restore the formula of", "extend the formula of")
              ),
            ...titles.map(
              (c) => `${c.sheet}!${c.address}: the title names the new range of months.`
            ),
          ],
    notes,
  };
}
