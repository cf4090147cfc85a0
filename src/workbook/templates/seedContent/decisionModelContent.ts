// Content of the decision and accountability model, paraphrased from the FinOps Practice Operations capability
// (FinOps Framework, FinOps Practice Operations capability; FinOps Foundation, CC BY 4.0). The R/A/C/I
// letters are template content: every row has exactly one A and at least one R (tested). Thresholds
// and times to decide are sample figures for the invented organisation. Review cycles (version 2) follow
// the capability's Walk and Run statements: the team regularly reviews its needs, roles and positioning, and
// the decision and accountability structure must stay clear and documented as the organisation changes.

import { PersonaKey } from "../../../domain/personas";

const SEED = "FinOps Framework, FinOps Practice Operations";

export const RACI_LETTERS = ["R", "A", "C", "I"] as const;
export type RaciLetter = (typeof RACI_LETTERS)[number];

export interface Decision {
  readonly decision: string;
  readonly trigger: string;
  /** A persona left out takes no part in the decision (a blank cell). */
  readonly raci: Readonly<Partial<Record<PersonaKey, RaciLetter>>>;
  readonly escalation: string;
  /** Sample: amount at or above which the decision goes through the model; none = every case. */
  readonly threshold?: number;
  /** Sample: days the Accountable role has to decide. */
  readonly days: number;
  /**
   * Version 2: days between reviews of the row with its owners (template content). Decisions driven
   * by monthly spend are reviewed quarterly, those tied to yearly planning once a year.
   */
  readonly reviewDays: number;
  /**
   * Sample: the row was last reviewed at the end of this month, counted back from the sample's
   * reporting date (0 its month): two reviews are overdue at that date, the rest on schedule.
   */
  readonly reviewedMonth: number;
  readonly source: string;
}

/** Review cycle of a decision users added, when a version-1 workbook is upgraded: once a year. */
export const DEFAULT_REVIEW_DAYS = 365;

export const DECISIONS: readonly Decision[] = [
  {
    decision: "Commitment and prepaid reservation purchases",
    trigger:
      "Buying, renewing or exchanging reservations, savings plans or committed-use discounts. Trigger: a coverage recommendation or a commitment close to expiry.",
    raci: {
      finops: "R",
      finance: "A",
      product: "I",
      procurement: "C",
      engineering: "C",
      leadership: "C",
    },
    escalation: "FinOps lead > Finance director > CFO",
    threshold: 100000,
    days: 10,
    reviewDays: 90,
    reviewedMonth: -2,
    source: `${SEED}, Functional activities: Finance, Procurement and Management give input to decision models for prepaid reservation fees; Engineering shares usage requirements`,
  },
  {
    decision: "Budget overruns",
    trigger:
      "Actual or forecast cloud spend of a product or team above its budget. Trigger: the monthly budget review or a forecast alert.",
    raci: { finops: "R", finance: "C", product: "A", engineering: "R", leadership: "C" },
    escalation: "Product owner > Business unit head > CFO",
    threshold: 25000,
    days: 5,
    reviewDays: 90,
    reviewedMonth: -1,
    source: `${SEED}, Functional activities: Finance, Product, Management and associated roles give input to decision models for managing budget overruns`,
  },
  {
    decision: "Cost anomalies",
    trigger:
      "An unexpected rise in spend flagged by anomaly detection: accept it, fix it or stop the resources. Trigger: an anomaly alert.",
    raci: { finops: "R", finance: "I", product: "A", engineering: "R", leadership: "I" },
    escalation: "Engineering on-call > Product owner > CTO",
    threshold: 5000,
    days: 1,
    reviewDays: 90,
    reviewedMonth: -4,
    source: `${SEED}, Functional activities: Engineering gives input to decision models for managing anomalies; Walk and Run: timely and urgent decisions follow a defined model`,
  },
  {
    decision: "FinOps tool and service purchases",
    trigger:
      "Buying or renewing a cost management platform, reporting licences or FinOps services. Trigger: a new requirement or a contract renewal.",
    raci: {
      finops: "R",
      finance: "C",
      product: "I",
      procurement: "R",
      engineering: "C",
      leadership: "A",
    },
    escalation: "FinOps lead > Executive sponsor > Executive committee",
    threshold: 50000,
    days: 30,
    reviewDays: 365,
    reviewedMonth: -9,
    source: `${SEED}, Inputs and outputs: FinOps tools and services; Functional activities: the personas share requirements and tools, Management provides funding and resources for the FinOps team`,
  },
  {
    decision: "FinOps team staffing changes",
    trigger:
      "Adding, removing or re-allocating FinOps roles, central or virtual. Trigger: the regular review of the team's needs, size and roles.",
    raci: { finops: "R", finance: "C", product: "I", engineering: "C", leadership: "A" },
    escalation: "FinOps lead > Executive sponsor > Executive committee",
    threshold: 100000,
    days: 30,
    reviewDays: 180,
    reviewedMonth: -5,
    source: `${SEED}, Functional activities: the FinOps practitioner gives the executive team the staffing requirements; Management reviews the team's effectiveness and decides changes to staffing, scope and size`,
  },
  {
    decision: "Chargeback and showback policy",
    trigger:
      "Setting or changing how cloud costs, shared costs included, are allocated and charged to cost centres. Trigger: annual planning or a reorganisation.",
    raci: { finops: "R", finance: "A", product: "C", engineering: "C", leadership: "I" },
    escalation: "Finance controller > CFO",
    days: 45,
    reviewDays: 365,
    reviewedMonth: -15,
    source: `${SEED}: integrate data and processes across the organisation, a culture of accountability`,
  },
  {
    decision: "FinOps goals and KPI targets",
    trigger:
      "Agreeing the goals of the FinOps strategy and the KPIs and targets the practice is measured by. Trigger: the yearly plan or a change in cloud usage.",
    raci: {
      finops: "R",
      finance: "C",
      product: "C",
      procurement: "I",
      engineering: "C",
      leadership: "A",
    },
    escalation: "FinOps lead > Executive sponsor > Executive committee",
    days: 20,
    reviewDays: 365,
    reviewedMonth: -6,
    source: `${SEED}, Functional activities: Management advises on the FinOps team's goals; Crawl: generic goals and KPIs; Walk: specific goals and agreed KPIs`,
  },
  {
    decision: "Bringing a department into FinOps",
    trigger:
      "Starting the adoption stages for a new business unit, an acquisition or a reorganised department (see the Adoption plan). Trigger: the change is announced.",
    raci: { finops: "R", finance: "I", product: "C", engineering: "C", leadership: "A" },
    escalation: "FinOps lead > Executive sponsor",
    days: 15,
    reviewDays: 180,
    reviewedMonth: -3,
    source: `${SEED}, Collaboration and decision-making: introduce FinOps to departments based on the organisation's goals and needs; adoption repeats as departments join, reorganise or are acquired`,
  },
];
