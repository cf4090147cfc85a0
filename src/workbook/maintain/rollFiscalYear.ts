import { CellValue } from "../../domain/cellValue";
import { planWorkbook } from "../layout";
import { latestPerTemplate } from "../metadata";
import { chooseNames } from "../names";
import { fiscalYearLabel, fiscalYearMonths, TemplateOptions } from "../options";
import { PlannedSheet, RenderPlan } from "../plan";
import { Block, WorkbookSpec } from "../spec";
import { templateById } from "../templates";
import { seedRows, seedValue, YEAR_SEEDS } from "./nextYearSeed";
import { ReadName, ReadTemplate, WorkbookReadBack } from "./readBack";
import {
  CellRestore,
  ColumnFormatting,
  MetadataStamp,
  planRefresh,
  RefreshPlan,
} from "./refreshPlan";
import { rolledTitles } from "./rolledTitles";
import { OptionsChange } from "./rollPeriods";
import { surveyWorkbook } from "./survey";

/**
 * The next fiscal year, as data: new sheets for the budget and the staffing plan (free names, as
 * generation picks them) seeded from the newest year, their metadata rows (the newest row of a template
 * is the one the executive summary links to; every year's row stays maintained), and the executive
 * summary's formulas pointed at the new year. The old year's sheets are not in it: they stay exactly as
 * they are.
 */
export interface FiscalYearRollForward {
  /** The new year's sheets, one plan per template (each has its own options); empty: nothing to roll. */
  readonly plans: readonly RenderPlan[];
  /** The executive summaries' cells re-pointed to the new year (a refresh plan, undone the same way). */
  readonly relink: RefreshPlan;
  /** The re-pointed summaries' recorded options, moved to the new fiscal year. */
  readonly options: readonly OptionsChange[];
  /** What will change, one line each; empty when nothing would be written. */
  readonly preview: readonly string[];
  /** What is not rolled and why. */
  readonly notes: readonly string[];
}

const ROLLED = Object.keys(YEAR_SEEDS);

const NO_RELINK: RefreshPlan = {
  sheets: [],
  blocks: [],
  charts: [],
  columns: [],
  cells: [],
  names: [],
  formats: [],
  stamps: [],
  preview: [],
};

/** The options of the year after: the fiscal year's first month one year on; no sample rows. */
export function nextYearOptions(options: TemplateOptions): TemplateOptions {
  const first = fiscalYearMonths(options)[0];
  const firstPeriod = `${first.year + 1}-${String(first.month).padStart(2, "0")}`;
  return { ...options, firstPeriod, sampleData: false };
}

/** "FY2027" or "FY2026-27": sheet names may not hold "/". */
const yearTag = (options: TemplateOptions) => fiscalYearLabel(options).replace("/", "-");

function seededSpec(t: ReadTemplate, readBack: WorkbookReadBack): WorkbookSpec | string {
  const survey = surveyWorkbook({ ...readBack, templates: [t] });
  const surveyed = survey.templates[0];
  if (!surveyed)
    return `${survey.unplanned[0]?.reason ?? "it cannot be read"}; repair or upgrade it first`;
  const seed = YEAR_SEEDS[t.record.templateId];
  const bound = surveyed.tables.find((x) => x.template.key === seed.table)?.bound;
  if (!bound) return `its table ${seed.table} is missing; run Check workbook first`;
  const next = nextYearOptions(t.record.options);
  const rows = seedRows(seed, bound, next).map((values) => ({ values }));
  const settings = new Map<string, CellValue>(
    surveyed.figures
      .filter((f) => seed.settings.includes(f.figure.key))
      .map((f) => [f.figure.key, seedValue(survey.cellAt(f.sheet, f.address).value)])
  );
  const spec = templateById(t.record.templateId).build(next);
  const seedBlock = (block: Block): Block => {
    if (block.kind === "table" && block.key === seed.table) return { ...block, rows };
    if (block.kind !== "figures") return block;
    return {
      ...block,
      items: block.items.map((item) =>
        item.kind === "input" && settings.has(item.key)
          ? { ...item, value: settings.get(item.key) ?? null }
          : item
      ),
    };
  };
  return {
    ...spec,
    sheets: spec.sheets.map((sheet) => ({
      ...sheet,
      name: `${sheet.name} ${yearTag(next)}`,
      blocks: sheet.blocks.map(seedBlock),
    })),
  };
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Plans the next fiscal year of the budget and the staffing plan the workbook records. */
export function planFiscalYearRollForward(readBack: WorkbookReadBack): FiscalYearRollForward {
  const preview: string[] = [];
  const notes: string[] = [];
  const specs: WorkbookSpec[] = [];
  // The newest budget and staffing plan: an older year's (or another copy's) next year is not this one.
  const rolled = latestPerTemplate(readBack.templates, (t) => t.record).filter((t) =>
    ROLLED.includes(t.record.templateId)
  );
  for (const t of rolled) {
    const spec = seededSpec(t, readBack);
    const title = templateById(t.record.templateId).title;
    if (typeof spec === "string") notes.push(`${title}: cannot start the next year: ${spec}.`);
    else specs.push(spec);
  }
  if (rolled.length === 0)
    notes.push(
      "This workbook has no team budget or staffing plan made by the add-in: there is no fiscal year to roll forward."
    );
  if (specs.length === 0) return { plans: [], relink: NO_RELINK, options: [], preview, notes };

  const chosen = chooseNames(specs, {
    sheets: readBack.sheetNames,
    tablesAndNames: [...readBack.tableNames, ...readBack.names.map((n) => n.name)],
  });
  const plans = specs.map((spec) => {
    const from = rolled.find((t) => t.record.templateId === spec.templateId) as ReadTemplate;
    return planWorkbook([spec], nextYearOptions(from.record.options), chosen);
  });
  specs.forEach((spec, i) => {
    const record = plans[i].templates[0];
    const from = rolled.find((t) => t.record.templateId === spec.templateId) as ReadTemplate;
    // The rows of the seeded table; the template's own tables (months, totals) are not carried over.
    const seeded = YEAR_SEEDS[spec.templateId].table;
    const rows = spec.sheets
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === "table" && b.key === seeded ? b.rows.length : []));
    preview.push(
      `${spec.title}: add ${fiscalYearLabel(nextYearOptions(from.record.options))} on the sheet "${record?.sheets.join('", "')}", ${rows.join(" + ")} rows carried over from ${fiscalYearLabel(from.record.options)}${spec.templateId === "team-budget" ? " with each month's forecast as the new budget" : " with the last month's allocation"}; the ${fiscalYearLabel(from.record.options)} sheets stay as they are.`
    );
  });
  const { relink, options } = planRelink(readBack, plans);
  return { plans, relink, options, preview: [...preview, ...relink.preview], notes };
}

/** A summary's options naming the fiscal year of `year` (the only options its sheet shows besides its name and currency). */
const namingYear = (summary: TemplateOptions, year: TemplateOptions): TemplateOptions => ({
  ...summary,
  firstPeriod: year.firstPeriod,
  fiscalYearStartMonth: year.fiscalYearStartMonth,
});

/**
 * Every executive summary's refresh once the new years are recorded: its formulas then point at the
 * newest year. Only its own cells are taken from the refresh (nothing else is repaired by a roll
 * forward). A summary that is re-pointed is recorded as the new year's, and its subtitle names that year
 * where it still holds the template's text.
 */
function planRelink(
  readBack: WorkbookReadBack,
  plans: readonly RenderPlan[]
): { relink: RefreshPlan; options: OptionsChange[] } {
  const summaries = readBack.templates.filter((t) => t.record.templateId === "executive-summary");
  if (summaries.length === 0) return { relink: NO_RELINK, options: [] };
  const replaced = new Set(plans.flatMap((p) => p.templates.map((r) => r.templateId)));
  const records: ReadTemplate[] = plans.flatMap((p) =>
    p.templates.map((r) => ({
      record: { ...r, options: JSON.parse(p.options) as TemplateOptions },
      metadataRow: -1,
      updated: "",
    }))
  );
  const sheets: PlannedSheet[] = plans.flatMap((p) => [...p.sheets]);
  const newNames: ReadName[] = sheets.flatMap((s) =>
    s.names.map((n) => ({ name: n.name, formula: `=${quoted(s.name)}!${n.address}` }))
  );
  const templates = [
    ...readBack.templates.filter((t) => !replaced.has(t.record.templateId)),
    ...records,
  ];
  const refresh = planRefresh({
    ...readBack,
    templates,
    names: [...readBack.names, ...newNames],
    tableNames: [...readBack.tableNames, ...sheets.flatMap((s) => s.tables.map((t) => t.name))],
  });
  const survey = surveyWorkbook(readBack);
  const sources = templates.map((t) => t.record);
  const year = records[records.length - 1].record.options;
  const relink = { ...NO_RELINK, cells: [] as CellRestore[], formats: [] as ColumnFormatting[] };
  const stamps: MetadataStamp[] = [];
  const preview: string[] = [];
  const options: OptionsChange[] = [];
  for (const summary of summaries) {
    const onSummary = (sheet: string) => summary.record.sheets.includes(sheet);
    const cells = refresh.cells.filter((c) => onSummary(c.sheet));
    if (cells.length === 0) continue;
    const before = summary.record;
    const after = { ...before, options: namingYear(before.options, year) };
    const others = sources.filter((r) => r !== before);
    const titles = rolledTitles(survey, before, after, others);
    relink.cells.push(...titles, ...cells);
    relink.formats.push(...refresh.formats.filter((f) => onSummary(f.sheet)));
    stamps.push({ row: summary.metadataRow, previous: summary.updated });
    const figures = cells.filter((c) => !c.table).reduce((n, c) => n + c.formulas.length, 0);
    const tables = [...new Set(cells.flatMap((c) => (c.table ? [c.table.name] : [])))];
    preview.push(
      `${before.sheets[0]}: point ${figures} figures${tables.map((t) => ` and the table ${t}`).join("")} at the new year.`,
      ...titles.map((c) => `${c.sheet}!${c.address}: the subtitle names ${fiscalYearLabel(year)}.`)
    );
    if (fiscalYearLabel(after.options) !== fiscalYearLabel(before.options))
      options.push({
        row: summary.metadataRow,
        previous: JSON.stringify(before.options),
        next: JSON.stringify(after.options),
      });
  }
  if (stamps.length === 0) return { relink: NO_RELINK, options: [] };
  return { relink: { ...relink, stamps, preview }, options };
}
