import { CellValue } from "../domain/cellValue";
import { FocusImport } from "../domain/focus/focusTypes";
import { COST_DATA_MARKER, planCostDataSheet } from "../workbook/costData/costDataSheet";
import { costImportTarget, freeName, markedSheet } from "../workbook/costData/costImportTarget";
import {
  describeChange,
  forPeriods,
  KpiActualChange,
  planKpiActuals,
} from "../workbook/costData/kpiActuals";
import { METADATA_SHEET } from "../workbook/metadata";
import { PlannedSheet } from "../workbook/plan";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";
import { constant, queueFormulasAndFormats, queueNames, queueSheet } from "./writePlan";

export interface CostImportPreview {
  /** The sheet the aggregates go to ("Cost data", or a free name when a user's sheet has it). */
  readonly costDataSheet: string;
  /** The earlier import's sheet this one replaces, if any. */
  readonly replaces?: string;
  /** Every KPI cell the import could fill, with the value it holds now. */
  readonly kpiChanges: readonly KpiActualChange[];
  /** Months ("2026-01") the user can confirm. */
  readonly periods: readonly string[];
  /** What is not filled and why. */
  readonly notes: readonly string[];
}

export interface CostImportResult {
  readonly costDataSheet: string;
  /** One line per KPI cell written, old value first. */
  readonly changes: readonly string[];
  readonly notes: readonly string[];
}

/** What the read syncs found: the plan for this workbook as it is now. */
interface ImportRead {
  readonly planned: PlannedSheet;
  readonly previous?: { id: string; name: string; table?: string; position: number };
  /** The marker name as it was (possibly #REF! after a user deleted the sheet), to delete and restore. */
  readonly marker?: string;
  readonly preview: CostImportPreview;
  readonly sheets: readonly string[];
  readonly tablesAndNames: readonly string[];
}

/**
 * Shows what importing would do: the Cost data sheet's name and the KPI cells with their current
 * values (they are inputs: the user sees what is replaced before confirming periods). Two syncs.
 */
export async function previewCostImport(
  result: FocusImport,
  host: ExcelHost = officeHost()
): Promise<CostImportPreview> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(
      async (context) => (await readForImport(context, result, host)).preview
    );
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

/**
 * Writes the Cost data sheet (replacing the one an earlier import wrote, never a user's sheet) and the
 * confirmed periods' KPI actuals. Four syncs whatever the number of aggregates: two reads, one write
 * with calculation suspended, one to recalculate and remove the replaced sheet. A failure at any sync
 * puts the workbook back as it was (the new sheet and marker removed, the replaced sheet, its table and
 * marker restored, each KPI cell given back its old value or formula).
 */
export async function applyCostImport(
  result: FocusImport,
  confirm: { readonly periods: readonly string[] | "all" },
  host: ExcelHost = officeHost()
): Promise<WithUndo<CostImportResult>> {
  checkHost(host.requirements);
  return asOneUndoStep(host, (h) => importCosts(result, confirm, h));
}

async function importCosts(
  result: FocusImport,
  confirm: { readonly periods: readonly string[] | "all" },
  host: ExcelHost
): Promise<Reverting<CostImportResult>> {
  let written = undefined as Written | undefined;
  try {
    return await host.excel.run(async (context) => {
      const read = await readForImport(context, result, host);
      const changes = forPeriods(
        { ...read.preview, changes: read.preview.kpiChanges, available: read.preview.periods },
        confirm.periods
      );
      const workbook = context.workbook;
      const previous = read.previous;
      const tempSheet =
        previous && freeName(previous.name, [...read.sheets, read.planned.name], "sheet");
      const tempTable =
        previous?.table &&
        freeName(
          previous.table,
          [...read.tablesAndNames, ...read.planned.tables.map((t) => t.name)],
          "table"
        );
      written = { read, changes, tempTable };

      workbook.application.suspendApiCalculationUntilNextSync();
      // The replaced sheet steps aside (renamed, removed only after the last write went through), so
      // the new one takes its name and the undo can give it back.
      if (previous && tempSheet) {
        const old = workbook.worksheets.getItem(previous.id);
        old.name = tempSheet;
        if (previous.table && tempTable) old.tables.getItem(previous.table).name = tempTable;
      }
      if (read.marker !== undefined) workbook.names.getItem(COST_DATA_MARKER).delete();
      const sheet = queueSheet(workbook, read.planned);
      queueNames(workbook, read.planned);
      queueFormulasAndFormats(sheet, read.planned);
      if (previous) sheet.position = previous.position;
      for (const change of changes)
        workbook.worksheets.getItem(change.sheet).getRange(change.address).values = [
          [change.newValue],
        ];
      sheet.activate();
      await context.sync();

      workbook.application.calculate("Full");
      if (previous) workbook.worksheets.getItem(previous.id).delete();
      await context.sync();
      const done: Written = { read, changes, tempTable };
      return {
        // The sheet an earlier import wrote is gone now: only Excel's own undo could bring it back.
        revert: previous ? null : () => undoImport(host, done),
        costDataSheet: read.planned.name,
        changes: changes.map(describeChange),
        notes: read.preview.notes,
      };
    });
  } catch (error) {
    const failure = explain(error, "Importing the cost data");
    if (!written) throw failure;
    const undone = await undoImport(rollbackHost(host), written).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: the workbook is as it was before the import.`
        : `${failure.message} The import could not be fully undone: check the "${written.read.planned.name}" sheet and the KPI tracker's values.`,
      failure.code,
      !undone
    );
  }
}

/** Sync 1: names in use, the store and the marker; sync 2: the tracker's table and the old sheet's table. */
async function readForImport(
  context: Excel.RequestContext,
  result: FocusImport,
  host: ExcelHost
): Promise<ImportRead> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name,items/id,items/position");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name,items/formula");
  const store = workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
  const used = store.getUsedRangeOrNullObject(true);
  used.load("values");
  await context.sync();

  const target = costImportTarget(store.isNullObject || used.isNullObject ? [] : used.values);
  const marker = names.items.find((n) => n.name.toLowerCase() === COST_DATA_MARKER.toLowerCase());
  const markedName = markedSheet(marker?.formula);
  const old = sheets.items.find((s) => s.name.toLowerCase() === markedName?.toLowerCase());
  const oldTables = old?.tables.load("items/name");
  const tracker = target.trackerTable
    ? workbook.tables.getItemOrNullObject(target.trackerTable)
    : undefined;
  const trackerRange = tracker?.getRange();
  trackerRange?.load("values,formulas,address");
  await context.sync();

  const grid =
    tracker && trackerRange && !tracker.isNullObject
      ? {
          sheet: sheetOf(trackerRange.address),
          address: trackerRange.address.split("!").pop() as string,
          values: trackerRange.values as CellValue[][],
          formulas: trackerRange.formulas,
        }
      : undefined;
  const previous = old && {
    id: old.id,
    name: old.name,
    position: old.position,
    table: oldTables?.items[0]?.name,
  };
  const existing = {
    sheets: sheets.items.map((s) => s.name),
    tablesAndNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
  };
  const planned = planCostDataSheet(
    result,
    target.currency,
    existing,
    previous && { sheet: previous.name, table: previous.table },
    nowOf(host)
  );
  const kpi = planKpiActuals(result, grid);
  return {
    planned,
    previous,
    marker: marker?.formula,
    sheets: existing.sheets,
    tablesAndNames: existing.tablesAndNames,
    preview: {
      costDataSheet: planned.name,
      ...(previous ? { replaces: previous.name } : {}),
      kpiChanges: kpi.changes,
      periods: kpi.available,
      notes: kpi.notes,
    },
  };
}

/** "'KPI tracker'!A9:AC25" -> "KPI tracker". */
function sheetOf(address: string): string {
  const sheet = address.slice(0, address.lastIndexOf("!"));
  return sheet.startsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** What the write started from: enough to put everything back. */
interface Written {
  readonly read: ImportRead;
  readonly changes: readonly KpiActualChange[];
  /** The name the replaced sheet's table is given while the new table takes its name. */
  readonly tempTable?: string;
}

/** Puts back what a failed import changed; every step checks what is there, since the write may have stopped anywhere. */
async function undoImport(host: ExcelHost, written: Written): Promise<void> {
  const { read, changes, tempTable } = written;
  await host.excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name,items/id");
    const names = workbook.names.load("items/name");
    const tables = workbook.tables.load("items/name");
    await context.sync();
    const previous = read.previous;
    const fresh = sheets.items.find(
      (s) => s.name.toLowerCase() === read.planned.name.toLowerCase() && s.id !== previous?.id
    );
    const marker = names.items.find((n) => n.name.toLowerCase() === COST_DATA_MARKER.toLowerCase());
    if (marker) workbook.names.getItem(marker.name).delete();
    fresh?.delete();
    const old = previous && sheets.items.find((s) => s.id === previous.id);
    if (previous && old && old.name !== previous.name) old.name = previous.name;
    if (previous?.table && tables.items.some((t) => t.name === tempTable))
      workbook.tables.getItem(tempTable as string).name = previous.table;
    if (read.marker !== undefined) workbook.names.add(COST_DATA_MARKER, read.marker);
    for (const change of changes) {
      const before: CellValue = change.oldFormula ?? change.oldValue;
      // "" clears a cell (null would leave the new value); text goes back as text.
      workbook.worksheets.getItem(change.sheet).getRange(change.address).values = [
        [before === null || before === undefined ? "" : (change.oldFormula ?? constant(before))],
      ];
    }
    await context.sync();
  });
}
