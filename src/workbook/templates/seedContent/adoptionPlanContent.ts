import { PERSONAS } from "../../../domain/personas";

// Content of the adoption plan: the capability's "Drive stakeholder buy-in" phases
// with activities paraphrased from the personas' functional activities, the Crawl and Walk statements
// and the success metrics (FinOps Framework, FinOps Practice Operations; FinOps Foundation, CC BY 4.0).
// Months, statuses and evidence are sample data for the invented organisation.

const SEED = "FinOps Framework, FinOps Practice Operations";

export const STAGES = [
  "Plan",
  "Socialize",
  "Prepare the organization",
  "Drive cultural adoption",
] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Version 2 of the template. "Needs escalation" was "Blocked" in version 1: the new word says what
 * the owner does next (take it up the escalation path of the decision model), which "Blocked" left open.
 */
export const STATUSES = ["Not started", "In progress", "Done", "Needs escalation"] as const;
export type Status = (typeof STATUSES)[number];

type PersonaName = (typeof PERSONAS)[number]["name"];

export interface AdoptionActivity {
  readonly stage: Stage;
  readonly activity: string;
  readonly owner: PersonaName;
  readonly deliverable: string;
  /** Sample: due at the end of this month, counted from the sample's reporting date (0 its month). */
  readonly month: number;
  /** Sample: where the plan stands mid-year. */
  readonly status: Status;
  /** Sample: where the deliverable is kept, for activities under way or done. */
  readonly evidence?: string;
  readonly source: string;
}

const REPO = "FinOps repository > Retail e-commerce";

export const ACTIVITIES: readonly AdoptionActivity[] = [
  // Phase 1: Plan for FinOps.
  {
    stage: "Plan",
    activity:
      "Research the department's cloud goals and the strengths, weaknesses, opportunities and obstacles that shape its cloud usage, cost and value",
    owner: "FinOps practitioner",
    deliverable: "Cloud goals and SWOT summary",
    month: -5,
    status: "Done",
    evidence: `${REPO} > Plan > Cloud goals and SWOT`,
    source: `${SEED}, Functional activities, FinOps practitioner: research and confirm the cloud goals, strengths, weaknesses, opportunities and obstacles`,
  },
  {
    stage: "Plan",
    activity:
      "Run an initial assessment and write a FinOps executive summary with the details each executive needs",
    owner: "FinOps practitioner",
    deliverable: "FinOps executive summary",
    month: -5,
    status: "Done",
    evidence: `${REPO} > Plan > Executive summary`,
    source: `${SEED}, Crawl: an executive summary from an initial assessment, with relevant details for each executive`,
  },
  {
    stage: "Plan",
    activity:
      "Identify the FinOps lead: practitioner experience and certification, influence in the organisation, project management",
    owner: "Leadership",
    deliverable: "Named FinOps lead",
    // Appointed in the fiscal year's first month: the staffing plan's lead starts then.
    month: -5,
    status: "Done",
    evidence: "Appointment announced on the intranet",
    source: `${SEED}, Crawl: a FinOps team lead is identified as cloud usage grows`,
  },
  {
    stage: "Plan",
    activity:
      "Prepare the staffing requirements (full-time and virtual), the resource list and the proposed budget for the FinOps work",
    owner: "FinOps practitioner",
    deliverable: "Staffing plan and budget request",
    month: -4,
    status: "Done",
    evidence: `${REPO} > Plan > Staffing and budget request`,
    source: `${SEED}, Functional activities, FinOps practitioner: staffing requirements for the executive team; Crawl: resource list, initial staffing plan and proposed budget`,
  },
  {
    stage: "Plan",
    activity: "Set the first scope of work, goals, generic KPIs and timeline",
    owner: "FinOps practitioner",
    deliverable: "Scope, goals and timeline",
    month: -4,
    status: "Done",
    evidence: `${REPO} > Plan > Scope and timeline`,
    source: `${SEED}, Crawl: initial scope of work, goals and timeline; generic goals and KPIs measure progress`,
  },
  // Phase 2: Socialize FinOps.
  {
    stage: "Socialize",
    activity:
      "Present the FinOps goals to the executives, agree how management takes part and name an executive sponsor",
    owner: "Leadership",
    deliverable: "Executive sponsor and agreed goals",
    month: -3,
    status: "Done",
    evidence: "Executive committee minutes",
    source: `${SEED}, Functional activities, Management: advise on the team's goals and how management takes part; Inputs and outputs: executive sponsorship`,
  },
  {
    stage: "Socialize",
    activity:
      "Walk Finance through the FinOps team's goals and how the two teams will work together",
    owner: "Finance",
    deliverable: "Finance and FinOps working agreement",
    month: -3,
    status: "Done",
    evidence: `${REPO} > Socialize > Finance working agreement`,
    source: `${SEED}, Functional activities, Finance: understand the goals of the FinOps team and the collaborative relationship`,
  },
  {
    stage: "Socialize",
    activity:
      "Brief the product and engineering teams on the FinOps goals, their part in them and what they gain",
    owner: "Engineering",
    deliverable: "Briefings held and questions logged",
    month: -2,
    status: "Done",
    evidence: `${REPO} > Socialize > Briefing slides and questions`,
    source: `${SEED}, Functional activities, Product and Engineering: understand the goals of the FinOps team and the collaborative relationship`,
  },
  {
    stage: "Socialize",
    activity: "Agree with Procurement how tool and commitment purchases involve the FinOps team",
    owner: "Procurement",
    deliverable: "Purchasing touchpoints agreed",
    month: -2,
    status: "In progress",
    evidence: "Draft procurement checklist",
    source: `${SEED}, Functional activities, Procurement: share requirements and tools; give input on prepaid reservation fees`,
  },
  {
    stage: "Socialize",
    activity:
      "Learn from departments further along: their reports, lessons learned and contacts for questions",
    owner: "FinOps practitioner",
    deliverable: "Lessons from more mature teams",
    month: -2,
    status: "Done",
    evidence: `${REPO} > Socialize > Lessons learned`,
    source: `${SEED}, Crawl: a department adopting FinOps for the first time benefits from learning from more mature teams`,
  },
  // Phase 3: Prepare the organization.
  {
    stage: "Prepare the organization",
    activity:
      "Form the virtual FinOps team: name members from cloud engineering, finance, reporting and training",
    owner: "FinOps practitioner",
    deliverable: "Virtual team roster",
    month: -1,
    status: "Done",
    evidence: `${REPO} > Prepare > Virtual team roster`,
    source: `${SEED}, Crawl: virtual FinOps teams of cloud engineers, finance staff, reporting teams and trainers`,
  },
  {
    stage: "Prepare the organization",
    activity:
      "Agree the decision and accountability model: R/A/C/I, thresholds and escalation for each recurring decision",
    owner: "FinOps practitioner",
    deliverable: "Signed-off decision model",
    month: -1,
    status: "In progress",
    evidence: "Decision model sheet, in review",
    source: `${SEED}, Collaboration and decision-making: manage decision-making models; Functional activities: each persona gives input to decision models`,
  },
  {
    stage: "Prepare the organization",
    activity:
      "Set up the FinOps repository: reports, FinOps information and instructions on how to use them",
    owner: "FinOps practitioner",
    deliverable: "FinOps repository",
    month: 0,
    status: "In progress",
    evidence: `${REPO} (structure in place)`,
    source: `${SEED}, Functional activities, FinOps practitioner: a repository of reports, information and instructions for employees`,
  },
  {
    stage: "Prepare the organization",
    activity: "Confirm the funding and resources of the FinOps team",
    owner: "Leadership",
    deliverable: "Approved FinOps budget",
    month: 0,
    status: "Needs escalation",
    evidence: "Waiting for the mid-year budget review",
    source: `${SEED}, Functional activities, Management: provide funding and resources for the FinOps team`,
  },
  {
    stage: "Prepare the organization",
    activity:
      "Collect Finance's requirements, data and financial calendar so budgets and cost reports line up",
    owner: "Finance",
    deliverable: "Data and process integration list",
    month: 1,
    status: "Not started",
    source: `${SEED}, Functional activities, Finance: share requirements, tools, information and financial activities; Manage the practice: integrate data and processes`,
  },
  {
    stage: "Prepare the organization",
    activity:
      "Share the engineering requirements, tools and data (accounts, tags) the cost reports need",
    owner: "Engineering",
    deliverable: "Cost data sources and tagging gaps",
    month: 1,
    status: "Not started",
    source: `${SEED}, Functional activities, Engineering: share requirements, tools, information and engineering activities`,
  },
  // Drive cultural buy-in.
  {
    stage: "Drive cultural adoption",
    activity: "Send regular, consistent updates on FinOps progress to everyone in the department",
    owner: "FinOps practitioner",
    deliverable: "Monthly FinOps update",
    month: 2,
    status: "In progress",
    evidence: "First update sent to the department mailing list",
    source: `${SEED}, Functional activities, FinOps practitioner: regular and consistent updates to all employees as the team grows`,
  },
  {
    stage: "Drive cultural adoption",
    activity:
      "Work alongside engineering and finance staff on their cost decisions to build lasting participation",
    owner: "FinOps practitioner",
    deliverable: "Joint working sessions each month",
    month: 3,
    status: "Not started",
    source: `${SEED}, Functional activities, FinOps practitioner: collaborate with employees in affected teams to drive long-term participation and cultural change`,
  },
  {
    stage: "Drive cultural adoption",
    activity:
      "Track the use of FinOps reports and dashboards and ask for feedback where use is low",
    owner: "FinOps practitioner",
    deliverable: "Dashboard usage report",
    month: 4,
    status: "Not started",
    source: `${SEED}, Success metrics: reports and dashboards are widely used; collect feedback when engagement is low`,
  },
  {
    stage: "Drive cultural adoption",
    activity:
      "Share FinOps information within product teams: cost in sprint reviews and release planning",
    owner: "Product",
    deliverable: "Team cost reviews in place",
    month: 4,
    status: "Not started",
    source: `${SEED}, Success metrics: active sharing of FinOps information within teams and from management to employees`,
  },
  {
    stage: "Drive cultural adoption",
    activity:
      "Hold cross-functional planning meetings to set goals, define tasks, allocate resources and agree timelines",
    owner: "FinOps practitioner",
    deliverable: "Quarterly FinOps planning meeting",
    month: 5,
    status: "Not started",
    source: `${SEED}, Walk: regular cross-functional planning meetings set goals, tasks, resources and timelines`,
  },
  {
    stage: "Drive cultural adoption",
    activity:
      "Review the FinOps team's effectiveness and decide changes to staffing, scope, size or structure",
    owner: "Leadership",
    deliverable: "Team review and decisions",
    month: 6,
    status: "Not started",
    source: `${SEED}, Functional activities, Management: regularly review the team's effectiveness and decide adjustments`,
  },
];
