import type { FormulaMode } from "../../workbook/expr/renderFormula";
import { checkOptions, TeamModel, TEAM_MODELS, TemplateOptions } from "../../workbook/options";

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

/** Help text under each field: what it changes in the workbooks. */
export const FIELD_HELP: Record<OptionsField, string> = {
  organisation: 'Shown in every sheet\'s title, e.g. "Contoso Retail: FinOps team budget".',
  currency: "Three-letter ISO code for amounts: USD, EUR, GBP...",
  fiscalYearStartMonth: "The team budget follows this fiscal year.",
  firstPeriod:
    "The first month tracked (YYYY-MM); the budget covers the fiscal year that contains it.",
  periods: "How many months the KPI tracker follows (1 to 36).",
  teamModel: "How the FinOps team is organised; the staffing plan starts from it.",
  sampleData:
    "Fill the workbooks with an invented organisation's figures, to try them out. Off: empty tables ready for yours.",
  formulaMode:
    "FINOPS functions are easier to read; portable formulas give the same results in Excel without the add-in (for the CFO).",
  asAt: "The day the figures are as at: year to date, overdue reviews and activities. Empty: today (with sample data, the sample's date).",
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
