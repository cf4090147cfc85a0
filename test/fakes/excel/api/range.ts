/** Excel.Range: contents, derived ranges, and its format, validation and conditional formats. */
import {
  MAX_COLUMNS,
  MAX_ROWS,
  Rect,
  checkOnGrid,
  formatRect,
  parseAddress,
  qualifiedAddress,
  rectColumns,
  rectRows,
} from "../addresses";
import { invalidArgument, invalidOperation } from "../errors";
import { ClearApplyTo, checkEnum } from "../enums";
import {
  clearRange,
  displayText,
  readGrid,
  writeContents,
  writeNumberFormat,
} from "../model/cells";
import { refreshHeaders } from "../model/tables";
import { SheetData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake } from "./proxy";
import { RangeFormatFake } from "./format";
import { DataValidationFake } from "./validation";
import { ConditionalFormatCollectionFake } from "./conditionalFormats";
import { sheetRef } from "./refs";
import { WorksheetFake } from "./worksheet";

export interface RangeTarget {
  readonly sheet: SheetData;
  readonly rect: Rect;
}

/** Finds a range's sheet and cells at sync time; null when its sheet (or table) is gone. */
export type RangeLocator = (model: WorkbookModel) => RangeTarget | null;

/** What child objects (format, dataValidation...) need from their range. */
export interface RangeSource {
  find(model: WorkbookModel): RangeTarget | null;
}

const RANGE_PROPERTIES = [
  "address",
  "addressLocal",
  "cellCount",
  "columnCount",
  "columnIndex",
  "rowCount",
  "rowIndex",
  "values",
  "formulas",
  "numberFormat",
  "text",
  "valueTypes",
];

const valueType = (value: unknown): string =>
  value === null
    ? "Empty"
    : typeof value === "number"
      ? "Double"
      : typeof value === "boolean"
        ? "Boolean"
        : "String";

/* Office.js types these grids as any[][]; so does the fake, so adapter code reads the same. */
export class RangeFake extends ClientObjectFake<RangeTarget> implements RangeSource {
  protected readonly kind = "range";
  protected readonly scalarProperties = RANGE_PROPERTIES;
  readonly format: RangeFormatFake;
  readonly dataValidation: DataValidationFake;
  readonly conditionalFormats: ConditionalFormatCollectionFake;
  private located: { sheetId: string; rect: Rect } | undefined;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly locate: RangeLocator,
    nullable = false
  ) {
    super(context, opPath, nullable);
    this.format = new RangeFormatFake(context, `${opPath}.format`, this);
    this.dataValidation = new DataValidationFake(context, `${opPath}.dataValidation`, this);
    this.conditionalFormats = new ConditionalFormatCollectionFake(
      context,
      `${opPath}.conditionalFormats`,
      this
    );
  }

  /** Once located, a range keeps its cells (Excel's range objects do not follow later edits). */
  protected lookup(model: WorkbookModel): RangeTarget | null {
    if (this.located) {
      const sheet = model.sheetById(this.located.sheetId);
      return sheet ? { sheet, rect: this.located.rect } : null;
    }
    const target = this.locate(model);
    if (target) this.located = { sheetId: target.sheet.id, rect: target.rect };
    return target;
  }

  /** Range.worksheet: the sheet the range is on, found through the range when a sync needs it. */
  get worksheet(): WorksheetFake {
    return new WorksheetFake(
      this.context,
      `${this.opPath}.worksheet`,
      sheetRef((model) => this.lookup(model)?.sheet)
    );
  }

  /** @internal */
  find(model: WorkbookModel): RangeTarget | null {
    return this.lookup(model);
  }

  protected override children(): Record<string, ClientObjectFake<RangeTarget>> {
    return { format: this.format, dataValidation: this.dataValidation };
  }

  readProperty(_model: WorkbookModel, { sheet, rect }: RangeTarget, name: string): unknown {
    switch (name) {
      case "address":
      case "addressLocal":
        return qualifiedAddress(sheet.name, rect);
      case "cellCount":
        return rectRows(rect) * rectColumns(rect);
      case "rowCount":
        return rectRows(rect);
      case "columnCount":
        return rectColumns(rect);
      case "rowIndex":
        return rect.top;
      case "columnIndex":
        return rect.left;
      case "values":
        // Empty cells read as "", formula cells as their cached value (the fake does not calculate).
        return readGrid(sheet, rect, (cell) =>
          cell.formula !== null ? cell.value : (cell.value ?? "")
        );
      case "formulas":
        return readGrid(sheet, rect, (cell) => cell.formula ?? cell.value ?? "");
      case "numberFormat":
        return readGrid(sheet, rect, (cell) => cell.numberFormat);
      case "text":
        return readGrid(sheet, rect, displayText);
      default:
        return readGrid(sheet, rect, (cell) => valueType(cell.value));
    }
  }

  get values(): any[][] {
    return this.get("values");
  }
  set values(values: any[][]) {
    this.put("values", values, (model, { sheet, rect }) => {
      writeContents(model, sheet, rect, values, "values");
      refreshHeaders(model, sheet, rect);
    });
  }

  get formulas(): any[][] {
    return this.get("formulas");
  }
  set formulas(formulas: any[][]) {
    this.put("formulas", formulas, (model, { sheet, rect }) => {
      writeContents(model, sheet, rect, formulas, "formulas");
      refreshHeaders(model, sheet, rect);
    });
  }

  get numberFormat(): any[][] {
    return this.get("numberFormat");
  }
  set numberFormat(formats: any[][]) {
    this.put("numberFormat", formats, (model, { sheet, rect }) =>
      writeNumberFormat(model, sheet, rect, formats)
    );
  }

  get text(): string[][] {
    return this.get("text");
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get address(): string {
    return this.get("address");
  }
  get addressLocal(): string {
    return this.get("addressLocal");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get cellCount(): number {
    return this.get("cellCount");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }

  /** A range computed from this one at sync time. */
  private derived(call: string, shape: (rect: Rect) => Rect): RangeFake {
    return new RangeFake(this.context, `${this.opPath}.${call}`, (model) => {
      const target = this.lookup(model);
      return target && { sheet: target.sheet, rect: checkOnGrid(shape(target.rect), call) };
    });
  }

  /** The cell may lie outside this range, as long as it is on the sheet (as in Office.js). */
  getCell(row: number, column: number): RangeFake {
    return this.derived(`getCell(${row}, ${column})`, (r) => ({
      top: r.top + row,
      left: r.left + column,
      bottom: r.top + row,
      right: r.left + column,
    }));
  }

  getResizedRange(deltaRows: number, deltaColumns: number): RangeFake {
    return this.derived(`getResizedRange(${deltaRows}, ${deltaColumns})`, (r) => ({
      ...r,
      bottom: r.bottom + deltaRows,
      right: r.right + deltaColumns,
    }));
  }

  getOffsetRange(rowOffset: number, columnOffset: number): RangeFake {
    return this.derived(`getOffsetRange(${rowOffset}, ${columnOffset})`, (r) => ({
      top: r.top + rowOffset,
      bottom: r.bottom + rowOffset,
      left: r.left + columnOffset,
      right: r.right + columnOffset,
    }));
  }

  getRow(row: number): RangeFake {
    return this.derived(`getRow(${row})`, (r) => {
      if (row < 0 || row > r.bottom - r.top)
        throw invalidArgument(`Row ${row} is outside the range.`);
      return { ...r, top: r.top + row, bottom: r.top + row };
    });
  }

  getColumn(column: number): RangeFake {
    return this.derived(`getColumn(${column})`, (r) => {
      if (column < 0 || column > r.right - r.left)
        throw invalidArgument(`Column ${column} is outside the range.`);
      return { ...r, left: r.left + column, right: r.left + column };
    });
  }

  getEntireColumn(): RangeFake {
    return this.derived("getEntireColumn()", (r) => ({ ...r, top: 0, bottom: MAX_ROWS - 1 }));
  }

  getEntireRow(): RangeFake {
    return this.derived("getEntireRow()", (r) => ({ ...r, left: 0, right: MAX_COLUMNS - 1 }));
  }

  clear(applyTo: string = "All"): void {
    this.queue("clear", [applyTo], (model, { sheet, rect }) => {
      clearRange(model, sheet, rect, checkEnum(applyTo, ClearApplyTo, "applyTo"));
      refreshHeaders(model, sheet, rect);
    });
  }

  /**
   * Range.merge (ExcelApi 1.2): the range becomes one cell (across: one per row). Excel refuses a merge
   * that overlaps a table or another merged area.
   */
  merge(across = false): void {
    this.queue("merge", [across], (model, { sheet, rect }) => {
      const overlaps = (a: Rect, b: Rect) =>
        a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
      for (const table of model.tables.filter((t) => t.sheetId === sheet.id))
        if (
          overlaps(rect, {
            top: table.top,
            left: table.left,
            bottom: table.bottom + 1,
            right: table.right,
          })
        )
          throw invalidOperation(
            "This operation can't be done on a table: merge cells outside it."
          );
      for (const merged of sheet.merges)
        if (overlaps(rect, parseAddress(merged).rect))
          throw invalidOperation(`The range overlaps the merged area ${merged}.`);
      const rows = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({
            ...rect,
            top: rect.top + i,
            bottom: rect.top + i,
          }))
        : [rect];
      sheet.merges.push(...rows.map((r) => formatRect(r)));
    });
  }

  select(): void {
    this.queue("select", [], (model, { sheet, rect }) => {
      model.activate(sheet);
      model.selection = { sheetId: sheet.id, rect };
    });
  }
}
