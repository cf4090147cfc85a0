import { checkWorkbook } from "../maintain/healthCheck";
import { ReadTemplate, WorkbookReadBack } from "../maintain/readBack";
import { surveyWorkbook } from "../maintain/survey";
import { latestPerTemplate } from "../metadata";
import { fiscalYearLabel, reportingDate } from "../options";
import { findTemplate, TEMPLATES, templateTitle } from "../templates";
import { AS_AT_KEYS } from "../templates/reportingDate";
import { readAdoption } from "./readAdoption";
import { readBudget } from "./readBudget";
import { readKpis } from "./readKpis";
import { readMaturity } from "./readMaturity";
import { readSavings } from "./readSavings";
import { readStaffing } from "./readStaffing";
import { refusal, unreadableOptions } from "./refusals";
import { DepartmentSubmission, RefusedFile, SubmittedTemplate } from "./submission";
import { templateReader, TemplateReader } from "./templateReader";

/**
 * One department's workbook, read through the layout of the template versions its metadata store
 * records (the same read-back in the pane and the CLI). Pure, and it never throws: a workbook it
 * cannot use comes back as a RefusedFile with the reason in plain words.
 */
export function readSubmission(
  file: string,
  readBack: WorkbookReadBack
): DepartmentSubmission | RefusedFile {
  try {
    return readChecked(file, readBack);
  } catch (error) {
    // The checks above cover every workbook this tool writes; anything else is damage.
    return {
      file,
      reason: `it could not be read (${(error as Error).message}). Open it in Excel, run Check workbook, repair it, and consolidate again.`,
    };
  }
}

function readChecked(file: string, readBack: WorkbookReadBack): DepartmentSubmission | RefusedFile {
  const refused = refusal(readBack);
  if (refused) return { file, reason: refused };
  const notes: string[] = [];
  // A store row whose options do not parse is left out (its templates cannot be planned) and said.
  const readable = readBack.templates.filter((t) => {
    const problem = unreadableOptions(t.record.options);
    if (problem)
      notes.push(
        `${templateTitle(t.record.templateId)} was not read: its recorded options ${problem}.`
      );
    return !problem;
  });
  if (readable.length === 0)
    return {
      file,
      reason: "its FinOps metadata sheet cannot be read: no template's options parse.",
    };
  const usable: WorkbookReadBack = { ...readBack, templates: readable };
  const survey = surveyWorkbook(usable);
  const newest = latestPerTemplate(readable, (t) => t.record);
  const readers = new Map<string, TemplateReader>();
  for (const t of newest) {
    const surveyed = survey.templates.find((s) => s.read.record === t.record);
    const title = templateTitle(t.record.templateId);
    const latest = findTemplate(t.record.templateId)?.version ?? t.record.version;
    if (!surveyed) {
      const why = survey.unplanned.find((u) => u.record === t.record)?.reason;
      notes.push(`${title} was not read${why ? `: ${why}` : ""}.`);
      continue;
    }
    readers.set(t.record.templateId, templateReader(file, survey, surveyed));
    if (t.record.version < latest)
      notes.push(
        `${title} read through its version ${t.record.version} layout; this tool writes version ${latest}.`
      );
    for (const sheet of surveyed.missingSheets) notes.push(`${title}: the sheet ${sheet} is gone.`);
  }
  // The last row written speaks for the workbook now (a budget rolled into the next fiscal year).
  const options = readable[readable.length - 1].record.options;
  const scorecard = readers.get("maturity-scorecard");
  const tracker = readers.get("kpi-tracker");
  const adoptionPlan = readers.get("adoption-plan");
  const teamBudget = readers.get("team-budget");
  const staffingPlan = readers.get("staffing-plan");
  const maturity = scorecard && readMaturity(scorecard);
  const savings = tracker && readSavings(tracker);
  const budget = teamBudget && readBudget(teamBudget, readers.get("executive-summary"));
  const submission: DepartmentSubmission = {
    file,
    department: departmentOf(readable, adoptionPlan, notes),
    organisation: options.organisation,
    lead: leadOf(readable),
    teamModel: options.teamModel,
    currency: options.currency,
    fiscalYear: fiscalYearLabel(options),
    asAt: asAtOf(readers) ?? reportingDate(options),
    lastUpdate: lastUpdate(readable),
    sampleFigures: readable.some((t) => t.record.options.sampleData),
    templates: newest.map(submitted),
    missingTemplates: TEMPLATES.map((t) => t.id).filter(
      (id) => !readable.some((t) => t.record.templateId === id)
    ),
    // The survey read the figures above; the health check compares the same one.
    healthErrors: checkWorkbook(usable, survey).findings.filter((f) => f.severity === "error")
      .length,
    maturity: maturity?.maturity,
    kpis: tracker ? readKpis(tracker) : [],
    adoption: adoptionPlan ? readAdoption(adoptionPlan) : { stages: [], escalations: [] },
    budget: budget?.budget,
    staffing: staffingPlan && readStaffing(staffingPlan),
    savings: savings?.savings,
    notes: [
      ...notes,
      ...(maturity?.notes ?? []),
      ...(savings?.notes ?? []),
      ...(budget?.notes ?? []),
      ...[...readers.values()].flatMap((r) => r.notFound),
    ],
  };
  return holdsFigures(submission)
    ? submission
    : {
        file,
        reason:
          "it holds nothing the roll-up uses: no maturity score, KPI, adoption activity, budget, staffing or savings figure could be read. Fill in the department's workbooks and consolidate again.",
      };
}

/**
 * The reporting date the figures are as at: typed in each template's settings (users move it on each
 * month), the team budget's first since the money is what a roll-up compares; the generation options'
 * date only when no template holds one (versions before the reporting date).
 */
function asAtOf(readers: ReadonlyMap<string, TemplateReader>): string | undefined {
  for (const id of ["team-budget", "kpi-tracker", "adoption-plan", "maturity-scorecard"]) {
    const key = AS_AT_KEYS[id];
    const date = key ? readers.get(id)?.date(key)?.value : undefined;
    if (date) return date;
  }
  return undefined;
}

function submitted(t: ReadTemplate): SubmittedTemplate {
  const { templateId, version } = t.record;
  return { templateId, version, latestVersion: findTemplate(templateId)?.version ?? version };
}

/** The recorded department (of the newest row that names one), else the organisation. */
/**
 * Whose figures these are: the department the workbook records. A workbook made before departments
 * were recorded names one only where a user typed the adoption plan's "Department being onboarded"
 * (a sample's value was typed by no one); else it speaks for its organisation.
 */
function departmentOf(
  rows: readonly ReadTemplate[],
  adoptionPlan: TemplateReader | undefined,
  notes: string[]
): string {
  const named = [...rows].reverse().find((t) => t.record.options.department?.trim());
  if (named) return named.record.options.department?.trim() ?? "";
  const last = rows[rows.length - 1].record.options;
  const typed = last.sampleData ? null : adoptionPlan?.text("adoptionDepartment")?.value?.trim();
  if (!typed) return last.organisation;
  notes.push(
    `The workbook records no department: "${typed}", the adoption plan's department being onboarded, is taken as it.`
  );
  return typed;
}

function leadOf(rows: readonly ReadTemplate[]): string | null {
  const named = [...rows].reverse().find((t) => t.record.options.departmentLead?.trim());
  return named?.record.options.departmentLead?.trim() ?? null;
}

/** The newest Updated stamp: stamps are ISO times, so the greatest text is the latest. */
function lastUpdate(templates: readonly ReadTemplate[]): string {
  return templates.map((t) => String(t.updated)).reduce((a, b) => (b > a ? b : a), "");
}

/** Whether anything the roll-up shows was read: a file of blanks would only add an empty column. */
function holdsFigures(s: DepartmentSubmission): boolean {
  const values = [
    s.maturity?.practiceScore.value,
    ...(s.maturity?.capabilities.map((c) => c.score.value) ?? []),
    ...s.kpis.map((k) => k.latestValue.value),
    s.budget?.budget.value,
    s.budget?.actualYtd.value,
    ...(s.staffing?.byModel.flatMap((m) => [m.fte.value, m.cost.value]) ?? []),
    s.savings?.validatedSavings.value,
    s.savings?.validatedAvoidance.value,
  ];
  return s.adoption.stages.length > 0 || values.some((v) => v !== null && v !== undefined);
}
