import { monthEnd } from "./dates";
import { FormulaMode } from "./expr/renderFormula";

/** What the user chooses when generating (the task pane's options form, the CLI's flags). */
export interface TemplateOptions {
  readonly organisation: string;
  /** ISO 4217 code, e.g. "EUR". */
  readonly currency: string;
  /** Month the fiscal year starts, 1 (January) to 12. */
  readonly fiscalYearStartMonth: number;
  /** First tracked month, "YYYY-MM"; the budget covers the fiscal year that contains it. */
  readonly firstPeriod: string;
  /** Number of monthly periods the KPI tracker follows, 1 to 36. */
  readonly periods: number;
  readonly teamModel: TeamModel;
  readonly sampleData: boolean;
  readonly formulaMode: FormulaMode;
  /**
   * The reporting date, "YYYY-MM-DD": the day the figures are as at (year to date, overdue reviews
   * and activities, the assessment's age). Each template that reads it holds it in its settings;
   * absent (workbooks made before it existed), reportingDate() gives the sample story's date.
   */
  readonly asAt?: string;
  /**
   * The department this workbook speaks for, in a hub-and-spoke practice (one workbook per department,
   * consolidated into the enterprise roll-up); absent for an organisation-wide workbook.
   */
  readonly department?: string;
  /** The department's FinOps lead, recorded with the department. */
  readonly departmentLead?: string;
  /** The enterprise roll-up's departments, in column order (its heat map has a column per department). */
  readonly departments?: readonly string[];
}

export type TeamModel = "central" | "hub-and-spoke" | "virtual";
export const TEAM_MODELS: readonly TeamModel[] = ["central", "hub-and-spoke", "virtual"];

export const DEFAULT_OPTIONS: TemplateOptions = {
  organisation: "Contoso Retail",
  currency: "USD",
  fiscalYearStartMonth: 1,
  firstPeriod: "2026-01",
  periods: 12,
  teamModel: "hub-and-spoke",
  sampleData: true,
  formulaMode: "addin",
};

/** What is wrong with the options, one message per field, in words a finance user can act on. */
export function checkOptions(
  options: TemplateOptions
): Partial<Record<keyof TemplateOptions, string>> {
  const problems: Partial<Record<keyof TemplateOptions, string>> = {};
  if (options.organisation.trim() === "") problems.organisation = "Enter the organisation's name.";
  else if (options.organisation.length > 80) problems.organisation = "Use at most 80 characters.";
  if (!isCurrencyCode(options.currency))
    problems.currency = `"${options.currency}" is not an ISO 4217 currency code (for example USD, EUR, GBP).`;
  if (
    !Number.isInteger(options.fiscalYearStartMonth) ||
    options.fiscalYearStartMonth < 1 ||
    options.fiscalYearStartMonth > 12
  ) {
    problems.fiscalYearStartMonth = "Choose a month from 1 (January) to 12 (December).";
  }
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.firstPeriod))
    problems.firstPeriod = 'Use the form YYYY-MM, for example "2026-04".';
  if (!Number.isInteger(options.periods) || options.periods < 1 || options.periods > 36)
    problems.periods = "Choose 1 to 36 monthly periods.";
  if (!TEAM_MODELS.includes(options.teamModel))
    problems.teamModel = `Choose one of ${TEAM_MODELS.join(", ")}.`;
  if (options.asAt !== undefined && !isIsoDate(options.asAt))
    problems.asAt = 'Use the form YYYY-MM-DD, for example "2026-06-30".';
  const department = nameProblem(options.department, "department");
  if (department) problems.department = department;
  const lead = nameProblem(options.departmentLead, "department lead");
  if (lead) problems.departmentLead = lead;
  else if (options.departmentLead !== undefined && options.department === undefined)
    problems.departmentLead = "A lead is recorded with a department: give the department too.";
  return problems;
}

/** Longest department or lead name: it goes into every sheet's title and the roll-up's headers. */
export const MAX_NAME_LENGTH = 80;

/** What is wrong with an optional name (a department, its lead); the callers trim what was typed. */
function nameProblem(name: string | undefined, what: string): string | undefined {
  if (name === undefined) return undefined;
  if (name.trim() === "")
    return `The ${what} is empty: enter its name, or leave it out for an organisation-wide workbook.`;
  if (name.length > MAX_NAME_LENGTH)
    return `Use at most ${MAX_NAME_LENGTH} characters for the ${what} (this one has ${name.length}).`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(name))
    return `Write the ${what} on one line, without tabs or line breaks.`;
  return undefined;
}

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/**
 * The reporting date: the one chosen, else the sample story's (the last day of the sixth month of
 * the fiscal year, when its first half is closed), as "YYYY-MM-DD".
 */
export function reportingDate(options: TemplateOptions): string {
  if (options.asAt) return options.asAt;
  const sixth = fiscalYearMonths(options)[SAMPLE_CLOSED_MONTHS - 1];
  return `${sixth.year}-${String(sixth.month).padStart(2, "0")}-${monthEnd(sixth.year, sixth.month)}`;
}

/**
 * The options with the reporting date filled in where none was chosen: today (the user's own
 * calendar day), or with sample data the sample story's date, which reportingDate() gives.
 */
export function withReportingDate(options: TemplateOptions, now: Date): TemplateOptions {
  if (options.asAt !== undefined || options.sampleData) return options;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    ...options,
    asAt: `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`,
  };
}

/** Months of the fiscal year the sample organisation has closed: the first half. */
export const SAMPLE_CLOSED_MONTHS = 6;

export function isCurrencyCode(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  const supported = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf;
  return supported ? supported("currency").includes(code) : true;
}

const SYMBOLS: Record<string, string> = {
  USD: "$",
  EUR: "€",
  GBP: "£",
  JPY: "¥",
  INR: "₹",
  CNY: "¥",
  KRW: "₩",
  AUD: "A$",
  CAD: "C$",
  CHF: "CHF ",
  SEK: "kr ",
  NOK: "kr ",
  DKK: "kr ",
};
const NO_DECIMALS = ["JPY", "KRW"];

/** Excel number format for amounts in the currency: whole units for budgets, cents where asked. */
export function currencyFormat(code: string, decimals = 0): string {
  const places = NO_DECIMALS.includes(code) ? 0 : decimals;
  const number = places > 0 ? `#,##0.${"0".repeat(places)}` : "#,##0";
  const symbol = SYMBOLS[code];
  const unit = symbol ? `"${symbol}"${number}` : `${number} "${code}"`;
  const withSymbolFirst = symbol !== undefined;
  const negative = withSymbolFirst ? `-"${symbol}"${number}` : `-${number} "${code}"`;
  return `${unit};${negative}`;
}

export interface Period {
  readonly year: number;
  /** 1 to 12. */
  readonly month: number;
  /** "Apr 2026": the period column header. */
  readonly label: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function periodAt(year: number, month: number, offset: number): Period {
  const index = year * 12 + (month - 1) + offset;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return { year: y, month: m, label: `${MONTHS[m - 1]} ${y}` };
}

/** The tracked months, from firstPeriod on. */
export function trackedPeriods(options: TemplateOptions): Period[] {
  const [year, month] = options.firstPeriod.split("-").map(Number);
  return Array.from({ length: options.periods }, (_, i) => periodAt(year, month, i));
}

/** The twelve months of the fiscal year that contains firstPeriod. */
export function fiscalYearMonths(options: TemplateOptions): Period[] {
  const [year, month] = options.firstPeriod.split("-").map(Number);
  const startYear = month >= options.fiscalYearStartMonth ? year : year - 1;
  return Array.from({ length: 12 }, (_, i) => periodAt(startYear, options.fiscalYearStartMonth, i));
}

/** "FY2026" for a fiscal year starting in January 2026, "FY2026/27" when it spans two calendar years. */
export function fiscalYearLabel(options: TemplateOptions): string {
  const months = fiscalYearMonths(options);
  const first = months[0].year;
  const last = months[11].year;
  return first === last ? `FY${first}` : `FY${first}/${String(last).slice(2)}`;
}
