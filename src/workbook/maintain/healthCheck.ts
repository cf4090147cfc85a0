import { TableBlock } from "../spec";
import { checkAcrossSheets } from "./checkAcrossSheets";
import { checkBudget, checkBudgetDetail } from "./checkBudget";
import { checkOverdue } from "./checkOverdue";
import { checkCharts } from "./checkCharts";
import { checkComputed } from "./checkComputed";
import { checkFormats } from "./checkFormats";
import { checkInputs } from "./checkInputs";
import { checkPeriodGaps } from "./checkPeriods";
import { checkPortable } from "./checkPortable";
import { checkRaci } from "./checkRaci";
import { checkStructure } from "./checkStructure";
import { computedCells } from "./computedCells";
import { Finding, sortFindings } from "./findings";
import { asCellValue } from "./grid";
import { WorkbookReadBack } from "./readBack";
import { lostTables, Survey, SurveyedTemplate, surveyWorkbook } from "./survey";
import { pendingUpgrades } from "./upgradePlan";
import { templateTitle } from "../templates";

export interface HealthReport {
  /** Errors first, then warnings, then notes; each with its sheet and cell address. */
  readonly findings: readonly Finding[];
  /** Template ids compared with their template. */
  readonly checked: readonly string[];
  /** How many findings refresh repairs. */
  readonly repairable: number;
}

/**
 * The health check: the workbook as read back against the templates it records. Pure. A caller
 * that has surveyed the same read-back already passes its survey.
 */
export function checkWorkbook(
  readBack: WorkbookReadBack,
  survey: Survey = surveyWorkbook(readBack)
): HealthReport {
  const lost = lostTables(survey);
  const findings: Finding[] = survey.unplanned.map((u) => ({
    severity: "info",
    kind: "notChecked",
    templateId: u.record.templateId,
    sheet: u.record.sheets[0] ?? "",
    address: "",
    what: `${templateTitle(u.record.templateId)} was not checked: ${u.reason}.`,
    fix: "Nothing to do now; a later version of the add-in can upgrade it.",
    repairable: false,
  }));
  for (const t of survey.templates) findings.push(...checkTemplate(survey, t, lost));
  findings.push(...checkAcrossSheets(survey));
  // Checked as the version that made it (not broken), and told that a newer one is there.
  for (const { read, template } of pendingUpgrades(readBack))
    findings.push({
      severity: "info",
      kind: "upgradeAvailable",
      templateId: template.id,
      sheet: read.record.sheets[0] ?? "",
      address: "",
      what: `${template.title} is at version ${read.record.version}; version ${template.version} of the template is available.`,
      fix: "Upgrade shows what changes, then moves it to the new version, keeping everything you typed.",
      repairable: false,
    });
  const sorted = sortFindings(findings);
  return {
    findings: sorted,
    checked: survey.templates.map((t) => t.expected.record.templateId),
    repairable: sorted.filter((f) => f.repairable).length,
  };
}

function checkTemplate(survey: Survey, t: SurveyedTemplate, lost: readonly string[]): Finding[] {
  const templateId = t.expected.record.templateId;
  const cells = computedCells(survey, t, lost);
  const findings = [
    ...checkStructure(t),
    ...checkCharts(survey, t),
    ...checkComputed(cells, t.expected.record.options.formulaMode === "portable"),
    ...checkPortable(survey, t, new Set(cells.map((c) => `${c.sheet}!${c.address}`))),
  ];
  const nameValue = (key: string) => {
    const at = t.figures.find((f) => f.figure.key === key);
    return at ? asCellValue(survey.cellAt(at.sheet, at.address).value) : null;
  };
  const budgeted = t.figures.some((f) => f.figure.key === "budgetTolerance");
  for (const { template, bound } of t.tables) {
    if (!bound) continue;
    const spec = t.expected.spec.sheets
      .flatMap((s) => s.blocks)
      .find((b): b is TableBlock => b.kind === "table" && b.key === template.key);
    findings.push(
      ...checkInputs(templateId, bound),
      ...checkRaci(templateId, bound),
      ...checkPeriodGaps(templateId, bound),
      ...checkFormats(templateId, bound)
    );
    if (spec && budgeted)
      findings.push(...checkBudget(templateId, bound, spec, nameValue, t.expected.record.options));
    if (spec) findings.push(...checkOverdue(templateId, bound, spec, nameValue));
  }
  findings.push(...checkBudgetDetail(templateId, t.tables));
  return findings;
}
