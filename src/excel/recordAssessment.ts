import { AssessmentRecord, planAssessmentRecord } from "../workbook/maintain/assessmentRecord";
import { asWritten } from "./applyRefresh";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { readWorkbook } from "./readWorkbook";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";

export interface AssessmentResult {
  /** What was (or, from the preview, would be) changed, one line each; empty: nothing recorded. */
  readonly changes: readonly string[];
  /** Why nothing is recorded, when that is so. */
  readonly notes: readonly string[];
}

/**
 * The trend chart's index among the sheet's charts, found by title: one sync for the charts, one for
 * their titles. -1 when the user removed it (the row is still recorded).
 */
async function findChart(context: Excel.RequestContext, record: AssessmentRecord): Promise<number> {
  const charts = context.workbook.worksheets.getItem(record.sheet).charts.load("items/name");
  await context.sync();
  const titles = charts.items.map((chart) => chart.title.load("text"));
  await context.sync();
  return titles.findIndex((title) => title.text === record.chart.title);
}

function queueChart(sheet: Excel.Worksheet, index: number, chart: AssessmentRecord["chart"]): void {
  if (index < 0) return;
  const found = sheet.charts.getItemAt(index);
  chart.series.forEach((s, i) => {
    const series = found.series.getItemAt(i);
    series.setValues(sheet.getRange(s.values));
    series.setXAxisValues(sheet.getRange(chart.categories));
  });
}

function rowRange(workbook: Excel.Workbook, record: AssessmentRecord): Excel.Range {
  return workbook.tables
    .getItem(record.table)
    .getDataBodyRange()
    .getCell(record.index, 0)
    .getResizedRange(0, record.row.length - 1);
}

/** What "Record assessment" would add now, changing nothing (three syncs). */
export async function previewAssessment(
  host: ExcelHost = officeHost(),
  date?: Date
): Promise<AssessmentResult> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(async (context) => {
      const record = planAssessmentRecord(await readWorkbook(context), nowOf(host), date);
      return typeof record === "string"
        ? { changes: [], notes: [record] }
        : { changes: record.preview, notes: record.notes };
    });
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

/**
 * "Record assessment": copies the practice score, target, level, capabilities assessed, checklist level,
 * each scored capability's score (scorecard version 2) and the date (given, else the scorecard's
 * assessment date, else today) into one history row and stretches the trend chart over it. Seven syncs whatever the history's length: three to read, two to
 * find the chart, one write with calculation suspended, one recalculation. On failure the row and the
 * chart's series are put back.
 */
export async function recordAssessment(
  host: ExcelHost = officeHost(),
  date?: Date
): Promise<WithUndo<AssessmentResult>> {
  checkHost(host.requirements);
  return asOneUndoStep(host, (h) => record(h, date));
}

async function record(host: ExcelHost, date?: Date): Promise<Reverting<AssessmentResult>> {
  let written: { record: AssessmentRecord; chart: number } | undefined;
  try {
    return await host.excel.run(async (context) => {
      const record = planAssessmentRecord(await readWorkbook(context), nowOf(host), date);
      if (typeof record === "string") return { changes: [], notes: [record] };
      const chart = await findChart(context, record);
      const workbook = context.workbook;
      workbook.application.suspendApiCalculationUntilNextSync();
      written = { record, chart };
      // The row is added empty (calculated columns fill themselves), then written as formulas so the
      // Level formula and the values go in one assignment.
      if (record.append) workbook.tables.getItem(record.table).rows.add();
      rowRange(workbook, record).formulas = [record.row] as unknown as string[][];
      queueChart(workbook.worksheets.getItem(record.sheet), chart, record.chart);
      await context.sync();
      workbook.application.calculate("Full");
      await context.sync();
      const changes = chart < 0 ? record.preview.slice(0, 1) : record.preview;
      const notes = [
        ...record.notes,
        ...(chart < 0 ? [`The chart "${record.chart.title}" is not on the sheet any more.`] : []),
      ];
      return { changes, notes, revert: () => undoRecord(host, record, chart) };
    });
  } catch (error) {
    const failure = explain(error, "Recording the assessment");
    if (!written) throw failure;
    const undone = await undoRecord(rollbackHost(host), written.record, written.chart).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: the history is as it was.`
        : `${failure.message} The history may hold a partly written row; check the last row of ${written.record.table}.`,
      failure.code,
      !undone
    );
  }
}

/** Removes the added row (or empties the filled one) and points the chart at the earlier rows. */
async function undoRecord(host: ExcelHost, record: AssessmentRecord, chart: number): Promise<void> {
  await host.excel.run(async (context) => {
    const workbook = context.workbook;
    const rows = workbook.tables.getItem(record.table).rows.load("count");
    await context.sync();
    if (record.append) {
      if (rows.count > record.rowsBefore)
        workbook.tables.getItem(record.table).rows.getItemAt(record.index).delete();
    } else {
      rowRange(workbook, record).formulas = [
        record.previousRow.map(({ formula, value }) => asWritten(formula, value)),
      ] as unknown as string[][];
    }
    queueChart(workbook.worksheets.getItem(record.sheet), chart, record.previousChart);
    await context.sync();
  });
}
