// The capabilities of the FinOps Framework 2026 (FinOps Foundation, CC BY 4.0): 22 in 4 domains, in the
// framework's order. The sample assessment is an invented mid-size organisation, mostly at Crawl and Walk.

export const CAPABILITY_SOURCE = "FinOps Framework 2026 capabilities";

export const DOMAINS = [
  "Understand Usage & Cost",
  "Quantify Business Value",
  "Optimize Usage & Cost",
  "Manage the FinOps Practice",
] as const;
export type Domain = (typeof DOMAINS)[number];

/** Lens scores 0-4 in lens order: Knowledge, Process, Metrics, Adoption, Automation. */
export type LensScores = readonly [number, number, number, number, number];

export interface Capability {
  readonly domain: Domain;
  readonly name: string;
  readonly sample: {
    readonly scores: LensScores;
    readonly assessor: string;
    readonly evidence: string;
    readonly nextAction: string;
    /** A capability-specific target, where the sample organisation set one. */
    readonly target?: number;
  };
}

const cap = (
  domain: Domain,
  name: string,
  scores: LensScores,
  assessor: string,
  evidence: string,
  nextAction: string,
  target?: number
): Capability => ({ domain, name, sample: { scores, assessor, evidence, nextAction, target } });

export const CAPABILITIES: readonly Capability[] = [
  cap(
    "Understand Usage & Cost",
    "Data Ingestion",
    [3, 3, 2, 3, 2],
    "FinOps analyst",
    "Daily billing exports from both clouds into the data platform",
    "Add SaaS invoices to the ingestion pipeline"
  ),
  cap(
    "Understand Usage & Cost",
    "Allocation",
    [3, 2, 2, 2, 1],
    "FinOps analyst",
    "Tagging policy; 73% of cost allocated in the latest month (KPI tracker, KL-05)",
    "Enforce mandatory tags at deployment",
    0.7
  ),
  cap(
    "Understand Usage & Cost",
    "Reporting & Analytics",
    [3, 3, 3, 3, 2],
    "FinOps analyst",
    "Monthly showback dashboards by department",
    "Add unit cost views for product owners"
  ),
  cap(
    "Understand Usage & Cost",
    "Anomaly Management",
    [2, 2, 1, 1, 1],
    "Platform engineering lead",
    "Provider alerts on two subscriptions",
    "Agree severity levels and response times"
  ),
  cap(
    "Quantify Business Value",
    "Planning & Estimating",
    [2, 1, 1, 1, 0],
    "Finance partner",
    "Estimates for new projects in spreadsheets",
    "Add a cloud cost estimate to the project approval form"
  ),
  cap(
    "Quantify Business Value",
    "Forecasting",
    [2, 2, 2, 1, 1],
    "Finance partner",
    "Quarterly forecast; variance 14%",
    "Move to a rolling monthly forecast"
  ),
  cap(
    "Quantify Business Value",
    "Budgeting",
    [3, 3, 2, 2, 1],
    "Finance partner",
    "Cloud budgets per department in the annual plan",
    "Review budget variance monthly with department heads"
  ),
  cap(
    "Quantify Business Value",
    "KPIs & Benchmarking",
    [2, 1, 2, 1, 1],
    "FinOps lead",
    "KPI tracker with six starter KPIs",
    "Set targets for effective savings rate and allocation coverage"
  ),
  cap(
    "Quantify Business Value",
    "Unit Economics",
    [1, 1, 0, 0, 0],
    "Finance partner",
    "Cost per online order piloted for one product",
    "Agree the business metrics for two more products",
    0.4
  ),
  cap(
    "Optimize Usage & Cost",
    "Architecting & Workload Placement",
    [2, 1, 1, 1, 0],
    "Platform engineering lead",
    "Cost reviewed in architecture board, ad hoc",
    "Add a cost check to the architecture review template"
  ),
  cap(
    "Optimize Usage & Cost",
    "Rate Optimization",
    [3, 3, 3, 2, 2],
    "Procurement manager",
    "Commitment coverage 62%, utilisation 94%",
    "Adopt a quarterly commitment purchase cycle",
    0.75
  ),
  cap(
    "Optimize Usage & Cost",
    "Usage Optimization",
    [3, 2, 2, 2, 1],
    "Platform engineering lead",
    "Rightsizing recommendations reviewed monthly",
    "Schedule non-production shutdowns"
  ),
  cap(
    "Optimize Usage & Cost",
    "Licensing & SaaS",
    [1, 1, 1, 1, 0],
    "Procurement manager",
    "Licence inventory for the top ten vendors",
    "Bring SaaS renewals into the FinOps review"
  ),
  cap(
    "Optimize Usage & Cost",
    "Sustainability",
    [1, 0, 1, 0, 0],
    "Sustainability lead",
    "Provider carbon reports downloaded yearly",
    "Add carbon figures to the monthly showback",
    0.3
  ),
  cap(
    "Manage the FinOps Practice",
    "FinOps Practice Operations",
    [3, 2, 2, 3, 1],
    "FinOps lead",
    "Practice checklist on the next sheet",
    "Set team OKRs and a formal decision model"
  ),
  cap(
    "Manage the FinOps Practice",
    "Governance, Policy & Risk",
    [2, 2, 1, 2, 1],
    "Head of Cloud",
    "Cloud policy approved; exceptions by email",
    "Track policy exceptions and their cost"
  ),
  cap(
    "Manage the FinOps Practice",
    "FinOps Assessment",
    [2, 2, 2, 1, 1],
    "FinOps lead",
    "This scorecard, quarterly since last year",
    "Assess the two largest departments separately"
  ),
  cap(
    "Manage the FinOps Practice",
    "Automation, Tools & Services",
    [2, 2, 1, 2, 2],
    "FinOps lead",
    "Cost management platform in use",
    "Automate the monthly showback distribution"
  ),
  cap(
    "Manage the FinOps Practice",
    "FinOps Education & Enablement",
    [3, 2, 1, 2, 1],
    "FinOps lead",
    "Four certified practitioners; awareness sessions",
    "Add FinOps basics to engineer onboarding"
  ),
  cap(
    "Manage the FinOps Practice",
    "Invoicing & Chargeback",
    [2, 2, 2, 2, 1],
    "Finance partner",
    "Showback only; invoices reconciled monthly",
    "Decide on chargeback for shared platforms"
  ),
  cap(
    "Manage the FinOps Practice",
    "Intersecting Disciplines",
    [1, 1, 0, 1, 0],
    "Head of Cloud",
    "Informal links with IT asset management",
    "Agree shared data and roles with ITAM and security"
  ),
  cap(
    "Manage the FinOps Practice",
    "Executive Strategy Alignment",
    [2, 2, 1, 2, 0],
    "CFO office",
    "Quarterly FinOps update to the executive committee",
    "Tie FinOps goals to the three-year cloud strategy"
  ),
];
