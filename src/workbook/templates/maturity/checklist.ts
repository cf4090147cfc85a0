// Every Crawl, Walk and Run statement of the "Maturity assessment" section of the FinOps Practice
// Operations capability (FinOps Framework, FinOps Foundation, CC BY 4.0; the statements are in
// test/fixtures/finops-framework), paraphrased as assessment items, in the capability's order.

export type MaturityStage = "Crawl" | "Walk" | "Run";
export const STAGES: readonly MaturityStage[] = ["Crawl", "Walk", "Run"];

export type ChecklistStatus = "Met" | "Partly" | "Not met";
export const CHECKLIST_STATUSES: readonly ChecklistStatus[] = ["Met", "Partly", "Not met"];

export const checklistSource = (stage: MaturityStage) =>
  `FinOps Framework, FinOps Practice Operations: Maturity assessment, ${stage}`;

export interface ChecklistItem {
  readonly stage: MaturityStage;
  readonly statement: string;
  /** Sample assessment of the invented organisation. */
  readonly sample: {
    readonly status: ChecklistStatus;
    readonly owner: string;
    readonly evidence?: string;
  };
}

export const CHECKLIST: readonly ChecklistItem[] = [
  // Crawl: 8 statements.
  {
    stage: "Crawl",
    statement:
      "An initial assessment has produced a FinOps executive summary, shared with each executive with the details relevant to them.",
    sample: {
      status: "Met",
      owner: "FinOps lead",
      evidence: "Executive summary pack, first issue",
    },
  },
  {
    stage: "Crawl",
    statement:
      "Generic FinOps goals and KPIs are used to track progress, which is enough while cloud use is small or simple.",
    sample: { status: "Met", owner: "FinOps lead", evidence: "KPI tracker, starter KPIs" },
  },
  {
    stage: "Crawl",
    statement:
      "The resources the FinOps team needs are listed, with the budget each recommended resource requires.",
    sample: { status: "Met", owner: "FinOps lead", evidence: "Team budget workbook" },
  },
  {
    stage: "Crawl",
    statement:
      "A FinOps lead is named: ideally a certified, experienced practitioner with influence and complex-project experience (hired in if need be).",
    sample: { status: "Met", owner: "Head of Cloud", evidence: "Appointment announcement" },
  },
  {
    stage: "Crawl",
    statement:
      "An initial staffing plan, resource list and proposed budget have been drawn up for the FinOps team.",
    sample: {
      status: "Met",
      owner: "FinOps lead",
      evidence: "Staffing plan and team budget; funding awaits the mid-year budget review",
    },
  },
  {
    stage: "Crawl",
    statement:
      "A virtual FinOps team of cloud engineers, finance, reporting and training staff is formed instead of hiring dedicated full-time staff.",
    sample: {
      status: "Met",
      owner: "FinOps lead",
      evidence: "Virtual team charter and member list",
    },
  },
  {
    stage: "Crawl",
    statement:
      "The team's first activities have an initial scope, goals and timeline; a department new to FinOps learns from more mature teams.",
    sample: { status: "Met", owner: "FinOps lead", evidence: "First-quarter plan" },
  },
  {
    stage: "Crawl",
    statement:
      "Few activities yet need cross-functional collaboration or urgent decisions, and management processes are still immature.",
    sample: { status: "Partly", owner: "FinOps lead", evidence: "Decision log started" },
  },
  // Walk: 8 statements.
  {
    stage: "Walk",
    statement:
      "As cloud use becomes more complex and mature, a fairly mature FinOps team is in place whose role most teams understand.",
    sample: { status: "Met", owner: "Head of Cloud", evidence: "Stakeholder survey" },
  },
  {
    stage: "Walk",
    statement:
      "The FinOps team works with roles at several levels of the organisation, communicates well and offers several ways to engage with it.",
    sample: {
      status: "Met",
      owner: "FinOps lead",
      evidence: "Office hours, chat channel, monthly newsletter",
    },
  },
  {
    stage: "Walk",
    statement:
      "The cloud strategy is clear and well defined, and the FinOps strategy is set out with specific goals and agreed KPIs in use.",
    sample: {
      status: "Partly",
      owner: "CFO office",
      evidence: "Strategy paper and KPIs; cloud strategy not yet tied to executive goals",
    },
  },
  {
    stage: "Walk",
    statement:
      "The FinOps team regularly reviews its needs, size, roles and position in the organisation, and adjusts them as needed.",
    sample: { status: "Met", owner: "Head of Cloud", evidence: "Half-year team review" },
  },
  {
    stage: "Walk",
    statement:
      "Most of the organisation has adopted FinOps as its operating model and is developing its cultural practices.",
    sample: {
      status: "Partly",
      owner: "FinOps lead",
      evidence: "Adoption plan: 4 of 7 departments",
    },
  },
  {
    stage: "Walk",
    statement:
      "Cross-functional planning meetings are held regularly, though not often, to set goals, tasks, resources and timelines for the practice.",
    sample: { status: "Met", owner: "FinOps lead", evidence: "Quarterly planning minutes" },
  },
  {
    stage: "Walk",
    statement:
      "The FinOps team runs its own objectives and key results, intake process, request categories, task tracking and regular status updates.",
    sample: {
      status: "Partly",
      owner: "FinOps analysts",
      evidence: "Intake board; OKRs not yet set",
    },
  },
  {
    stage: "Walk",
    statement:
      "Activities needing timely or cross-functional decisions are understood and documented; they recur enough to need a formal decision model.",
    sample: { status: "Not met", owner: "CFO office" },
  },
  // Run: 9 statements.
  {
    stage: "Run",
    statement:
      "For a highly complex organisation or cloud estate, a larger, well-established FinOps team is in place whose role all levels understand.",
    sample: { status: "Not met", owner: "Head of Cloud" },
  },
  {
    stage: "Run",
    statement:
      "The team works with roles at all levels, offers several ways to engage with it, and enlists FinOps enablers and others to extend its reach.",
    sample: { status: "Partly", owner: "FinOps lead", evidence: "Two champions in engineering" },
  },
  {
    stage: "Run",
    statement:
      "The cloud and FinOps strategies are clear, with specific goals and agreed KPIs in use, which may differ by cloud application scenario.",
    sample: { status: "Not met", owner: "CFO office" },
  },
  {
    stage: "Run",
    statement:
      "The team continuously reviews its needs, size, roles and position, and works with extended support teams in set ways on complex cases.",
    sample: { status: "Not met", owner: "Head of Cloud" },
  },
  {
    stage: "Run",
    statement: "The FinOps team has a regular source of funding, and its needs are well supported.",
    sample: {
      status: "Partly",
      owner: "CFO",
      evidence: "Annual budget line from this fiscal year",
    },
  },
  {
    stage: "Run",
    statement:
      "The whole organisation has adopted FinOps as its operating model and cultural practice.",
    sample: { status: "Not met", owner: "Executive sponsor" },
  },
  {
    stage: "Run",
    statement:
      "Cross-functional planning meetings are held regularly and often to set goals, tasks, resources and timelines for the practice.",
    sample: { status: "Partly", owner: "FinOps lead", evidence: "Monthly for two departments" },
  },
  {
    stage: "Run",
    statement:
      "FinOps processes are part of daily work, delivered through channels that suit most teams in the organisation.",
    sample: { status: "Not met", owner: "FinOps lead" },
  },
  {
    stage: "Run",
    statement:
      "A comprehensive, documented decision model supports the frequent cross-functional decisions of a large or complex organisation.",
    sample: { status: "Not met", owner: "CFO office" },
  },
];
