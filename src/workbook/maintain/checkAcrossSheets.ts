import { CellValue } from "../../domain/cellValue";
import { fte, loadedCost } from "../../domain/staffing";
import { isoDate } from "../dates";
import { fiscalYearLabel } from "../options";
import { AS_AT_KEYS } from "../templates/reportingDate";
import { monthKey } from "../templates/budget/lineColumns";
import { allocKey, TEAM_BUDGET_FUNDING } from "../templates/staffingPlan";
import { BoundTable, indexOf } from "./boundTable";
import { Finding } from "./findings";
import { asCellValue } from "./grid";
import { nameTarget, Survey, SurveyedTemplate } from "./survey";
import { moneyText } from "../displayText";

// Findings that compare one template with another: the practice set tells one story only when its
// sheets agree on the reporting date, on who the team budget pays for, and on figures that one sheet
// computes and another once asked to be typed in.

/** The budget and the staffing plan may differ by rounding; beyond 1% of the budget they disagree. */
const PEOPLE_TOLERANCE = 0.01;
const MONTHS = 12;

/**
 * Named cells earlier template versions asked users to type although another sheet computes them.
 * A current version no longer asks (the cell is left as it was on upgrade), so they are found by name.
 */
const RETYPED: readonly { readonly name: string; readonly label: string }[] = [
  { name: "StaffSavingsDelivered", label: "Savings delivered (Staffing plan)" },
  { name: "SavingsDeliveredYTD", label: "Savings delivered, year to date (Team budget)" },
];

export function checkAcrossSheets(survey: Survey): Finding[] {
  return [...reportingDates(survey), ...staffingAgainstBudget(survey), ...retypedFigures(survey)];
}

const newest = (survey: Survey, templateId: string): SurveyedTemplate | undefined =>
  survey.templates.filter((t) => t.expected.record.templateId === templateId).at(-1);

function figureValue(survey: Survey, t: SurveyedTemplate, key: string) {
  const at = t.figures.find((f) => f.figure.key === key);
  return at ? { at, value: asCellValue(survey.cellAt(at.sheet, at.address).value) } : undefined;
}

/** Every sheet that reads a reporting date should read the same one. */
function reportingDates(survey: Survey): Finding[] {
  const dates = Object.entries(AS_AT_KEYS).flatMap(([templateId, key]) => {
    const t = newest(survey, templateId);
    const found = t && figureValue(survey, t, key);
    return found && typeof found.value === "number" ? [{ t, at: found.at, date: found.value }] : [];
  });
  const counts = new Map<number, number>();
  for (const d of dates) counts.set(d.date, (counts.get(d.date) ?? 0) + 1);
  // The date most sheets hold is the practice set's; the first sheet's on a tie.
  const common = dates
    .map((d) => d.date)
    .reduce<number | undefined>(
      (best, date) =>
        best === undefined || (counts.get(date) ?? 0) > (counts.get(best) ?? 0) ? date : best,
      undefined
    );
  const agreeing = dates.filter((d) => d.date === common).map((d) => d.at.sheet);
  return dates
    .filter((d) => d.date !== common)
    .map((d) => ({
      severity: "warning",
      kind: "reportingDates",
      templateId: d.t.expected.record.templateId,
      sheet: d.at.sheet,
      address: d.at.address,
      what: `The reporting date here is ${isoDate(d.date)}; ${agreeing.join(", ")} ${agreeing.length === 1 ? "is" : "are"} as at ${isoDate(common as number)}: year to date, overdue flags and the summary mix the two.`,
      fix: "Set the same reporting date (as at) on every sheet of the practice set.",
      repairable: false,
    }));
}

const text = (bound: BoundTable, row: number, key: string): string => {
  const index = indexOf(bound, key);
  return index < 0 ? "" : String(bound.cell(row, index).value).trim();
};
const numbers = (bound: BoundTable, row: number, keys: readonly string[]): CellValue[] =>
  keys.map((key) => {
    const index = indexOf(bound, key);
    return index < 0 ? null : asCellValue(bound.cell(row, index).value);
  });
const table = (t: SurveyedTemplate | undefined, key: string) =>
  t?.tables.find((x) => x.template.key === key)?.bound ?? undefined;

/**
 * The team budget's People lines against the staffing plan's roles that the team budget funds, both
 * from what is typed (months of budget; salary, overhead and allocations), so a broken formula in
 * either sheet does not hide the difference.
 */
function staffingAgainstBudget(survey: Survey): Finding[] {
  const year = (t: SurveyedTemplate) => fiscalYearLabel(t.expected.record.options);
  return survey.templates
    .filter((t) => t.expected.record.templateId === "team-budget")
    .flatMap((budget) => {
      // The staffing plan of the same fiscal year (each year's sheets after Next fiscal year).
      const staffing = survey.templates.find(
        (t) => t.expected.record.templateId === "staffing-plan" && year(t) === year(budget)
      );
      return staffing ? compareYear(survey, budget, staffing) : [];
    });
}

function compareYear(
  survey: Survey,
  budget: SurveyedTemplate,
  staffing: SurveyedTemplate
): Finding[] {
  const lines = table(budget, "budgetLines");
  const staff = table(staffing, "staff");
  if (!lines || !staff) return [];
  const months = Array.from({ length: MONTHS }, (_, m) => m);
  let people = 0;
  for (let row = 0; row < lines.rows; row++) {
    if (text(lines, row, "category") !== "People") continue;
    for (const v of numbers(
      lines,
      row,
      months.map((m) => monthKey("budget", m))
    ))
      if (typeof v === "number") people += v;
  }
  const overhead = figureValue(survey, staffing, "staffOverheadRate")?.value ?? null;
  let funded = 0;
  for (let row = 0; row < staff.rows; row++) {
    if (text(staff, row, "funding") !== TEAM_BUDGET_FUNDING) continue;
    try {
      const [salary] = numbers(staff, row, ["salary"]);
      const allocations = numbers(staff, row, months.map(allocKey));
      funded += loadedCost(salary, overhead, fte([allocations]) / MONTHS, MONTHS);
    } catch {
      continue; // a blank salary or an invalid allocation: the input checks report it
    }
  }
  if (people === 0 && funded === 0) return [];
  if (Math.abs(people - funded) <= PEOPLE_TOLERANCE * Math.max(people, funded)) return [];
  const at = figureValue(survey, staffing, "staffCostFunded")?.at;
  const money = (n: number) => moneyText(n, String(budget.expected.record.options.currency));
  return [
    {
      severity: "warning",
      kind: "staffingBudget",
      templateId: "team-budget",
      sheet: lines.read.sheet,
      address: lines.columnAddress(Math.max(indexOf(lines, "category"), 0)),
      what: `The People lines budget ${money(people)} for ${fiscalYearLabel(budget.expected.record.options)}; the staffing plan's roles funded by the ${TEAM_BUDGET_FUNDING} cost ${money(funded)}${at ? ` (${at.sheet}!${at.address})` : ""}: ${money(Math.abs(people - funded))} apart.`,
      fix: `Bring the People lines in line with the staffing plan, or correct a role's salary, allocation or funding source there (only roles funded by the ${TEAM_BUDGET_FUNDING} belong in this budget).`,
      repairable: false,
    },
  ];
}

/** A figure typed in by hand that the savings ledger computes. */
function retypedFigures(survey: Survey): Finding[] {
  const ledger = newest(survey, "kpi-tracker");
  const validated = ledger && figureValue(survey, ledger, "validatedValueTotal")?.at.figure.name;
  return RETYPED.flatMap(({ name, label }) => {
    const found = survey.readBack.names.find((n) => n.name.toLowerCase() === name.toLowerCase());
    const target = found && nameTarget(found.formula);
    if (!target) return [];
    const { sheet, address } = target;
    const cell = survey.cellAt(sheet, address);
    const value = asCellValue(cell.value);
    // A formula (for example =ValidatedValueTotal) links it: nothing retyped.
    if (typeof value !== "number" || String(cell.formula).startsWith("=")) return [];
    return [
      {
        severity: "warning" as const,
        kind: "retypedFigure" as const,
        templateId: "",
        sheet,
        address,
        what: `${label} is typed in (${moneyText(value, "")}), a figure the savings ledger computes${validated ? ` (${validated})` : ""}: the two drift apart as the ledger changes.`,
        fix: validated
          ? `Replace it with =${validated}, or clear it: the current templates link the ledger and no longer ask for it.`
          : "Clear it, or link it to the savings ledger's validated value: the current templates no longer ask for it.",
        repairable: false,
      },
    ];
  });
}
