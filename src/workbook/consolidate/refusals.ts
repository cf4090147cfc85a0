import { WorkbookReadBack } from "../maintain/readBack";
import { checkOptions, TemplateOptions } from "../options";
import { findTemplate, templateTitle } from "../templates";

/**
 * Why a workbook cannot be consolidated at all, in words the user can act on; undefined when it can
 * be read. A file made by a newer version is refused whole: its layout is not known here, and half a
 * department in the roll-up would look complete.
 */
export function refusal(readBack: WorkbookReadBack): string | undefined {
  if (readBack.templates.length === 0)
    return (readBack.storeRows ?? 0) === 0
      ? "not made by FinOps Practice Workbooks: it has no FinOps metadata sheet. Consolidate the workbooks the tool generated for each department (generate --department)."
      : "its FinOps metadata sheet lists no templates, so nothing in it can be found. Consolidate the workbooks the tool generated for each department.";
  for (const { record } of readBack.templates) {
    const template = findTemplate(record.templateId);
    if (!template)
      return `made by a newer version of FinOps Practice Workbooks: it holds a template this version does not know ("${record.templateId}"). Update the add-in (or the finops-workbooks CLI) and consolidate again.`;
    if (record.version > template.version)
      return `made by a newer version of FinOps Practice Workbooks: its ${templateTitle(record.templateId)} is at version ${record.version}, and this version knows up to ${template.version}. Update the add-in (or the finops-workbooks CLI) and consolidate again.`;
  }
  return undefined;
}

const REQUIRED = {
  organisation: "string",
  currency: "string",
  firstPeriod: "string",
  teamModel: "string",
  fiscalYearStartMonth: "number",
  periods: "number",
} as const;
const OPTIONAL_TEXT = ["department", "departmentLead", "asAt"] as const;

/** What is wrong with recorded options (a hand-edited store row), or undefined when they read. */
export function unreadableOptions(options: unknown): string | undefined {
  if (typeof options !== "object" || options === null) return "are not a set of options";
  const o = options as Record<string, unknown>;
  const wrong = [
    ...Object.entries(REQUIRED).filter(([field, type]) => typeof o[field] !== type),
    ...OPTIONAL_TEXT.filter((f) => o[f] !== undefined && typeof o[f] !== "string").map((f) => [f]),
  ].map(([field]) => field);
  if (wrong.length > 0) return `have no usable ${wrong.join(", ")}`;
  const problems = Object.keys(checkOptions(options as TemplateOptions));
  return problems.length > 0 ? `have no usable ${problems.join(", ")}` : undefined;
}
