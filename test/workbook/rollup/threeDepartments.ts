import {
  Consolidation,
  DepartmentSubmission,
  Sourced,
} from "../../../src/workbook/consolidate/submission";

/**
 * Three departments' submissions built by hand, with simple figures the hand-checked tests work out
 * in comments: Finance and Retail report in USD, Europe in EUR (rate 1.1 to the roll-up's USD when the
 * consolidation knows it).
 */

let cellCounter = 0;
/** A figure read from `file`, each from its own cell of the sheet. */
function from(file: string, sheet: string) {
  return <T>(value: T | null): Sourced<T> => ({
    value,
    source: { file, sheet, cell: `B${++cellCounter}` },
  });
}

export interface Spec {
  department: string;
  file: string;
  currency: string;
  practice: number | null;
  target: number | null;
  level: string;
  capabilities: [string, string, number | null, number][];
  lenses: number[];
  kpis: [string, string][];
  stages: [string, number, number][];
  escalations: number;
  budget: [number | null, number | null, number | null];
  categories: [string, number, number][];
  models: ["Central" | "Hub" | "Spoke" | "Virtual", number, number | null][];
  cloudSpend: number | null;
  savings: [number | null, number | null];
}

const LENS_NAMES = ["Knowledge", "Process", "Metrics", "Adoption", "Automation"];

export function submission(spec: Spec): DepartmentSubmission {
  const maturity = from(spec.file, "Maturity scorecard");
  const kpi = from(spec.file, "KPI tracker");
  const budget = from(spec.file, "Team budget");
  const staffing = from(spec.file, "Staffing plan");
  const ledger = from(spec.file, "Savings ledger");
  const adoption = { file: spec.file, sheet: "Adoption plan", cell: "A20:H40" };
  return {
    file: spec.file,
    department: spec.department,
    organisation: "Contoso",
    lead: `${spec.department} lead`,
    teamModel: "hub-and-spoke",
    currency: spec.currency,
    fiscalYear: "FY2026",
    asAt: "2026-06-30",
    lastUpdate: "2026-07-01T09:00:00.000Z",
    templates: [
      { templateId: "team-budget", version: 4, latestVersion: 4 },
      { templateId: "maturity-scorecard", version: 3, latestVersion: 5 },
    ],
    missingTemplates: spec.department === "Retail" ? ["decision-model"] : [],
    healthErrors: spec.department === "Europe" ? 2 : 0,
    maturity: {
      practiceScore: maturity(spec.practice),
      level: maturity(spec.level),
      targetScore: maturity(spec.target),
      assessmentDate: maturity("2026-06-15"),
      capabilities: spec.capabilities.map(([capability, domain, score, target]) => ({
        capability,
        domain,
        score: maturity(score),
        target: maturity(target),
      })),
      lenses: spec.lenses.map((score, i) => ({ lens: LENS_NAMES[i], score: maturity(score) })),
    },
    kpis: spec.kpis.map(([name, status]) => ({
      kpi: name,
      unit: "%",
      latestValue: kpi(50),
      latestPeriod: kpi("Jun 2026"),
      status: kpi(status),
    })),
    adoption: {
      stages: spec.stages.map(([stage, activities, done]) => ({
        stage,
        activities,
        done,
        source: adoption,
      })),
      escalations: Array.from({ length: spec.escalations }, (_, i) => ({
        activity: `Escalated activity ${i + 1}`,
        stage: "Socialise",
        owner: "CFO",
        due: "2026-05-31",
        status: "Needs escalation",
        source: adoption,
      })),
    },
    budget: {
      budget: budget(spec.budget[0]),
      budgetYtd: budget(spec.budget[1]),
      actualYtd: budget(spec.budget[2]),
      byCategory: spec.categories.map(([category, b, a]) => ({
        category,
        budget: budget(b),
        actualYtd: budget(a),
      })),
      returnOnTeamCost: budget(0.4),
    },
    staffing: {
      byModel: spec.models.map(([model, fte, cost]) => ({
        model,
        fte: staffing(fte),
        cost: staffing(cost),
      })),
      cloudSpend: staffing(spec.cloudSpend),
    },
    savings: {
      validatedSavings: ledger(spec.savings[0]),
      validatedAvoidance: ledger(spec.savings[1]),
    },
    notes: [`Maturity scorecard read through its version 3 layout.`],
  };
}

export const FINANCE = submission({
  department: "Finance",
  file: "finance.xlsx",
  currency: "USD",
  practice: 0.5,
  target: 0.6,
  level: "Walk",
  capabilities: [
    ["Cost allocation", "Understand usage and cost", 0.5, 0.75],
    ["Forecasting", "Quantify business value", 0.25, 0.5],
    ["Budgeting", "Quantify business value", 0.75, 0.5],
  ],
  lenses: [0.5, 0.5, 0.4, 0.6, 0.3],
  kpis: [
    ["Savings rate", "Green"],
    ["Allocation coverage", "Red"],
  ],
  stages: [
    ["Plan", 4, 4],
    ["Socialise", 5, 2],
  ],
  escalations: 1,
  budget: [1_000_000, 500_000, 520_000],
  categories: [
    ["People", 800_000, 420_000],
    ["Tools", 200_000, 100_000],
  ],
  models: [
    ["Central", 2, 300_000],
    ["Virtual", 0.5, 50_000],
  ],
  cloudSpend: 10_000_000,
  savings: [400_000, 100_000],
});

export const RETAIL = submission({
  department: "Retail",
  file: "retail.xlsx",
  currency: "USD",
  practice: 0.3,
  target: 0.5,
  level: "Crawl",
  capabilities: [
    ["Cost allocation", "Understand usage and cost", 0.25, 0.5],
    ["Forecasting", "Quantify business value", 0.5, 0.5],
    ["Anomaly management", "Understand usage and cost", 0.5, 0.25],
  ],
  lenses: [0.3, 0.3, 0.2, 0.4, 0.1],
  kpis: [
    ["Savings rate", "Amber"],
    ["Unit cost", "Green"],
    ["Allocation coverage", "Green"],
  ],
  stages: [["Plan", 4, 2]],
  escalations: 0,
  budget: [600_000, 300_000, 270_000],
  categories: [
    ["People", 500_000, 240_000],
    ["Training", 100_000, 30_000],
  ],
  models: [
    ["Hub", 1, 150_000],
    ["Spoke", 1.5, 120_000],
  ],
  cloudSpend: 30_000_000,
  savings: [200_000, 0],
});

export const EUROPE = submission({
  department: "Europe",
  file: "europe.xlsx",
  currency: "EUR",
  practice: 0.8,
  target: 0.7,
  level: "Run",
  capabilities: [
    ["Cost allocation", "Understand usage and cost", 1, 0.75],
    ["Forecasting", "Quantify business value", null, 0.5],
    ["Budgeting", "Quantify business value", 0.5, 0.75],
  ],
  lenses: [0.8, 0.9, 0.7, 0.8, 0.6],
  kpis: [["Savings rate", "Green"]],
  stages: [["Plan", 3, 3]],
  escalations: 2,
  budget: [500_000, 250_000, 240_000],
  categories: [
    ["People", 400_000, 200_000],
    ["Tools", 100_000, 40_000],
  ],
  models: [["Central", 1, 100_000]],
  cloudSpend: 20_000_000,
  savings: [100_000, 50_000],
});

export const EARLIER_ROW = {
  date: "2026-04-02",
  department: "Finance",
  asAt: "2026-03-31",
  practiceScore: 0.4,
  budget: 1_000_000,
  actualYtd: 240_000,
  validatedValue: 300_000,
  currency: "USD",
};

/** The three departments consolidated on 2026-07-01, with the EUR rate when `withRate`. */
export function threeDepartments(withRate = true): Consolidation {
  return {
    submissions: [FINANCE, RETAIL, EUROPE],
    history: [EARLIER_ROW],
    date: "2026-07-01",
    rates: withRate ? { EUR: 1.1 } : {},
  };
}
