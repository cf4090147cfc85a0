import { TeamModel } from "../../options";

// The staffing plan's roles (template content, paraphrased from the FinOps Practice Operations capability) and the invented mid-size
// organisation's people, salaries and allocations (sample data).

export const ROLE_TYPES = [
  "Lead",
  "Analyst",
  "Engineer",
  "Finance partner",
  "Virtual member",
] as const;
export const TEAM_MODEL_PLACES = ["Central", "Hub", "Spoke", "Virtual"] as const;
export type ModelPlace = (typeof TEAM_MODEL_PLACES)[number];
export const REPORTS_TO = [
  "CFO",
  "CTO",
  "CIO",
  "FinOps lead",
  "Head of engineering",
  "Head of finance",
  "Head of people",
  "Other",
] as const;
export const FUNDING_SOURCES = [
  "FinOps team budget",
  "IT budget",
  "Engineering budget",
  "Finance budget",
  "Home department",
  "Other",
] as const;
export const CERTIFICATIONS = [
  "FinOps Certified Practitioner",
  "FinOps Certified Professional",
  "FinOps Certified Engineer",
  "FinOps Certified FOCUS Analyst",
  "In progress",
  "Not yet",
] as const;
export const HIRING_STATUSES = [
  "Filled",
  "Assigned (virtual)",
  "Open",
  "Interviewing",
  "Offer accepted",
  "Planned",
] as const;

const SEED = "FinOps Framework, FinOps Practice Operations";
const CORE: Record<TeamModel, ModelPlace> = {
  central: "Central",
  "hub-and-spoke": "Hub",
  virtual: "Virtual",
};
const EMBEDDED: Record<TeamModel, ModelPlace> = {
  central: "Central",
  "hub-and-spoke": "Spoke",
  virtual: "Virtual",
};
const PRODUCT_TEAM: Record<TeamModel, ModelPlace> = {
  central: "Virtual",
  "hub-and-spoke": "Spoke",
  virtual: "Virtual",
};
const ALWAYS_VIRTUAL: Record<TeamModel, ModelPlace> = {
  central: "Virtual",
  "hub-and-spoke": "Virtual",
  virtual: "Virtual",
};

export interface RoleDefinition {
  readonly role: string;
  readonly roleType: (typeof ROLE_TYPES)[number];
  readonly responsibilities: string;
  /** Where the role sits for each team model of the options. */
  readonly model: Record<TeamModel, ModelPlace>;
  readonly source: string;
  readonly sample: {
    readonly person: string;
    readonly reportsTo: (typeof REPORTS_TO)[number];
    readonly salary: number;
    /** Share of one person's time each month the role is staffed. */
    readonly allocation: number;
    /** The same when the whole team is virtual (a committee of part-time members). */
    readonly virtualAllocation?: number;
    /** First month staffed, counted from the fiscal year's first month (negative: earlier). */
    readonly startOffset: number;
    /** Last month staffed (inclusive), from the fiscal year's first month; none: open-ended. */
    readonly endOffset?: number;
    readonly funding: (typeof FUNDING_SOURCES)[number];
    readonly certification: (typeof CERTIFICATIONS)[number];
    readonly hiring: (typeof HIRING_STATUSES)[number];
  };
}

export const ROLES: readonly RoleDefinition[] = [
  {
    role: "FinOps lead",
    roleType: "Lead",
    responsibilities:
      "Leads the practice: strategy and implementation plan, staffing and budget requests to executives, goals and KPIs. Ideally an experienced, certified FinOps practitioner with influence and complex-project experience.",
    model: CORE,
    source: `${SEED}, maturity Crawl: a FinOps team lead is identified`,
    sample: {
      person: "Priya Raman",
      reportsTo: "CTO",
      salary: 150000,
      allocation: 1,
      virtualAllocation: 0.5,
      // Starts with the fiscal year, the month the adoption plan's "Identify the FinOps lead" is done.
      startOffset: 0,
      funding: "FinOps team budget",
      certification: "FinOps Certified Professional",
      hiring: "Filled",
    },
  },
  {
    role: "FinOps analyst, reporting and KPIs",
    roleType: "Analyst",
    responsibilities:
      "Builds the reports, dashboards and KPI tracker; keeps the team's repository of reports, FinOps information and how-to guidance for employees.",
    model: CORE,
    source: `${SEED}, functional activities of the FinOps practitioner`,
    sample: {
      person: "Tom Becker",
      reportsTo: "FinOps lead",
      salary: 95000,
      allocation: 1,
      virtualAllocation: 0.5,
      startOffset: -8,
      funding: "FinOps team budget",
      certification: "FinOps Certified Practitioner",
      hiring: "Filled",
    },
  },
  {
    role: "FinOps analyst, rate optimisation",
    roleType: "Analyst",
    responsibilities:
      "Plans commitment discounts with finance and procurement, tracks coverage and utilisation, keeps the savings ledger.",
    model: CORE,
    source: `${SEED}: build a FinOps team with an appropriate structure and staffing`,
    sample: {
      person: "New hire",
      reportsTo: "FinOps lead",
      salary: 98000,
      allocation: 1,
      virtualAllocation: 0.5,
      startOffset: 3,
      funding: "FinOps team budget",
      certification: "Not yet",
      hiring: "Offer accepted",
    },
  },
  {
    role: "Cloud cost engineer",
    roleType: "Engineer",
    responsibilities:
      "Works inside platform engineering: rightsizing, waste removal, anomaly response and automation of cost data.",
    model: EMBEDDED,
    source: `${SEED}: members of a central team embedded in engineering teams (hub and spoke)`,
    sample: {
      person: "Lena Okafor",
      reportsTo: "Head of engineering",
      salary: 120000,
      allocation: 0.5,
      virtualAllocation: 0.3,
      startOffset: -6,
      funding: "Engineering budget",
      certification: "FinOps Certified Engineer",
      hiring: "Filled",
    },
  },
  {
    role: "Finance partner",
    roleType: "Finance partner",
    responsibilities:
      "Brings budgets, forecasts and financial activities to the team, validates savings, and gives input to decisions on prepaid reservations and budget overruns.",
    model: EMBEDDED,
    source: `${SEED}, functional activities of Finance`,
    sample: {
      person: "Marco Silva",
      reportsTo: "CFO",
      salary: 105000,
      allocation: 0.3,
      virtualAllocation: 0.2,
      startOffset: -10,
      funding: "Finance budget",
      certification: "In progress",
      hiring: "Filled",
    },
  },
  {
    role: "Virtual member: cloud engineer, e-commerce platform",
    roleType: "Virtual member",
    responsibilities:
      "Acts on recommendations in the product team and brings engineering insight to anomaly decisions.",
    model: PRODUCT_TEAM,
    source: `${SEED}, maturity Crawl: virtual team members include cloud engineers`,
    sample: {
      person: "Jonas Weber",
      reportsTo: "Head of engineering",
      salary: 115000,
      allocation: 0.2,
      startOffset: -4,
      funding: "Home department",
      certification: "FinOps Certified Practitioner",
      hiring: "Assigned (virtual)",
    },
  },
  {
    role: "Virtual member: cloud engineer, data platform",
    roleType: "Virtual member",
    responsibilities:
      "Acts on recommendations in the data platform team and reports usage changes that move the forecast.",
    model: PRODUCT_TEAM,
    source: `${SEED}, maturity Crawl: virtual team members include cloud engineers`,
    sample: {
      person: "Aisha Khan",
      reportsTo: "Head of engineering",
      salary: 115000,
      allocation: 0.2,
      startOffset: -4,
      funding: "Home department",
      certification: "Not yet",
      hiring: "Assigned (virtual)",
    },
  },
  {
    role: "Virtual member: finance staff",
    roleType: "Virtual member",
    responsibilities:
      "Shares month-end figures, accruals and finance requirements; keeps chargeback in line with the books.",
    model: ALWAYS_VIRTUAL,
    source: `${SEED}, maturity Crawl: virtual team members include finance staff`,
    sample: {
      person: "Elif Demir",
      reportsTo: "Head of finance",
      salary: 80000,
      allocation: 0.1,
      startOffset: -4,
      funding: "Home department",
      certification: "Not yet",
      hiring: "Assigned (virtual)",
    },
  },
  {
    role: "Virtual member: reporting team",
    roleType: "Virtual member",
    responsibilities:
      "Publishes FinOps data in the company's reporting tools and tracks how widely the reports are used.",
    model: ALWAYS_VIRTUAL,
    source: `${SEED}, maturity Crawl: virtual team members include reporting teams`,
    sample: {
      person: "Sam Carter",
      reportsTo: "CIO",
      salary: 90000,
      allocation: 0.2,
      startOffset: -2,
      funding: "Home department",
      certification: "Not yet",
      hiring: "Assigned (virtual)",
    },
  },
  {
    role: "Virtual member: trainer",
    roleType: "Virtual member",
    responsibilities: "Runs FinOps awareness and training sessions for teams joining the practice.",
    model: ALWAYS_VIRTUAL,
    source: `${SEED}, maturity Crawl: virtual team members include trainers`,
    sample: {
      person: "Nora Lind",
      reportsTo: "Head of people",
      salary: 85000,
      allocation: 0.25,
      startOffset: 0,
      endOffset: 5,
      funding: "Home department",
      certification: "FinOps Certified Practitioner",
      hiring: "Assigned (virtual)",
    },
  },
];
