/** Tables: workbook and worksheet collections, the table, and its columns. */
import { parseAddress } from "../addresses";
import { invalidArgument, invalidOperation } from "../errors";
import { writeContents } from "../model/cells";
import {
  addTable,
  columnIndexOf,
  convertToRange,
  dataRect,
  deleteTable,
  findTable,
  headerRect,
  refreshHeaders,
  renameTable,
  setShowTotals,
  setTableStyle,
  tableRect,
  tablesOn,
  totalsRect,
} from "../model/tables";
import {
  addTableColumn,
  addTableRows,
  deleteTableColumn,
  deleteTableRow,
} from "../model/tableEdits";
import { SheetData, TableData } from "../model/types";
import { renameColumnReferences } from "../model/columnRenames";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake, ClientResultFake, CollectionFake } from "./proxy";
import { RangeFake, RangeTarget } from "./range";
import { Ref, tableRef } from "./refs";

const quote = (value: unknown) => JSON.stringify(value ?? null);

const TABLE_PROPERTIES = [
  "id",
  "name",
  "style",
  "showTotals",
  "showHeaders",
  "showBandedRows",
  "showBandedColumns",
  "showFilterButton",
  "highlightFirstColumn",
  "highlightLastColumn",
];

/** Where tables.add puts the table: a Range, or an address (unqualified = active sheet / this sheet). */
function placeTable(
  model: WorkbookModel,
  scope: Ref<SheetData> | null,
  address: unknown
): RangeTarget {
  const scopeSheet = scope?.lookup(model) ?? null;
  if (scope && !scopeSheet)
    throw invalidArgument("The worksheet of this table collection doesn't exist.");
  let target: RangeTarget;
  if (address instanceof RangeFake) {
    const found = address.find(model);
    if (!found) throw invalidArgument("The range given to tables.add doesn't exist.");
    target = found;
  } else {
    const parsed = parseAddress(String(address));
    const sheet =
      parsed.sheet === undefined
        ? (scopeSheet ?? model.activeSheet())
        : model.requireSheet(parsed.sheet);
    target = { sheet, rect: parsed.rect };
  }
  if (scopeSheet && target.sheet !== scopeSheet) {
    throw invalidArgument(
      `worksheet.tables.add got a range on "${target.sheet.name}", not "${scopeSheet.name}".`
    );
  }
  return target;
}

export class TableCollectionFake extends CollectionFake<TableData, TableFake> {
  protected readonly kind = "tables";
  protected readonly itemProperties = TABLE_PROPERTIES;

  /** scope: the worksheet for worksheet.tables, null for workbook.tables. */
  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly scope: Ref<SheetData> | null
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): TableData[] | null {
    if (!this.scope) return model.tables;
    const sheet = this.scope.lookup(model);
    return sheet && tablesOn(model, sheet);
  }

  protected itemProxy(table: TableData): TableFake {
    return new TableFake(
      this.context,
      `tables.getItem(${quote(table.name)})`,
      tableRef((m) => m.tables.find((t) => t.id === table.id))
    );
  }

  /** Headers come from the first row's current values (hasHeaders=true), as in Excel. */
  add(address: RangeFake | string, hasHeaders: boolean): TableFake {
    const ref = tableRef(() => undefined);
    this.queue("add", [address, hasHeaders], (model) => {
      const { sheet, rect } = placeTable(model, this.scope, address);
      ref.bind(addTable(model, sheet, rect, hasHeaders).id);
    });
    return new TableFake(
      this.context,
      `${this.opPath}.add(${quote(address instanceof RangeFake ? address.opPath : address)})`,
      ref
    );
  }

  private inScope(model: WorkbookModel, key: string): TableData | undefined {
    const table = findTable(model, key);
    return table && (!this.scope || this.scope.lookup(model)?.id === table.sheetId)
      ? table
      : undefined;
  }

  getItem(key: string): TableFake {
    return new TableFake(
      this.context,
      `${this.opPath}.getItem(${quote(key)})`,
      tableRef((m) => this.inScope(m, key))
    );
  }

  getItemOrNullObject(key: string): TableFake {
    const path = `${this.opPath}.getItemOrNullObject(${quote(key)})`;
    return new TableFake(
      this.context,
      path,
      tableRef((m) => this.inScope(m, key)),
      true
    );
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("getCount", [], (_model, tables) => {
      const count = tables.length;
      return () => result.settle(count);
    });
    return result;
  }
}

interface TableTarget {
  readonly sheet: SheetData;
  readonly table: TableData;
}

export class TableFake extends ClientObjectFake<TableData> {
  protected readonly kind = "table";
  protected readonly scalarProperties = TABLE_PROPERTIES;
  readonly columns: TableColumnCollectionFake;
  readonly rows: TableRowCollectionFake;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly ref: Ref<TableData>,
    nullable = false
  ) {
    super(context, opPath, nullable);
    this.columns = new TableColumnCollectionFake(context, `${opPath}.columns`, ref);
    this.rows = new TableRowCollectionFake(context, `${opPath}.rows`, ref);
  }

  protected lookup(model: WorkbookModel): TableData | null {
    return this.ref.lookup(model);
  }

  readProperty(_model: WorkbookModel, table: TableData, name: string): unknown {
    return table[name as keyof TableData];
  }

  private sheetOf(model: WorkbookModel, table: TableData): SheetData {
    return model.sheetById(table.sheetId)!;
  }

  get id(): string {
    return this.get("id");
  }
  get name(): string {
    return this.get("name");
  }
  /** Unique among tables and defined names (case-insensitive), a valid name without spaces. */
  set name(name: string) {
    this.put("name", name, (model, table) => renameTable(model, table, name));
  }
  get style(): string {
    return this.get("style");
  }
  set style(style: string) {
    this.put("style", style, (_model, table) => setTableStyle(table, style));
  }
  get showTotals(): boolean {
    return this.get("showTotals");
  }
  set showTotals(show: boolean) {
    this.put("showTotals", show, (model, table) =>
      setShowTotals(model, this.sheetOf(model, table), table, show === true)
    );
  }
  get showHeaders(): boolean {
    return this.get("showHeaders");
  }
  set showHeaders(show: boolean) {
    this.put("showHeaders", show, () => {
      if (show !== true) throw invalidOperation("The fake supports tables with a header row only.");
    });
  }
  get showBandedRows(): boolean {
    return this.get("showBandedRows");
  }
  set showBandedRows(value: boolean) {
    this.put("showBandedRows", value, (_model, table) => {
      table.showBandedRows = value === true;
    });
  }
  get showBandedColumns(): boolean {
    return this.get("showBandedColumns");
  }
  set showBandedColumns(value: boolean) {
    this.put("showBandedColumns", value, (_model, table) => {
      table.showBandedColumns = value === true;
    });
  }
  get showFilterButton(): boolean {
    return this.get("showFilterButton");
  }
  set showFilterButton(value: boolean) {
    this.put("showFilterButton", value, (_model, table) => {
      table.showFilterButton = value === true;
    });
  }
  get highlightFirstColumn(): boolean {
    return this.get("highlightFirstColumn");
  }
  set highlightFirstColumn(value: boolean) {
    this.put("highlightFirstColumn", value, (_model, table) => {
      table.highlightFirstColumn = value === true;
    });
  }
  get highlightLastColumn(): boolean {
    return this.get("highlightLastColumn");
  }
  set highlightLastColumn(value: boolean) {
    this.put("highlightLastColumn", value, (_model, table) => {
      table.highlightLastColumn = value === true;
    });
  }

  private part(call: string, rect: (target: TableTarget) => RangeTarget["rect"] | null): RangeFake {
    return new RangeFake(this.context, `${this.opPath}.${call}`, (model) => {
      const table = this.ref.lookup(model);
      if (!table) return null;
      const target = { sheet: this.sheetOf(model, table), table };
      const cells = rect(target);
      if (!cells)
        throw invalidOperation(`Table "${table.name}" has no totals row (showTotals is false).`);
      return { sheet: target.sheet, rect: cells };
    });
  }

  getRange(): RangeFake {
    return this.part("getRange()", ({ table }) => tableRect(table));
  }
  getHeaderRowRange(): RangeFake {
    return this.part("getHeaderRowRange()", ({ table }) => headerRect(table));
  }
  getDataBodyRange(): RangeFake {
    return this.part("getDataBodyRange()", ({ table }) => dataRect(table));
  }
  getTotalRowRange(): RangeFake {
    return this.part("getTotalRowRange()", ({ table }) => totalsRect(table));
  }

  /** Removes the table together with its cells' contents and formats. */
  delete(): void {
    this.queue("delete", [], (model, table) =>
      deleteTable(model, this.sheetOf(model, table), table)
    );
  }

  convertToRange(): RangeFake {
    const range = this.getRange();
    this.queue("convertToRange", [], (model, table) => {
      range.find(model);
      convertToRange(model, table);
    });
    return range;
  }
}

interface ColumnTarget {
  readonly table: TableData;
  readonly index: number;
}

export class TableColumnCollectionFake extends CollectionFake<string, TableColumnFake> {
  protected readonly kind = "table.columns";
  protected readonly itemProperties = ["id", "index", "name"];

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly table: Ref<TableData>
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): string[] | null {
    return this.table.lookup(model)?.headers ?? null;
  }

  protected itemProxy(_header: string, index: number): TableColumnFake {
    return new TableColumnFake(
      this.context,
      `${this.opPath}.getItemAt(${index})`,
      this.table,
      () => index
    );
  }

  /** By header name (case-insensitive) or id (numbered from 1). */
  getItem(key: string | number): TableColumnFake {
    return new TableColumnFake(
      this.context,
      `${this.opPath}.getItem(${quote(key)})`,
      this.table,
      (table) => columnIndexOf(table, key)
    );
  }

  getItemOrNullObject(key: string | number): TableColumnFake {
    const path = `${this.opPath}.getItemOrNullObject(${quote(key)})`;
    return new TableColumnFake(
      this.context,
      path,
      this.table,
      (table) => {
        try {
          return columnIndexOf(table, key);
        } catch {
          return null;
        }
      },
      true
    );
  }

  /** An empty column at `index` (the end when null), named `name`; `values` are not faked. */
  add(index?: number | null, values?: unknown, name?: string): TableColumnFake {
    if (values !== undefined && values !== null)
      throw invalidArgument("table.columns.add with values is not in the fake: write them after.");
    let added = -1;
    this.queue("add", [index ?? null, null, name ?? null], (model) => {
      const table = this.table.lookup(model);
      if (!table) throw invalidArgument("The table of this column collection doesn't exist.");
      added = addTableColumn(model, model.sheetById(table.sheetId)!, table, index ?? null, name);
    });
    return new TableColumnFake(
      this.context,
      `${this.opPath}.add(${quote(name)})`,
      this.table,
      () => (added < 0 ? null : added)
    );
  }

  getItemAt(index: number): TableColumnFake {
    return new TableColumnFake(
      this.context,
      `${this.opPath}.getItemAt(${index})`,
      this.table,
      (table) => {
        if (!Number.isInteger(index) || index < 0 || index >= table.headers.length) {
          throw invalidArgument(`Table "${table.name}" has no column at index ${index}.`);
        }
        return index;
      }
    );
  }
}

export class TableColumnFake extends ClientObjectFake<ColumnTarget> {
  protected readonly kind = "table.column";
  protected readonly scalarProperties = ["id", "index", "name"];
  private boundIndex: number | undefined;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly table: Ref<TableData>,
    private readonly locate: (table: TableData) => number | null,
    nullable = false
  ) {
    super(context, opPath, nullable);
  }

  /** Bound to its position once found, so renaming the column keeps the object valid. */
  protected lookup(model: WorkbookModel): ColumnTarget | null {
    const table = this.table.lookup(model);
    if (!table) return null;
    if (this.boundIndex === undefined) this.boundIndex = this.locate(table) ?? undefined;
    const index = this.boundIndex;
    return index === undefined || index >= table.headers.length ? null : { table, index };
  }

  readProperty(_model: WorkbookModel, { table, index }: ColumnTarget, name: string): unknown {
    if (name === "id") return index + 1;
    return name === "index" ? index : table.headers[index];
  }

  get id(): number {
    return this.get("id");
  }
  get index(): number {
    return this.get("index");
  }
  get name(): string {
    return this.get("name");
  }
  /** Renaming a column writes its header cell and, as in Excel, every structured reference to it. */
  set name(name: string) {
    this.put("name", name, (model, { table, index }) => {
      const from = table.headers[index];
      renameColumnReferences(model, table, from, name);
      const sheet = model.sheetById(table.sheetId)!;
      const cell = {
        top: table.top,
        bottom: table.top,
        left: table.left + index,
        right: table.left + index,
      };
      writeContents(model, sheet, cell, [[name]], "values");
      refreshHeaders(model, sheet, cell);
    });
  }

  private part(
    call: string,
    rect: (table: TableData, column: number) => RangeTarget["rect"] | null
  ): RangeFake {
    return new RangeFake(this.context, `${this.opPath}.${call}`, (model) => {
      const target = this.lookup(model);
      if (!target) return null;
      const column = target.table.left + target.index;
      const cells = rect(target.table, column);
      if (!cells)
        throw invalidOperation(
          `Table "${target.table.name}" has no totals row (showTotals is false).`
        );
      return { sheet: model.sheetById(target.table.sheetId)!, rect: cells };
    });
  }

  getRange(): RangeFake {
    return this.part("getRange()", (t, c) => ({ ...tableRect(t), left: c, right: c }));
  }
  getHeaderRowRange(): RangeFake {
    return this.part("getHeaderRowRange()", (t, c) => ({ ...headerRect(t), left: c, right: c }));
  }
  getDataBodyRange(): RangeFake {
    return this.part("getDataBodyRange()", (t, c) => ({ ...dataRect(t), left: c, right: c }));
  }
  getTotalRowRange(): RangeFake {
    return this.part("getTotalRowRange()", (t, c) => {
      const totals = totalsRect(t);
      return totals && { ...totals, left: c, right: c };
    });
  }

  /** Removes the column; the table's cells right of it move left (as in Excel). */
  delete(): void {
    this.queue("delete", [], (model, { table, index }) =>
      deleteTableColumn(model, model.sheetById(table.sheetId)!, table, index)
    );
  }
}

/** table.rows: the count and add (rows typed below a table join it the same way). */
export class TableRowCollectionFake extends ClientObjectFake<TableData> {
  protected readonly kind = "table.rows";
  protected readonly scalarProperties = ["count"];

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly table: Ref<TableData>
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): TableData | null {
    return this.table.lookup(model);
  }

  readProperty(_model: WorkbookModel, table: TableData): unknown {
    return table.bottom - table.top;
  }

  get count(): number {
    return this.get("count");
  }

  /** Rows of `values` inserted at `index` of the data body (the end when null). */
  add(index?: number | null, values?: unknown[][]): void {
    this.queue("add", [index ?? null, values ?? null], (model, table) => {
      const rows = values ?? [table.headers.map(() => null)];
      addTableRows(model, model.sheetById(table.sheetId)!, table, index ?? null, rows);
    });
  }

  /** The data row at `index` when the request runs (ExcelApi 1.1). */
  getItemAt(index: number): TableRowFake {
    return new TableRowFake(this.context, `${this.opPath}.getItemAt(${index})`, this.table, index);
  }
}

/** One data row of a table, by index: delete() removes it and moves what lies below up. */
export class TableRowFake extends ClientObjectFake<TableData> {
  protected readonly kind = "table.row";
  protected readonly scalarProperties = ["index"];

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly table: Ref<TableData>,
    private readonly rowIndex: number
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): TableData | null {
    const table = this.table.lookup(model);
    return table && this.rowIndex < table.bottom - table.top ? table : null;
  }

  readProperty(): unknown {
    return this.rowIndex;
  }

  get index(): number {
    return this.get("index");
  }

  delete(): void {
    this.queue("delete", [], (model, table) =>
      deleteTableRow(model, model.sheetById(table.sheetId)!, table, this.rowIndex)
    );
  }
}
