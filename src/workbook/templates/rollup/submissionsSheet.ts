import { CellValue } from "../../../domain/cellValue";
import { Consolidation, DepartmentSubmission, Sourced } from "../../consolidate/submission";
import { ColumnSpec, TableBlock } from "../../spec";
import { adoptionPlan } from "../adoptionPlan";
import { decisionModel } from "../decisionModel";
import { executiveSummary } from "../executiveSummary";
import { kpiTracker } from "../kpiTracker";
import { maturityScorecard } from "../maturityScorecard";
import { staffingPlan } from "../staffingPlan";
import { teamBudget } from "../teamBudget";
import { SOURCES_TABLE, SUBMISSIONS_TABLE } from "./rollupKeys";
import { excelSerial } from "../../dates";
import { isIsoDate } from "../../options";
import { textInput } from "./rollupValues";
import { Shown, shownValue } from "./shownValue";

/**
 * Where the roll-up came from: a row per department's file (its templates and versions, health-check
 * errors, what it lacks) and a row per figure taken from a file, with the file, sheet and cell.
 */

// The practice set's titles, imported one by one: the templates index lists the roll-up itself.
const TITLES = new Map(
  [
    executiveSummary,
    teamBudget,
    staffingPlan,
    kpiTracker,
    maturityScorecard,
    decisionModel,
    adoptionPlan,
  ].map((t) => [t.id, t.title])
);
const titleOf = (id: string) => TITLES.get(id) ?? id;

/** "Team budget v4, KPI tracker v2 (current v3)": an older version was read through its own layout. */
export function versionsText(submission: DepartmentSubmission): string {
  return submission.templates
    .map(
      (t) =>
        `${titleOf(t.templateId)} v${t.version}${t.version < t.latestVersion ? ` (current v${t.latestVersion})` : ""}`
    )
    .join(", ");
}

/** An ISO date as a date cell; anything else kept as it was read. */
const dateCell = (text: string): CellValue => (isIsoDate(text) ? excelSerial(text) : text);

/**
 * A metadata Updated stamp ("2026-12-07T13:17:35.248Z") as a date cell: shown as the day, sorted to
 * the minute by the time it keeps (UTC); a stamp that is not a time is kept as it was read.
 */
function updatedCell(stamp: string): CellValue {
  const ms = /^\d{4}-\d{2}-\d{2}T/.test(stamp) ? Date.parse(stamp) : NaN;
  return Number.isNaN(ms) ? dateCell(stamp) : ms / 86_400_000 + 25_569;
}

export function submissionsTable(consolidation: Consolidation | undefined): TableBlock {
  const rows = (consolidation?.submissions ?? []).map((s) => ({
    values: {
      department: s.department,
      file: s.file,
      asAt: dateCell(s.asAt),
      lastUpdate: updatedCell(s.lastUpdate),
      versions: versionsText(s),
      healthErrors: s.healthErrors,
      missing: s.missingTemplates.map(titleOf).join(", ") || "None",
      notes: s.notes.join(" "),
    },
  }));
  return {
    kind: "table",
    key: SUBMISSIONS_TABLE,
    name: "RollupSubmissions",
    caption: "Submissions: each department's file as read",
    columns: [
      textInput("department", "Department", 18),
      { ...textInput("file", "File", 26), wrap: true },
      { key: "asAt", header: "Figures as at", kind: "input", type: "date" },
      { key: "lastUpdate", header: "Last update", kind: "input", type: "date" },
      { ...textInput("versions", "Template versions", 44), wrap: true },
      {
        key: "healthErrors",
        header: "Health-check errors",
        kind: "input",
        type: "integer",
        width: 12,
      },
      { ...textInput("missing", "Missing templates", 30), wrap: true },
      { ...textInput("notes", "How it was read", 60), wrap: false },
    ],
    printedColumns: 7,
    rows,
  };
}

interface SourcedFigure {
  readonly figure: string;
  readonly value: Sourced<CellValue>;
  readonly shown: Shown;
}

const SHARE: Shown = { as: "share" };
const PLAIN: Shown = { as: "plain" };

/** Every figure of a submission with a label, in the order the roll-up shows them. */
function figures(s: DepartmentSubmission): SourcedFigure[] {
  const m = s.maturity;
  const money: Shown = { as: "money", currency: s.currency };
  const list: SourcedFigure[] = [];
  const add = (figure: string, value: Sourced<CellValue> | undefined, shown: Shown) => {
    if (value) list.push({ figure, value, shown });
  };
  add("Practice score", m?.practiceScore, SHARE);
  add("Practice level", m?.level, PLAIN);
  add("Target score", m?.targetScore, SHARE);
  add("Assessment date", m?.assessmentDate, PLAIN);
  for (const c of m?.capabilities ?? []) {
    add(`Score: ${c.capability}`, c.score, SHARE);
    add(`Target: ${c.capability}`, c.target, SHARE);
  }
  for (const l of m?.lenses ?? []) add(`Lens: ${l.lens}`, l.score, SHARE);
  for (const k of s.kpis) {
    add(`${k.kpi}: latest value`, k.latestValue, { as: "kpi", unit: k.unit });
    add(`${k.kpi}: period`, k.latestPeriod, PLAIN);
    add(`${k.kpi}: status`, k.status, PLAIN);
  }
  for (const stage of s.adoption.stages)
    add(
      `Adoption, ${stage.stage}: activities done`,
      { value: `${stage.done} of ${stage.activities}`, source: stage.source },
      PLAIN
    );
  for (const e of s.adoption.escalations)
    add(`Escalation: ${e.activity}`, { value: e.status, source: e.source }, PLAIN);
  add("Team budget, fiscal year", s.budget?.budget, money);
  add("Team budget, year to date", s.budget?.budgetYtd, money);
  add("Team actual, year to date", s.budget?.actualYtd, money);
  for (const c of s.budget?.byCategory ?? []) {
    add(`Budget FY: ${c.category}`, c.budget, money);
    add(`Actual YTD: ${c.category}`, c.actualYtd, money);
  }
  add("Return on the team's cost (TeamROI)", s.budget?.returnOnTeamCost, SHARE);
  add("Annual cloud spend", s.staffing?.cloudSpend, money);
  for (const b of s.staffing?.byModel ?? []) {
    add(`FTE: ${b.model}`, b.fte, { as: "fte" });
    add(`Loaded cost: ${b.model}`, b.cost, money);
  }
  add("Validated savings", s.savings?.validatedSavings, money);
  add("Validated cost avoidance", s.savings?.validatedAvoidance, money);
  // A figure the workbook does not have points at no cell: nothing was taken from the file.
  return list.filter((f) => f.value.source.cell !== "");
}

export function sourcesTable(consolidation: Consolidation | undefined): TableBlock {
  const rows = (consolidation?.submissions ?? []).flatMap((s) =>
    figures(s).map(({ figure, value, shown }) => ({
      values: {
        department: s.department,
        figure,
        value: shownValue(value.value, shown),
        file: value.source.file,
        sheet: value.source.sheet,
        cell: value.source.cell,
      },
    }))
  );
  const columns: ColumnSpec[] = [
    textInput("department", "Department", 18),
    { ...textInput("figure", "Figure", 40), wrap: true },
    // A score, an amount, a level, a period: as the department's sheet shows it (shownValue.ts).
    textInput("value", "Value", 16),
    { ...textInput("file", "File", 26), wrap: true },
    textInput("sheet", "Sheet", 20),
    { ...textInput("cell", "Cell", 10), wrap: false },
  ];
  return {
    kind: "table",
    key: SOURCES_TABLE,
    name: "RollupSources",
    caption: "Sources: every figure taken from a department's file, with its sheet and cell",
    columns,
    rows,
  };
}
