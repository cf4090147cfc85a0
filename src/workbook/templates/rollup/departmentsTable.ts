import { CellValue } from "../../../domain/cellValue";
import {
  add,
  column,
  col,
  div,
  Expr,
  finops,
  ifCompare,
  ifError,
  str,
  sub,
  sumProduct,
} from "../../expr/expr";
import { Consolidation, DepartmentSubmission } from "../../consolidate/submission";
import { TemplateOptions } from "../../options";
import { ChartBlock, ColumnSpec, TableBlock, TableRow } from "../../spec";
import {
  CURRENCY_HEADER,
  DEPARTMENTS_TABLE,
  ESCALATIONS_TABLE,
  KPIS_TABLE,
  rateHeader,
  STAGES_TABLE,
} from "./rollupKeys";
import {
  amountInput,
  converted,
  fileColumn,
  sameAs,
  sameDepartment,
  textInput,
  unlessEmpty,
  valueOf,
} from "./rollupValues";

/**
 * The Departments table: a row per department with its maturity, KPI and adoption counts (computed
 * from the long tables, so each figure is defined once) and its money, typed in its own currency and
 * converted at the rate the finance team types. Printed first: who, how mature, then the money in the
 * roll-up's currency; the amounts as submitted and the file follow off the page.
 */

/** Amount columns: the submitted one (own currency) and its conversion, by key. */
const AMOUNTS = [
  { key: "cloudSpend", header: "Cloud spend" },
  { key: "budget", header: "Budget FY" },
  { key: "budgetYtd", header: "Budget YTD" },
  { key: "actualYtd", header: "Actual YTD" },
  { key: "overUnder", header: "Over / (under) YTD" },
  { key: "teamCost", header: "FinOps team cost" },
  { key: "savings", header: "Validated savings" },
  { key: "avoidance", header: "Validated avoidance" },
] as const;

export type AmountKey = (typeof AMOUNTS)[number]["key"];

/** The column holding an amount converted to the roll-up's currency. */
export const convertedKey = (key: AmountKey): string => `${key}Converted`;

const own = (key: AmountKey): string => `${key}Own`;

const kpiCount = (status: string): Expr =>
  sumProduct(sameDepartment(KPIS_TABLE), sameAs(column(KPIS_TABLE, "status"), str(status)));

function columns(options: TemplateOptions): ColumnSpec[] {
  const currency = options.currency;
  const computed = (key: string, header: string, type: ColumnSpec["type"], expr: Expr) =>
    ({
      key,
      header,
      kind: "computed",
      type,
      expr,
      ...(type === "text" ? { width: 10 } : {}),
    }) as ColumnSpec;
  return [
    textInput("department", "Department", 18),
    textInput("lead", "Lead", 16),
    textInput("teamModel", "Team model", 13),
    {
      key: "practiceScore",
      header: "Practice score",
      kind: "input",
      type: "percent",
      min: 0,
      max: 1,
    },
    textInput("level", "Level", 8),
    { key: "targetScore", header: "Target", kind: "input", type: "percent", min: 0, max: 1 },
    computed(
      "belowTarget",
      "Below target",
      "text",
      unlessEmpty(
        col("practiceScore"),
        unlessEmpty(
          col("targetScore"),
          ifCompare("<", col("practiceScore"), col("targetScore"), str("Yes"), str("No"))
        )
      )
    ),
    computed("green", "KPIs Green", "integer", kpiCount("Green")),
    computed("amber", "KPIs Amber", "integer", kpiCount("Amber")),
    computed("red", "KPIs Red", "integer", kpiCount("Red")),
    // Activities done over activities planned, summed over the department's adoption stages.
    computed(
      "adoption",
      "Adoption progress",
      "percent",
      ifError(
        div(
          sumProduct(sameDepartment(STAGES_TABLE), column(STAGES_TABLE, "done")),
          sumProduct(sameDepartment(STAGES_TABLE), column(STAGES_TABLE, "activities"))
        ),
        str("")
      )
    ),
    computed(
      "escalations",
      "Escalations",
      "integer",
      sumProduct(sameDepartment(ESCALATIONS_TABLE))
    ),
    { ...textInput("currency", CURRENCY_HEADER, 8), pageBreakBefore: true },
    {
      key: "rate",
      header: rateHeader(currency),
      kind: "input",
      type: "number",
      width: 10,
      min: 0.000001,
      help: `How many ${currency} one unit of the department's currency is worth. Leave blank until finance gives the rate: the department is then left out of the enterprise totals.`,
    },
    // Cloud spend runs to tens of millions per department: wider than a currency column's default,
    // so a currency written as its code ("35,400,000 SGD") does not show as ###.
    ...AMOUNTS.map((a) => ({
      ...computed(
        convertedKey(a.key),
        `${a.header} (${currency})`,
        "currency",
        converted(col(own(a.key)), col("rate"))
      ),
      ...(a.key === "cloudSpend" ? { width: 15 } : {}),
    })),
    // The team budget's TeamROI definition (FINOPS.ROI: (value - cost) / cost, FinOps Practice
    // Operations' value delivered against the team's cost), over the validated savings and avoidance.
    computed(
      "returnOnCost",
      "Return on team cost",
      "percent",
      ifError(
        finops(
          "ROI",
          add(col(convertedKey("savings")), col(convertedKey("avoidance"))),
          col(convertedKey("teamCost"))
        ),
        str("")
      )
    ),
    ...AMOUNTS.map((a) =>
      a.key === "overUnder"
        ? computed(
            own(a.key),
            `${a.header}, own currency`,
            "integer",
            unlessEmpty(
              col(own("actualYtd")),
              unlessEmpty(col(own("budgetYtd")), sub(col(own("actualYtd")), col(own("budgetYtd"))))
            )
          )
        : amountInput(own(a.key), `${a.header}, own currency`)
    ),
    fileColumn,
  ];
}

/** Columns printed: who, how mature, KPIs, adoption, then the money in the roll-up's currency. */
const DEPARTMENTS_PRINTED = 12 + 2 + AMOUNTS.length + 1;

const TEAM_MODEL_NAMES: Record<DepartmentSubmission["teamModel"], string> = {
  central: "Central",
  "hub-and-spoke": "Hub and spoke",
  virtual: "Virtual",
};

function row(
  submission: DepartmentSubmission,
  options: TemplateOptions,
  rates: Consolidation["rates"]
): TableRow {
  const s = submission;
  const staffing = s.staffing?.byModel ?? [];
  const teamCost = staffing.some((m) => typeof m.cost.value === "number")
    ? staffing.reduce((total, m) => total + (m.cost.value ?? 0), 0)
    : null;
  const rate = s.currency === options.currency ? 1 : (rates[s.currency] ?? null);
  const values: Record<string, CellValue> = {
    department: s.department,
    lead: s.lead,
    teamModel: TEAM_MODEL_NAMES[s.teamModel],
    practiceScore: valueOf(s.maturity?.practiceScore),
    level: valueOf(s.maturity?.level),
    targetScore: valueOf(s.maturity?.targetScore),
    currency: s.currency,
    rate,
    [own("cloudSpend")]: valueOf(s.staffing?.cloudSpend),
    [own("budget")]: valueOf(s.budget?.budget),
    [own("budgetYtd")]: valueOf(s.budget?.budgetYtd),
    [own("actualYtd")]: valueOf(s.budget?.actualYtd),
    [own("teamCost")]: teamCost,
    [own("savings")]: valueOf(s.savings?.validatedSavings),
    [own("avoidance")]: valueOf(s.savings?.validatedAvoidance),
    file: s.file,
  };
  return { values };
}

export function departmentsTable(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): TableBlock {
  const rows = (consolidation?.submissions ?? []).map((s) =>
    row(s, options, consolidation?.rates ?? {})
  );
  return {
    kind: "table",
    key: DEPARTMENTS_TABLE,
    name: "RollupDepartments",
    caption: "Departments",
    columns: columns(options),
    printedColumns: DEPARTMENTS_PRINTED,
    rows,
    totals: Object.fromEntries(AMOUNTS.map((a) => [convertedKey(a.key), "sum" as const])),
  };
}

export const DEPARTMENT_CHARTS: readonly ChartBlock[] = [
  {
    kind: "chart",
    title: "Team budget by department",
    chart: "column",
    table: DEPARTMENTS_TABLE,
    categories: "department",
    series: [convertedKey("budgetYtd"), convertedKey("actualYtd")],
  },
  {
    kind: "chart",
    title: "Maturity by department",
    chart: "bar",
    table: DEPARTMENTS_TABLE,
    categories: "department",
    series: ["practiceScore", "targetScore"],
  },
];
