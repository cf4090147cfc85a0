import { Consolidation } from "../../../src/workbook/consolidate/submission";
import { FINANCE, Spec, submission } from "./threeDepartments";

/**
 * Departments whose names a COUNTIF, SUMIF or MATCH criterion would misread: "Ops*" as every name
 * starting "Ops", "R?D" as any R_D, "A~B" as "AB", "<Shared>" as "less than Shared>", "=Retail" as
 * "Retail". Each has its own counts, so a criterion that matched a neighbour would show.
 */
const base: Spec = {
  department: "",
  file: "",
  currency: "USD",
  practice: 0.5,
  target: 0.6,
  level: "Walk",
  capabilities: [["Forecasting", "Quantify business value", 0.5, 0.5]],
  lenses: [0.5, 0.5, 0.5, 0.5, 0.5],
  kpis: [],
  stages: [],
  escalations: 0,
  budget: [100_000, 50_000, 40_000],
  categories: [],
  models: [["Central", 1, 100_000]],
  cloudSpend: 1_000_000,
  savings: [10_000, 0],
};

export const ODD_SPECS: Spec[] = [
  {
    ...base,
    department: "Ops*",
    file: "ops-star.xlsx",
    currency: "EUR",
    kpis: [["Savings rate", "Green"]],
    stages: [["Plan", 4, 1]],
    escalations: 1,
    categories: [["Tools*", 10_000, 5_000]],
  },
  {
    ...base,
    department: "Ops EU",
    file: "ops-eu.xlsx",
    kpis: [
      ["Savings rate", "Red"],
      ["Unit cost", "Red"],
    ],
    stages: [["Plan", 2, 2]],
    escalations: 2,
    categories: [["Tools", 20_000, 8_000]],
  },
  {
    ...base,
    department: "R?D",
    file: "r-query-d.xlsx",
    kpis: [["Savings rate", "Amber"]],
    stages: [["Plan", 5, 0]],
    categories: [["Tools?", 1_000, 500]],
  },
  {
    ...base,
    department: "R&D",
    file: "r-and-d.xlsx",
    kpis: [
      ["Savings rate", "Green"],
      ["Unit cost", "Green"],
      ["Allocation coverage", "Amber"],
    ],
    stages: [["Plan", 3, 3]],
    escalations: 3,
    categories: [["Tools", 2_000, 1_000]],
  },
  {
    ...base,
    department: "A~B",
    file: "a-tilde-b.xlsx",
    kpis: [["Savings rate", "Red"]],
    stages: [["Plan", 10, 5]],
    escalations: 1,
  },
  {
    ...base,
    department: "AB",
    file: "ab.xlsx",
    currency: "EUR",
    kpis: [["Savings rate", "Green"]],
    stages: [["Plan", 1, 1]],
  },
  {
    ...base,
    department: "<Shared>",
    file: "shared.xlsx",
    kpis: [["Savings rate", "Amber"]],
    stages: [["Plan", 8, 2]],
    escalations: 1,
  },
  {
    ...base,
    department: "=Retail",
    file: "eq-retail.xlsx",
    currency: "EUR",
    kpis: [["Savings rate", "Red"]],
    stages: [["Plan", 6, 3]],
  },
  {
    ...base,
    department: "Retail",
    file: "retail.xlsx",
    kpis: [["Savings rate", "Green"]],
    stages: [["Plan", 4, 4]],
    escalations: 2,
  },
];

/** The odd names consolidated with Finance, EUR at 1.1 to USD. */
export function oddlyNamed(): Consolidation {
  return {
    submissions: [FINANCE, ...ODD_SPECS.map(submission)],
    history: [],
    date: "2026-07-01",
    rates: { EUR: 1.1 },
  };
}
