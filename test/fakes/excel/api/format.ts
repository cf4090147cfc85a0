/** Range.format and its font, fill and protection: per-cell formats, read back only if uniform. */
import { invalidArgument } from "../errors";
import { HorizontalAlignment, VerticalAlignment, checkEnum } from "../enums";
import {
  autofitColumns,
  columnWidthOf,
  normalizeColor,
  rowHeightOf,
  setColumnWidth,
  setRowHeight,
  uniform,
  updateFormat,
} from "../model/cells";
import { CellFormat } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake } from "./proxy";
import type { RangeSource, RangeTarget } from "./range";

function checkBoolean(value: unknown, what: string): boolean {
  if (typeof value !== "boolean")
    throw invalidArgument(`${what} must be true or false, not ${JSON.stringify(value)}.`);
  return value;
}

/** A part of Range.format whose properties map onto the cell format. */
abstract class FormatPartFake extends ClientObjectFake<RangeTarget> {
  /** Property name -> how to store it in, and read it from, the cell format. */
  protected abstract readonly fields: Record<string, (value: unknown) => Partial<CellFormat>>;
  protected abstract readCell(format: CellFormat, name: string): unknown;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    protected readonly range: RangeSource
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): RangeTarget | null {
    return this.range.find(model);
  }

  readProperty(_model: WorkbookModel, { sheet, rect }: RangeTarget, name: string): unknown {
    return uniform(sheet, rect, (cell) => this.readCell(cell.format, name));
  }

  /** Validated at sync, like Excel, so a bad value fails the sync rather than the assignment. */
  protected setField(name: string, value: unknown): void {
    this.put(name, value, (model, { sheet, rect }) =>
      updateFormat(model, sheet, rect, this.fields[name](value))
    );
  }
}

export class RangeFontFake extends FormatPartFake {
  protected readonly kind = "range.format.font";
  protected readonly scalarProperties = ["bold", "italic", "size", "color", "name", "underline"];
  protected readonly fields: Record<string, (value: unknown) => Partial<CellFormat>> = {
    bold: (v) => ({ bold: checkBoolean(v, "font.bold") }),
    italic: (v) => ({ italic: checkBoolean(v, "font.italic") }),
    size: (v) => {
      if (typeof v !== "number" || v < 1 || v > 409)
        throw invalidArgument(`Font size ${String(v)} is outside 1..409.`);
      return { size: v };
    },
    color: (v) => ({ color: normalizeColor(v) }),
    name: (v) => {
      if (typeof v !== "string" || v === "")
        throw invalidArgument("A font name must be non-empty text.");
      return { fontName: v };
    },
    underline: (v) => ({
      underline: checkEnum(
        v,
        {
          none: "None",
          single: "Single",
          double: "Double",
          singleAccountant: "SingleAccountant",
          doubleAccountant: "DoubleAccountant",
        },
        "font.underline"
      ),
    }),
  };

  protected readCell(format: CellFormat, name: string): unknown {
    return name === "name" ? format.fontName : format[name as keyof CellFormat];
  }

  get bold(): boolean {
    return this.get("bold");
  }
  set bold(value: boolean) {
    this.setField("bold", value);
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(value: boolean) {
    this.setField("italic", value);
  }
  get size(): number {
    return this.get("size");
  }
  set size(value: number) {
    this.setField("size", value);
  }
  get color(): string {
    return this.get("color");
  }
  set color(value: string) {
    this.setField("color", value);
  }
  get name(): string {
    return this.get("name");
  }
  set name(value: string) {
    this.setField("name", value);
  }
  get underline(): string {
    return this.get("underline");
  }
  set underline(value: string) {
    this.setField("underline", value);
  }
}

export class RangeFillFake extends FormatPartFake {
  protected readonly kind = "range.format.fill";
  protected readonly scalarProperties = ["color"];
  protected readonly fields: Record<string, (value: unknown) => Partial<CellFormat>> = {
    color: (v) => ({ fill: normalizeColor(v) }),
  };

  /** No fill reads back as white, as in Excel. */
  protected readCell(format: CellFormat): unknown {
    return format.fill ?? "#FFFFFF";
  }

  get color(): string {
    return this.get("color");
  }
  set color(value: string) {
    this.setField("color", value);
  }

  clear(): void {
    this.queue("clear", [], (model, { sheet, rect }) =>
      updateFormat(model, sheet, rect, { fill: null })
    );
  }
}

/** Range.format.protection: locked cells are what sheet protection guards. */
export class FormatProtectionFake extends FormatPartFake {
  protected readonly kind = "range.format.protection";
  protected readonly scalarProperties = ["locked", "formulaHidden"];
  protected readonly fields: Record<string, (value: unknown) => Partial<CellFormat>> = {
    locked: (v) => ({ locked: checkBoolean(v, "protection.locked") }),
    formulaHidden: (v) => ({ formulaHidden: checkBoolean(v, "protection.formulaHidden") }),
  };

  protected readCell(format: CellFormat, name: string): unknown {
    return format[name as keyof CellFormat];
  }

  get locked(): boolean {
    return this.get("locked");
  }
  set locked(value: boolean) {
    this.setField("locked", value);
  }
  get formulaHidden(): boolean {
    return this.get("formulaHidden");
  }
  set formulaHidden(value: boolean) {
    this.setField("formulaHidden", value);
  }
}

export class RangeFormatFake extends FormatPartFake {
  protected readonly kind = "range.format";
  protected readonly scalarProperties = [
    "columnWidth",
    "rowHeight",
    "wrapText",
    "horizontalAlignment",
    "verticalAlignment",
  ];
  protected readonly fields: Record<string, (value: unknown) => Partial<CellFormat>> = {
    wrapText: (v) => ({ wrapText: checkBoolean(v, "format.wrapText") }),
    horizontalAlignment: (v) => ({
      horizontalAlignment: checkEnum(v, HorizontalAlignment, "horizontalAlignment"),
    }),
    verticalAlignment: (v) => ({
      verticalAlignment: checkEnum(v, VerticalAlignment, "verticalAlignment"),
    }),
  };
  readonly font: RangeFontFake;
  readonly fill: RangeFillFake;
  readonly protection: FormatProtectionFake;

  constructor(context: FakeRequestContext, opPath: string, range: RangeSource) {
    super(context, opPath, range);
    this.font = new RangeFontFake(context, `${opPath}.font`, range);
    this.fill = new RangeFillFake(context, `${opPath}.fill`, range);
    this.protection = new FormatProtectionFake(context, `${opPath}.protection`, range);
  }

  protected override children(): Record<string, ClientObjectFake<RangeTarget>> {
    return { font: this.font, fill: this.fill, protection: this.protection };
  }

  protected readCell(format: CellFormat, name: string): unknown {
    return format[name as keyof CellFormat];
  }

  override readProperty(model: WorkbookModel, target: RangeTarget, name: string): unknown {
    if (name === "columnWidth") return columnWidthOf(target.sheet, target.rect);
    if (name === "rowHeight") return rowHeightOf(target.sheet, target.rect);
    return super.readProperty(model, target, name);
  }

  get columnWidth(): number {
    return this.get("columnWidth");
  }
  set columnWidth(value: number) {
    this.put("columnWidth", value, (model, { sheet, rect }) =>
      setColumnWidth(model, sheet, rect, value)
    );
  }
  get rowHeight(): number {
    return this.get("rowHeight");
  }
  set rowHeight(value: number) {
    this.put("rowHeight", value, (model, { sheet, rect }) =>
      setRowHeight(model, sheet, rect, value)
    );
  }
  get wrapText(): boolean {
    return this.get("wrapText");
  }
  set wrapText(value: boolean) {
    this.setField("wrapText", value);
  }
  get horizontalAlignment(): string {
    return this.get("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.setField("horizontalAlignment", value);
  }
  get verticalAlignment(): string {
    return this.get("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.setField("verticalAlignment", value);
  }

  /** Approximate: the fake sizes columns from text length (it cannot measure fonts). */
  autofitColumns(): void {
    this.queue("autofitColumns", [], (model, { sheet, rect }) =>
      autofitColumns(model, sheet, rect)
    );
  }

  autofitRows(): void {
    this.queue("autofitRows", [], () => undefined);
  }
}
