import { Buffer } from "buffer";
import ExcelJS from "exceljs";
import { CellValue } from "../domain/cellValue";
import { FocusImport } from "../domain/focus/focusTypes";
import { rangeBounds } from "../workbook/addresses";
import { COST_DATA_MARKER, planCostDataSheet } from "../workbook/costData/costDataSheet";
import { costImportTarget, markedSheet } from "../workbook/costData/costImportTarget";
import {
  forPeriods,
  KpiActualChange,
  KpiActualsPlan,
  KpiTrackerGrid,
  planKpiActuals,
} from "../workbook/costData/kpiActuals";
import { METADATA_SHEET } from "../workbook/metadata";
import { carryCharts } from "./charts/carryCharts";
import { apiFormula } from "./formulas";
import { carryPrint } from "./carryPrint";
import { writeSheet } from "./sheet";

/** A workbook this command would damage by rewriting it (ExcelJS drops what it cannot read). */
export class WorkbookNotWritable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookNotWritable";
  }
}

/**
 * Parts ExcelJS reads but cannot write back: a file holding them (a user added a pivot table in
 * Excel) is refused instead of silently losing them. Charts are carried over (carryCharts). Zip entry
 * names are stored uncompressed, so finding them in the bytes is enough.
 */
const LOST_ON_REWRITE = [
  ["xl/pivotTables/", "pivot tables"],
  ["xl/slicers/", "slicers"],
  ["xl/timelines/", "timelines"],
] as const;

export interface XlsxImport {
  readonly workbook: ExcelJS.Workbook;
  readonly costDataSheet: string;
  readonly replaced?: string;
  readonly kpi: KpiActualsPlan;
  /** The changes written (the confirmed periods'). */
  readonly written: readonly KpiActualChange[];
}

/**
 * The filled workbook as file bytes, with the original file's charts and print layout (column breaks,
 * print areas of several ranges) put back: ExcelJS drops them.
 */
export async function importedBytes(
  original: Uint8Array,
  workbook: ExcelJS.Workbook
): Promise<Buffer> {
  const withCharts = await carryCharts(original, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return carryPrint(original, new Uint8Array(withCharts));
}

/**
 * Fills a workbook file the way the add-in fills the open workbook (src/excel/importCostData.ts): the
 * Cost data sheet (replacing the one an earlier import wrote, found by its marker name) and the
 * confirmed periods' KPI actuals. Returns the changed workbook; the caller writes it.
 */
export async function importIntoWorkbook(
  file: Buffer,
  result: FocusImport,
  periods: readonly string[] | "all",
  now: Date
): Promise<XlsxImport> {
  const lost = LOST_ON_REWRITE.filter(([entry]) => file.includes(entry)).map(([, what]) => what);
  if (lost.length > 0)
    throw new WorkbookNotWritable(
      `The workbook holds ${lost.join(" and ")}, which this command cannot write back; import with the add-in in Excel instead.`
    );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const store = workbook.getWorksheet(METADATA_SHEET);
  const target = costImportTarget(store ? sheetValues(store) : []);

  const markerRange = workbook.definedNames.model.find((n) => n.name === COST_DATA_MARKER)
    ?.ranges[0];
  const oldName = markedSheet(markerRange && `=${markerRange}`);
  const old = workbook.worksheets.find((w) => w.name.toLowerCase() === oldName?.toLowerCase());
  const previous = old && { sheet: old.name, table: tableNames(old)[0] };
  const sheets = workbook.worksheets.map((w) => w.name);
  const tablesAndNames = [
    ...workbook.worksheets.flatMap(tableNames),
    ...workbook.definedNames.model.map((n) => n.name),
  ];
  const planned = planCostDataSheet(
    result,
    target.currency,
    { sheets, tablesAndNames },
    previous,
    now
  );
  const grid = target.trackerTable ? readTable(workbook, target.trackerTable) : undefined;
  const kpi = planKpiActuals(result, grid);
  const written = forPeriods(kpi, periods);

  const position = old && (old as Ordered).orderNo;
  if (markerRange) workbook.definedNames.remove(markerRange, COST_DATA_MARKER);
  if (old) workbook.removeWorksheet(old.id);
  writeSheet(workbook, planned);
  const added = workbook.getWorksheet(planned.name);
  // In the replaced sheet's place among the tabs.
  if (added && position !== undefined) (added as Ordered).orderNo = position;
  const quoted = `'${planned.name.replace(/'/g, "''")}'`;
  for (const name of planned.names)
    workbook.definedNames.add(`${quoted}!${name.address}`, name.name);
  for (const change of written)
    (workbook.getWorksheet(change.sheet) as ExcelJS.Worksheet).getCell(change.address).value =
      change.newValue;
  keepPrintAreasAbsolute(workbook);
  workbook.calcProperties.fullCalcOnLoad = true;
  return { workbook, costDataSheet: planned.name, replaced: old?.name, kpi, written };
}

/** ExcelJS keeps the tab order in orderNo, which its typings leave out. */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

/** The names of a sheet's tables (ExcelJS's getTables() is mistyped). */
function tableNames(sheet: ExcelJS.Worksheet): string[] {
  return Object.keys((sheet as unknown as { tables: Record<string, unknown> }).tables);
}

/** A sheet's cells as rows of values from A1 (ExcelJS's are 1-based and sparse). */
function sheetValues(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const values = row.values as unknown[];
    rows[r - 1] = values.slice(1).map((v) => plain(v as ExcelJS.CellValue));
  });
  return Array.from(rows, (row) => row ?? []);
}

/** A cell's value as the add-in reads it: a formula's result, rich text as text. */
function plain(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if ("formula" in value || "sharedFormula" in value)
    return plain((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
  if ("richText" in value) return value.richText.map((t) => t.text).join("");
  if ("error" in value) return { code: value.error } as CellValue;
  if ("text" in value) return String(value.text);
  return null;
}

/** The KPI table's cells, header row first, with the formulas users typed. */
function readTable(workbook: ExcelJS.Workbook, name: string): KpiTrackerGrid | undefined {
  for (const sheet of workbook.worksheets) {
    const table = sheet.getTable(name) as
      (ExcelJS.Table & { table?: { tableRef?: string; ref?: string } }) | undefined;
    const ref = table?.table?.tableRef ?? table?.table?.ref;
    if (!table || !ref) continue;
    const { top, left, bottom, right } = rangeBounds(ref);
    const values: CellValue[][] = [];
    const formulas: unknown[][] = [];
    for (let r = top; r <= bottom; r++) {
      const row: CellValue[] = [];
      const typed: unknown[] = [];
      for (let c = left; c <= right; c++) {
        const found = sheet.findCell(r + 1, c + 1);
        const value = found?.value ?? null;
        row.push(plain(value));
        typed.push(found?.formula ? apiFormula(found.formula) : value);
      }
      values.push(row);
      formulas.push(typed);
    }
    return { sheet: sheet.name, address: ref, values, formulas };
  }
  return undefined;
}

/**
 * ExcelJS reads a print area "$A$1:$N$40" back as "A1:N40" and writes it as the mixed "$A1:$N40";
 * giving the rows their "$" again keeps every sheet's print area as the generator wrote it.
 */
function keepPrintAreasAbsolute(workbook: ExcelJS.Workbook): void {
  for (const sheet of workbook.worksheets) {
    const area = sheet.pageSetup.printArea;
    if (!area || sheet.name.includes("'")) continue;
    sheet.pageSetup.printArea = area
      .replace(/\$/g, "")
      .split(":")
      .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$1$$$2"))
      .join(":");
  }
}
