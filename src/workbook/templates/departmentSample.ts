import { CellValue } from "../../domain/cellValue";
import { budgetStatus } from "../../domain/budget";
import { maturityScore } from "../../domain/maturity";
import { fractionText } from "../displayText";
import { SAMPLE_CLOSED_MONTHS } from "../options";
import { TableBlock, TableRow } from "../spec";
import { KPI_DEFINITIONS, KpiUnit } from "./kpi/kpiDefinitions";
import { TEAM_BUDGET_FUNDING } from "./staffingPlan";
import { LENSES } from "./maturity/lenses";

/**
 * A department's own sample figures: the sample organisation's story, varied by figures drawn from
 * the department's name, so a hub-and-spoke demo shows departments of different size, maturity and
 * performance, and generating the same department again gives the same file. The templates write
 * their sample once; the workbook model passes each table's sample rows and each sample figure
 * through here (by table and column key) when sample data is on and a department is given.
 */

/** FNV-1a: the name's 32-bit hash, the seed of its figures. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) h = Math.imul(h ^ (ch.codePointAt(0) as number), 0x01000193) >>> 0;
  return h;
}

/** Mulberry32 over the hash of `seed`: numbers in [0, 1), the same sequence for the same seed. */
export function seededRandom(seed: string): () => number {
  let state = hash(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the variation reads besides the row or figure at hand: other tables' (varied) rows. */
export interface SampleSource {
  /** The varied sample rows of a table in the run; undefined when its template is not in it. */
  rows(table: string): readonly TableRow[] | undefined;
  /** The same rows as the template wrote them, before the variation. */
  templateRows(table: string): readonly TableRow[] | undefined;
  /** A sample input figure's varied value. */
  figure(key: string): CellValue;
}

/** The department's draws that hold for the whole workbook. */
interface Department {
  readonly name: string;
  /** Spend and team budget against the sample organisation's: 0.4x to 1.8x. */
  readonly size: number;
  /** Maturity against the sample's: lens scores times 0.55 to 1.4, before rounding. */
  readonly maturity: number;
  /** Actual spend against budget, year to date: 0.92x (under) to 1.12x (over). */
  readonly spending: number;
  /** Loaded salaries against the sample's (local pay): 0.9x to 1.12x. */
  readonly pay: number;
  /** Cloud spend against what the size alone gives: 0.75x to 1.3x. */
  readonly spendMix: number;
  /** Adoption activities ahead (+) of or behind (-) the sample's progress: -3 to 3 rows. */
  readonly adoptionShift: number;
}

const between = (draw: number, low: number, high: number) => low + draw * (high - low);
/** To a multiple of `step`; a tenth or a cent stays one (0.3, not 0.30000000000000004). */
const roundTo = (value: number, step: number) =>
  step >= 1
    ? Math.round(value / step) * step
    : Number((Math.round(value / step) * step).toFixed(Math.ceil(-Math.log10(step))));
const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

export interface DepartmentSample {
  rows(table: TableBlock, rows: readonly TableRow[], source: SampleSource): TableRow[];
  figure(key: string, sample: CellValue, source: SampleSource): CellValue;
}

export function departmentSample(name: string): DepartmentSample {
  // Case and spacing do not make another department: "Payments" and " payments" draw alike.
  const seed = name.trim().toLowerCase();
  const draw = seededRandom(seed);
  const department: Department = {
    name,
    size: between(draw(), 0.4, 1.8),
    maturity: between(draw(), 0.55, 1.4),
    spending: between(draw(), 0.92, 1.12),
    pay: between(draw(), 0.9, 1.12),
    spendMix: between(draw(), 0.75, 1.3),
    adoptionShift: Math.round(between(draw(), -3.49, 3.49)),
  };
  return {
    rows: (table, rows, source) => {
      const vary = TABLES[table.key];
      if (!vary) return [...rows];
      return vary(
        rows,
        department,
        (index) => seededRandom(`${seed}|${table.key}|${index}`),
        source
      );
    },
    figure: (key, sample, source) => {
      const vary = FIGURES[key];
      return vary && typeof sample !== "object" ? vary(sample, department, source) : sample;
    },
  };
}

type RowsVariation = (
  rows: readonly TableRow[],
  department: Department,
  rowDraws: (index: number) => () => number,
  source: SampleSource
) => TableRow[];

type FigureVariation = (
  sample: CellValue,
  department: Department,
  source: SampleSource
) => CellValue;

/** Each row's sample passed through `change`, which returns the keys it changes. */
const eachRow =
  (
    change: (
      sample: Readonly<Record<string, CellValue>>,
      row: TableRow,
      department: Department,
      draw: () => number
    ) => Record<string, CellValue>
  ): RowsVariation =>
  (rows, department, rowDraws) =>
    rows.map((row, index) =>
      row.sample
        ? {
            ...row,
            sample: { ...row.sample, ...change(row.sample, row, department, rowDraws(index)) },
          }
        : row
    );

/** The numbers among `keys` of a sample, each passed through `f`. */
function mapNumbers(
  sample: Readonly<Record<string, CellValue>>,
  keys: (key: string) => boolean,
  f: (value: number, key: string) => number
): Record<string, CellValue> {
  const changed: Record<string, CellValue> = {};
  for (const [key, value] of Object.entries(sample))
    if (typeof value === "number" && keys(key)) changed[key] = f(value, key);
  return changed;
}

const monthOf = (key: string) => Number(/\d+$/.exec(key)?.[0]);

/**
 * Team budget lines. People lines are the staffing plan's roles the team budget funds, so they follow
 * local pay as those roles' salaries do (the health check holds the two within 1%). Every other line
 * scales with the department's size; its closed months' actuals follow the department's spending
 * against budget, give or take 5% a month, and the open months' forecast leans the same way with a
 * drift of its own. Whole tens: a budget is not planned to the cent.
 */
const budgetLines = eachRow((sample, row, department, draw) => {
  const people = row.values.category === "People";
  const drift = (1 + department.spending) / 2 + between(draw(), -0.04, 0.04);
  return mapNumbers(
    sample,
    (key) => /^(budget|forecast|actual)\d+$/.test(key),
    (value, key) => {
      if (people) return roundTo(value * department.pay, 10);
      const scaled = value * department.size;
      if (key.startsWith("actual"))
        return roundTo(scaled * department.spending * between(draw(), 0.95, 1.05), 10);
      if (key.startsWith("forecast") && monthOf(key) > SAMPLE_CLOSED_MONTHS)
        return roundTo(scaled * drift, 10);
      return roundTo(scaled, 10);
    }
  );
});

/**
 * Staffing: loaded salaries follow local pay (to the hundred, so the team budget's People lines stay
 * within the check's 1%). The team budget's own roles keep their allocations; the part-time
 * allocations of roles other budgets fund grow or shrink with the department (whole tenths, 0.1 to
 * 1 FTE).
 */
const staff = eachRow((sample, _row, department, draw) => {
  const share = between(draw(), 0.75, 1.25) * Math.sqrt(department.size);
  const ownRole = sample.funding === TEAM_BUDGET_FUNDING;
  return mapNumbers(
    sample,
    (key) => key === "salary" || (!ownRole && /^alloc\d+$/.test(key)),
    (value, key) =>
      key === "salary"
        ? roundTo(value * department.pay, 100)
        : value > 0 && value < 1
          ? clamp(roundTo(value * share, 0.1), 0.1, 1)
          : value
  );
});

/**
 * KPIs, by unit: amounts scale with the department's size and how well it does on the KPI (0.7x to
 * 1.3x), a month's share or score moves with the KPI's performance and a little month to month;
 * targets and level thresholds of shares and scores are the practice's own, so they stay.
 */
const kpis = eachRow((sample, row, department, draw) => {
  const unit = KPI_DEFINITIONS.find((k) => k.id === row.values.id)?.unit;
  const performance = between(draw(), 0.7, 1.3);
  const isMonth = (key: string) => /^p\d+$/.test(key);
  return mapNumbers(
    sample,
    (key) => unit !== undefined && (isMonth(key) || AMOUNT_UNITS.includes(unit)),
    (value, key) => kpiValue(unit as KpiUnit, value, isMonth(key), performance, department, draw)
  );
});

const AMOUNT_UNITS: readonly KpiUnit[] = ["currency", "count"];

function kpiValue(
  unit: KpiUnit,
  value: number,
  isMonth: boolean,
  performance: number,
  department: Department,
  draw: () => number
): number {
  switch (unit) {
    case "currency":
      return roundTo(value * department.size * (isMonth ? performance : 1), 100);
    case "count":
      return Math.max(
        0,
        Math.round(value * Math.sqrt(department.size) * (isMonth ? performance : 1))
      );
    case "currency per order":
      return roundTo(value * performance, 0.01);
    case "%":
      return clamp(roundTo(value * performance * between(draw(), 0.98, 1.02), 0.1), 0, 99.5);
    case "score 1-5":
      return clamp(roundTo(value * performance, 0.1), 1, 5);
  }
}

/** Savings ledger: what an initiative saves scales with the department's spend, per initiative. */
const savingsInitiatives = eachRow((sample, _row, department, draw) => {
  const scale = department.size * between(draw(), 0.8, 1.2);
  return mapNumbers(
    sample,
    (key) => key === "baselineCost" || key === "newCost",
    (value) => roundTo(value * scale, 100)
  );
});

/** Decision model: approval thresholds scale with the department's spend, in thousands. */
const raciDecisions = eachRow((sample, _row, department) =>
  mapNumbers(
    sample,
    (key) => key === "threshold",
    (value) => Math.max(1000, roundTo(value * department.size, 1000))
  )
);

/**
 * Maturity: each lens score (0 to 4, whole steps, as the scorecard takes them) is the sample's times
 * the department's maturity, give or take three quarters of a step, rounded. FinOps Assessment playbook: lenses
 * scored 0-4 per capability.
 */
const maturityCapabilities = eachRow((sample, _row, department, draw) =>
  mapNumbers(
    sample,
    (key) => LENSES.some((lens) => lens.key === key),
    (value) => clamp(Math.round(value * department.maturity + between(draw(), -0.75, 0.75)), 0, 4)
  )
);

/**
 * The assessment history follows the varied scores: the current record holds the scores the
 * scorecard computes now (weighted lens scores, as MATURITYSCORE), earlier records move by the same
 * ratio as the practice score did, capped at 100%.
 */
const maturityHistory: RowsVariation = (rows, _department, _draws, source) => {
  const varied = source.rows("maturityCapabilities");
  const written = source.templateRows("maturityCapabilities");
  if (!varied || !written) return [...rows];
  const weights = [LENSES.map((lens) => Number(source.figure(`maturityWeight${lens.name}`)))];
  const scoreOf = (row: TableRow) =>
    maturityScore([LENSES.map((lens) => Number(row.sample?.[lens.key] ?? 0))], weights);
  const now = varied.map(scoreOf);
  const before = written.map(scoreOf);
  const mean = (scores: number[]) => scores.reduce((a, b) => a + b, 0) / scores.length;
  const ratio = mean(before) > 0 ? mean(now) / mean(before) : 1;
  const last = rows.length - 1;
  return rows.map((row, index) => {
    if (!row.sample) return row;
    const sample: Record<string, CellValue> = { ...row.sample };
    const recorded: number[] = [];
    for (const [key, value] of Object.entries(row.sample)) {
      const i = Number(/^capabilityScore(\d+)$/.exec(key)?.[1]) - 1;
      if (typeof value !== "number" || Number.isNaN(i)) continue;
      sample[key] =
        index === last ? now[i] : Math.min(1, before[i] > 0 ? (value * now[i]) / before[i] : value);
      recorded.push(sample[key] as number);
    }
    // A record's practice score is the mean of the capabilities it recorded, as recording writes it.
    if (typeof row.sample.score === "number")
      sample.score = recorded.length > 0 ? mean(recorded) : Math.min(1, row.sample.score * ratio);
    return { ...row, sample };
  });
};

/**
 * Adoption: the department is further along or behind the sample's plan. The statuses move along
 * the activities (stage and due date order) by the department's shift, so earlier activities stay
 * at least as far on as later ones; evidence stays only where an activity has started.
 */
const adoptionActivities: RowsVariation = (rows, department) => {
  const statuses = rows.map((row) => row.sample?.status);
  return rows.map((row, index) => {
    if (!row.sample) return row;
    const status = statuses[clamp(index + department.adoptionShift, 0, rows.length - 1)];
    const sample: Record<string, CellValue> = { ...row.sample, status: status ?? null };
    if (status === "Not started") delete sample.evidence;
    return { ...row, sample };
  });
};

const TABLES: Partial<Record<string, RowsVariation>> = {
  budgetLines,
  staff,
  kpis,
  savingsInitiatives,
  raciDecisions,
  maturityCapabilities,
  maturityHistory,
  adoptionActivities,
};

const scaled =
  (step: number, mix: (department: Department) => number = (d) => d.size): FigureVariation =>
  (sample, department) =>
    typeof sample === "number" ? Math.max(step, roundTo(sample * mix(department), step)) : sample;

const FIGURES: Partial<Record<string, FigureVariation>> = {
  budgetMateriality: scaled(100),
  savingsDelivered: scaled(1000),
  staffAnnualCloudSpend: scaled(100000, (d) => d.size * d.spendMix),
  maturityTargetGroup: (_sample, department) => department.name,
  execCommentary: (sample, _department, source) => budgetCommentary(source) ?? sample,
};

/**
 * The executive summary's commentary, written from the department's varied budget as a FinOps lead
 * would: the year to date against budget (the status the sheet computes, FinOps Framework budget
 * management: variance within tolerance) and the full-year forecast (actuals to date, then forecast).
 */
function budgetCommentary(source: SampleSource): string | undefined {
  const lines = source.rows("budgetLines");
  if (!lines) return undefined;
  const total = (prefix: string, from: number, to: number) =>
    lines.reduce((sum, line) => {
      for (let m = from; m <= to; m++) {
        const value = line.sample?.[`${prefix}${m}`];
        if (typeof value === "number") sum += value;
      }
      return sum;
    }, 0);
  const closed = SAMPLE_CLOSED_MONTHS;
  const budgetYtd = total("budget", 1, closed);
  const budgetFy = total("budget", 1, 12);
  if (budgetYtd <= 0 || budgetFy <= 0) return undefined;
  const actualYtd = total("actual", 1, closed);
  const ytd = actualYtd / budgetYtd - 1;
  const forecast = (actualYtd + total("forecast", closed + 1, 12)) / budgetFy - 1;
  // The status the sheet shows (BUDGETSTATUS with the sheet's tolerance and materiality).
  const status = budgetStatus(
    budgetYtd,
    actualYtd,
    source.figure("budgetTolerance"),
    source.figure("budgetMateriality")
  );
  const toDate =
    status === "On budget"
      ? "On budget to date"
      : `${fractionText(Math.abs(ytd))} ${ytd > 0 ? "over" : "under"} budget to date`;
  const year =
    Math.abs(forecast) < 0.005
      ? "the full-year forecast is in line with the budget"
      : `the full-year forecast is ${fractionText(Math.abs(forecast))} ${forecast > 0 ? "over" : "under"}`;
  return `${toDate}; ${year}. The team's funding awaits the mid-year budget review.`;
}
