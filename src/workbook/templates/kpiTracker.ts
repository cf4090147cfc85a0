import { CellValue } from "../../domain/cellValue";
import {
  add,
  agg,
  col,
  column,
  countIf,
  countIfs,
  Expr,
  finops,
  ifBlank,
  ifCompare,
  mul,
  name,
  num,
  str,
  sum,
  sumIf,
} from "../expr/expr";
import { currencyFormat, Period, TemplateOptions, trackedPeriods } from "../options";
import {
  ColumnSpec,
  EarlierVersion,
  Figure,
  SheetSpec,
  Template,
  TableRow,
  WorkbookSpec,
} from "../spec";
import {
  DIRECTIONS,
  KPI_DEFINITIONS,
  KpiUnit,
  OWNER_PERSONAS,
  SAMPLE_REPORTED_MONTHS,
} from "./kpi/kpiDefinitions";
import {
  INITIATIVE_TYPES,
  LEDGER_TABLE,
  SAMPLE_INITIATIVES,
  SAVINGS_KINDS,
  whenCosts,
  YES_NO,
} from "./kpi/savingsLedger";
import { IN_YEAR_COLUMNS, IN_YEAR_FIGURES, IN_YEAR_FORMATS, inYearBlock } from "./kpi/ledgerInYear";
import { excelDate } from "../dates";
import { AS_AT_KEYS, asAtFigure } from "./reportingDate";
import { inPrintOrder } from "./printOrder";
import { sheetTitle } from "./sheetTitle";

// KPI tracker and savings ledger. The tracker follows the capability's success metrics
// and FinOps KPI library measures month by month against a target; the ledger records what the team
// saved or avoided and whether finance validated it.

/**
 * Keys of the named results other templates (the executive summary) link to. Stable: renaming one
 * breaks the links. The defined names wanted are the same in PascalCase (KpiGreen, SavingsValidatedTotal...).
 */
export const KPI_TRACKER_FIGURES = {
  kpiAmberBand: "kpiAmberBand",
  kpiGreen: "kpiGreen",
  kpiAmber: "kpiAmber",
  kpiRed: "kpiRed",
  kpiCount: "kpiCount",
  kpiWithoutStatus: "kpiWithoutStatus",
  savingsTotal: "savingsTotal",
  savingsValidatedTotal: "savingsValidatedTotal",
  avoidanceTotal: "avoidanceTotal",
  avoidanceValidatedTotal: "avoidanceValidatedTotal",
  validatedValueTotal: "validatedValueTotal",
  realisedToDateTotal: "realisedToDateTotal",
  ...IN_YEAR_FIGURES,
} as const;

/** Key of the tracker's reporting date (version 3): a month's value counts once it has closed. */
const KPI_AS_AT = AS_AT_KEYS["kpi-tracker"];

/** Table keys, for expressions in other templates. */
export const KPI_TABLE = "kpis";
export { LEDGER_TABLE };

/** Statuses shown before a KPI can be judged: not errors, and not counted as Green, Amber or Red. */
export const NO_BASELINE = "No baseline";
export const NO_TARGET = "No target";

/** Months in a year: annualised value = monthly value x 12. */
const MONTHS_PER_YEAR = 12;

const SEED_LEDGER =
  "FinOps Framework, FinOps Practice Operations: success metrics (cost savings and cost avoidance achieved by the FinOps team); sample initiative";

type KpiTrackerVersion = 1 | 2 | 3;

/**
 * Version 1's ledger annualised every row (a one-off avoidance x 12) and had no value in the fiscal
 * year; version 2 adds, at the end of the ledger, whether a row recurs, its months in the fiscal year,
 * its value in the year, and the initiative whose bill it shares, with totals below. Version 1 showed
 * every KPI value as "#,##0.00"; an upgrade gives each row its unit's format (72.0%, $84,500).
 */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildKpiTracker(options, 1),
  migration: [
    {
      kind: "rowFormat",
      table: "kpis",
      columns: (key) => VALUE_KEYS.includes(key) || key === "latest" || /^p\d+$/.test(key),
      format: (row) => formatOfUnitLabel(String(row.unit ?? "")),
      says: "KPI values show their unit (72.0%, $84,500, counts as whole numbers)",
    },
  ],
};

/**
 * Version 2's latest value was the last month with a value, whatever its date. Version 3 reads the
 * reporting date: a month counts once it has closed by then, so a value typed early for the month
 * under way does not become the status.
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildKpiTracker(options, 2),
  migration: [],
};

export const kpiTracker: Template = {
  id: "kpi-tracker",
  version: 3,
  earlier: [VERSION_1, VERSION_2],
  title: "KPI tracker and savings ledger",
  purpose:
    "Practice and KPI-library measures tracked monthly against targets with a Green, Amber or Red status at the reporting date, and a ledger of savings and cost avoidance validated by finance.",
  audience: "The FinOps lead, finance staff, and executives reading the status",
  build: (options) => buildKpiTracker(options, 3),
};

const periodKey = (i: number) => `p${i + 1}`;

function unitLabel(unit: KpiUnit, options: TemplateOptions): string {
  if (unit === "currency") return options.currency;
  if (unit === "currency per order") return `${options.currency} per order`;
  return unit;
}

/** A KPI period closes on its last day: a value counts once the reporting date reaches it. */
export interface ClosedBy {
  /** Key of the reporting date's named cell. */
  readonly asAt: string;
  /** Each period's last day, as a date serial. */
  readonly ends: readonly number[];
}

/**
 * The value of the last period that has one, else `fallback`. The expression model has no "last
 * non-blank" node, so this nests one IF per period, the last period outermost:
 * IF(ISBLANK(p3),IF(ISBLANK(p2),IF(ISBLANK(p1),fallback,p1),p2),p3). With `closedBy` (version 3) a
 * period counts only when it holds a number and has closed by the reporting date, one test per level
 * so the formula stays linear: IF(COUNT(p3)+IF(AsAt>=end3,1,0)<2,...,p3). With `label`, the label of
 * that period instead of its value. At most 36 periods plus the fallback's own IF: 37 levels, within
 * Excel 2016's 64 and LibreOffice's limits, and about 70 characters per level.
 */
export function lastFilled(
  periodKeys: readonly string[],
  fallback: Expr,
  label?: (i: number) => Expr,
  closedBy?: ClosedBy
): Expr {
  let expr = fallback;
  periodKeys.forEach((key, i) => {
    const shown = label ? label(i) : col(key);
    if (!closedBy) {
      expr = ifBlank(col(key), expr, shown);
      return;
    }
    const closed = ifCompare(">=", name(closedBy.asAt), num(closedBy.ends[i]), num(1), num(0));
    expr = ifCompare("<", add(agg("COUNT", col(key)), closed), num(2), expr, shown);
  });
  return expr;
}

function kpiColumns(periods: readonly Period[], version: KpiTrackerVersion): ColumnSpec[] {
  const keys = periods.map((_, i) => periodKey(i));
  const closedBy: ClosedBy | undefined =
    version < 3
      ? undefined
      : { asAt: KPI_AS_AT, ends: periods.map((p) => excelDate(p.year, p.month + 1, 0)) };
  const value = (key: string, header: string, help?: string): ColumnSpec => ({
    key,
    header,
    kind: "input",
    type: "number",
    width: 11,
    help,
  });
  return [
    { key: "id", header: "ID", kind: "input", type: "text", width: 8 },
    { key: "kpi", header: "KPI", kind: "input", type: "text", width: 36 },
    { key: "measure", header: "How it is measured", kind: "input", type: "text", width: 48 },
    { key: "capability", header: "Capability", kind: "input", type: "text", width: 24 },
    {
      key: "owner",
      header: "Owner persona",
      kind: "input",
      type: "text",
      width: 20,
      list: OWNER_PERSONAS,
    },
    { key: "unit", header: "Unit", kind: "input", type: "text", width: 14 },
    {
      key: "direction",
      header: "Better when",
      kind: "input",
      type: "text",
      width: 12,
      list: DIRECTIONS,
      help: "higher: a higher value is better (savings rate); lower: a lower value is better (unit cost).",
    },
    value(
      "baseline",
      "Baseline",
      "The value when tracking started. A KPI gets a status once it has a baseline and a target."
    ),
    value("target", "Target", "The value to reach: Green when it is met."),
    value("crawl", "Crawl", "The value expected at the Crawl stage of maturity."),
    value("walk", "Walk", "The value expected at the Walk stage of maturity."),
    value("run", "Run", "The value expected at the Run stage of maturity."),
    ...periods.map((period, i) => value(periodKey(i), period.label)),
    {
      key: "latest",
      header: "Latest value",
      kind: "computed",
      type: "number",
      width: 12,
      // The baseline stands in until the first month is reported; "" when there is neither.
      expr: lastFilled(
        keys,
        ifBlank(col("baseline"), str(""), col("baseline")),
        undefined,
        closedBy
      ),
    },
    {
      key: "latestPeriod",
      header: "Latest period",
      kind: "computed",
      type: "text",
      width: 12,
      expr: lastFilled(
        keys,
        ifBlank(col("baseline"), str(""), str("Baseline")),
        (i) => str(periods[i].label),
        closedBy
      ),
    },
    {
      key: "status",
      header: "Status",
      kind: "computed",
      type: "text",
      width: 12,
      // With a baseline, Latest value is always a number, so KPISTATUS never sees "" or a blank.
      expr: ifBlank(
        col("baseline"),
        str(NO_BASELINE),
        ifBlank(
          col("target"),
          str(NO_TARGET),
          finops(
            "KPISTATUS",
            col("latest"),
            col("target"),
            col("direction"),
            name(KPI_TRACKER_FIGURES.kpiAmberBand)
          )
        )
      ),
    },
    ...(version === 1 ? [] : [COUNTS_COLUMN]),
  ];
}

/**
 * Version 3 prints what a reader of the status needs (KPI, unit, baseline, target, the months, the
 * latest value and status) and keeps the stage values and the KPI's definition after it, on the
 * sheet but off the printout; versions 1 and 2 are built in their own order.
 */
function kpiTableColumns(
  periods: readonly Period[],
  version: KpiTrackerVersion
): { columns: ColumnSpec[]; printedColumns?: number } {
  const columns = kpiColumns(periods, version);
  if (version < 3) return { columns };
  // The definition comes last, where it runs on unwrapped (inPrintOrder).
  return inPrintOrder(
    columns,
    [
      "kpi",
      "id",
      "unit",
      "direction",
      "baseline",
      "target",
      ...periods.map((_, i) => periodKey(i)),
      "latest",
      "latestPeriod",
      "status",
      "counts",
    ],
    ["crawl", "walk", "run", "capability", "owner", "measure"]
  );
}

/**
 * Version 2: whether a KPI's status counts in the Green, Amber and Red totals. A KPI that restates
 * another (commitment waste is 100 less utilisation) is tracked but not counted twice.
 */
const COUNTS_COLUMN: ColumnSpec = {
  key: "counts",
  header: "Counts in status",
  kind: "input",
  type: "text",
  width: 11,
  list: YES_NO,
  help: "N for a KPI that restates another (waste is 100 less utilisation): tracked, but its status is not counted again. Blank counts.",
};

/** A status count over the KPIs that count (version 2), or over all of them (version 1). */
function statusCount(status: string, version: KpiTrackerVersion): Expr {
  const column_ = column(KPI_TABLE, "status");
  return version === 1
    ? countIf(column_, status)
    : countIfs(
        { range: column_, op: "=", value: status },
        { range: column(KPI_TABLE, "counts"), op: "<>", value: "N" }
      );
}

/** The row's columns that hold a value of the KPI (its baseline, target and stage values). */
const VALUE_KEYS = ["baseline", "target", "crawl", "walk", "run"];

/** The unit as the Unit column shows it (its label), back to its number format; null if unknown. */
function formatOfUnitLabel(label: string): string | null {
  const text = label.trim();
  // The currency as the template writes it: an ISO 4217 code in capitals ("USD", "EUR per order").
  const currency = /^([A-Z]{3})( per order)?$/.exec(text);
  if (currency) return unitFormat(currency[2] ? "currency per order" : "currency", currency[1]);
  const unit = (["%", "count", "score 1-5"] as const).find((u) => u === text.toLowerCase());
  return unit ? unitFormat(unit, "") : null;
}

/** How a KPI's values show, by its unit: percentages are entered in points (72 for 72%). */
function unitFormat(unit: KpiUnit, currency: string): string {
  switch (unit) {
    case "%":
      return '0.0"%"';
    case "currency":
      return currencyFormat(currency);
    case "currency per order":
      return currencyFormat(currency, 2);
    case "score 1-5":
      return "0.0";
    case "count":
      return "#,##0";
  }
}

function kpiRows(
  periods: readonly Period[],
  options: TemplateOptions,
  version: KpiTrackerVersion
): TableRow[] {
  const reported = Math.min(periods.length, SAMPLE_REPORTED_MONTHS);
  return KPI_DEFINITIONS.map((kpi) => {
    const values: Record<string, CellValue> = {
      id: kpi.id,
      kpi: kpi.name,
      measure: kpi.measure,
      capability: kpi.capability,
      owner: kpi.owner,
      unit: unitLabel(kpi.unit, options),
      direction: kpi.direction,
      ...(version === 1 ? {} : { counts: kpi.restates ? "N" : "Y" }),
    };
    if (kpi.stages) Object.assign(values, kpi.stages);
    const sample: Record<string, CellValue> = {
      baseline: kpi.sample.baseline,
      target: kpi.sample.target,
      ...(kpi.sample.stages ?? {}),
    };
    for (let i = 0; i < reported; i++) {
      const month = kpi.sample.months[i];
      if (month !== undefined) sample[periodKey(i)] = month;
    }
    if (version === 1) return { values, sample, source: kpi.source };
    // Version 2: every value of the row shows its unit (72.0%, $84,500, 4.2), not "84,500.00".
    const format = unitFormat(kpi.unit, options.currency);
    const numberFormats = Object.fromEntries(
      [...VALUE_KEYS, ...periods.map((_, i) => periodKey(i)), "latest"].map((key) => [key, format])
    );
    return { values, sample, source: kpi.source, numberFormats };
  });
}

const kpiSheet = (options: TemplateOptions, version: KpiTrackerVersion): SheetSpec => {
  const periods = trackedPeriods(options);
  const status = column(KPI_TABLE, "status");
  const figures: Figure[] = [
    ...(version < 3 ? [] : [asAtFigure(KPI_AS_AT, "KpiAsAt", options)]),
    {
      key: KPI_TRACKER_FIGURES.kpiAmberBand,
      name: "KpiAmberBand",
      label: "Amber band (miss allowed, share of target)",
      type: "percent",
      kind: "input",
      value: 0.1,
      help: "A KPI that misses its target by at most this share of the target is Amber, not Red.",
    },
    {
      key: KPI_TRACKER_FIGURES.kpiCount,
      name: "KpiCount",
      label: "KPIs tracked",
      type: "integer",
      kind: "computed",
      expr: agg("COUNTA", column(KPI_TABLE, "kpi")),
    },
    {
      key: KPI_TRACKER_FIGURES.kpiGreen,
      name: "KpiGreen",
      label: "KPIs on target (Green)",
      type: "integer",
      kind: "computed",
      expr: statusCount("Green", version),
    },
    {
      key: KPI_TRACKER_FIGURES.kpiAmber,
      name: "KpiAmber",
      label: "KPIs close to target (Amber)",
      type: "integer",
      kind: "computed",
      expr: statusCount("Amber", version),
    },
    {
      key: KPI_TRACKER_FIGURES.kpiRed,
      name: "KpiRed",
      label: "KPIs off target (Red)",
      type: "integer",
      kind: "computed",
      expr: statusCount("Red", version),
      conditionalFormats: [{ when: "greaterThan", value: 0, highlight: "bad" }],
    },
    {
      key: KPI_TRACKER_FIGURES.kpiWithoutStatus,
      name: "KpiWithoutStatus",
      label: "KPIs without a baseline or target yet",
      type: "integer",
      kind: "computed",
      expr: add(countIf(status, NO_BASELINE), countIf(status, NO_TARGET)),
    },
  ];
  return {
    key: "kpiTracker",
    name: "KPI tracker",
    freezeColumns: 2,
    print: { landscape: true, fitToWidth: true },
    blocks: [
      {
        kind: "title",
        text: sheetTitle(options, "FinOps KPI tracker"),
        subtitle: `${periods[0].label} to ${periods[periods.length - 1].label}; amounts in ${options.currency}`,
      },
      {
        kind: "notes",
        heading: "How to use",
        lines: [
          "One row per KPI: the practice's own success metrics (PO) and FinOps KPI library measures (KL). Enter the baseline and target once, then one value per month; percentages in percent points (72 for 72%).",
          version < 3
            ? "Latest value is the last month that has a value (the baseline until the first month is reported); Latest period says which month it is."
            : "Latest value is the last month closed by the reporting date that has a value (the baseline until the first month is reported); Latest period says which month it is. A value typed for a month still open waits until the reporting date passes its end.",
          "Status compares the latest value with the target: Green when met, Amber when the miss is within the amber band below, Red beyond it. A KPI needs a baseline and a target before it gets a status.",
          "Crawl, Walk and Run are the values expected at each maturity stage. The FinOps Framework gives example values for allocation, commitment coverage and forecast variance; set the others for your organisation.",
          "Variances that should stay near zero on both sides (forecast, budget) are entered as absolute values, with lower is better.",
          ...(version === 1
            ? []
            : [
                "Counts in status: N for a KPI that restates another (commitment waste is 100 less utilisation), so one result is not counted as two Greens.",
              ]),
          ...(version < 3
            ? []
            : [
                "Not printed: the stage values (Crawl, Walk, Run), capability, owner and how each KPI is measured, kept after Counts in status.",
              ]),
        ],
      },
      { kind: "figures", heading: "Settings and status", items: figures },
      {
        kind: "table",
        key: KPI_TABLE,
        name: "Kpis",
        caption: "KPIs",
        ...kpiTableColumns(periods, version),
        rows: kpiRows(periods, options, version),
        conditionalFormats: [
          { column: "status", when: "equals", text: "Green", highlight: "good" },
          { column: "status", when: "equals", text: "Amber", highlight: "neutral" },
          { column: "status", when: "equals", text: "Red", highlight: "bad" },
        ],
      },
    ],
  };
};

function ledgerColumns(version: KpiTrackerVersion): ColumnSpec[] {
  const money = (key: string, header: string, help: string): ColumnSpec => ({
    key,
    header,
    kind: "input",
    type: "currency",
    min: 0,
    help,
  });
  return [
    { key: "id", header: "ID", kind: "input", type: "text", width: 8 },
    { key: "initiative", header: "Initiative", kind: "input", type: "text", width: 44 },
    {
      key: "type",
      header: "Type",
      kind: "input",
      type: "text",
      width: 16,
      list: INITIATIVE_TYPES,
    },
    {
      key: "kind",
      header: "Savings or avoidance",
      kind: "input",
      type: "text",
      width: 16,
      list: SAVINGS_KINDS,
      help: "Savings: a cost you were paying went down. Cost avoidance: spend that would have happened was prevented.",
    },
    { key: "owner", header: "Owner", kind: "input", type: "text", width: 20 },
    money(
      "baselineCost",
      "Baseline cost per month",
      "Savings: the monthly cost before the action. Avoidance: the projected monthly cost without it."
    ),
    money("newCost", "New cost per month", "The monthly cost after the action."),
    {
      key: "monthly",
      header: "Monthly value",
      kind: "computed",
      type: "currency",
      expr: whenCosts(finops("SAVINGS", col("baselineCost"), col("newCost"))),
    },
    {
      key: "months",
      header: "Months realised",
      kind: "input",
      type: "integer",
      min: 0,
      help: "Months the lower cost has been in effect so far.",
    },
    {
      key: "realised",
      header: "Realised to date",
      kind: "computed",
      type: "currency",
      expr: whenCosts(mul(col("monthly"), col("months"))),
    },
    {
      key: "annualised",
      header: "Annualised value",
      kind: "computed",
      type: "currency",
      // Version 2: a one-off (Recurring N) counts once; a recurring value is a year at the new rate.
      expr: whenCosts(
        version === 1
          ? mul(col("monthly"), num(MONTHS_PER_YEAR))
          : ifCompare(
              "=",
              col("recurring"),
              str("N"),
              col("monthly"),
              mul(col("monthly"), num(MONTHS_PER_YEAR))
            )
      ),
    },
    {
      // SUMIF over this row's own cells: the annualised value when the row is savings, else 0.
      key: "savingsAnnualised",
      header: "Savings annualised",
      kind: "computed",
      type: "currency",
      expr: sumIf(col("kind"), "Savings", col("annualised")),
    },
    {
      key: "avoidanceAnnualised",
      header: "Avoidance annualised",
      kind: "computed",
      type: "currency",
      expr: sumIf(col("kind"), "Cost avoidance", col("annualised")),
    },
    {
      key: "validated",
      header: "Validated by finance",
      kind: "input",
      type: "text",
      width: 12,
      list: YES_NO,
      help: "Y once finance has checked the figures against the bills.",
    },
    { key: "evidence", header: "Evidence link", kind: "input", type: "text", width: 44 },
  ];
}

/**
 * Version 3 prints each initiative's value, its validation and its overlap; the owner, the evidence
 * link and the savings and avoidance split the chart reads stay after them, off the printout.
 */
function ledgerTableColumns(version: KpiTrackerVersion): {
  columns: ColumnSpec[];
  printedColumns?: number;
} {
  const columns = [...ledgerColumns(version), ...(version === 1 ? [] : IN_YEAR_COLUMNS)];
  if (version < 3) return { columns };
  return inPrintOrder(
    columns,
    [
      "initiative",
      "id",
      "type",
      "kind",
      "baselineCost",
      "newCost",
      "monthly",
      "months",
      "realised",
      "recurring",
      "annualised",
      "monthsInYear",
      "inYear",
      "validated",
      "sameBill",
      "overlap",
    ],
    ["savingsAnnualised", "avoidanceAnnualised", "owner", "evidence"]
  );
}

function ledgerRows(version: KpiTrackerVersion): TableRow[] {
  return SAMPLE_INITIATIVES.map((initiative) => ({
    values: {},
    sample: {
      id: initiative.id,
      initiative: initiative.initiative,
      type: initiative.type,
      kind: initiative.kind,
      owner: initiative.owner,
      baselineCost: initiative.baselineCost,
      newCost: initiative.newCost,
      months: initiative.monthsRealised,
      validated: initiative.validated,
      evidence: initiative.evidence,
      // Version 2's columns; a version-1 plan has none of them.
      ...(version === 1
        ? {}
        : {
            recurring: initiative.recurring ? "Y" : "N",
            monthsInYear: initiative.monthsInYear,
            ...(initiative.sameBillAs ? { sameBill: initiative.sameBillAs } : {}),
          }),
    },
    sampleOnly: true,
    source: SEED_LEDGER,
  }));
}

const ledgerSheet = (options: TemplateOptions, version: KpiTrackerVersion): SheetSpec => {
  const validated = column(LEDGER_TABLE, "validated");
  const figure = (key: string, label: string, expr: Expr): Figure => ({
    key,
    name: key.charAt(0).toUpperCase() + key.slice(1),
    label,
    type: "currency",
    kind: "computed",
    expr,
  });
  return {
    key: "savingsLedger",
    name: "Savings ledger",
    freezeColumns: 2,
    print: { landscape: true, fitToWidth: true },
    blocks: [
      {
        kind: "title",
        text: sheetTitle(options, "FinOps savings ledger"),
        subtitle: `Amounts in ${options.currency}`,
      },
      {
        kind: "notes",
        heading: "How to use",
        lines: [
          ...(version < 3
            ? [
                "One row per initiative. Savings lower a cost already being paid; cost avoidance prevents spend that was planned or would have happened (a new workload built cheaper, an anomaly stopped early).",
                "Baseline and new cost are monthly run rates: before and after for savings, projected without the action and actual for avoidance.",
              ]
            : [
                "One row per initiative. Savings lower a cost already being paid (baseline and new cost: the monthly run rate before and after); cost avoidance prevents spend that would have happened (a new workload built cheaper, an anomaly stopped early: projected monthly cost without the action, and actual).",
              ]),
          version === 1
            ? "Monthly value = baseline - new cost (FINOPS.SAVINGS; FINOPS.COSTAVOIDANCE gives the same for avoidance). Annualised value = monthly value x 12, the value of a full year at the new run rate. Realised to date = monthly value x months realised."
            : "Monthly value = baseline - new cost (FINOPS.SAVINGS; FINOPS.COSTAVOIDANCE gives the same for avoidance). Annualised value = monthly value x 12 when it recurs, the value once for a one-off (Recurring N). In-year value = monthly value x its months in this fiscal year. Realised to date = monthly value x months realised.",
          "Only rows finance has validated (Y) count in the validated totals; link the evidence (contract, ticket, cost export) for each.",
          ...(version < 3
            ? []
            : [
                "Not printed: the savings and avoidance split (for the chart), owner and evidence link, kept after Overlap.",
              ]),
          ...(version === 1
            ? []
            : [
                "Same bill as: the ID of another initiative that lowers the same bill (a commitment and a rightsizing of the same instances); both are flagged, since their values added together overstate the saving.",
              ]),
        ],
      },
      {
        kind: "figures",
        heading: "Totals",
        items: [
          figure(
            KPI_TRACKER_FIGURES.savingsTotal,
            "Savings, annualised (all rows)",
            sumIf(column(LEDGER_TABLE, "kind"), "Savings", column(LEDGER_TABLE, "annualised"))
          ),
          figure(
            KPI_TRACKER_FIGURES.savingsValidatedTotal,
            "Savings validated by finance, annualised",
            sumIf(validated, "Y", column(LEDGER_TABLE, "savingsAnnualised"))
          ),
          figure(
            KPI_TRACKER_FIGURES.avoidanceTotal,
            "Cost avoidance, annualised (all rows)",
            sumIf(
              column(LEDGER_TABLE, "kind"),
              "Cost avoidance",
              column(LEDGER_TABLE, "annualised")
            )
          ),
          figure(
            KPI_TRACKER_FIGURES.avoidanceValidatedTotal,
            "Cost avoidance validated by finance, annualised",
            sumIf(validated, "Y", column(LEDGER_TABLE, "avoidanceAnnualised"))
          ),
          figure(
            KPI_TRACKER_FIGURES.validatedValueTotal,
            "Savings and avoidance validated by finance, annualised",
            add(
              name(KPI_TRACKER_FIGURES.savingsValidatedTotal),
              name(KPI_TRACKER_FIGURES.avoidanceValidatedTotal)
            )
          ),
          figure(
            KPI_TRACKER_FIGURES.realisedToDateTotal,
            "Realised to date (all rows)",
            sum(column(LEDGER_TABLE, "realised"))
          ),
        ],
      },
      ...(version === 1 ? [] : [inYearBlock(options)]),
      {
        kind: "table",
        key: LEDGER_TABLE,
        name: "SavingsLedger",
        caption: "Initiatives",
        ...ledgerTableColumns(version),
        rows: ledgerRows(version),
        totals: {
          monthly: "sum",
          realised: "sum",
          annualised: "sum",
          savingsAnnualised: "sum",
          avoidanceAnnualised: "sum",
          ...(version === 1 ? {} : { inYear: "sum" as const }),
        },
        conditionalFormats: [
          { column: "validated", when: "equals", text: "N", highlight: "neutral" },
          { column: "monthly", when: "lessThan", value: 0, highlight: "bad" },
          ...(version === 1 ? [] : IN_YEAR_FORMATS),
        ],
      },
      {
        kind: "chart",
        title: "Annualised value by initiative",
        chart: "bar",
        table: LEDGER_TABLE,
        categories: "initiative",
        series: ["savingsAnnualised", "avoidanceAnnualised"],
        // Version 3: beside the totals, so the ledger and its chart print on one page.
        ...(version < 3
          ? {}
          : { beside: `figures:${KPI_TRACKER_FIGURES.savingsTotal}`, besideRows: 12 }),
      },
    ],
  };
};

function buildKpiTracker(options: TemplateOptions, version: KpiTrackerVersion): WorkbookSpec {
  return {
    templateId: "kpi-tracker",
    version,
    title: "KPI tracker and savings ledger",
    sheets: [kpiSheet(options, version), ledgerSheet(options, version)],
  };
}
