/** Worksheets: the collection, the sheet, and its freeze panes, page layout and protection. */
import { MAX_COLUMNS, MAX_ROWS, Rect, formatRect, parseAddress } from "../addresses";
import { invalidArgument, invalidOperation } from "../errors";
import { PageOrientation, SheetVisibility, checkEnum } from "../enums";
import { normalizeColor, storedCells } from "../model/cells";
import { sameName } from "../model/rules";
import { MARGINS, Margin, SheetData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import { ChartCollectionFake } from "./charts";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake, ClientResultFake, CollectionFake } from "./proxy";
import { RangeFake } from "./range";
import { Ref, sheetRef } from "./refs";
import { TableCollectionFake } from "./table";

const quote = (value: unknown) => JSON.stringify(value ?? null);

const WORKSHEET_PROPERTIES = ["id", "name", "position", "visibility", "tabColor", "showGridlines"];

/** A Range argument (or address on `sheet`) as cells of that sheet. */
export function rectOn(model: WorkbookModel, sheet: SheetData, place: unknown, what: string): Rect {
  if (place instanceof RangeFake) {
    const target = place.find(model);
    if (!target || target.sheet !== sheet)
      throw invalidArgument(`${what} must be a range on "${sheet.name}".`);
    return target.rect;
  }
  const parsed = parseAddress(String(place));
  if (parsed.sheet !== undefined && !sameName(parsed.sheet, sheet.name)) {
    throw invalidArgument(`${what} "${String(place)}" is not on "${sheet.name}".`);
  }
  return parsed.rect;
}

export class WorksheetCollectionFake extends CollectionFake<SheetData, WorksheetFake> {
  protected readonly kind = "worksheets";
  protected readonly itemProperties = WORKSHEET_PROPERTIES;

  constructor(context: FakeRequestContext) {
    super(context, "worksheets");
  }

  protected lookup(model: WorkbookModel): SheetData[] {
    return model.sheets;
  }

  protected itemProxy(sheet: SheetData): WorksheetFake {
    return new WorksheetFake(
      this.context,
      `worksheets.getItem(${quote(sheet.name)})`,
      sheetRef((m) => m.sheetById(sheet.id))
    );
  }

  /** Added at the end, not activated (Office.js: call activate() yourself). */
  add(name?: string): WorksheetFake {
    const ref = sheetRef(() => undefined);
    this.queue("add", [name], (model) => ref.bind(model.addSheet(name).id));
    return new WorksheetFake(this.context, `worksheets.add(${quote(name)})`, ref);
  }

  getItem(key: string): WorksheetFake {
    return new WorksheetFake(
      this.context,
      `worksheets.getItem(${quote(key)})`,
      sheetRef((m) => m.findSheet(key))
    );
  }

  getItemOrNullObject(key: string): WorksheetFake {
    const path = `worksheets.getItemOrNullObject(${quote(key)})`;
    return new WorksheetFake(
      this.context,
      path,
      sheetRef((m) => m.findSheet(key)),
      true
    );
  }

  getActiveWorksheet(): WorksheetFake {
    return new WorksheetFake(
      this.context,
      "worksheets.getActiveWorksheet()",
      sheetRef((m) => m.activeSheet())
    );
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("getCount", [], (model) => {
      const count = model.sheets.length;
      return () => result.settle(count);
    });
    return result;
  }
}

export class WorksheetFake extends ClientObjectFake<SheetData> {
  protected readonly kind = "worksheet";
  protected readonly scalarProperties = WORKSHEET_PROPERTIES;
  readonly tables: TableCollectionFake;
  readonly charts: ChartCollectionFake;
  readonly freezePanes: FreezePanesFake;
  readonly pageLayout: PageLayoutFake;
  readonly protection: WorksheetProtectionFake;
  readonly verticalPageBreaks: PageBreakCollectionFake;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    readonly ref: Ref<SheetData>,
    nullable = false
  ) {
    super(context, opPath, nullable);
    this.tables = new TableCollectionFake(context, `${opPath}.tables`, ref);
    this.charts = new ChartCollectionFake(context, `${opPath}.charts`, ref);
    this.freezePanes = new FreezePanesFake(context, `${opPath}.freezePanes`, ref);
    this.pageLayout = new PageLayoutFake(context, `${opPath}.pageLayout`, ref);
    this.protection = new WorksheetProtectionFake(context, `${opPath}.protection`, ref);
    this.verticalPageBreaks = new PageBreakCollectionFake(
      context,
      `${opPath}.verticalPageBreaks`,
      ref
    );
  }

  protected lookup(model: WorkbookModel): SheetData | null {
    return this.ref.lookup(model);
  }

  protected override children(): Record<string, ClientObjectFake<SheetData>> {
    return { pageLayout: this.pageLayout, protection: this.protection };
  }

  readProperty(model: WorkbookModel, sheet: SheetData, name: string): unknown {
    if (name === "position") return model.sheets.indexOf(sheet);
    return sheet[name as "id" | "name" | "visibility" | "tabColor" | "showGridlines"];
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  set name(name: string) {
    this.put("name", name, (model, sheet) => model.renameSheet(sheet, name));
  }
  get position(): number {
    return this.get("position");
  }
  set position(position: number) {
    this.put("position", position, (model, sheet) => model.setPosition(sheet, position));
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(visibility: string) {
    this.put("visibility", visibility, (model, sheet) =>
      model.setVisibility(sheet, checkEnum(visibility, SheetVisibility, "Sheet visibility"))
    );
  }
  get tabColor(): string {
    return this.get("tabColor");
  }
  set tabColor(color: string) {
    this.put("tabColor", color, (_model, sheet) => {
      sheet.tabColor = color === "" ? "" : normalizeColor(color);
    });
  }
  get showGridlines(): boolean {
    return this.get("showGridlines");
  }
  set showGridlines(show: boolean) {
    this.put("showGridlines", show, (_model, sheet) => {
      sheet.showGridlines = show === true;
    });
  }

  delete(): void {
    this.queue("delete", [], (model, sheet) => model.deleteSheet(sheet));
  }

  activate(): void {
    this.queue("activate", [], (model, sheet) => model.activate(sheet));
  }

  private range(call: string, rect: (model: WorkbookModel, sheet: SheetData) => Rect): RangeFake {
    return new RangeFake(this.context, `${this.opPath}.${call}`, (model) => {
      const sheet = this.ref.lookup(model);
      return sheet && { sheet, rect: rect(model, sheet) };
    });
  }

  /** An A1 address on this sheet ("A1", "B2:D9", "A:C", "3:4"); no address = the whole sheet. */
  getRange(address?: string): RangeFake {
    return this.range(`getRange(${address === undefined ? "" : quote(address)})`, (model, sheet) =>
      address === undefined
        ? { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 }
        : rectOn(model, sheet, address, "getRange address")
    );
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number
  ): RangeFake {
    const call = `getRangeByIndexes(${startRow}, ${startColumn}, ${rowCount}, ${columnCount})`;
    return this.range(call, () => {
      const rect = {
        top: startRow,
        left: startColumn,
        bottom: startRow + rowCount - 1,
        right: startColumn + columnCount - 1,
      };
      if (
        rowCount < 1 ||
        columnCount < 1 ||
        rect.top < 0 ||
        rect.left < 0 ||
        rect.bottom >= MAX_ROWS ||
        rect.right >= MAX_COLUMNS
      ) {
        throw invalidArgument(`${call} is outside the worksheet grid.`);
      }
      return rect;
    });
  }

  getCell(row: number, column: number): RangeFake {
    return this.getRangeByIndexes(row, column, 1, 1);
  }

  /** Like getUsedRange, but a null object on an empty (or missing) sheet, as Office.js's *OrNullObject. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeFake {
    return new RangeFake(
      this.context,
      `${this.opPath}.getUsedRangeOrNullObject(${valuesOnly})`,
      (model) => {
        const sheet = this.ref.lookup(model);
        const rect = sheet && usedRect(sheet, valuesOnly);
        return sheet && rect ? { sheet, rect } : null;
      },
      true
    );
  }

  /** The smallest range holding every non-default cell (A1 on an empty sheet). */
  getUsedRange(valuesOnly = false): RangeFake {
    return this.range(
      `getUsedRange(${valuesOnly})`,
      (_model, sheet) => usedRect(sheet, valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 }
    );
  }
}

abstract class SheetPartFake extends ClientObjectFake<SheetData> {
  constructor(
    context: FakeRequestContext,
    opPath: string,
    protected readonly ref: Ref<SheetData>
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): SheetData | null {
    return this.ref.lookup(model);
  }
}

function checkCount(count: number, limit: number, what: string): number {
  if (!Number.isInteger(count) || count < 0 || count >= limit) {
    throw invalidArgument(`${what} ${String(count)} is not a whole number in 0..${limit - 1}.`);
  }
  return count;
}

/** Freezing rows or columns replaces the previous freeze, as Excel has one frozen pane. */
export class FreezePanesFake extends SheetPartFake {
  protected readonly kind = "freezePanes";
  protected readonly scalarProperties: readonly string[] = [];

  readProperty(): unknown {
    return undefined;
  }

  freezeRows(count = 1): void {
    this.queue("freezeRows", [count], (_model, sheet) => {
      sheet.freeze = { rows: checkCount(count, MAX_ROWS, "freezeRows count"), columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.queue("freezeColumns", [count], (_model, sheet) => {
      sheet.freeze = { rows: 0, columns: checkCount(count, MAX_COLUMNS, "freezeColumns count") };
    });
  }

  /** The given cells become the frozen top-left pane. */
  freezeAt(frozenRange: RangeFake | string): void {
    this.queue("freezeAt", [frozenRange], (model, sheet) => {
      const rect = rectOn(model, sheet, frozenRange, "freezeAt range");
      sheet.freeze = { rows: rect.bottom + 1, columns: rect.right + 1 };
    });
  }

  unfreeze(): void {
    this.queue("unfreeze", [], (_model, sheet) => {
      sheet.freeze = { rows: 0, columns: 0 };
    });
  }
}

export class PageLayoutFake extends SheetPartFake {
  protected readonly kind = "pageLayout";
  protected readonly scalarProperties = [
    "orientation",
    "zoom",
    "printGridlines",
    "centerHorizontally",
    ...MARGINS,
  ];

  readProperty(_model: WorkbookModel, sheet: SheetData, name: string): unknown {
    if ((MARGINS as readonly string[]).includes(name))
      return sheet.pageLayout.margins[name as Margin];
    return sheet.pageLayout[
      name as "orientation" | "zoom" | "printGridlines" | "centerHorizontally"
    ];
  }

  /** Excel: a margin in points, zero or more. */
  private margin(name: Margin, points: number): void {
    this.put(name, points, (_model, sheet) => {
      if (typeof points !== "number" || !(points >= 0))
        throw invalidArgument(`${name} ${String(points)} must be a number of points, 0 or more.`);
      sheet.pageLayout.margins[name] = points;
    });
  }
  get leftMargin(): number {
    return this.get("leftMargin");
  }
  set leftMargin(points: number) {
    this.margin("leftMargin", points);
  }
  get rightMargin(): number {
    return this.get("rightMargin");
  }
  set rightMargin(points: number) {
    this.margin("rightMargin", points);
  }
  get topMargin(): number {
    return this.get("topMargin");
  }
  set topMargin(points: number) {
    this.margin("topMargin", points);
  }
  get bottomMargin(): number {
    return this.get("bottomMargin");
  }
  set bottomMargin(points: number) {
    this.margin("bottomMargin", points);
  }
  get headerMargin(): number {
    return this.get("headerMargin");
  }
  set headerMargin(points: number) {
    this.margin("headerMargin", points);
  }
  get footerMargin(): number {
    return this.get("footerMargin");
  }
  set footerMargin(points: number) {
    this.margin("footerMargin", points);
  }

  get orientation(): string {
    return this.get("orientation");
  }
  set orientation(orientation: string) {
    this.put("orientation", orientation, (_model, sheet) => {
      sheet.pageLayout.orientation = checkEnum(orientation, PageOrientation, "Page orientation");
    });
  }

  get zoom(): Excel.PageLayoutZoomOptions {
    return this.get("zoom");
  }
  /** Excel: scale 10..400, or whole numbers of pages wide/tall to fit to. */
  set zoom(zoom: Excel.PageLayoutZoomOptions) {
    this.put("zoom", zoom, (_model, sheet) => {
      const { scale, horizontalFitToPages, verticalFitToPages } = zoom ?? {};
      if (scale !== undefined && scale !== null && !(scale >= 10 && scale <= 400)) {
        throw invalidArgument(`Zoom scale ${String(scale)} is outside 10..400.`);
      }
      for (const pages of [horizontalFitToPages, verticalFitToPages]) {
        if (pages !== undefined && pages !== null && !(Number.isInteger(pages) && pages >= 0)) {
          throw invalidArgument(`Fit-to-pages ${String(pages)} must be a whole number >= 0.`);
        }
      }
      sheet.pageLayout.zoom = JSON.parse(JSON.stringify(zoom));
    });
  }

  get printGridlines(): boolean {
    return this.get("printGridlines");
  }
  set printGridlines(value: boolean) {
    this.put("printGridlines", value, (_model, sheet) => {
      sheet.pageLayout.printGridlines = value === true;
    });
  }

  get centerHorizontally(): boolean {
    return this.get("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.put("centerHorizontally", value, (_model, sheet) => {
      sheet.pageLayout.centerHorizontally = value === true;
    });
  }

  /** Office.js: "The range must span the entire row", e.g. "$1:$2" (not "A1:D2"). */
  setPrintTitleRows(rows: RangeFake | string): void {
    this.queue("setPrintTitleRows", [rows], (model, sheet) => {
      const rect = rectOn(model, sheet, rows, "Print title rows");
      if (rect.left !== 0 || rect.right !== MAX_COLUMNS - 1) {
        throw invalidArgument(
          `Print title rows must span entire rows (like "$1:$2"), not ${formatRect(rect)}.`
        );
      }
      sheet.pageLayout.printTitleRows = formatRect(rect, true);
    });
  }

  setPrintTitleColumns(columns: RangeFake | string): void {
    this.queue("setPrintTitleColumns", [columns], (model, sheet) => {
      const rect = rectOn(model, sheet, columns, "Print title columns");
      if (rect.top !== 0 || rect.bottom !== MAX_ROWS - 1) {
        throw invalidArgument(
          `Print title columns must span entire columns (like "$A:$B"), not ${formatRect(rect)}.`
        );
      }
      sheet.pageLayout.printTitleColumns = formatRect(rect, true);
    });
  }

  /** One or more areas: a Range, "A1:F20" or "A1:B2,D1:E2". */
  setPrintArea(area: RangeFake | string): void {
    this.queue("setPrintArea", [area], (model, sheet) => {
      const parts = area instanceof RangeFake ? [area] : String(area).split(",");
      sheet.pageLayout.printArea = parts
        .map((part) => formatRect(rectOn(model, sheet, part, "Print area"), true))
        .join(",");
    });
  }
}

/**
 * Worksheet.verticalPageBreaks (ExcelApi 1.9), only add(): a page break before the range's top-left
 * cell's column, recorded as that cell ("C1"); adding the same break twice keeps one.
 */
export class PageBreakCollectionFake extends SheetPartFake {
  protected readonly kind = "verticalPageBreaks";
  protected readonly scalarProperties: readonly string[] = [];

  readProperty(): unknown {
    return undefined;
  }

  add(pageBreakRange: RangeFake | string): void {
    this.queue("add", [pageBreakRange], (model, sheet) => {
      const rect = rectOn(model, sheet, pageBreakRange, "Page break range");
      if (rect.left === 0)
        throw invalidArgument("A vertical page break cannot be before the first column.");
      const cell = formatRect({ ...rect, right: rect.left, bottom: rect.top });
      const breaks = sheet.pageLayout.verticalPageBreaks;
      if (!breaks.includes(cell)) breaks.push(cell);
    });
  }
}

export class WorksheetProtectionFake extends SheetPartFake {
  protected readonly kind = "protection";
  protected readonly scalarProperties = ["protected", "options"];

  readProperty(_model: WorkbookModel, sheet: SheetData, name: string): unknown {
    return name === "protected" ? sheet.protection.protected : sheet.protection.options;
  }

  get protected(): boolean {
    return this.get("protected");
  }
  get options(): Excel.WorksheetProtectionOptions {
    return this.get("options");
  }

  /** Office.js: "Fails if the worksheet has already been protected." */
  protect(options?: Excel.WorksheetProtectionOptions, password?: string): void {
    this.queue(
      "protect",
      [options, password === undefined ? undefined : "***"],
      (_model, sheet) => {
        if (sheet.protection.protected)
          throw invalidOperation(`"${sheet.name}" is already protected.`);
        sheet.protection = { protected: true, options: { ...(options ?? {}) }, password };
      }
    );
  }

  unprotect(password?: string): void {
    this.queue("unprotect", [password === undefined ? undefined : "***"], (_model, sheet) => {
      if (!sheet.protection.protected) return;
      if (sheet.protection.password !== undefined && sheet.protection.password !== password) {
        throw invalidArgument(`The password to unprotect "${sheet.name}" is wrong.`);
      }
      sheet.protection = { protected: false, options: {}, password: undefined };
    });
  }
}

/** The smallest rectangle holding every non-default cell (with valuesOnly, every value or formula). */
function usedRect(sheet: SheetData, valuesOnly: boolean): Rect | null {
  const whole = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
  const used = storedCells(sheet, whole).filter(
    ([, , cell]) => !valuesOnly || cell.value !== null || cell.formula !== null
  );
  if (used.length === 0) return null;
  const rows = used.map(([r]) => r);
  const columns = used.map(([, c]) => c);
  return {
    top: Math.min(...rows),
    left: Math.min(...columns),
    bottom: Math.max(...rows),
    right: Math.max(...columns),
  };
}
