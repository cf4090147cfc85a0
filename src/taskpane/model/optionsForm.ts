import type { FormulaMode } from "../../workbook/expr/renderFormula";
import {
  checkOptions,
  DEFAULT_OPTIONS,
  TeamModel,
  TEAM_MODELS,
  TemplateOptions,
} from "../../workbook/options";

/** The form's fields as typed (text fields stay text until read, so a half-typed number is not lost). */
export interface OptionsDraft {
  readonly organisation: string;
  readonly currency: string;
  readonly fiscalYearStartMonth: string;
  readonly firstPeriod: string;
  readonly periods: string;
  readonly teamModel: TeamModel;
  readonly sampleData: boolean;
  readonly formulaMode: FormulaMode;
  /** "YYYY-MM-DD", or "" for today (with sample data, the sample's own date). */
  readonly asAt: string;
  /** The department the workbook is for, or "" for the whole organisation. */
  readonly department: string;
  /** The department's FinOps lead, or "". */
  readonly departmentLead: string;
}

export type OptionsField = keyof TemplateOptions;
export type FieldErrors = Partial<Record<OptionsField, string>>;

export const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

export const TEAM_MODEL_LABELS: Record<TeamModel, string> = {
  central: "Central team",
  "hub-and-spoke": "Hub and spoke",
  virtual: "Virtual team",
};
export const TEAM_MODEL_CHOICES = TEAM_MODELS.map((model) => ({
  value: model,
  label: TEAM_MODEL_LABELS[model],
}));

export const FORMULA_MODE_LABELS: Record<FormulaMode, string> = {
  addin: "FINOPS functions (needs this add-in)",
  portable: "Portable formulas (for people without the add-in)",
};

/**
 * Where the form starts in a workbook with no saved options: nothing invented. No organisation (the
 * field shows an example), empty tables rather than sample figures, and this month as the first one.
 */
export function startingOptions(now: Date): TemplateOptions {
  const month = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
  return { ...DEFAULT_OPTIONS, organisation: "", sampleData: false, firstPeriod: month };
}

/** The currencies offered first; every other ISO 4217 code follows them. */
const COMMON_CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CAD", "AUD", "CHF", "INR", "CNY", "SEK"];

export interface Choice {
  readonly value: string;
  readonly label: string;
}

/** "EUR: Euro", in English (the pane's language) where the browser knows the names. */
function currencyLabel(code: string, names?: Intl.DisplayNames): string {
  const name = names?.of(code);
  return name && name !== code ? `${code}: ${name}` : code;
}

/**
 * The currency picker's choices: common first, then every code the browser knows, and the current
 * value when it is neither (a saved option from a browser with a longer list).
 */
export function currencyChoices(current: string): { common: Choice[]; other: Choice[] } {
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  const all = supported ? supported("currency") : [];
  const names =
    typeof Intl.DisplayNames === "function"
      ? new Intl.DisplayNames("en", { type: "currency" })
      : undefined;
  const other = [...new Set([...all, current])]
    .filter((code) => code !== "" && !COMMON_CURRENCIES.includes(code))
    .sort();
  return {
    common: COMMON_CURRENCIES.map((code) => ({ value: code, label: currencyLabel(code, names) })),
    other: other.map((code) => ({ value: code, label: currencyLabel(code, names) })),
  };
}

/** Years the first tracked month can be in: a few back (to catch up) and a few ahead (to plan). */
export function yearChoices(now: Date, current: string): string[] {
  const year = now.getFullYear();
  const years = Array.from({ length: 8 }, (_, i) => String(year - 5 + i));
  const chosen = /^\d{4}/.exec(current)?.[0];
  return chosen && !years.includes(chosen) ? [chosen, ...years].sort() : years;
}

/** Help text under each field: what it changes in the workbooks. */
export const FIELD_HELP: Record<OptionsField, string> = {
  organisation: 'Shown in every sheet\'s title, e.g. "Northwind Traders: FinOps team budget".',
  currency: "Every amount in the templates is in this currency.",
  fiscalYearStartMonth: "The team budget follows this fiscal year.",
  firstPeriod: "The budget covers the fiscal year that contains this month.",
  periods: "How many months the KPI tracker follows (1 to 36).",
  teamModel: "How the FinOps team is organised; the staffing plan starts from it.",
  sampleData:
    "Empty tables are ready for your figures. Sample figures are invented, to try the templates out; every sheet's title then says so.",
  formulaMode:
    "FINOPS functions are easier to read; portable formulas give the same results in Excel without the add-in (for the CFO).",
  asAt: "The day the figures are as at: year to date, overdue reviews and activities. Empty: today (with sample data, the sample's date).",
  department:
    'For one department\'s workbook (hub and spoke): named in every title, e.g. "Northwind Traders, Payments: FinOps team budget", and recorded for the enterprise roll-up. Empty: the whole organisation.',
  departmentLead: "The department's FinOps lead, recorded with the department.",
  departments: "The departments an enterprise roll-up consolidates.",
};

export function draftFrom(options: TemplateOptions): OptionsDraft {
  return {
    organisation: options.organisation,
    currency: options.currency,
    fiscalYearStartMonth: String(options.fiscalYearStartMonth),
    firstPeriod: options.firstPeriod,
    periods: String(options.periods),
    teamModel: options.teamModel,
    sampleData: options.sampleData,
    formulaMode: options.formulaMode,
    asAt: options.asAt ?? "",
    department: options.department ?? "",
    departmentLead: options.departmentLead ?? "",
  };
}

const toNumber = (text: string) => (text.trim() === "" ? NaN : Number(text.trim()));

/** The options the draft stands for and what is wrong with them, one plain message per field. */
export function readDraft(draft: OptionsDraft): { options: TemplateOptions; errors: FieldErrors } {
  const options: TemplateOptions = {
    organisation: draft.organisation.trim(),
    currency: draft.currency.trim().toUpperCase(),
    fiscalYearStartMonth: toNumber(draft.fiscalYearStartMonth),
    firstPeriod: draft.firstPeriod.trim(),
    periods: toNumber(draft.periods),
    teamModel: draft.teamModel,
    sampleData: draft.sampleData,
    formulaMode: draft.formulaMode,
    ...(draft.asAt.trim() === "" ? {} : { asAt: draft.asAt.trim() }),
    ...(draft.department.trim() === "" ? {} : { department: draft.department.trim() }),
    ...(draft.departmentLead.trim() === "" ? {} : { departmentLead: draft.departmentLead.trim() }),
  };
  return { options, errors: checkOptions(options) };
}

/** Errors shown inline: a field's once the user has left it, every field's after a Create attempt. */
export function visibleErrors(
  errors: FieldErrors,
  touched: ReadonlySet<OptionsField>,
  submitted: boolean
): FieldErrors {
  if (submitted) return errors;
  return Object.fromEntries(
    Object.entries(errors).filter(([field]) => touched.has(field as OptionsField))
  );
}
