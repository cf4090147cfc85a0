import { col, Expr, ifBlank, str } from "../../expr/expr";
// The savings ledger's lists and the sample initiatives of the invented organisation. Seed: "KPIs that
// measure cost savings or cost avoidance achieved by the FinOps team" (success metrics); the product
// specification names the initiative types and finance validation.

export const INITIATIVE_TYPES = [
  "Negotiated rate",
  "Commitment",
  "Rightsizing",
  "Waste removal",
  "Anomaly",
] as const;

export const SAVINGS_KINDS = ["Savings", "Cost avoidance"] as const;
/** A ledger row's value, "" until both its monthly costs are entered (no zero that looks like a result). */
export const whenCosts = (expr: Expr): Expr =>
  ifBlank(col("baselineCost"), str(""), ifBlank(col("newCost"), str(""), expr));

/** The ledger table's key, for expressions. */
export const LEDGER_TABLE = "savingsInitiatives";
export const YES_NO = ["Y", "N"] as const;

export interface SampleInitiative {
  readonly id: string;
  readonly initiative: string;
  readonly type: (typeof INITIATIVE_TYPES)[number];
  readonly kind: (typeof SAVINGS_KINDS)[number];
  readonly owner: string;
  /** Monthly run rate before (savings) or projected without the action (avoidance). */
  readonly baselineCost: number;
  /** Monthly run rate after the action. */
  readonly newCost: number;
  readonly monthsRealised: number;
  readonly validated: (typeof YES_NO)[number];
  readonly evidence: string;
  /** False for a one-off (counted once, not annualised). */
  readonly recurring: boolean;
  /** Months of the fiscal year the lower cost applies, realised or expected. */
  readonly monthsInYear: number;
  /** Another initiative lowering the same bill. */
  readonly sameBillAs?: string;
}

export const SAMPLE_INITIATIVES: readonly SampleInitiative[] = [
  {
    id: "SL-01",
    initiative: "Enterprise discount renegotiated with the main cloud provider",
    type: "Negotiated rate",
    kind: "Savings",
    owner: "Procurement",
    baselineCost: 410000,
    newCost: 385000,
    monthsRealised: 6,
    validated: "Y",
    evidence: "Contract amendment 2026-014; invoice comparison in the finance share",
    recurring: true,
    monthsInYear: 12,
  },
  {
    id: "SL-02",
    initiative: "One-year compute savings plan for the e-commerce platform",
    type: "Commitment",
    kind: "Savings",
    owner: "FinOps lead",
    baselineCost: 180000,
    newCost: 132000,
    monthsRealised: 5,
    validated: "Y",
    evidence: "Purchase approval FIN-2211; monthly utilisation report",
    recurring: true,
    monthsInYear: 11,
  },
  {
    id: "SL-03",
    initiative: "Rightsize over-provisioned order database instances",
    type: "Rightsizing",
    kind: "Savings",
    owner: "Platform engineering",
    baselineCost: 42000,
    newCost: 30500,
    monthsRealised: 4,
    validated: "Y",
    evidence: "Change ticket CHG-4471; before and after cost export",
    recurring: true,
    monthsInYear: 10,
    sameBillAs: "SL-02",
  },
  {
    id: "SL-04",
    initiative: "Delete unattached disks and snapshots older than 90 days",
    type: "Waste removal",
    kind: "Savings",
    owner: "Cloud operations",
    baselineCost: 9800,
    newCost: 5600,
    monthsRealised: 3,
    validated: "N",
    evidence: "Clean-up runbook run log; awaiting finance review",
    recurring: true,
    monthsInYear: 9,
  },
  {
    id: "SL-05",
    initiative: "Loyalty app launched on a cheaper serverless design than first planned",
    type: "Rightsizing",
    kind: "Cost avoidance",
    owner: "Loyalty product team",
    baselineCost: 26000,
    newCost: 17000,
    monthsRealised: 2,
    validated: "Y",
    evidence: "Architecture review ADR-031 with the projected cost; first two bills",
    recurring: true,
    monthsInYear: 8,
  },
  {
    id: "SL-06",
    initiative: "Runaway data-transfer job stopped by anomaly alerting",
    type: "Anomaly",
    kind: "Cost avoidance",
    owner: "Data platform team",
    baselineCost: 6500,
    newCost: 2000,
    monthsRealised: 1,
    validated: "N",
    evidence: "Anomaly alert INC-3380 and incident review",
    recurring: false,
    monthsInYear: 1,
  },
];
