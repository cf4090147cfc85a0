import { column, countIf, Expr, finops, name, nthLargestLabel, num, sub } from "../expr/expr";
import { fiscalYearLabel, TemplateOptions } from "../options";
import { Block, EarlierVersion, Template, WorkbookSpec } from "../spec";
import { budgetByMonth, kpiStatus } from "./summary/linkedTables";
import { blankWhenError, figure } from "./summary/summaryFigure";
import { buildOnePage } from "./summary/onePage";
import { LENSES } from "./maturity/lenses";
import { sheetTitle } from "./sheetTitle";

// Executive summary (FinOps Practice Operations, Crawl: "a FinOps executive summary ... provided to
// various executives in the organization, offering relevant details for each"). Every figure links to
// the practice workbooks, so the summary is never re-typed and never disagrees with them.

const SOURCE_SHEETS = [
  "team-budget",
  "staffing-plan",
  "kpi-tracker",
  "maturity-scorecard",
  "decision-model",
  "adoption-plan",
];

/** Version 1 had no maturity trend: it is built as it was (no migration: version 2 only adds). */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildExecutiveSummary(options, 1),
  migration: [],
};

/**
 * Version 2 had no count of capabilities assessed on every lens and no budget chart (version 3 adds
 * both at the end).
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildExecutiveSummary(options, 2),
  migration: [],
};

/** Version 3: the figures of version 4 and more, without the reporting date, risks or commentary. */
const VERSION_3: EarlierVersion = {
  version: 3,
  build: (options) => buildExecutiveSummary(options, 3),
  migration: [],
};

export const executiveSummary: Template = {
  id: "executive-summary",
  version: 4,
  earlier: [VERSION_1, VERSION_2, VERSION_3],
  // Version 4 is a different page (one landscape page, sources beside figures, charts beside): a
  // patched version-3 sheet would keep the old blocks. No version before it has an input cell.
  rebuildsBefore: 4,
  title: "Executive summary",
  purpose:
    "One printed page for executives, as at the reporting date: cost and value, budget against forecast, maturity and its largest gaps, KPI status, the top risks and a commentary.",
  audience: "CFO, CTO/CIO and engineering leads",
  needs: SOURCE_SHEETS,
  build: (options) => buildOnePage(options),
};

/** Versions 1 to 3, as they were generated: what upgrade compares a workbook of those versions with. */
function buildExecutiveSummary(options: TemplateOptions, version: 1 | 2 | 3): WorkbookSpec {
  return {
    templateId: "executive-summary",
    version,
    title: "Executive summary",
    sheets: [
      {
        key: "executiveSummary",
        name: "Executive summary",
        print: { landscape: false, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, "FinOps executive summary"),
            subtitle: `${fiscalYearLabel(options)}. Amounts in ${options.currency}. Every figure links to the practice workbooks.`,
          },
          {
            kind: "notes",
            heading: "How to read this page",
            lines: [
              "Each section answers one executive's questions; the figures update as the practice workbooks are filled in.",
              "A blank figure means its source is not filled in yet: see the sheet named in its label.",
            ],
          },
          {
            kind: "figures",
            heading: "For the CFO: cost and value",
            items: [
              figure(
                "BudgetYtd",
                "Team budget, year to date (Team budget)",
                "currency",
                name("teamBudgetYtd")
              ),
              figure(
                "ActualYtd",
                "Team actual, year to date (Team budget)",
                "currency",
                name("teamActualYtd")
              ),
              figure(
                "BudgetStatus",
                "Budget status, year to date",
                "text",
                name("teamBudgetStatus")
              ),
              figure(
                "TeamCostFy",
                "Projected team cost, full year",
                "currency",
                name("teamProjectedFy")
              ),
              figure(
                "ValueValidated",
                "Savings and avoidance validated by finance, annualised (Savings ledger)",
                "currency",
                name("validatedValueTotal")
              ),
              figure(
                "Roi",
                "Return on the team's cost (validated value against projected cost)",
                "percent",
                blankWhenError(finops("ROI", name("validatedValueTotal"), name("teamProjectedFy")))
              ),
            ],
          },
          {
            kind: "figures",
            heading: "For the CTO and CIO: maturity",
            items: [
              figure(
                "MaturityScore",
                "Practice maturity score (Maturity scorecard)",
                "percent",
                name("maturityScore")
              ),
              figure("MaturityTarget", "Target score", "percent", name("maturityTargetScore")),
              figure("MaturityLevel", "Maturity level", "text", name("maturityLevel")),
              figure("MaturityStatus", "Score against target", "text", name("maturityStatus")),
              figure(
                "ChecklistLevel",
                "FinOps Practice Operations checklist level",
                "text",
                name("maturityChecklistLevel")
              ),
              figure(
                "Gap1",
                "Largest gap to target",
                "text",
                blankWhenError(
                  nthLargestLabel(
                    column("maturityCapabilities", "gap"),
                    column("maturityCapabilities", "capability"),
                    1
                  )
                )
              ),
              figure(
                "Gap2",
                "Second largest gap",
                "text",
                blankWhenError(
                  nthLargestLabel(
                    column("maturityCapabilities", "gap"),
                    column("maturityCapabilities", "capability"),
                    2
                  )
                )
              ),
              figure(
                "Gap3",
                "Third largest gap",
                "text",
                blankWhenError(
                  nthLargestLabel(
                    column("maturityCapabilities", "gap"),
                    column("maturityCapabilities", "capability"),
                    3
                  )
                )
              ),
            ],
          },
          {
            kind: "figures",
            heading: "For engineering leads: delivery",
            items: [
              figure("KpiGreen", "KPIs at Green (KPI tracker)", "integer", name("kpiGreen")),
              figure("KpiAmber", "KPIs at Amber", "integer", name("kpiAmber")),
              figure("KpiRed", "KPIs at Red", "integer", name("kpiRed")),
              figure(
                "KpiNoStatus",
                "KPIs without a status yet",
                "integer",
                name("kpiWithoutStatus")
              ),
              figure(
                "RaciProblems",
                "Decisions with a RACI problem (Decision model)",
                "integer",
                name("decisionsWithRaciProblem")
              ),
              figure(
                "Adoption",
                "Adoption plan complete (Adoption plan)",
                "percent",
                name("adoptionPercentComplete")
              ),
              figure(
                "Fte",
                "FinOps team, full-time equivalents (Staffing plan)",
                "fte",
                name("staffFteTotal")
              ),
            ],
          },
          ...kpiStatus(false),
          ...(version === 1 ? [] : [maturityTrend]),
          ...(version < 3 ? [] : [assessmentCoverage, ...budgetByMonth]),
        ],
      },
    ],
  };
}

/** The practice score of the n-th most recent assessment in the scorecard's history (by date). */
const latestRecorded = (n: number): Expr =>
  nthLargestLabel(column("maturityHistory", "date"), column("maturityHistory", "score"), n);

/**
 * Version 2: the change since the previous recorded assessment ("Record assessment" fills the history).
 * Last on the sheet, so every cell version 1 wrote stays where it was.
 */
const maturityTrend: Block = {
  kind: "figures",
  heading: "Maturity trend",
  items: [
    figure(
      "MaturityChange",
      "Practice score change since the previous recorded assessment (Maturity scorecard history)",
      "percent",
      blankWhenError(sub(latestRecorded(1), latestRecorded(2)))
    ),
  ],
};

/**
 * Version 3: how complete the assessment behind the score is, since a lens left blank scores 0
 * (MATURITYSCORE) and a partly assessed capability reads lower than it may be. Last on the sheet.
 */
const assessmentCoverage: Block = {
  kind: "figures",
  heading: "Maturity assessment coverage",
  items: [
    figure(
      "CapabilitiesAssessed",
      "Capabilities assessed (Maturity scorecard)",
      "integer",
      name("maturityCapabilitiesAssessed")
    ),
    figure(
      "CapabilitiesFullyAssessed",
      "of which scored on all five lenses",
      "integer",
      countIf(column("maturityCapabilities", "lensesAssessed"), num(LENSES.length))
    ),
  ],
};
