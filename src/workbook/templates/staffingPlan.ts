import { inPrintOrder } from "./printOrder";
import { excelDate } from "../dates";
import { CellValue } from "../../domain/cellValue";
import {
  agg,
  col,
  column,
  div,
  Expr,
  finops,
  ifBlank,
  name,
  num,
  span,
  str,
  sub,
  sum,
  sumIf,
} from "../expr/expr";
import { fiscalYearLabel, fiscalYearMonths, periodAt, TemplateOptions } from "../options";
import { computedFigure } from "./figures";
import {
  Block,
  ColumnSpec,
  EarlierVersion,
  Figure,
  Template,
  TableRow,
  WorkbookSpec,
} from "../spec";
import {
  CERTIFICATIONS,
  FUNDING_SOURCES,
  HIRING_STATUSES,
  ModelPlace,
  REPORTS_TO,
  ROLE_TYPES,
  ROLES,
  TEAM_MODEL_PLACES,
} from "./staffing/roles";
import { sheetTitle } from "./sheetTitle";

// Staffing plan: who is on the FinOps team, where they sit in the team model,
// how much of their time each month of the fiscal year goes to FinOps, and what that costs. Seed: "an
// initial staffing plan, resource list, and proposed budget" (Crawl) and "appropriate structure and
// staffing" (Build a FinOps team).

/** Keys of the named results, stable for links from other templates. */
export const STAFFING_FIGURES = {
  overheadRate: "staffOverheadRate",
  annualCloudSpend: "staffAnnualCloudSpend",
  /** Version 1 only: savings typed in from the savings ledger (version 2 links the ledger instead). */
  savingsDelivered: "staffSavingsDelivered",
  fteTotal: "staffFteTotal",
  costTotal: "staffCostTotal",
  costShareOfCloud: "staffCostShareOfCloud",
  /** Version 1 only. */
  savingsPerFte: "staffSavingsPerFte",
  /** Version 2: the people the FinOps team budget pays for, and the time other budgets give. */
  fteFunded: "staffFteFunded",
  costFunded: "staffCostFunded",
  fteContributed: "staffFteContributed",
  costContributed: "staffCostContributed",
  ftePeak: "staffFtePeak",
  /** Per model: staffFteCentral, staffFteHub, ... and staffCostCentral, ... */
  fteByModel: (model: ModelPlace) => `staffFte${model}`,
  costByModel: (model: ModelPlace) => `staffCost${model}`,
  /** FTE of month m (1 to 12) of the fiscal year. */
  fteMonth: (m: number) => `staffFteMonth${m}`,
} as const;

export const STAFF_TABLE = "staff";
/** The funding source whose roles the team budget's People lines pay for. */
export const TEAM_BUDGET_FUNDING = "FinOps team budget";
type StaffingVersion = 1 | 2 | 3;
const MONTHS = 12;
/** The allocation column of month m (0 to 11) of the fiscal year. */
export const allocKey = (m: number) => `alloc${m + 1}`;

/**
 * Version 1 had a typed-in "savings delivered" (a figure the savings ledger already holds, so the two
 * drifted apart) and savings per FTE; version 2 drops both (left as they are on upgrade) and shows
 * funded and contributed time apart.
 */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildStaffingPlan(options, 1),
  migration: [],
};

/**
 * Version 2 printed every column across four pages. Version 3 orders the table for print: who, when,
 * the months, FTE, cost, funding and hiring status first; reports to, certification and the
 * responsibilities after them, on the sheet but off the printout. An upgraded workbook keeps its order.
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildStaffingPlan(options, 2),
  migration: [],
};

export const staffingPlan: Template = {
  id: "staffing-plan",
  version: 3,
  earlier: [VERSION_1, VERSION_2],
  title: "Staffing plan",
  purpose:
    "Roles of the FinOps team (dedicated and virtual), their place in the team model, monthly allocation and loaded cost, with FTE and cost by model and the share the team budget funds.",
  audience: "The FinOps lead, finance staff and the executive who funds the team",
  build: (options) => buildStaffingPlan(options, 3),
};

/** Version 3's print order: what a reader of the plan's cost needs, then the reference columns. */
function staffTableColumns(
  options: TemplateOptions,
  version: StaffingVersion
): { columns: ColumnSpec[]; printedColumns?: number } {
  const columns = staffColumns(options);
  if (version < 3) return { columns };
  return inPrintOrder(
    columns,
    [
      "role",
      "person",
      "roleType",
      "model",
      "start",
      "end",
      "salary",
      ...Array.from({ length: MONTHS }, (_, m) => allocKey(m)),
      "fte",
      "loadedRate",
      "monthlyCost",
      "costFy",
      "funding",
      "hiring",
    ],
    ["reportsTo", "certification", "responsibilities"]
  );
}

/** A cost formula of a row, "" until the salary is entered (no #N/A in an empty plan). */
const whenSalary = (expr: Expr): Expr => ifBlank(col("salary"), str(""), expr);

function staffColumns(options: TemplateOptions): ColumnSpec[] {
  const months = fiscalYearMonths(options);
  const overhead = name(STAFFING_FIGURES.overheadRate);
  const list = (
    key: string,
    header: string,
    values: readonly string[],
    width: number,
    help?: string
  ): ColumnSpec => ({ key, header, kind: "input", type: "text", list: values, width, help });
  return [
    { key: "role", header: "Role", kind: "input", type: "text", width: 34 },
    list("roleType", "Role type", ROLE_TYPES, 16),
    { key: "responsibilities", header: "Responsibilities", kind: "input", type: "text", width: 52 },
    { key: "person", header: "Person", kind: "input", type: "text", width: 18 },
    list(
      "model",
      "Model",
      TEAM_MODEL_PLACES,
      10,
      "Central: a dedicated team. Hub: the core of a hub-and-spoke team. Spoke: embedded in engineering or finance. Virtual: part of their time, from another team."
    ),
    list("reportsTo", "Reports to", REPORTS_TO, 18),
    { key: "start", header: "Start", kind: "input", type: "date" },
    { key: "end", header: "End", kind: "input", type: "date", help: "Leave blank if open-ended." },
    {
      key: "salary",
      header: "Annual salary",
      kind: "input",
      type: "currency",
      min: 0,
      help: "Gross annual salary of a full-time person in the role; overhead is added with the rate above.",
    },
    ...months.map((month, m): ColumnSpec => ({
      key: allocKey(m),
      header: month.label,
      kind: "input",
      type: "fte",
      min: 0,
      max: 1,
      width: 9,
      help: "Share of one person's time on FinOps this month: 1 full time, 0.2 one day a week. Blank before the start or after the end.",
    })),
    {
      key: "fte",
      header: "FTE (average)",
      kind: "computed",
      type: "fte",
      width: 10,
      // The year's average allocation: the FTE-months of the row over twelve months.
      expr: div(finops("FTE", span(allocKey(0), allocKey(MONTHS - 1))), num(MONTHS)),
    },
    {
      key: "loadedRate",
      header: "Loaded rate per month",
      kind: "computed",
      type: "currency",
      expr: whenSalary(finops("LOADEDCOST", col("salary"), overhead, num(1), num(1))),
    },
    {
      key: "monthlyCost",
      header: "Average monthly cost",
      kind: "computed",
      type: "currency",
      expr: whenSalary(finops("LOADEDCOST", col("salary"), overhead, col("fte"), num(1))),
    },
    {
      key: "costFy",
      header: "Loaded cost FY",
      kind: "computed",
      type: "currency",
      expr: whenSalary(finops("LOADEDCOST", col("salary"), overhead, col("fte"), num(MONTHS))),
    },
    list("funding", "Funding source", FUNDING_SOURCES, 18),
    list("certification", "Certification", CERTIFICATIONS, 26),
    list("hiring", "Hiring status", HIRING_STATUSES, 16),
  ];
}

function staffRows(options: TemplateOptions): TableRow[] {
  const first = fiscalYearMonths(options)[0];
  return ROLES.map((role) => {
    const s = role.sample;
    const allocation =
      options.teamModel === "virtual" ? (s.virtualAllocation ?? s.allocation) : s.allocation;
    const start = periodAt(first.year, first.month, s.startOffset);
    const sample: Record<string, CellValue> = {
      person: s.person,
      reportsTo: s.reportsTo,
      start: excelDate(start.year, start.month, 1),
      salary: s.salary,
      funding: s.funding,
      certification: s.certification,
      hiring: s.hiring,
    };
    if (s.endOffset !== undefined) {
      const after = periodAt(first.year, first.month, s.endOffset + 1);
      sample.end = excelDate(after.year, after.month, 1) - 1;
    }
    for (let m = 0; m < MONTHS; m++) {
      if (m >= s.startOffset && (s.endOffset === undefined || m <= s.endOffset))
        sample[allocKey(m)] = allocation;
    }
    return {
      values: {
        role: role.role,
        roleType: role.roleType,
        responsibilities: role.responsibilities,
        model: role.model[options.teamModel],
      },
      sample,
      source: role.source,
    };
  });
}

function buildStaffingPlan(options: TemplateOptions, version: StaffingVersion): WorkbookSpec {
  const months = fiscalYearMonths(options);
  const fte = column(STAFF_TABLE, "fte");
  const cost = column(STAFF_TABLE, "costFy");
  const model = column(STAFF_TABLE, "model");

  const inputs: Figure[] = [
    {
      key: STAFFING_FIGURES.overheadRate,
      name: "StaffOverheadRate",
      label: "Overhead on salary",
      type: "percent",
      kind: "input",
      value: 0.3,
      help: "Benefits, payroll taxes, equipment and space on top of salary, for example 0.3 for 30%.",
    },
    {
      key: STAFFING_FIGURES.annualCloudSpend,
      name: "AnnualCloudSpend",
      label: "Annual cloud spend",
      type: "currency",
      kind: "input",
      value: null,
      sample: 24000000,
      help: "The organisation's cloud spend for the fiscal year, to set the team's cost against.",
    },
  ];
  if (version === 1)
    inputs.push({
      key: STAFFING_FIGURES.savingsDelivered,
      name: "StaffSavingsDelivered",
      label: "Savings delivered, annualised",
      type: "currency",
      kind: "input",
      value: null,
      sample: 1122000,
      help: "Savings and cost avoidance validated by finance, from the savings ledger (ValidatedValueTotal).",
    });

  const both = version === 1 ? "" : ", funded and contributed";
  const rollUps: Figure[] = [
    computedFigure(
      STAFFING_FIGURES.fteTotal,
      "StaffFTE",
      `Team FTE${both} (average over the year)`,
      "fte",
      sum(fte)
    ),
    computedFigure(
      STAFFING_FIGURES.costTotal,
      "StaffCostFY",
      `Team loaded cost${both}, fiscal year`,
      "currency",
      sum(cost)
    ),
    ...(version === 1
      ? []
      : [
          computedFigure(
            STAFFING_FIGURES.ftePeak,
            "StaffFTEPeak",
            "Peak FTE in the year (the largest month of the totals row)",
            "fte",
            agg("MAX", ...months.map((_, m) => finops("FTE", column(STAFF_TABLE, allocKey(m)))))
          ),
        ]),
    computedFigure(
      STAFFING_FIGURES.costShareOfCloud,
      "StaffCostShareOfCloud",
      "Team cost as a share of cloud spend",
      "percent",
      ifBlank(
        name(STAFFING_FIGURES.annualCloudSpend),
        str(""),
        div(name(STAFFING_FIGURES.costTotal), name(STAFFING_FIGURES.annualCloudSpend))
      )
    ),
    ...(version === 1
      ? [
          computedFigure(
            STAFFING_FIGURES.savingsPerFte,
            "SavingsPerFTE",
            "Savings delivered per FTE",
            "currency",
            ifBlank(
              name(STAFFING_FIGURES.savingsDelivered),
              str(""),
              div(name(STAFFING_FIGURES.savingsDelivered), name(STAFFING_FIGURES.fteTotal))
            )
          ),
        ]
      : []),
    ...TEAM_MODEL_PLACES.map((place) =>
      computedFigure(
        STAFFING_FIGURES.fteByModel(place),
        `StaffFTE${place}`,
        `FTE, ${place.toLowerCase()}`,
        "fte",
        sumIf(model, place, fte)
      )
    ),
    ...TEAM_MODEL_PLACES.map((place) =>
      computedFigure(
        STAFFING_FIGURES.costByModel(place),
        `StaffCost${place}`,
        `Loaded cost FY, ${place.toLowerCase()}`,
        "currency",
        sumIf(model, place, cost)
      )
    ),
  ];

  const byMonth: Figure[] = [
    ...months.map((month, m) =>
      computedFigure(
        STAFFING_FIGURES.fteMonth(m + 1),
        `StaffFTEMonth${m + 1}`,
        `FTE, ${month.label}`,
        "fte",
        finops("FTE", column(STAFF_TABLE, allocKey(m)))
      )
    ),
    computedFigure(
      STAFFING_FIGURES.ftePeak,
      "StaffFTEPeak",
      "Peak FTE in the year",
      "fte",
      agg("MAX", ...months.map((_, m) => name(STAFFING_FIGURES.fteMonth(m + 1))))
    ),
  ];

  const funding = column(STAFF_TABLE, "funding");
  const fundedBlock: Block = {
    kind: "figures",
    heading: "Funded by the team budget and contributed by other budgets",
    items: [
      computedFigure(
        STAFFING_FIGURES.fteFunded,
        "StaffFTEFunded",
        `FTE funded by the ${TEAM_BUDGET_FUNDING}`,
        "fte",
        sumIf(funding, TEAM_BUDGET_FUNDING, fte)
      ),
      computedFigure(
        STAFFING_FIGURES.costFunded,
        "StaffCostFunded",
        `Loaded cost FY funded by the ${TEAM_BUDGET_FUNDING} (its People lines)`,
        "currency",
        sumIf(funding, TEAM_BUDGET_FUNDING, cost)
      ),
      computedFigure(
        STAFFING_FIGURES.fteContributed,
        "StaffFTEContributed",
        "FTE contributed by other budgets (embedded and virtual members)",
        "fte",
        sub(name(STAFFING_FIGURES.fteTotal), name(STAFFING_FIGURES.fteFunded))
      ),
      computedFigure(
        STAFFING_FIGURES.costContributed,
        "StaffCostContributed",
        "Loaded cost FY contributed by other budgets",
        "currency",
        sub(name(STAFFING_FIGURES.costTotal), name(STAFFING_FIGURES.costFunded))
      ),
    ],
  };

  const totals: Record<string, "sum"> = { fte: "sum", monthlyCost: "sum", costFy: "sum" };
  months.forEach((_, m) => (totals[allocKey(m)] = "sum"));

  return {
    templateId: "staffing-plan",
    version,
    title: "Staffing plan",
    sheets: [
      {
        key: "staffingPlan",
        name: "Staffing plan",
        freezeColumns: 1,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, `FinOps staffing plan ${fiscalYearLabel(options)}`),
            subtitle: `Amounts in ${options.currency}`,
          },
          {
            kind: "notes",
            heading: "How to use",
            lines: [
              "One row per person or role, dedicated or virtual. Allocation is the share of one person's time given to FinOps each month (1 full time, 0.2 one day a week); leave months before the start or after the end blank.",
              "FTE is the year's average allocation. Loaded cost = annual salary x (1 + overhead) x FTE (FINOPS.LOADEDCOST); the loaded rate is the monthly cost of the role full time.",
              "Model: Central (a dedicated team), Hub and Spoke (a central core with members embedded in engineering or finance), Virtual (members from other teams giving part of their time).",
              "The FinOps team usually reports to whoever leads cloud adoption: the CTO or CIO where the focus is digital transformation, the CFO where it is financial control.",
              version === 1
                ? "Enter the annual cloud spend and the savings delivered (from the savings ledger) to see the team's cost as a share of cloud spend and the savings per FTE."
                : `Funding source: roles paid by the ${TEAM_BUDGET_FUNDING} are its People lines (the health check compares the two); other sources contribute time the team does not pay for. Enter the annual cloud spend to see the team's cost as a share of it.`,
              ...(version < 3
                ? []
                : [
                    "Not printed: reports to, certification and responsibilities, kept after Hiring status.",
                  ]),
            ],
          },
          { kind: "figures", heading: "Assumptions and inputs", items: inputs },
          {
            kind: "table",
            key: STAFF_TABLE,
            name: "StaffingPlan",
            caption: "Team members and allocation by month",
            ...staffTableColumns(options, version),
            rows: staffRows(options),
            totals,
            conditionalFormats: [
              { column: "hiring", when: "equals", text: "Open", highlight: "bad" },
              { column: "hiring", when: "equals", text: "Interviewing", highlight: "neutral" },
              { column: "hiring", when: "equals", text: "Offer accepted", highlight: "neutral" },
            ],
          },
          { kind: "figures", heading: "Roll-ups by model", items: rollUps },
          ...(version === 1 ? [] : [fundedBlock]),
          // Version 2: each month's FTE is the table's totals row; only the peak stays, with the
          // funded and contributed figures (version 1's month-by-month names are left on upgrade).
          ...(version === 1
            ? [{ kind: "figures", heading: "FTE by month", items: byMonth } as Block]
            : []),
          {
            kind: "chart",
            title: "Average FTE by role",
            chart: "bar",
            table: STAFF_TABLE,
            categories: "role",
            series: ["fte"],
            // Version 2: beside the roll-ups, so the sheet prints on fewer pages.
            ...(version === 1 ? {} : { beside: `figures:${STAFFING_FIGURES.fteTotal}` }),
          },
        ],
      },
    ],
  };
}
