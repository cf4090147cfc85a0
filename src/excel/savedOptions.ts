import { FormulaMode } from "../workbook/expr/renderFormula";
import { checkOptions, TemplateOptions } from "../workbook/options";
import { ExcelHost, officeHost } from "./host";

/** The workbook setting that remembers the options last used to generate into this workbook. */
export const OPTIONS_SETTING = "FinOps.TemplateOptions";
/** workbook.settings arrived with ExcelApi 1.4. */
const SETTINGS_API = "1.4";

const FORMULA_MODES: readonly FormulaMode[] = ["addin", "portable"];

/**
 * Options read back from a setting, or undefined when they are missing, from another version, edited
 * by hand or no longer valid: the form then starts from the defaults rather than from something broken.
 */
export function parseSavedOptions(saved: unknown): TemplateOptions | undefined {
  let value = saved;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== "object" || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (
    typeof v.organisation !== "string" ||
    typeof v.currency !== "string" ||
    typeof v.fiscalYearStartMonth !== "number" ||
    typeof v.firstPeriod !== "string" ||
    typeof v.periods !== "number" ||
    typeof v.teamModel !== "string" ||
    typeof v.sampleData !== "boolean" ||
    !FORMULA_MODES.includes(v.formulaMode as FormulaMode)
  ) {
    return undefined;
  }
  const options: TemplateOptions = {
    organisation: v.organisation,
    currency: v.currency,
    fiscalYearStartMonth: v.fiscalYearStartMonth,
    firstPeriod: v.firstPeriod,
    periods: v.periods,
    teamModel: v.teamModel as TemplateOptions["teamModel"],
    sampleData: v.sampleData,
    formulaMode: v.formulaMode as FormulaMode,
    // A department's workbook stays the department's: templates added later name it too.
    ...(typeof v.department === "string" ? { department: v.department } : {}),
    ...(typeof v.departmentLead === "string" ? { departmentLead: v.departmentLead } : {}),
  };
  return Object.keys(checkOptions(options)).length === 0 ? options : undefined;
}

const settingsSupported = (host: ExcelHost) =>
  host.requirements?.isSetSupported("ExcelApi", SETTINGS_API) === true;

/** The options this workbook last generated with (one sync), or undefined; never throws. */
export async function loadSavedOptions(
  host: ExcelHost = officeHost()
): Promise<TemplateOptions | undefined> {
  if (!settingsSupported(host)) return undefined;
  try {
    return await host.excel.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(OPTIONS_SETTING);
      setting.load("value");
      await context.sync();
      return setting.isNullObject ? undefined : parseSavedOptions(setting.value);
    });
  } catch {
    return undefined;
  }
}

/** Remembers the options in the workbook (one sync). Returns false when Excel could not save them. */
export async function saveOptions(
  options: TemplateOptions,
  host: ExcelHost = officeHost()
): Promise<boolean> {
  if (!settingsSupported(host)) return false;
  try {
    await host.excel.run(async (context) => {
      context.workbook.settings.add(OPTIONS_SETTING, JSON.stringify(options));
      await context.sync();
    });
    return true;
  } catch {
    return false;
  }
}
