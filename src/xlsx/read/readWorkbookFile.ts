import { rangeAddress, rangeBounds } from "../../workbook/addresses";
import { readRequest } from "../../workbook/maintain/expected";
import {
  RawCell,
  ReadColumnRules,
  ReadGrid,
  ReadSheet,
  ReadTable,
  WorkbookReadBack,
} from "../../workbook/maintain/readBack";
import { METADATA_SHEET, readInstances, UPDATED_COLUMN } from "../../workbook/metadata";
import { cellAt, readSheetCells, SheetCells, styleAt } from "./sheetCells";
import { readSheetObjects, SheetObjects } from "./sheetObjects";
import { conditionalFormatIdsOf, readSheetRules, SheetRules, validationOf } from "./sheetRules";
import { openWorkbookPackage, PackageSheet, WorkbookPackage } from "./workbookPackage";

/**
 * The file host's read-back: what src/excel/readWorkbook.ts reads through Office.js, read from an
 * .xlsx package instead, so the pure checks and planners of src/workbook/maintain answer the same
 * for a file as for the open workbook (test/xlsx/read/parity.test.ts holds the two to one answer).
 */
export interface FileSheet {
  readonly sheet: PackageSheet;
  readonly xml: string;
  readonly cells: SheetCells;
  readonly rules: SheetRules;
  readonly objects: SheetObjects;
}

export interface WorkbookFile {
  readonly pkg: WorkbookPackage;
  readonly readBack: WorkbookReadBack;
  /** The sheets read, by lower-case name (the store and every recorded sheet present). */
  readonly sheets: ReadonlyMap<string, FileSheet>;
}

export async function readWorkbookFile(bytes: Uint8Array): Promise<WorkbookFile> {
  const pkg = await openWorkbookPackage(bytes);
  const loaded = new Map<string, FileSheet>();
  const load = async (name: string): Promise<FileSheet | undefined> => {
    const key = name.toLowerCase();
    if (loaded.has(key)) return loaded.get(key);
    const sheet = pkg.sheets.find((s) => s.name.toLowerCase() === key);
    const xml = sheet && (await pkg.text(sheet.path));
    if (!sheet || xml === undefined) return undefined;
    const file: FileSheet = {
      sheet,
      xml,
      cells: readSheetCells(xml, pkg.sharedStrings),
      rules: readSheetRules(xml),
      objects: await readSheetObjects(pkg, sheet.path, xml),
    };
    loaded.set(key, file);
    return file;
  };

  const store = await load(METADATA_SHEET);
  const storeValues = store ? storeGrid(store.cells) : [];
  const rows = readInstances(storeValues);
  const sheetNames = pkg.sheets.map((s) => s.name);
  // Office.js lists workbook-scoped names only; Excel's own (_xlnm.Print_Area...) are sheet-scoped.
  const names = pkg.names
    .filter((n) => n.localSheetId === undefined && !n.name.startsWith("_xlnm."))
    .map((n) => ({ name: n.name, formula: `=${n.text}` }));
  const request =
    rows.length === 0 ? { sheets: [], tables: [] } : readRequest(rows.map((r) => r.template));
  const sheets = await Promise.all(
    request.sheets.map(async (name) => ({ name, file: await load(name) }))
  );
  const tableNames = [
    ...new Set(
      (await Promise.all(pkg.sheets.map(async (s) => (await load(s.name))?.objects.tables ?? [])))
        .flat()
        .map((t) => t.name)
    ),
  ];
  const allTables = [...loaded.values()].flatMap((file) =>
    file.objects.tables.map((table) => ({ file, table }))
  );
  const tables = request.tables.flatMap((wanted): ReadTable[] => {
    const found = allTables.find((t) => t.table.name.toLowerCase() === wanted.name.toLowerCase());
    return found ? [readTable(found.file, found.table, wanted.ruleColumns, pkg.numberFormat)] : [];
  });
  return {
    pkg,
    sheets: loaded,
    readBack: {
      templates: rows.map(({ template, row }) => ({
        record: template,
        metadataRow: row,
        updated: String(storeValues[row]?.[UPDATED_COLUMN] ?? ""),
      })),
      names,
      sheetNames,
      tableNames,
      storeRows: storeValues.length,
      sheets: sheets.map(({ name, file }): ReadSheet => ({
        name,
        used: file ? usedGrid(file.cells) : null,
        charts: file?.objects.charts.map((c) => c.title),
        chartNames: file?.objects.charts.map((c) => c.name),
      })),
      tables,
    },
  };
}

/** The store's values from A1, as getUsedRangeOrNullObject(true) reads a store that starts there. */
export function storeGrid(cells: SheetCells): RawCell[][] {
  // getUsedRangeOrNullObject(true) counts values only: a formatted empty cell adds no row.
  let bottom = -1;
  let right = -1;
  for (const [row, columns] of cells.rows)
    for (const [column, cell] of columns)
      if (cell.value !== "") {
        bottom = Math.max(bottom, row);
        right = Math.max(right, column);
      }
  if (bottom < 0) return [];
  return grid(cells, { top: 0, left: 0, bottom, right }, "value");
}

function grid(
  cells: SheetCells,
  area: { top: number; left: number; bottom: number; right: number },
  field: "value" | "formula"
): RawCell[][] {
  const out: RawCell[][] = [];
  for (let r = area.top; r <= area.bottom; r += 1) {
    const row: RawCell[] = [];
    for (let c = area.left; c <= area.right; c += 1) row.push(cellAt(cells, r, c)[field]);
    out.push(row);
  }
  return out;
}

/** The used range as readWorkbook reads it; a blank sheet reads as one empty A1 cell. */
function usedGrid(cells: SheetCells): ReadGrid {
  const area = cells.bounds;
  if (!area) return { address: "A1", formulas: [[""]], values: [[""]] };
  return {
    address: rangeAddress(area.top, area.left, area.bottom, area.right),
    formulas: grid(cells, area, "formula"),
    values: grid(cells, area, "value"),
  };
}

function readTable(
  file: FileSheet,
  table: SheetObjects["tables"][number],
  ruleColumns: readonly string[],
  numberFormat: (style: number) => string
): ReadTable {
  const whole = rangeBounds(table.ref);
  const bottom = whole.bottom - table.totalsRows;
  const bodyTop = whole.top + table.headerRows;
  const headers = grid(file.cells, { ...whole, bottom: whole.top }, "value")[0].map(String);
  const numberFormats: string[][] = [];
  for (let r = bodyTop; r <= bottom; r += 1) {
    const row: string[] = [];
    for (let c = whole.left; c <= whole.right; c += 1)
      row.push(numberFormat(styleAt(file.cells, r, c)));
    numberFormats.push(row);
  }
  const columnRules: Record<string, ReadColumnRules> = {};
  for (const header of ruleColumns) {
    const index = headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
    if (index < 0) continue;
    const column = whole.left + index;
    const body = { top: bodyTop, bottom, left: column, right: column };
    columnRules[header] = {
      validation: validationOf(file.rules, body),
      conditionalFormatIds: conditionalFormatIdsOf(file.rules, body),
    };
  }
  return {
    name: table.name,
    sheet: file.sheet.name,
    address: rangeAddress(whole.top, whole.left, bottom, whole.right),
    headers,
    showTotals: table.totalsRows > 0,
    numberFormats,
    columnRules,
  };
}
