import { SheetRetirement } from "./retireSheets";
import { BlockAddition, ChartAddition, figuresAddedBack, planAdditions } from "./blockAdditions";
import { FormulaMode } from "../expr/renderFormula";
import { PlannedConditionalFormat, PlannedSheet, PlannedValidation } from "../plan";
import { BoundTable } from "./boundTable";
import { ComputedCell, computedCells } from "./computedCells";
import { formattingGaps } from "./checkFormats";
import { RawCell, ReadValidation, WorkbookReadBack } from "./readBack";
import { lostTables, Survey, SurveyedTemplate, surveyWorkbook } from "./survey";
import { TemplateColumn } from "./templateParts";

/**
 * What refresh changes, as data: the Excel adapter applies it in one write, and undoes it from the
 * `previous` fields when that write fails. Only template-owned things are written: computed cells,
 * template columns, names, deleted sheets and the formatting of template columns. Input cells, rows
 * and columns users added, and sheets users added are never in it.
 */
export interface RefreshPlan {
  /** Sheets deleted by the user, recreated from the plan. */
  readonly sheets: readonly SheetRecreation[];
  /** Template tables (with caption and charts) missing from a sheet that is there, written below its content. */
  readonly blocks: readonly BlockAddition[];
  /** Template charts missing from over a table that is there. */
  readonly charts: readonly ChartAddition[];
  /** Template columns missing from a table, in the order to add them (indexes count earlier adds). */
  readonly columns: readonly ColumnAddition[];
  /** Runs of computed cells whose formula is restored. */
  readonly cells: readonly CellRestore[];
  /** Defined names added or re-pointed. */
  readonly names: readonly NameRepair[];
  /** Number formats, validation and conditional formats re-applied to template columns. */
  readonly formats: readonly ColumnFormatting[];
  /** Metadata rows whose Updated stamp is set (and Version, when an upgrade moves the template on). */
  readonly stamps: readonly MetadataStamp[];
  /** One line per change, in words, for the preview and the summary. */
  readonly preview: readonly string[];
  /** Template columns an upgrade heads differently, renamed before anything else is written. */
  readonly renames?: readonly ColumnRename[];
  /** Template sheets an upgrade keeps under another name before laying them out anew (first of all). */
  readonly retired?: readonly SheetRetirement[];
}

export type { SheetRetirement };

export interface ColumnRename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
}

export interface MetadataStamp {
  readonly row: number;
  readonly previous: string;
  readonly version?: { readonly previous: number; readonly next: number };
  /** The Names cell (upgrade records the names of what a version adds). */
  readonly names?: { readonly previous: string; readonly next: string };
}

export interface SheetRecreation {
  readonly templateId: string;
  readonly planned: PlannedSheet;
}

export interface ColumnAddition {
  readonly sheet: string;
  readonly table: string;
  readonly header: string;
  /** Position among the table's columns when it is added. */
  readonly index: number;
  readonly rows: number;
  readonly formula?: string;
  /** Totals-row formula, written when the table shows its totals row. */
  readonly total?: string;
  /** An input column an upgrade adds: its value in each row (a one-column grid), instead of empty. */
  readonly values?: readonly (readonly RawCell[])[];
}

export interface CellRestore {
  readonly sheet: string;
  /** Where the cells are now (before any column is added). */
  readonly address: string;
  /** Table cells are written through their column, since added columns move them. */
  readonly table?: { readonly name: string; readonly header: string; readonly row: number };
  readonly formulas: readonly (readonly string[])[];
  readonly previous: {
    readonly formulas: readonly (readonly RawCell[])[];
    readonly values: readonly (readonly RawCell[])[];
  };
}

export interface NameRepair {
  readonly name: string;
  readonly formula: string;
  /** The name's formula now; undefined when the name is added. */
  readonly previous?: string;
}

export interface ColumnFormatting {
  readonly sheet: string;
  readonly table: string;
  readonly header: string;
  readonly rows: number;
  /** The column is added by this refresh: rollback removes it whole. */
  readonly added: boolean;
  readonly numberFormat?: string;
  /** One number format per data row (an upgrade's per-row formats), instead of `numberFormat`. */
  readonly rowNumberFormats?: readonly (readonly string[])[];
  readonly previousNumberFormats?: readonly (readonly string[])[];
  readonly validation?: Omit<PlannedValidation, "address">;
  readonly previousValidation?: ReadValidation;
  readonly conditionalFormats?: readonly Omit<PlannedConditionalFormat, "address">[];
  /** Conditional formats on the column before: rollback removes any other. */
  readonly previousConditionalFormatIds?: readonly string[];
}

/**
 * A refresh narrowed to rewriting computed formulas in another formula mode (making a workbook
 * portable or back): the templates are planned in `formulaMode`, and only the computed cells listed
 * ("Sheet!A1") are written; nothing else is repaired.
 */
export interface RefreshScope {
  readonly formulaMode: FormulaMode;
  readonly cells: ReadonlySet<string>;
}

/** The refresh of a workbook as read back: pure, so the preview is exactly what apply does. */
export function planRefresh(readBack: WorkbookReadBack, scope?: RefreshScope): RefreshPlan {
  const survey = surveyWorkbook(scope ? inMode(readBack, scope.formulaMode) : readBack);
  const lost = lostTables(survey);
  const plan = {
    sheets: [] as SheetRecreation[],
    blocks: [] as BlockAddition[],
    charts: [] as ChartAddition[],
    columns: [] as ColumnAddition[],
    cells: [] as CellRestore[],
    names: [] as NameRepair[],
    formats: [] as ColumnFormatting[],
    stamps: [] as MetadataStamp[],
    preview: [] as string[],
  };
  for (const t of survey.templates) {
    const before = plan.preview.length;
    if (scope) planCells(survey, t, lost, plan, scope.cells);
    else planTemplate(survey, t, lost, plan);
    if (plan.preview.length > before)
      plan.stamps.push({ row: t.read.metadataRow, previous: t.read.updated });
  }
  return plan;
}

function inMode(readBack: WorkbookReadBack, formulaMode: FormulaMode): WorkbookReadBack {
  return {
    ...readBack,
    templates: readBack.templates.map((t) => ({
      ...t,
      record: { ...t.record, options: { ...t.record.options, formulaMode } },
    })),
  };
}

type Mutable = {
  -readonly [K in keyof RefreshPlan]: RefreshPlan[K] extends readonly (infer T)[] ? T[] : never;
};

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const cells = (n: number) => (n === 1 ? "1 cell" : `${n} cells`);

function planTemplate(
  survey: Survey,
  t: SurveyedTemplate,
  lost: readonly string[],
  plan: Mutable
): void {
  const templateId = t.expected.record.templateId;
  const inUse = new Set(survey.readBack.tableNames.map((n) => n.toLowerCase()));
  for (const planned of t.expected.sheets.filter((s) => t.missingSheets.includes(s.name))) {
    // Its tables went with it; if a table of the same name exists elsewhere now, leave it to the user.
    if (planned.tables.some((table) => inUse.has(table.name.toLowerCase()))) continue;
    plan.sheets.push({ templateId, planned });
    plan.preview.push(`Recreate the sheet "${planned.name}" from the template.`);
    for (const name of planned.names) {
      const previous = survey.readBack.names.find(
        (n) => n.name.toLowerCase() === name.name.toLowerCase()
      )?.formula;
      plan.names.push({
        name: name.name,
        formula: `=${quoted(planned.name)}!${name.address}`,
        previous,
      });
    }
  }
  const added = figuresAddedBack(survey, t);
  for (const at of t.figures) {
    const { figure } = at;
    const broken = at.nameFormula === undefined || at.nameFormula.includes("#REF!");
    if (!broken || !t.presentSheets.includes(figure.sheet) || added.has(figure.name)) continue;
    const formula = `=${quoted(figure.sheet)}!$${figure.address.replace(/(\d+)$/, "$$$1")}`;
    plan.names.push({ name: figure.name, formula, previous: at.nameFormula });
    plan.preview.push(`Point the name ${figure.name} at ${figure.sheet}!${figure.address} again.`);
  }
  const additions = planAdditions(survey, t);
  plan.blocks.push(...additions.blocks);
  plan.charts.push(...additions.charts);
  plan.preview.push(...additions.preview);
  for (const { bound } of t.tables) if (bound) planColumns(bound, plan);
  planCells(survey, t, lost, plan);
  for (const { bound } of t.tables) if (bound) planFormats(bound, plan);
}

function planColumns(bound: BoundTable, plan: Mutable): void {
  const headers = bound.read.headers.map((h) => h.toLowerCase());
  const columns = bound.template.columns;
  columns.forEach((column, i) => {
    if (!bound.missing.includes(column)) return;
    // Right after the nearest template column on its left that is there (or added) now.
    const left = columns
      .slice(0, i)
      .map((c) => headers.indexOf(c.header.toLowerCase()))
      .filter((index) => index >= 0);
    const index = left.length > 0 ? Math.max(...left) + 1 : 0;
    headers.splice(index, 0, column.header.toLowerCase());
    plan.columns.push({
      sheet: bound.read.sheet,
      table: bound.read.name,
      header: column.header,
      index,
      rows: bound.rows,
      formula: column.kind === "computed" ? column.formula : undefined,
      total: bound.read.showTotals ? column.total : undefined,
    });
    plan.preview.push(
      `${bound.read.sheet}: add the column "${column.header}" back to table ${bound.read.name}${column.kind === "computed" ? " with its formula" : ", empty"}.`
    );
    plan.formats.push({
      ...formatting(bound, column, true),
      numberFormat: column.numberFormat,
      validation: column.validation,
      conditionalFormats: column.conditionalFormats,
    });
  });
}

function formatting(bound: BoundTable, column: TemplateColumn, added: boolean) {
  return {
    sheet: bound.read.sheet,
    table: bound.read.name,
    header: column.header,
    rows: bound.rows,
    added,
  };
}

function planCells(
  survey: Survey,
  t: SurveyedTemplate,
  lost: readonly string[],
  plan: Mutable,
  only?: ReadonlySet<string>
): void {
  const broken = computedCells(survey, t, lost).filter(
    (c) =>
      c.problem !== null &&
      c.problem !== "errorValue" &&
      c.blockedBy.length === 0 &&
      (!only || only.has(`${c.sheet}!${c.address}`))
  );
  // Consecutive rows of one column become one run: one write, one preview line.
  const runs: (typeof broken)[] = [];
  for (const cell of broken) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    const follows =
      previous?.table &&
      cell.table &&
      previous.table.bound === cell.table.bound &&
      previous.table.index === cell.table.index &&
      previous.table.row + 1 === cell.table.row;
    if (follows) run.push(cell);
    else runs.push([cell]);
  }
  for (const run of runs) {
    const [first] = run;
    const address =
      first.table && run.length > 1
        ? first.table.bound.columnAddress(first.table.index, first.table.row, run.length)
        : first.address;
    plan.cells.push({
      sheet: first.sheet,
      address,
      table: first.table && {
        name: first.table.bound.read.name,
        header: first.label,
        row: first.table.row,
      },
      formulas: run.map((c) => [c.formula]),
      previous: {
        formulas: run.map((c) => [c.now.formula]),
        values: run.map((c) => [c.now.value]),
      },
    });
    plan.preview.push(
      run.every((c) => c.problem === "outdated")
        ? `${first.sheet}!${address}: update the formula of ${first.label} to the add-in's current definition (${cells(run.length)}).`
        : `${first.sheet}!${address}: restore the formula of ${first.label} (${cells(run.length)})${typedOver(run)}.`
    );
  }
}

/** ", replacing what was typed: C14 123, C15 "OK"": each typed-over cell by address, with its value. */
export const TYPED_OVER = ", replacing what was typed:";

function typedOver(run: readonly ComputedCell[]): string {
  const typed = run.filter((c) => c.problem === "overwritten");
  if (typed.length === 0) return "";
  const value = (v: unknown) =>
    v === null || v === undefined || v === ""
      ? "(empty)"
      : typeof v === "string"
        ? `"${v}"`
        : String(v);
  return `${TYPED_OVER} ${typed.map((c) => `${c.address} ${value(c.now.value)}`).join(", ")}`;
}

function planFormats(bound: BoundTable, plan: Mutable): void {
  for (const { column, index } of bound.present) {
    const gaps = formattingGaps(bound, column, index);
    if (!gaps.numberFormat && !gaps.validation && !gaps.conditionalFormats) continue;
    const rules = bound.read.columnRules[column.header] ?? {};
    plan.formats.push({
      ...formatting(bound, column, false),
      numberFormat: gaps.numberFormat ? column.numberFormat : undefined,
      previousNumberFormats: gaps.numberFormat
        ? bound.read.numberFormats.map((row) => [row[index]])
        : undefined,
      validation: gaps.validation ? column.validation : undefined,
      previousValidation: gaps.validation ? rules.validation : undefined,
      conditionalFormats: gaps.conditionalFormats ? column.conditionalFormats : undefined,
      previousConditionalFormatIds: rules.conditionalFormatIds,
    });
    const what = [
      gaps.numberFormat && "number format",
      gaps.validation && "data validation",
      gaps.conditionalFormats && "conditional formats",
    ].filter(Boolean);
    plan.preview.push(
      `${bound.read.sheet}!${bound.columnAddress(index)}: apply the ${what.join(", ")} of ${column.header} to its ${bound.rows} rows.`
    );
  }
}
