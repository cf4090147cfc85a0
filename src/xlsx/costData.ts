import { FocusImport } from "../domain/focus/focusTypes";
import { cellPosition, rangeBounds } from "../workbook/addresses";
import { COST_DATA_MARKER, planCostDataSheet } from "../workbook/costData/costDataSheet";
import { costImportTarget, markedSheet } from "../workbook/costData/costImportTarget";
import {
  KpiActualChange,
  KpiActualsPlan,
  KpiTrackerGrid,
  planKpiActuals,
} from "../workbook/costData/kpiActuals";
import { RawCell } from "../workbook/maintain/readBack";
import { METADATA_SHEET } from "../workbook/metadata";
import { PlannedSheet } from "../workbook/plan";
import { addSheets } from "./edit/addSheets";
import { CellWrite } from "./edit/cellWrites";
import { PackageEdit } from "./edit/packageEdit";
import { replaceSheet } from "./edit/replaceSheet";
import { withCachedValues } from "./maintain/cachedValues";
import { storeGrid, WorkbookFile } from "./read/readWorkbookFile";
import { cellAt } from "./read/sheetCells";

/**
 * A FOCUS import into a workbook file, as the add-in imports into the open workbook
 * (src/excel/importCostData.ts), planned from the file's read-back by the same pure planners: the
 * Cost data sheet, replacing the one an earlier import wrote (found by its marker name, never a
 * user's sheet of the same name), and the KPI tracker's actuals.
 */
export interface FileImport {
  readonly planned: PlannedSheet;
  /** The earlier import's sheet, which the new one replaces at its tab. */
  readonly replaced?: string;
  /** Whether the workbook has the marker name (pointing at #REF! when a user deleted the sheet). */
  readonly marked: boolean;
  readonly kpi: KpiActualsPlan;
}

export function planFileImport(file: WorkbookFile, result: FocusImport, now: Date): FileImport {
  const target = costImportTarget(storeValues(file));
  const names = file.pkg.names.filter((n) => !n.name.startsWith("_xlnm."));
  const marker = names.find(
    (n) => n.localSheetId === undefined && n.name.toLowerCase() === COST_DATA_MARKER.toLowerCase()
  );
  const marked = markedSheet(marker && `=${marker.text}`)?.toLowerCase();
  const old = file.pkg.sheets.find((s) => s.name.toLowerCase() === marked);
  const planned = planCostDataSheet(
    result,
    target.currency,
    {
      sheets: file.readBack.sheetNames,
      tablesAndNames: [...file.readBack.tableNames, ...names.map((n) => n.name)],
    },
    old && {
      sheet: old.name,
      table: file.sheets.get(old.name.toLowerCase())?.objects.tables[0]?.name,
    },
    now
  );
  const grid = target.trackerTable ? trackerGrid(file, target.trackerTable) : undefined;
  return {
    planned,
    ...(old ? { replaced: old.name } : {}),
    marked: marker !== undefined,
    kpi: planKpiActuals(result, grid),
  };
}

/**
 * The import written into the file in place: the new sheet added in the earlier import's place
 * (replaceSheet.ts) or after the last tab, the confirmed KPI actuals written as values, then
 * every template formula's cached value and chart cache drawn from the workbook as it now is
 * (cachedValues.ts). Every part the import does not own stays as it was: pivot tables, slicers,
 * comments, pictures, custom XML, external links.
 */
export async function importIntoFile(
  bytes: Uint8Array,
  plan: FileImport,
  written: readonly KpiActualChange[]
): Promise<Uint8Array> {
  const edit = await PackageEdit.open(bytes);
  // The new sheet's marker takes the name's place.
  if (plan.marked) await edit.changeNames([{ name: COST_DATA_MARKER, formula: null }]);
  if (plan.replaced) await replaceSheet(edit, plan.replaced, plan.planned);
  else await addSheets(edit, [{ planned: plan.planned }]);
  const bySheet = new Map<string, CellWrite[]>();
  for (const change of written)
    bySheet.set(change.sheet, [
      ...(bySheet.get(change.sheet) ?? []),
      { ...cellPosition(change.address), value: change.newValue },
    ]);
  for (const [sheet, writes] of bySheet) await edit.writeCells(sheet, writes);
  return (await withCachedValues(new Uint8Array(await edit.bytes()))).bytes;
}

/** The store's values from A1, as the add-in reads its used range. */
function storeValues(file: WorkbookFile): RawCell[][] {
  const cells = file.sheets.get(METADATA_SHEET.toLowerCase())?.cells;
  return cells ? storeGrid(cells) : [];
}

/** The KPI table's cells, header row first, as Office.js reads a table's range: values and formulas. */
function trackerGrid(file: WorkbookFile, name: string): KpiTrackerGrid | undefined {
  for (const sheet of file.sheets.values()) {
    const table = sheet.objects.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) continue;
    const { top, left, bottom, right } = rangeBounds(table.ref);
    const rows = Array.from({ length: bottom - top + 1 }, (_, r) =>
      Array.from({ length: right - left + 1 }, (_, c) => cellAt(sheet.cells, top + r, left + c))
    );
    return {
      sheet: sheet.sheet.name,
      address: table.ref,
      values: rows.map((row) => row.map((cell) => cell.value)),
      formulas: rows.map((row) => row.map((cell) => cell.formula)),
    };
  }
  return undefined;
}
