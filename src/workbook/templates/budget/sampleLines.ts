import { BUDGET_CATEGORIES } from "./categories";

export interface Line {
  category: (typeof BUDGET_CATEGORIES)[number];
  item: string;
  owner: string;
  /** Sample budget per month of the fiscal year. */
  budget: number[];
  /** Sample actuals of the closed months (the first half of the year). */
  actual: number[];
  /** Sample forecast of the months still open; the budget where not given. */
  forecast?: number[];
}

const monthly = (amount: number) => Array.from({ length: 12 }, () => amount);
const inMonths = (amount: number, months: number[]) =>
  Array.from({ length: 12 }, (_, m) => (months.includes(m) ? amount : 0));
const from = (month: number, before: number, after: number) =>
  Array.from({ length: 12 }, (_, m) => (m < month ? before : after));

/**
 * The sample organisation's team budget: its people lines are the staffing plan's roles that the
 * FinOps team budget funds (loaded monthly cost, rounded), the second analyst from April as hired;
 * the embedded engineer and the finance partner are paid by their own departments. Actuals vary as
 * real ones do: seats added to a licence, two people on a course, a fee invoiced a month late.
 */
export const LINES: Line[] = [
  {
    category: "People",
    item: "FinOps lead (salary and overhead)",
    owner: "Head of Cloud",
    budget: monthly(16250),
    actual: monthly(16250).slice(0, 6),
  },
  {
    category: "People",
    item: "FinOps analysts (second analyst from April)",
    owner: "FinOps lead",
    budget: from(3, 10292, 20909),
    actual: [10292, 10292, 10292, 20909, 20909, 20909],
  },
  {
    category: "Tools and services",
    item: "Cost management platform subscription",
    owner: "FinOps lead",
    budget: monthly(5800),
    actual: [5800, 5800, 5800, 5800, 5800, 5800],
    // The renewal in July adds 5%.
    forecast: monthly(6090),
  },
  {
    category: "Tools and services",
    item: "BI and dashboard licences",
    owner: "FinOps analysts",
    budget: monthly(900),
    actual: [900, 900, 1080, 1080, 1170, 1170],
    forecast: monthly(1170),
  },
  {
    category: "Training and certification",
    item: "FinOps Certified Practitioner courses",
    owner: "FinOps lead",
    budget: inMonths(3200, [1, 4, 8]),
    actual: [0, 3200, 0, 0, 6400, 0],
  },
  {
    category: "Training and certification",
    item: "FinOps conference and community events",
    owner: "FinOps lead",
    budget: inMonths(7500, [5]),
    actual: [0, 0, 0, 0, 0, 8460],
  },
  {
    category: "Consulting",
    item: "Commitment strategy review",
    owner: "Procurement",
    budget: inMonths(18000, [2]),
    actual: [0, 0, 16200, 0, 0, 0],
  },
  {
    category: "Other",
    item: "Recruitment fee, rate optimisation analyst",
    owner: "Head of Cloud",
    budget: inMonths(15000, [1]),
    actual: [0, 0, 14200, 0, 0, 0],
  },
  {
    category: "Other",
    item: "Internal FinOps awareness sessions",
    owner: "FinOps analysts",
    budget: inMonths(1200, [0, 3, 6, 9]),
    actual: [1140, 0, 0, 1310, 0, 0],
  },
];
