import { NAMES_COLUMN, UPDATED_COLUMN, VERSION_COLUMN } from "../workbook/metadata";
import { CellRestore, MetadataStamp, RefreshPlan } from "../workbook/maintain/refreshPlan";
import { RawCell } from "../workbook/maintain/readBack";
import {
  addHighlight,
  applyValidation,
  constant,
  queueChart,
  queueContent,
  queueFormulasAndFormats,
  queueNames,
  queueSheet,
  queueStoreCells,
} from "./writePlan";

// Enum values are written as their strings, as in writePlan.ts.

const column = (workbook: Excel.Workbook, table: string, header: string) =>
  workbook.tables.getItem(table).columns.getItem(header);

/** The cells of a restore: through their table column (added columns move them), else by address. */
function restoreRange(workbook: Excel.Workbook, cell: CellRestore): Excel.Range {
  if (!cell.table) return workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
  return column(workbook, cell.table.name, cell.table.header)
    .getDataBodyRange()
    .getCell(cell.table.row, 0)
    .getResizedRange(cell.formulas.length - 1, 0);
}

const filled = <T>(rows: number, value: T): T[][] => Array.from({ length: rows }, () => [value]);

/**
 * Queues a refresh plan, nothing synced: recreated sheets and added tables with their constants,
 * names, missing columns, then formulas (once every table, column and name they use exists), formats,
 * charts and the stamps.
 */
export function queueRefresh(workbook: Excel.Workbook, plan: RefreshPlan, stamp: string): void {
  // First, so every write below finds a renamed column by the header the plan knows it by.
  for (const rename of plan.renames ?? [])
    workbook.tables.getItem(rename.table).columns.getItem(rename.from).name = rename.to;
  // A sheet laid out anew keeps its old self, tables and all, under another name: nothing is deleted.
  for (const retired of plan.retired ?? []) {
    for (const table of retired.tables) workbook.tables.getItem(table.from).name = table.to;
    workbook.worksheets.getItem(retired.sheet).name = retired.to;
  }
  const recreated = plan.sheets.map((s) => ({
    planned: s.planned,
    sheet: queueSheet(workbook, s.planned),
  }));
  for (const retired of plan.retired ?? []) {
    const laidOut = recreated.find((r) => r.planned.name === retired.sheet);
    if (laidOut && retired.position >= 0) laidOut.sheet.position = retired.position;
  }
  const blocks = plan.blocks.map((b) => {
    const sheet = workbook.worksheets.getItem(b.sheet);
    queueContent(sheet, b.planned);
    queueNames(workbook, b.planned);
    return { planned: b.planned, sheet };
  });
  for (const name of plan.names) {
    if (name.previous === undefined) workbook.names.add(name.name, name.formula);
    else workbook.names.getItem(name.name).formula = name.formula;
  }
  for (const added of plan.columns) {
    const table = workbook.tables.getItem(added.table);
    const created = table.columns.add(added.index, undefined, added.header);
    if (added.formula) created.getDataBodyRange().formulas = filled(added.rows, added.formula);
    // Migrated values are user data: text goes in as text ("1-2" stays text, "=x" is no formula).
    if (added.values)
      created.getDataBodyRange().values = added.values.map((row) =>
        row.map((value) => constant(value))
      ) as (string | number)[][];
    if (added.total) created.getTotalRowRange().formulas = [[added.total]];
  }
  for (const { planned, sheet } of recreated) queueFormulasAndFormats(sheet, planned);
  for (const { planned, sheet } of blocks) queueFormulasAndFormats(sheet, planned, false);
  for (const added of plan.charts)
    queueChart(workbook.worksheets.getItem(added.sheet), added.chart);
  for (const cell of plan.cells)
    restoreRange(workbook, cell).formulas = cell.formulas as string[][];
  for (const format of plan.formats) {
    const body = column(workbook, format.table, format.header).getDataBodyRange();
    if (format.numberFormat) body.numberFormat = filled(format.rows, format.numberFormat);
    if (format.rowNumberFormats) body.numberFormat = format.rowNumberFormats as string[][];
    if (format.validation) {
      // Range.dataValidation is a navigation property: nothing is read, so no load or sync is needed.
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
      const validation = body.dataValidation;
      validation.clear();
      applyValidation(validation, format.validation);
    }
    for (const rule of format.conditionalFormats ?? []) addHighlight(body, rule);
  }
  queueStamps(
    workbook,
    plan.stamps.map((s) => ({
      row: s.row,
      value: stamp,
      version: s.version?.next,
      names: s.names?.next,
    }))
  );
}

function queueStamps(
  workbook: Excel.Workbook,
  stamps: { row: MetadataStamp["row"]; value: string; version?: number; names?: string }[]
): void {
  queueStoreCells(
    workbook,
    stamps.flatMap(({ row, value, version, names }) => [
      { row, column: UPDATED_COLUMN, value },
      ...(version === undefined ? [] : [{ row, column: VERSION_COLUMN, value: version }]),
      ...(names === undefined ? [] : [{ row, column: NAMES_COLUMN, value: names }]),
    ])
  );
}

/** A cell's earlier content as `formulas` input: formulas as they were, text marked as text. */
export function asWritten(formula: RawCell, value: RawCell): string | number | boolean {
  const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
  if (isFormula || typeof formula !== "string" || formula === "") return formula;
  return `'${formula}`;
}

/**
 * Undoes a refresh whose write failed part way (or whose recalculation failed after it): puts back
 * every cell, number format, validation rule and name it changed, removes the conditional formats,
 * columns and sheets it added, gives retired sheets and tables their names back, and restores the
 * stamps. Two syncs: one to see what the failed write
 * left, one to undo it. Not restored exactly: a column whose validation was mixed before ("Inconsistent")
 * is left without validation.
 */
export async function undoRefresh(
  host: { excel: { run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> } },
  plan: RefreshPlan
): Promise<void> {
  await host.excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const names = workbook.names.load("items/name");
    const renames = plan.renames ?? [];
    const touched = [
      ...new Set([...plan.columns.map((c) => c.table), ...renames.map((r) => r.table)]),
    ].map((table) => ({
      table,
      columns: workbook.tables.getItem(table).columns.load("items/name"),
    }));
    // What the additions made, if the failed write got that far: tables by name, charts by title.
    const addedTables = plan.blocks.flatMap((b) =>
      b.planned.tables.map((t) => workbook.tables.getItemOrNullObject(t.name))
    );
    const addedCharts = [
      ...plan.blocks.flatMap((b) =>
        b.planned.charts.map((c) => ({ sheet: b.sheet, title: c.title }))
      ),
      ...plan.charts.map((c) => ({ sheet: c.sheet, title: c.chart.title })),
    ].map(({ sheet, title }) =>
      workbook.worksheets.getItem(sheet).charts.getItemOrNullObject(title)
    );
    const addedNames = plan.blocks.flatMap((b) =>
      b.planned.names.map((n) => workbook.names.getItemOrNullObject(n.name))
    );
    const retiredTables = (plan.retired ?? []).flatMap((r) =>
      r.tables.map((t) => ({ ...t, found: workbook.tables.getItemOrNullObject(t.to) }))
    );
    for (const found of [
      ...addedTables,
      ...addedCharts,
      ...addedNames,
      ...retiredTables.map((t) => t.found),
    ])
      found.load("name");
    const formats = plan.formats
      .filter((f) => !f.added && f.conditionalFormats)
      .map((f) => ({
        f,
        found: column(workbook, f.table, f.header)
          .getDataBodyRange()
          .conditionalFormats.load("items/id"),
      }));
    await context.sync();

    // A rename the failed write did not reach is made now, so the undo below finds every column by
    // the plan's header; every rename is reversed last.
    const named = (table: string, header: string) =>
      touched
        .find((t) => t.table === table)
        ?.columns.items.some((c) => c.name.toLowerCase() === header.toLowerCase()) === true;
    for (const rename of renames)
      if (named(rename.table, rename.from) && !named(rename.table, rename.to))
        workbook.tables.getItem(rename.table).columns.getItem(rename.from).name = rename.to;
    const before = new Set(plan.formats.flatMap((f) => f.previousConditionalFormatIds ?? []));
    for (const { found } of formats)
      for (const cf of found.items) if (!before.has(cf.id)) cf.delete();
    for (const format of plan.formats) {
      if (format.added) continue;
      const body = column(workbook, format.table, format.header).getDataBodyRange();
      if (format.previousNumberFormats)
        body.numberFormat = format.previousNumberFormats as string[][];
      const previous = format.previousValidation;
      if (format.validation) {
        body.dataValidation.clear();
        if (previous?.rule && previous.type !== "None" && previous.type !== "Inconsistent")
          body.dataValidation.rule = previous.rule as Excel.DataValidationRule;
        const prompt = previous?.prompt as Excel.DataValidationPrompt | undefined;
        // A prompt with no title and no message is how Office.js reads "no prompt": nothing to put back.
        if (prompt?.title || prompt?.message) body.dataValidation.prompt = prompt;
      }
    }
    for (const cell of plan.cells)
      restoreRange(workbook, cell).formulas = cell.previous.formulas.map((row, r) =>
        row.map((formula, c) => asWritten(formula, cell.previous.values[r][c]))
      );
    for (const added of [...plan.columns].reverse()) {
      const columns = touched.find((t) => t.table === added.table)?.columns.items ?? [];
      if (columns.some((c) => c.name === added.header))
        column(workbook, added.table, added.header).delete();
    }
    // Sheets the refresh made go first, so the names below can point at the sheets they left.
    const sheetSet = new Set(sheets.items.map((s) => s.name.toLowerCase()));
    // A sheet laid out anew is the refresh's only once the old one has moved aside: else it is the old.
    const made = (name: string) =>
      sheetSet.has(name.toLowerCase()) &&
      (plan.retired ?? []).every(
        (r) => r.sheet.toLowerCase() !== name.toLowerCase() || sheetSet.has(r.to.toLowerCase())
      );
    for (const { planned } of plan.sheets)
      if (made(planned.name)) workbook.worksheets.getItem(planned.name).delete();
    for (const retired of plan.retired ?? [])
      if (sheetSet.has(retired.to.toLowerCase()))
        workbook.worksheets.getItem(retired.to).name = retired.sheet;
    for (const table of retiredTables) if (!table.found.isNullObject) table.found.name = table.from;
    const nameSet = new Set(names.items.map((n) => n.name.toLowerCase()));
    for (const name of plan.names) {
      if (!nameSet.has(name.name.toLowerCase())) continue;
      if (name.previous === undefined) workbook.names.getItem(name.name).delete();
      else workbook.names.getItem(name.name).formula = name.previous;
    }
    for (const found of addedCharts) if (!found.isNullObject) found.delete();
    for (const found of addedTables) if (!found.isNullObject) found.delete();
    for (const found of addedNames) if (!found.isNullObject) found.delete();
    for (const block of plan.blocks)
      workbook.worksheets.getItem(block.sheet).getRange(block.area).clear("All");
    for (const rename of renames)
      if (named(rename.table, rename.from) || named(rename.table, rename.to))
        workbook.tables.getItem(rename.table).columns.getItem(rename.to).name = rename.from;
    queueStamps(
      workbook,
      plan.stamps.map((s) => ({
        row: s.row,
        value: s.previous,
        version: s.version?.previous,
        names: s.names?.previous,
      }))
    );
    await context.sync();
  });
}
