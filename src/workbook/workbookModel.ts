import { computeOrder } from "./computeOrder";
import { CellValue } from "../domain/cellValue";
import { evaluate, EvaluationContext } from "./expr/evaluate";
import { Expr, walk } from "./expr/expr";
import { FINOPS_ARITY } from "../domain/functionsByName";
import { TemplateOptions } from "./options";
import { ColumnSpec, ComputedColumn, Figure, TableBlock, TableRow, WorkbookSpec } from "./spec";
import { departmentSample, DepartmentSample, SampleSource } from "./templates/departmentSample";

/**
 * The practice set as data: every table's rows (after sample data is applied) and every named cell,
 * with each computed cell evaluated. Checks references when built, so a template that names a missing
 * column or function fails here, in a test, not in Excel.
 */
export class WorkbookModel {
  private readonly tables = new Map<string, TableBlock>();
  private readonly figures = new Map<string, Figure>();
  private readonly rows = new Map<string, Record<string, CellValue>[]>();
  private readonly names = new Map<string, CellValue>();
  private readonly evaluating = new Set<string>();
  private readonly variedRows = new Map<string, TableRow[]>();
  /** Each column's cells once read, by table and column key: formulas read a column in every row. */
  private readonly columns = new Map<string, CellValue[]>();
  /** The order each table's computed columns are evaluated in, found when the table is checked. */
  private readonly orders = new Map<string, ComputedColumn[]>();
  private readonly department: DepartmentSample | undefined;

  constructor(
    specs: readonly WorkbookSpec[],
    private readonly options: TemplateOptions
  ) {
    this.department =
      options.sampleData && options.department ? departmentSample(options.department) : undefined;
    for (const spec of specs) {
      for (const sheet of spec.sheets) {
        for (const block of sheet.blocks) {
          if (block.kind === "table") this.add(this.tables, block.key, block, "table");
          if (block.kind === "figures")
            for (const item of block.items) this.add(this.figures, item.key, item, "named cell");
        }
      }
    }
    for (const table of this.tables.values()) this.checkTable(table);
    for (const figure of this.figures.values())
      if (figure.kind === "computed")
        this.checkExpr(figure.expr, undefined, `named cell ${figure.key}`);
  }

  /** The table's rows as written: content values, plus sample values when sample data is on. */
  inputRows(table: TableBlock): TableRow[] {
    const rows = this.templateRows(table);
    const written = this.department ? this.departmentRows(table, rows) : rows;
    return written.length > 0 ? written : [{ values: {} }];
  }

  private templateRows(table: TableBlock): TableRow[] {
    return table.rows.filter((row) => this.options.sampleData || !row.sampleOnly);
  }

  /** A department's sample (sample data with a department): its own figures, drawn once per table. */
  private departmentRows(table: TableBlock, rows: TableRow[]): TableRow[] {
    const cached = this.variedRows.get(table.key);
    if (cached) return cached;
    this.enter(`sample of table ${table.key}`);
    const varied = (this.department as DepartmentSample).rows(table, rows, this.sampleSource);
    this.evaluating.delete(`sample of table ${table.key}`);
    this.variedRows.set(table.key, varied);
    return varied;
  }

  private readonly sampleSource: SampleSource = {
    rows: (key) => (this.tables.has(key) ? this.inputRows(this.table(key)) : undefined),
    templateRows: (key) => (this.tables.has(key) ? this.templateRows(this.table(key)) : undefined),
    figure: (key) => this.nameValue(key),
  };

  inputValue(row: TableRow, column: ColumnSpec): CellValue {
    const sample = this.options.sampleData ? row.sample?.[column.key] : undefined;
    return sample !== undefined ? sample : (row.values[column.key] ?? null);
  }

  /** Every row of a table with all its cells, computed ones evaluated after the inputs (computeOrder). */
  tableRows(key: string): readonly Record<string, CellValue>[] {
    const cached = this.rows.get(key);
    if (cached) return cached;
    const table = this.table(key);
    this.enter(`table ${key}`);
    const columnKeys = table.columns.map((c) => c.key);
    const order = this.orders.get(key) ?? computeOrder(table.columns);
    // Inputs first: a summary column may stand left of the months it adds up (the team budget's).
    const result = this.inputRows(table).map((row, index) => {
      const values: Record<string, CellValue> = {};
      for (const column of table.columns)
        if (column.kind === "input") values[column.key] = this.inputValue(row, column);
      for (const column of order)
        values[column.key] = shownByFormula(
          evaluate(column.expr, this.context(values, columnKeys, index))
        );
      return values;
    });
    this.evaluating.delete(`table ${key}`);
    this.rows.set(key, result);
    return result;
  }

  /**
   * A column's cells. An input column is read without computing the rest of its table, so a table's
   * formulas may read another table's inputs while that table's formulas read them back (the budget
   * lines count the months closed in the monthly totals, whose sums read the lines).
   */
  private columnValues(tableKey: string, columnKey: string): CellValue[] {
    const key = `${tableKey}\u0000${columnKey}`;
    const known = this.columns.get(key);
    if (known) return known;
    const table = this.table(tableKey);
    const column = table.columns.find((c) => c.key === columnKey);
    // Either way an input column holds the same cells: tableRows copies them from inputRows.
    const values =
      column?.kind === "input" && !this.rows.has(tableKey)
        ? this.inputRows(table).map((row) => this.inputValue(row, column))
        : this.tableRows(tableKey).map((r) => r[columnKey] ?? null);
    this.columns.set(key, values);
    return values;
  }

  nameValue(key: string): CellValue {
    if (this.names.has(key)) return this.names.get(key) as CellValue;
    const figure = this.figures.get(key);
    if (!figure) throw new Error(`Unknown named cell "${key}"`);
    this.enter(`named cell ${key}`);
    const value =
      figure.kind === "input"
        ? this.options.sampleData && figure.sample !== undefined
          ? (this.department?.figure(key, figure.sample, this.sampleSource) ?? figure.sample)
          : figure.value
        : shownByFormula(evaluate(figure.expr, this.context(undefined, undefined)));
    this.evaluating.delete(`named cell ${key}`);
    this.names.set(key, value);
    return value;
  }

  /** The value of a totals-row cell: what SUBTOTAL(109/101/103, column) gives. */
  totalValue(tableKey: string, column: string, kind: "sum" | "average" | "count"): CellValue {
    const fn = kind === "sum" ? "SUM" : kind === "average" ? "AVERAGE" : "COUNTA";
    return evaluate(
      { k: "agg", fn, args: [{ k: "column", table: tableKey, col: column }] },
      this.context(undefined, undefined)
    );
  }

  table(key: string): TableBlock {
    const table = this.tables.get(key);
    if (!table) throw new Error(`Unknown table "${key}"`);
    return table;
  }

  column(tableKey: string, columnKey: string): ColumnSpec {
    const column = this.table(tableKey).columns.find((c) => c.key === columnKey);
    if (!column) throw new Error(`Table "${tableKey}" has no column "${columnKey}"`);
    return column;
  }

  hasFigure(key: string): boolean {
    return this.figures.has(key);
  }

  private context(
    row: Record<string, CellValue> | undefined,
    rowColumns: string[] | undefined,
    rowIndex?: number
  ): EvaluationContext {
    return { row, rowColumns, rowIndex, ...this.lookups };
  }

  /** What every evaluation context reads, made once: a table's rows are evaluated row by row. */
  private readonly lookups = {
    columnValues: (table: string, col: string) => this.columnValues(table, col),
    tableColumns: (table: string) => this.table(table).columns.map((c) => c.key),
    columnHeader: (table: string, col: string) => this.column(table, col).header,
    nameValue: (key: string) => this.nameValue(key),
  };

  private enter(what: string): void {
    if (this.evaluating.has(what)) throw new Error(`Circular reference through ${what}`);
    this.evaluating.add(what);
  }

  private add<T>(map: Map<string, T>, key: string, item: T, kind: string): void {
    if (map.has(key)) throw new Error(`Two ${kind}s share the key "${key}"`);
    map.set(key, item);
  }

  private checkTable(table: TableBlock): void {
    const seen = new Set<string>();
    table.columns.forEach((column, index) => {
      if (seen.has(column.header.toLowerCase()))
        throw new Error(`Table "${table.key}" has two columns headed "${column.header}"`);
      seen.add(column.header.toLowerCase());
      if (/[[\]#']/.test(column.header))
        throw new Error(
          `Header "${column.header}" has a character structured references must escape`
        );
      if (column.kind === "computed")
        this.checkExpr(column.expr, { table, index }, `${table.key}.${column.key}`);
    });
    // Computed columns of one row may read each other in any order, never in a cycle.
    this.orders.set(table.key, computeOrder(table.columns));
    for (const row of table.rows) {
      for (const key of [...Object.keys(row.values), ...Object.keys(row.sample ?? {})]) {
        const column = table.columns.find((c) => c.key === key);
        if (!column)
          throw new Error(`A row of "${table.key}" has a value for unknown column "${key}"`);
        if (column.kind === "computed")
          throw new Error(`A row of "${table.key}" sets computed column "${key}"`);
      }
    }
  }

  /** Every reference resolves; a this-row reference to a computed column points left (evaluation order). */
  private checkExpr(
    expr: Expr,
    owner: { table: TableBlock; index: number } | undefined,
    where: string
  ): void {
    for (const node of walk(expr)) {
      if (node.k === "rowNumber") {
        if (!owner) throw new Error(`${where}: a row number outside a table`);
        if (!owner.table.columns.some((c) => c.key === node.col))
          throw new Error(`${where}: no column "${node.col}" in table "${owner.table.key}"`);
      }
      if (node.k === "col" || node.k === "span") {
        if (!owner) throw new Error(`${where}: a this-row reference outside a table`);
        for (const key of node.k === "col" ? [node.col] : [node.from, node.to]) {
          const index = owner.table.columns.findIndex((c) => c.key === key);
          if (index < 0)
            throw new Error(`${where}: no column "${key}" in table "${owner.table.key}"`);
          if (index === owner.index) throw new Error(`${where}: refers to its own column "${key}"`);
        }
      }
      if (node.k === "column") this.column(node.table, node.col);
      if (node.k === "columns") {
        const keys = this.table(node.table).columns.map((c) => c.key);
        if (keys.indexOf(node.from) < 0 || keys.indexOf(node.to) < keys.indexOf(node.from)) {
          throw new Error(
            `${where}: no columns ${node.from} to ${node.to} in table "${node.table}"`
          );
        }
      }
      if (node.k === "name" && !this.figures.has(node.name))
        throw new Error(`${where}: no named cell "${node.name}"`);
      if (node.k === "fn") {
        const arity = FINOPS_ARITY[node.fn];
        if (!arity) throw new Error(`${where}: FINOPS.${node.fn} is not in the catalogue`);
        const given = node.args.length;
        if (
          given < arity.min ||
          given > arity.max ||
          node.args.slice(0, arity.min).some((a) => !a)
        ) {
          throw new Error(
            `${where}: FINOPS.${node.fn} takes ${arity.min} to ${arity.max} arguments, not ${given}`
          );
        }
      }
    }
  }
}

/** What a formula cell shows for its result: a reference to an empty cell shows 0, as in Excel. */
function shownByFormula(value: CellValue): CellValue {
  return value === null || value === undefined ? 0 : value;
}
