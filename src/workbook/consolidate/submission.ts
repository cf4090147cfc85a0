import type { TeamModel } from "../options";

/**
 * What consolidation takes from one department's workbook: plain data, read through the layout of the
 * template version the workbook records, every figure with the cell it was read from. The enterprise
 * roll-up (src/workbook/templates/rollup) is planned from a list of these, the same in the CLI and in
 * the pane's worker.
 */

/** Where a figure was read: the department's file, the sheet and the cell ("D12"). */
export interface CellSource {
  readonly file: string;
  readonly sheet: string;
  readonly cell: string;
}

/** A figure and where it came from. null: the cell is blank, text where a number belongs, or an error. */
export interface Sourced<T> {
  readonly value: T | null;
  readonly source: CellSource;
}

/** A template the department's workbook holds, as its metadata store records it (the newest of each id). */
export interface SubmittedTemplate {
  readonly templateId: string;
  readonly version: number;
  /** The version this tool writes now: a lower recorded version was read through its own layout. */
  readonly latestVersion: number;
}

export interface CapabilityScore {
  readonly capability: string;
  /** The FinOps Framework domain the scorecard files the capability under. */
  readonly domain: string;
  readonly score: Sourced<number>;
  readonly target: Sourced<number>;
}

export interface LensScore {
  /** Knowledge, Process, Metrics, Adoption or Automation (the FinOps Assessment's lenses). */
  readonly lens: string;
  readonly score: Sourced<number>;
}

export interface MaturitySubmission {
  /** The practice score as a share of the top score, 0 to 1 (PracticeMaturityScore, shown as %). */
  readonly practiceScore: Sourced<number>;
  /** Crawl, Walk or Run (PracticeMaturityLevel). */
  readonly level: Sourced<string>;
  readonly targetScore: Sourced<number>;
  readonly assessmentDate: Sourced<string>;
  readonly capabilities: readonly CapabilityScore[];
  readonly lenses: readonly LensScore[];
}

export interface KpiSubmission {
  readonly kpi: string;
  readonly unit: string;
  readonly latestValue: Sourced<number>;
  /** The period label of the latest value ("Jun 2026"). */
  readonly latestPeriod: Sourced<string>;
  /** Green, Amber or Red; null when the KPI has no status yet. */
  readonly status: Sourced<string>;
}

export interface AdoptionStage {
  readonly stage: string;
  readonly activities: number;
  readonly done: number;
  /** The adoption table's rows the stage was counted from. */
  readonly source: CellSource;
}

export interface Escalation {
  readonly activity: string;
  readonly stage: string;
  readonly owner: string;
  /** "YYYY-MM-DD" or null. */
  readonly due: string | null;
  readonly status: string;
  readonly source: CellSource;
}

export interface BudgetCategory {
  readonly category: string;
  readonly budget: Sourced<number>;
  readonly actualYtd: Sourced<number>;
}

export interface BudgetSubmission {
  /** The fiscal year's budget (all lines). */
  readonly budget: Sourced<number>;
  readonly budgetYtd: Sourced<number>;
  readonly actualYtd: Sourced<number>;
  readonly byCategory: readonly BudgetCategory[];
  /** The budget's return on the FinOps team's cost (TeamROI). */
  readonly returnOnTeamCost: Sourced<number>;
}

/** Central, Hub, Spoke or Virtual: the staffing plan's Model column. */
export type ModelPlace = "Central" | "Hub" | "Spoke" | "Virtual";

export interface StaffingByModel {
  readonly model: ModelPlace;
  readonly fte: Sourced<number>;
  /** Loaded cost of the fiscal year. */
  readonly cost: Sourced<number>;
}

export interface StaffingSubmission {
  readonly byModel: readonly StaffingByModel[];
  /** The staffing plan's annual cloud spend input (AnnualCloudSpend): the spend weight. */
  readonly cloudSpend: Sourced<number>;
}

export interface SavingsSubmission {
  /** Validated savings realised in the fiscal year (the savings ledger). */
  readonly validatedSavings: Sourced<number>;
  /** Validated cost avoidance in the fiscal year. */
  readonly validatedAvoidance: Sourced<number>;
}

/** One department's workbook, read. Parts are absent when the workbook does not hold their template. */
export interface DepartmentSubmission {
  /** The file's name as the user gave it (no folders). */
  readonly file: string;
  /** The recorded department (TemplateOptions.department), else the organisation. */
  readonly department: string;
  readonly organisation: string;
  readonly lead: string | null;
  readonly teamModel: TeamModel;
  readonly currency: string;
  /** "FY2026". */
  readonly fiscalYear: string;
  /** The reporting date the figures are as at, "YYYY-MM-DD". */
  readonly asAt: string;
  /** The newest Updated stamp of the metadata store, as written there. */
  readonly lastUpdate: string;
  readonly templates: readonly SubmittedTemplate[];
  /** True when the workbook was made with sample figures: the roll-up's titles then say so. */
  readonly sampleFigures?: boolean;
  /** Ids of practice-set templates the workbook does not hold. */
  readonly missingTemplates: readonly string[];
  /** Errors the health check finds in the workbook (warnings not counted). */
  readonly healthErrors: number;
  readonly maturity?: MaturitySubmission;
  readonly kpis: readonly KpiSubmission[];
  readonly adoption: {
    readonly stages: readonly AdoptionStage[];
    readonly escalations: readonly Escalation[];
  };
  readonly budget?: BudgetSubmission;
  readonly staffing?: StaffingSubmission;
  readonly savings?: SavingsSubmission;
  /** Plain sentences on what was read and how ("Maturity scorecard read through its version 3 layout."). */
  readonly notes: readonly string[];
}

/** A file that cannot be used, and why, in words the user can act on. */
export interface RefusedFile {
  readonly file: string;
  readonly reason: string;
}

/** One row of the roll-up's history: appended per department by every consolidation. */
export interface HistoryRow {
  /** "YYYY-MM-DD": the consolidation's date. */
  readonly date: string;
  readonly department: string;
  /** "YYYY-MM-DD": the department's reporting date its figures are as at (null: not known). */
  readonly asAt: string | null;
  readonly practiceScore: number | null;
  readonly budget: number | null;
  readonly actualYtd: number | null;
  /** Validated savings plus validated avoidance. */
  readonly validatedValue: number | null;
  readonly currency: string;
}

/** Everything one consolidation plans the roll-up from. */
export interface Consolidation {
  /** One per department, in the order the files were given; duplicates already resolved. */
  readonly submissions: readonly DepartmentSubmission[];
  /** The history the roll-up held before (kept), this consolidation's rows not included. */
  readonly history: readonly HistoryRow[];
  /** "YYYY-MM-DD". */
  readonly date: string;
  /** Rates to the roll-up's currency typed in an earlier roll-up, by currency code, kept. */
  readonly rates: Readonly<Record<string, number>>;
}
