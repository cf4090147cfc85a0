import { dateSerial } from "../dates";
import { CellValue } from "../../domain/cellValue";
import { PlannedChart } from "../plan";
import { isRecordedScoreKey } from "../templates/maturity/capabilityHistory";
import { BoundTable, indexOf } from "./boundTable";
import { seedValue } from "./nextYearSeed";
import { RawCell, ReadTemplate, WorkbookReadBack } from "./readBack";
import { SurveyedTemplate, surveyWorkbook } from "./survey";
import { fractionText } from "../displayText";

/** The named results a record copies, by figure key (maturity scorecard, version 1). */
const COPIED = {
  date: "maturityAssessmentDate",
  score: "maturityScore",
  target: "maturityTargetScore",
  capabilities: "maturityCapabilitiesAssessed",
  checklistLevel: "maturityChecklistLevel",
} as const;

export const TREND_CHART = "Practice score trend";
export const RECORD_NOTE = "Recorded by the add-in";

/**
 * "Record assessment", as data: one row appended to the history table (the current practice score,
 * target, level formula, capabilities assessed, checklist level and date), and the trend chart's
 * series stretched over the history's rows. Nothing else is written.
 */
export interface AssessmentRecord {
  readonly sheet: string;
  readonly table: string;
  /** Data rows before the record: what undo deletes back to. */
  readonly rowsBefore: number;
  /** Data row written: a new last row, or the one empty row of a history with no record yet. */
  readonly index: number;
  readonly append: boolean;
  /** The row over the table's current columns: values, the template's formula, or null (left alone). */
  readonly row: readonly (string | number | boolean | null)[];
  /** What the empty row held before it was filled (put back on undo). */
  readonly previousRow: readonly { readonly formula: RawCell; readonly value: RawCell }[];
  /** The trend chart's title and its series' cells once the row is added. */
  readonly chart: {
    readonly title: string;
    readonly categories: string;
    readonly series: readonly { readonly name: string; readonly values: string }[];
  };
  /** The previous series cells, put back on undo. */
  readonly previousChart: AssessmentRecord["chart"];
  readonly preview: readonly string[];
  /** What is left out and why: scored capabilities the history has no column for. */
  readonly notes: readonly string[];
}

const asText = (serial: number) =>
  new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);

const percent = (value: number) => fractionText(value, 1);

function chartOver(
  bound: BoundTable,
  rows: number,
  planned: PlannedChart
): AssessmentRecord["chart"] {
  const at = (header: string) =>
    bound.read.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
  const dates = indexOf(bound, "date");
  return {
    title: planned.title,
    categories: bound.columnAddress(dates, 0, rows),
    series: planned.series.map((s) => ({
      name: s.name,
      values: bound.columnAddress(at(s.name), 0, rows),
    })),
  };
}

/**
 * The capability table's scores now, by capability name (lower case). Capabilities not scored show
 * "" (or an error) and are left out: a blank in the history means "not assessed then".
 */
function capabilityScores(t: SurveyedTemplate): Map<string, { name: string; score: number }> {
  const scores = new Map<string, { name: string; score: number }>();
  const bound = t.tables.find((x) => x.template.key === "maturityCapabilities")?.bound;
  if (!bound) return scores;
  const [names, values] = [indexOf(bound, "capability"), indexOf(bound, "score")];
  if (names < 0 || values < 0) return scores;
  for (let r = 0; r < bound.rows; r += 1) {
    const name = bound.cell(r, names).value;
    const score = bound.cell(r, values).value;
    if (typeof name === "string" && name.trim() !== "" && typeof score === "number")
      scores.set(name.trim().toLowerCase(), { name: name.trim(), score });
  }
  return scores;
}

/**
 * Plans recording the current assessment. `today` is used when the scorecard's assessment date is
 * empty and no date is given. Returns a sentence instead when there is nothing to record.
 */
export function planAssessmentRecord(
  readBack: WorkbookReadBack,
  today: Date,
  date?: Date
): AssessmentRecord | string {
  // The newest scorecard is the one in use (the store lists every copy, oldest first).
  const read = [...readBack.templates]
    .reverse()
    .find((t) => t.record.templateId === "maturity-scorecard");
  if (!read) return "This workbook has no maturity scorecard made by the add-in.";
  const survey = surveyWorkbook({ ...readBack, templates: [read as ReadTemplate] });
  const t = survey.templates[0];
  if (!t)
    return `The maturity scorecard cannot be read: ${survey.unplanned[0]?.reason ?? "unknown"}.`;
  const bound = t.tables.find((x) => x.template.key === "maturityHistory")?.bound;
  if (!bound)
    return "The maturity scorecard's assessment history table is missing: run Check workbook and Repair first.";
  const planned = t.expected.sheets.flatMap((s) => s.charts).find((c) => c.title === TREND_CHART);
  const missing = bound.missing.filter((c) => ["date", "score", "target"].includes(c.key));
  if (!planned || missing.length > 0)
    return `The history table lacks ${missing.map((c) => c.header).join(", ")}: run Check workbook and Repair first.`;
  const value = (key: string): CellValue => {
    const figure = t.figures.find((f) => f.figure.key === key);
    return figure ? seedValue(survey.cellAt(figure.sheet, figure.address).value as RawCell) : null;
  };
  const score = value(COPIED.score);
  if (typeof score !== "number")
    return "There is no practice score to record yet: score at least one capability and enter the assessment date.";
  const entered = value(COPIED.date);
  const serial = date
    ? dateSerial(date)
    : typeof entered === "number"
      ? entered
      : dateSerial(today);
  const target = value(COPIED.target);
  const cells: Record<string, CellValue> = {
    date: serial,
    score,
    target: typeof target === "number" ? target : null,
    capabilities: value(COPIED.capabilities),
    checklistLevel: value(COPIED.checklistLevel),
    note: RECORD_NOTE,
  };
  // Version 2 keeps each capability's score in a column headed by its name, in the same row.
  const scores = capabilityScores(t);
  const recordedColumns = bound.present.filter((p) => isRecordedScoreKey(p.column.key));
  const recorded = new Set<string>();
  const row = bound.read.headers.map((header) => {
    const column = bound.template.columns.find(
      (c) => c.header.toLowerCase() === header.toLowerCase()
    );
    if (!column) return null;
    if (column.kind === "computed") return column.formula ?? null;
    const capability = isRecordedScoreKey(column.key) && scores.get(header.trim().toLowerCase());
    if (capability) recorded.add(capability.name.toLowerCase());
    const v = capability ? capability.score : cells[column.key];
    if (v === null || v === undefined || typeof v === "object") return null;
    // Text is written as text: a level or a note can never become a formula.
    return typeof v === "string" ? `'${v}` : v;
  });
  const rows = bound.rows;
  // A generated table with no history yet holds one empty row: the record fills it instead.
  const firstEmpty = rows === 1 && bound.cell(0, indexOf(bound, "score")).formula === "";
  const after = firstEmpty ? 1 : rows + 1;
  const unrecorded = [...scores.values()].filter((c) => !recorded.has(c.name.toLowerCase()));
  const withScores =
    recordedColumns.length === 0
      ? ""
      : ` and ${recorded.size === 1 ? "1 capability score" : `${recorded.size} capability scores`}`;
  return {
    sheet: bound.read.sheet,
    table: bound.read.name,
    rowsBefore: rows,
    index: firstEmpty ? 0 : rows,
    append: !firstEmpty,
    row,
    previousRow: firstEmpty ? bound.read.headers.map((_, c) => bound.cell(0, c)) : [],
    chart: chartOver(bound, after, planned),
    previousChart: chartOver(bound, rows, planned),
    preview: [
      `${bound.read.sheet}: add ${asText(serial)} to the assessment history: practice score ${percent(score)}${typeof target === "number" ? ` against a target of ${percent(target)}` : ""}, with its level${withScores}.`,
      `${bound.read.sheet}: the chart "${planned.title}" covers the ${after} recorded ${after === 1 ? "assessment" : "assessments"}.`,
    ],
    notes:
      recordedColumns.length === 0 || unrecorded.length === 0
        ? []
        : [
            `Not recorded, since the history has no column headed with their name: ${unrecorded.map((c) => c.name).join(", ")}.`,
          ],
  };
}
