/**
 * Synchronous, read-only views of the fake workbook for assertions, and snapshot() for
 * "a failure leaves the workbook as it was" checks. Addresses are A1 within the named sheet.
 */
import { Rect, columnLetters, formatRect, parseAddress, qualifiedAddress } from "./addresses";
import { readGrid, setCachedValue, storedCells, uniform } from "./model/cells";
import { ruleType } from "./model/validation";
import { nameFormula } from "./model/names";
import { tableRect } from "./model/tables";
import {
  CellFormat,
  CellValue,
  ChartData,
  ColorScaleCriteria,
  DEFAULT_FORMAT,
  PageLayoutData,
  SheetData,
} from "./model/types";
import { WorkbookModel } from "./model/workbook";

export interface CellSnapshot {
  /** Constant, or the cached value a test set for a formula cell (null if none). */
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  format: CellFormat;
}

export interface TableSnapshot {
  name: string;
  sheet: string;
  /** Whole table including header and (if shown) totals row, e.g. "A1:C6". */
  address: string;
  headers: string[];
  style: string;
  showTotals: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
}

export interface NameSnapshot {
  name: string;
  /** e.g. "=Inputs!$B$5", or "=#REF!$B$5" after its sheet was deleted. */
  formula: string;
  comment: string;
  visible: boolean;
}

export interface ValidationSnapshot {
  type: string;
  rule: Record<string, unknown> | null;
  prompt: { message: string; title: string; showPrompt: boolean } | null;
  errorAlert: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

export interface ConditionalFormatSnapshot {
  address: string;
  type: string;
  rule: { formula1: string; formula2?: string; operator: string } | null;
  /** Only on a ColorScale format. */
  criteria?: ColorScaleCriteria;
  format: {
    fill: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
  };
  stopIfTrue: boolean;
}

export type ChartSnapshot = Omit<ChartData, "id">;

export interface SheetSnapshot {
  name: string;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  protected: boolean;
  protectionOptions: Record<string, unknown>;
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutData;
  columnWidths: Record<string, number>;
  rowHeights: Record<string, number>;
  merges: string[];
  /** Non-empty cells by A1 address; format lists only what differs from Excel's default. */
  cells: Record<
    string,
    {
      value: CellValue;
      formula: string | null;
      numberFormat: string;
      format: Partial<CellFormat>;
      validation: ValidationSnapshot | null;
    }
  >;
  conditionalFormats: ConditionalFormatSnapshot[];
  charts: ChartSnapshot[];
}

export interface WorkbookSnapshot {
  activeSheet: string;
  calculationMode: string;
  sheets: SheetSnapshot[];
  tables: TableSnapshot[];
  names: NameSnapshot[];
  settings: Record<string, unknown>;
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function formatDiff(format: CellFormat): Partial<CellFormat> {
  const diff: Record<string, unknown> = {};
  for (const key of Object.keys(DEFAULT_FORMAT) as (keyof CellFormat)[]) {
    if (format[key] !== DEFAULT_FORMAT[key]) diff[key] = format[key];
  }
  return diff as Partial<CellFormat>;
}

export class WorkbookState {
  constructor(private readonly model: WorkbookModel) {}

  private sheet(name: string): SheetData {
    const sheet = this.model.findSheet(name);
    if (!sheet) {
      throw new Error(
        `The fake workbook has no sheet "${name}" (sheets: ${this.sheetNames().join(", ")}).`
      );
    }
    return sheet;
  }

  private rect(address: string): Rect {
    return parseAddress(address).rect;
  }

  sheetNames(): string[] {
    return this.model.sheets.map((sheet) => sheet.name);
  }

  activeSheet(): string {
    return this.model.activeSheet().name;
  }

  /** One cell; its format is complete (defaults included). */
  cell(sheet: string, address: string): CellSnapshot {
    const rect = this.rect(address);
    if (rect.top !== rect.bottom || rect.left !== rect.right)
      throw new Error(`cell() takes one cell, not ${address}.`);
    const cell = this.model.cellAt(this.sheet(sheet), rect.top, rect.left);
    return clone({
      value: cell?.value ?? null,
      formula: cell?.formula ?? null,
      numberFormat: cell?.numberFormat ?? "General",
      format: cell?.format ?? DEFAULT_FORMAT,
    });
  }

  /** Stored values: null for empty cells and for formula cells without a cached value. */
  values(sheet: string, address: string): CellValue[][] {
    return readGrid(this.sheet(sheet), this.rect(address), (cell) => cell.value);
  }

  /** Formula text, or the constant for non-formula cells (null when empty). */
  formulas(sheet: string, address: string): (CellValue | string)[][] {
    return readGrid(this.sheet(sheet), this.rect(address), (cell) => cell.formula ?? cell.value);
  }

  numberFormats(sheet: string, address: string): string[][] {
    return readGrid(this.sheet(sheet), this.rect(address), (cell) => cell.numberFormat);
  }

  /** Width of a column ("B") in points; Excel's default is 48. */
  columnWidth(sheet: string, column: string): number {
    return this.sheet(sheet).columnWidths.get(this.rect(`${column}:${column}`).left) ?? 48;
  }

  tables(): TableSnapshot[] {
    return this.model.tables.map((table) => ({
      name: table.name,
      sheet: this.model.sheetById(table.sheetId)!.name,
      address: formatRect(tableRect(table)),
      headers: [...table.headers],
      style: table.style,
      showTotals: table.showTotals,
      showBandedRows: table.showBandedRows,
      showBandedColumns: table.showBandedColumns,
      showFilterButton: table.showFilterButton,
    }));
  }

  names(): NameSnapshot[] {
    return this.model.names.map((name) => ({
      name: name.name,
      formula: nameFormula(this.model, name),
      comment: name.comment,
      visible: name.visible,
    }));
  }

  charts(sheet: string): ChartSnapshot[] {
    return this.sheet(sheet).charts.map((chart) => {
      const copy: Partial<ChartData> = clone(chart);
      delete copy.id;
      return copy as ChartSnapshot;
    });
  }

  /** The range's validation if all its cells share it, null when they have none. */
  validation(sheet: string, address: string): ValidationSnapshot | null {
    const data = this.sheet(sheet);
    const rect = this.rect(address);
    const shared = uniform(data, rect, (cell) => cell.validation);
    if (shared === null) {
      const mixed = storedCells(data, rect).some(([, , cell]) => cell.validation !== null);
      if (mixed) throw new Error(`Cells of ${address} have different data validation.`);
      return null;
    }
    return clone({ type: ruleType(shared.rule), ...shared });
  }

  conditionalFormats(sheet: string): ConditionalFormatSnapshot[] {
    return this.sheet(sheet).conditionalFormats.map((cf) =>
      clone({
        address: formatRect(cf.rect),
        type: cf.type,
        rule: cf.rule,
        ...(cf.criteria ? { criteria: cf.criteria } : {}),
        format: cf.format,
        stopIfTrue: cf.stopIfTrue,
      })
    );
  }

  visibility(sheet: string): string {
    return this.sheet(sheet).visibility;
  }

  protected(sheet: string): boolean {
    return this.sheet(sheet).protection.protected;
  }

  freeze(sheet: string): { rows: number; columns: number } {
    return { ...this.sheet(sheet).freeze };
  }

  pageLayout(sheet: string): PageLayoutData {
    return clone(this.sheet(sheet).pageLayout);
  }

  /** workbook.settings as key -> value. */
  settings(): Record<string, unknown> {
    return clone(Object.fromEntries(this.model.settings.map((s) => [s.key, s.value])));
  }

  /** "Sheet1!A1:B2" of the last Range.select(), or null. */
  selection(): string | null {
    const selection = this.model.selection;
    const sheet = selection && this.model.sheetById(selection.sheetId);
    return sheet && selection ? qualifiedAddress(sheet.name, selection.rect) : null;
  }

  calculationMode(): string {
    return this.model.calculationMode;
  }

  /** How many syncs ran with suspendApiCalculationUntilNextSync in effect. */
  suspendedCalculationSyncs(): number {
    return this.model.suspendedCalculationSyncs;
  }

  /** Test setup: the result a formula cell would show (the fake never calculates). */
  setCachedValue(sheet: string, address: string, value: CellValue): void {
    setCachedValue(this.sheet(sheet), this.rect(address), value);
  }

  /** A deep, plain copy of everything observable, for toEqual comparisons. */
  snapshot(): WorkbookSnapshot {
    return {
      activeSheet: this.activeSheet(),
      calculationMode: this.model.calculationMode,
      sheets: this.model.sheets.map((sheet) => this.sheetSnapshot(sheet)),
      tables: this.tables(),
      names: this.names(),
      settings: this.settings(),
    };
  }

  private sheetSnapshot(sheet: SheetData): SheetSnapshot {
    const cells: SheetSnapshot["cells"] = {};
    const whole = { top: 0, left: 0, bottom: 1048575, right: 16383 };
    for (const [r, c, cell] of storedCells(sheet, whole).sort(
      (a, b) => a[0] - b[0] || a[1] - b[1]
    )) {
      cells[`${columnLetters(c)}${r + 1}`] = clone({
        value: cell.value,
        formula: cell.formula,
        numberFormat: cell.numberFormat,
        format: formatDiff(cell.format),
        validation: cell.validation && { type: ruleType(cell.validation.rule), ...cell.validation },
      });
    }
    const byKey = (map: Map<number, number>, key: (n: number) => string) =>
      Object.fromEntries([...map.entries()].sort(([a], [b]) => a - b).map(([n, v]) => [key(n), v]));
    return {
      name: sheet.name,
      visibility: sheet.visibility,
      tabColor: sheet.tabColor,
      showGridlines: sheet.showGridlines,
      protected: sheet.protection.protected,
      protectionOptions: clone(sheet.protection.options),
      freeze: { ...sheet.freeze },
      pageLayout: clone(sheet.pageLayout),
      columnWidths: byKey(sheet.columnWidths, columnLetters),
      rowHeights: byKey(sheet.rowHeights, (n) => String(n + 1)),
      merges: [...sheet.merges],
      cells,
      conditionalFormats: this.conditionalFormats(sheet.name),
      charts: this.charts(sheet.name),
    };
  }
}
