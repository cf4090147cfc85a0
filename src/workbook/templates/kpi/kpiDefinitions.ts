// The KPIs the tracker is seeded with: the capability's success metrics for FinOps Practice Operations and
// the FinOps KPI library measures the KPI tracker holds. Definitions are template content;
// baselines, targets, the thresholds the Framework does not publish and the monthly values are sample
// data for the invented organisation.

import { PERSONA_NAMES, PersonaName } from "../../../domain/personas";

/** Owner personas: the same six as every template. */
export const OWNER_PERSONAS = PERSONA_NAMES;

export const DIRECTIONS = ["higher", "lower"] as const;

/** "currency" is shown as the options' currency code; "per order" as "<code> per order". */
export type KpiUnit = "currency" | "currency per order" | "%" | "score 1-5" | "count";

export interface KpiDefinition {
  readonly id: string;
  readonly name: string;
  readonly measure: string;
  readonly capability: string;
  readonly owner: PersonaName;
  readonly unit: KpiUnit;
  readonly direction: (typeof DIRECTIONS)[number];
  /** Another KPI's complement (waste is 100 less utilisation): tracked, not counted in status twice. */
  readonly restates?: string;
  /** Published example values per maturity stage (template content), when the Framework has them. */
  readonly stages?: { readonly crawl: number; readonly walk: number; readonly run: number };
  readonly source: string;
  readonly sample: {
    readonly baseline: number;
    readonly target: number;
    /** The organisation's own stage values, where the Framework publishes none. */
    readonly stages?: { readonly crawl: number; readonly walk: number; readonly run: number };
    /** Values of the first six tracked months; undefined where the KPI is not measured that month. */
    readonly months: readonly (number | undefined)[];
  };
}

const SEED_METRICS = "FinOps Framework, FinOps Practice Operations: success metrics and KPIs";
const KPI_LIBRARY = "FinOps Foundation KPI library";
const MATURITY_MODEL =
  "FinOps Framework maturity model (FinOps Foundation): example KPI values per stage";
const quarterly = (q1: number, q2: number) => [undefined, undefined, q1, undefined, undefined, q2];

export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
  {
    id: "PO-01",
    name: "Savings delivered by the FinOps team",
    measure:
      "Monthly value of the savings initiatives in the savings ledger that finance validated.",
    capability: "FinOps Practice Operations",
    owner: "FinOps practitioner",
    unit: "currency",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 15000,
      target: 90000,
      stages: { crawl: 25000, walk: 60000, run: 120000 },
      months: [21000, 46000, 58000, 72000, 80000, 84500],
    },
  },
  {
    id: "PO-02",
    name: "Cost avoidance by the FinOps team",
    measure:
      "Monthly spend prevented (projected minus actual cost) by the team's actions, from the savings ledger.",
    capability: "FinOps Practice Operations",
    owner: "FinOps practitioner",
    unit: "currency",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 2000,
      target: 12000,
      stages: { crawl: 3000, walk: 8000, run: 15000 },
      months: [3000, 4000, 6500, 8000, 9000, 13500],
    },
  },
  {
    id: "PO-03",
    name: "Awareness of the FinOps team",
    measure: "Share of staff surveyed who know the FinOps team and what it offers (quarterly).",
    capability: "FinOps Practice Operations",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 30,
      target: 60,
      stages: { crawl: 30, walk: 60, run: 85 },
      months: quarterly(46, 58),
    },
  },
  {
    id: "PO-04",
    name: "Adoption of the FinOps operating model",
    measure:
      "Share of product and engineering teams that follow the FinOps practices (cost reviews, owners, budgets).",
    capability: "FinOps Practice Operations",
    owner: "Leadership",
    unit: "%",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 20,
      target: 50,
      stages: { crawl: 25, walk: 60, run: 90 },
      months: [22, 25, 28, 31, 35, 38],
    },
  },
  {
    id: "PO-05",
    name: "Use of FinOps reports and dashboards",
    measure:
      "Monthly active users of the team's reports and dashboards as a share of the intended audience.",
    capability: "FinOps Practice Operations",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 25,
      target: 60,
      stages: { crawl: 25, walk: 50, run: 75 },
      months: [30, 36, 41, 49, 55, 62],
    },
  },
  {
    id: "PO-06",
    name: "Decisions made through the defined decision model",
    measure:
      "Share of cross-functional or urgent decisions (commitments, overruns, anomalies) taken through the documented model.",
    capability: "FinOps Practice Operations",
    owner: "Leadership",
    unit: "%",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 40,
      target: 90,
      stages: { crawl: 50, walk: 80, run: 95 },
      months: [undefined, undefined, undefined, 70, 78, 85],
    },
  },
  {
    id: "PO-07",
    name: "Information sharing: management confidence in FinOps data",
    measure:
      "Average answer of managers asked how confident they are using FinOps data in their own communication (quarterly survey).",
    capability: "FinOps Practice Operations",
    owner: "Leadership",
    unit: "score 1-5",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 2.8,
      target: 4,
      stages: { crawl: 3, walk: 3.5, run: 4.2 },
      months: quarterly(3.3, 3.5),
    },
  },
  {
    id: "PO-08",
    name: "Collaboration across functions",
    measure:
      "Personas (of six: FinOps, Finance, Product, Procurement, Engineering, Leadership) taking part in the monthly FinOps review.",
    capability: "FinOps Practice Operations",
    owner: "FinOps practitioner",
    unit: "count",
    direction: "higher",
    source: SEED_METRICS,
    sample: {
      baseline: 2,
      target: 6,
      stages: { crawl: 3, walk: 5, run: 6 },
      months: [3, 3, 4, 4, 5, 5],
    },
  },
  {
    id: "KL-01",
    name: "Effective savings rate",
    measure:
      "1 - effective cost / on-demand equivalent cost, over all usage (FINOPS.ESR), in percent.",
    capability: "Rate Optimization",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "higher",
    source: `${KPI_LIBRARY}: effective savings rate`,
    sample: {
      baseline: 12,
      target: 25,
      stages: { crawl: 10, walk: 20, run: 30 },
      months: [14, 16, 18.5, 21, 22.5, 23.4],
    },
  },
  {
    id: "KL-02",
    name: "Commitment discount coverage",
    measure:
      "Eligible usage covered by reservations or savings plans / all eligible usage, both at on-demand (list) cost (FINOPS.COVERAGE), in percent.",
    capability: "Rate Optimization",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "higher",
    stages: { crawl: 60, walk: 70, run: 80 },
    source: `${KPI_LIBRARY}: commitment discount coverage; stages: ${MATURITY_MODEL}`,
    sample: { baseline: 48, target: 70, months: [52, 55, 61, 66, 69, 72] },
  },
  {
    id: "KL-03",
    name: "Commitment discount utilisation",
    measure: "Commitment used / commitment purchased (FINOPS.UTILIZATION), in percent.",
    capability: "Rate Optimization",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "higher",
    source: `${KPI_LIBRARY}: commitment discount utilisation`,
    sample: {
      baseline: 88,
      target: 95,
      stages: { crawl: 80, walk: 90, run: 95 },
      months: [90, 91, 93, 94, 95.5, 96.2],
    },
  },
  {
    id: "KL-04",
    name: "Commitment discount waste",
    restates: "KL-03",
    measure: "Commitment not used / commitment purchased (FINOPS.COMMITMENTWASTE), in percent.",
    capability: "Rate Optimization",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "lower",
    source: `${KPI_LIBRARY}: commitment discount waste`,
    sample: {
      baseline: 12,
      target: 5,
      stages: { crawl: 20, walk: 10, run: 5 },
      months: [10, 9, 7, 6, 4.5, 3.8],
    },
  },
  {
    id: "KL-05",
    name: "Allocation coverage",
    measure:
      "Share of cloud spend allocated to an owner (team, product, cost centre) through metadata or hierarchy.",
    capability: "Allocation",
    owner: "FinOps practitioner",
    unit: "%",
    direction: "higher",
    stages: { crawl: 50, walk: 80, run: 90 },
    source: `${KPI_LIBRARY}: percentage of spend allocated; stages: ${MATURITY_MODEL}`,
    sample: { baseline: 55, target: 80, months: [58, 62, 66, 70, 71, 73] },
  },
  {
    id: "KL-06",
    name: "Forecast variance",
    measure:
      "Absolute gap between forecast and actual monthly cloud spend, as a share of the forecast (ABS of FINOPS.FORECASTVARIANCE), in percent.",
    capability: "Forecasting",
    owner: "Finance",
    unit: "%",
    direction: "lower",
    stages: { crawl: 20, walk: 15, run: 12 },
    source: `${KPI_LIBRARY}: forecast accuracy; stages: ${MATURITY_MODEL}`,
    sample: { baseline: 22, target: 15, months: [21, 19, 18, 17.5, 16, 18] },
  },
  {
    id: "KL-07",
    name: "Budget variance",
    measure:
      "Absolute gap between actual and budgeted cloud spend, as a share of the budget (ABS of FINOPS.VARIANCEPCT), in percent.",
    capability: "Budgeting",
    owner: "Finance",
    unit: "%",
    direction: "lower",
    source: `${KPI_LIBRARY}: budget variance`,
    sample: {
      baseline: 14,
      target: 5,
      stages: { crawl: 15, walk: 10, run: 5 },
      months: [12, 10, 9, 7, 6, 5.2],
    },
  },
  {
    id: "KL-08",
    name: "Unit cost: cloud cost per online order",
    measure: "Cloud cost of the e-commerce platform / orders placed (FINOPS.UNITCOST).",
    capability: "Unit Economics",
    owner: "Product",
    unit: "currency per order",
    direction: "lower",
    source: `${KPI_LIBRARY}: unit cost`,
    sample: {
      baseline: 0.52,
      target: 0.42,
      stages: { crawl: 0.55, walk: 0.45, run: 0.38 },
      months: [0.51, 0.49, 0.47, 0.45, 0.44, 0.41],
    },
  },
];

/** Months of sample values: the first half year is reported. */
export const SAMPLE_REPORTED_MONTHS = 6;
