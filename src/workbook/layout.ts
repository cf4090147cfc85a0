import { CellValue } from "../domain/cellValue";
import { cellAddress, cellPosition, columnLetter, rangeAddress, rangeBounds } from "./addresses";
import { renderFormula, FormulaContext } from "./expr/renderFormula";
import { TwinEdition } from "./twins/nativeTwins";
import { defaultWidth, numberFormatFor } from "./formats";
import { ChosenNames } from "./names";
import { TemplateOptions } from "./options";
import {
  PlannedBlock,
  PlannedChart,
  PlannedConditionalFormat,
  PlannedFormat,
  PlannedName,
  PlannedRange,
  PlannedSheet,
  PlannedTable,
  PlannedValidation,
  RenderPlan,
} from "./plan";
import {
  Block,
  ColumnSpec,
  ConditionalFormat,
  FigureRule,
  SheetSpec,
  TableBlock,
  WorkbookSpec,
} from "./spec";
import { WorkbookModel } from "./workbookModel";
import { wrappedLines, wrappedRowHeights } from "./rowHeights";
import { decidePrint, fittedScale, stripAreas, widenWrapped } from "./printLayout";

const CHART_ROWS = 16;
const MAX_FROZEN_ROWS = 12;
/** Widest a figure's label column grows for its labels; longer labels wrap. */
const MAX_LABEL_WIDTH = 36;
/** Widest a text column prints; a wider one (or one with `wrap`) wraps its text at this width. */
const MAX_TEXT_WIDTH = 36;
/** Widest a wrapped text column grows to fill a page's spare width. */
const MAX_FILLED_WIDTH = 130;
/** Widest a column grows for its header; headers wrap at spaces, so a header's longest word counts. */
const MAX_HEADER_WIDTH = 40;
const CHART_COLUMNS = 8;
/** A chart beside figures is narrower, so that figures and charts print on one page. */
const BESIDE_CHART_COLUMNS = 6;
const SUBTOTAL = { sum: 109, average: 101, count: 103 } as const;

/**
 * Lays the specs out on their sheets (blocks top to bottom, a blank row between) and produces the
 * RenderPlan: every value, formula (in the chosen formula mode, with the chosen free names), expected
 * result, format, validation, conditional format, name, table, chart and page setting.
 */
export function planWorkbook(
  specs: readonly WorkbookSpec[],
  options: TemplateOptions,
  chosen: ChosenNames,
  /** Templates already in the workbook that the specs link to: known to formulas, not written. */
  linked: readonly WorkbookSpec[] = [],
  /** "earlier": portable formulas as earlier add-in versions wrote them, for maintenance to recognise. */
  twins: TwinEdition = "current"
): RenderPlan {
  return planEditions(specs, options, chosen, linked, [twins])[0];
}

/**
 * planWorkbook once per twin edition, over one model: the editions differ in formula text only, so
 * every value is evaluated once (maintenance plans a portable workbook both ways).
 */
export function planEditions(
  specs: readonly WorkbookSpec[],
  options: TemplateOptions,
  chosen: ChosenNames,
  linked: readonly WorkbookSpec[],
  editions: readonly TwinEdition[]
): RenderPlan[] {
  const model = new WorkbookModel([...specs, ...linked], options);
  return editions.map((twins) => planWith(model, specs, options, chosen, twins));
}

function planWith(
  model: WorkbookModel,
  specs: readonly WorkbookSpec[],
  options: TemplateOptions,
  chosen: ChosenNames,
  twins: TwinEdition
): RenderPlan {
  const names = {
    twins,
    tableName: (key: string) => pick(chosen.tables, key, "table"),
    header: (table: string, col: string) => model.column(table, col).header,
    definedName: (key: string) => pick(chosen.names, key, "named cell"),
  };
  const sheets = specs.flatMap((spec) =>
    spec.sheets.map((sheet) =>
      new SheetLayout(sheet, pick(chosen.sheets, sheet.key, "sheet"), options, model, names).plan()
    )
  );
  return {
    sheets,
    templates: specs.map((spec) => {
      const blocks = spec.sheets.flatMap((s) => s.blocks);
      const tableKeys = blocks.flatMap((b) => (b.kind === "table" ? [b.key] : []));
      const nameKeys = blocks.flatMap((b) =>
        b.kind === "figures" ? b.items.map((i) => i.key) : []
      );
      return {
        templateId: spec.templateId,
        version: spec.version,
        sheets: spec.sheets.map((s) => chosen.sheets[s.key]),
        tables: Object.fromEntries(tableKeys.map((key) => [key, chosen.tables[key]])),
        names: Object.fromEntries(nameKeys.map((key) => [key, chosen.names[key]])),
      };
    }),
    options: JSON.stringify(options),
  };
}

function blockId(block: Block): string {
  switch (block.kind) {
    case "title":
      return "title";
    case "notes":
      return `notes:${block.heading}`;
    case "figures":
      return `figures:${block.items[0]?.key ?? block.heading}`;
    case "table":
      return `table:${block.key}`;
    case "chart":
      return `chart:${block.title}`;
  }
}

function plannedRule(
  format: ConditionalFormat | FigureRule,
  address: string
): PlannedConditionalFormat {
  if (format.when === "colorScale")
    return { address, when: "colorScale", value: format.low, high: format.high, highlight: "good" };
  return format.when === "equals"
    ? { address, when: "equals", value: format.text, highlight: format.highlight }
    : { address, when: format.when, value: format.value, highlight: format.highlight };
}

function pick(map: Readonly<Record<string, string>>, key: string, kind: string): string {
  const value = map[key];
  if (value === undefined) throw new Error(`No name was chosen for ${kind} "${key}"`);
  return value;
}

class SheetLayout {
  private row = 0;
  private readonly ranges: PlannedRange[] = [];
  private readonly formats: PlannedFormat[] = [];
  private readonly tables: PlannedTable[] = [];
  private readonly definedNames: PlannedName[] = [];
  private readonly validations: PlannedValidation[] = [];
  private readonly conditionalFormats: PlannedConditionalFormat[] = [];
  private readonly charts: PlannedChart[] = [];
  private readonly widths: number[] = [];
  private readonly blocks: PlannedBlock[] = [];
  private readonly tableColumns = new Map<
    string,
    { headerRow: number; firstData: number; lastData: number; columns: readonly ColumnSpec[] }
  >();
  private freeze?: { rows: number; columns: number };
  /** Columns a table column with pageBreakBefore starts (a group printed together). */
  private readonly groupStarts: number[] = [];
  private titleRows?: string;
  private lastColumn = 0;
  /** Columns the figures blocks use: charts drawn beside them start one column further right. */
  private figureColumns = 0;
  /** Notes lines, by row: one longer than column A is merged across the first printed page. */
  private readonly noteRows: { row: number; line: string }[] = [];
  /** Table columns that do not count for printing (TableBlock.printedColumns), with their rows. */
  private readonly unprinted: { top: number; bottom: number; left: number }[] = [];
  /** Columns whose text wraps, with the width their text would want unwrapped. */
  private readonly wrapped = new Map<number, number>();
  /** Where the next chart beside a block goes: below the previous one. */
  private besideRow = new Map<string, number>();

  constructor(
    private readonly sheet: SheetSpec,
    private readonly name: string,
    private readonly options: TemplateOptions,
    private readonly model: WorkbookModel,
    private readonly names: Omit<FormulaContext, "mode" | "table">
  ) {}

  plan(): PlannedSheet {
    for (const block of this.sheet.blocks) {
      if (block.kind === "chart" && block.beside) {
        this.blocks.push(this.placeChart(block));
        continue;
      }
      const top = this.row;
      this.place(block);
      this.blocks.push({ id: blockId(block), top, bottom: this.row - 1 });
      this.row += 1;
    }
    const lastRow = Math.max(this.row - 2, ...this.blocks.map((b) => b.bottom), 0);
    // Only the columns that print decide the print: a table's reference columns after its printed
    // ones (TableBlock.printedColumns) keep their widths and stay off the page.
    const spans = this.printedSpans();
    const printedLast = Math.max(0, ...spans.keys());
    const planned = this.plannedWidths();
    const widths = [
      ...widenWrapped(
        planned.slice(0, printedLast + 1),
        this.wrapped,
        this.sheet.print,
        this.sheet.freezeColumns ?? 0,
        this.groupStarts
      ),
      // Off the printout, long text takes the width it wants (up to MAX_FILLED_WIDTH): shorter rows.
      ...planned
        .slice(printedLast + 1)
        .map((w, i) => Math.max(w, this.wrapped.get(printedLast + 1 + i) ?? 0)),
    ];
    const decided = decidePrint(
      this.sheet.print,
      widths.slice(0, printedLast + 1),
      this.sheet.freezeColumns ?? 0,
      this.groupStarts
    );
    // Print ranges of their own are each fitted to the page by LibreOffice (a narrow one grows onto
    // more pages): one fixed scale, the widest range's fit, prints them all alike.
    const printed =
      decided.fit && !this.sheet.print.onePage && this.printBands(lastRow).length > 1
        ? {
            ...decided,
            fit: undefined,
            scale: fittedScale(this.sheet.print, widths.slice(0, printedLast + 1)),
          }
        : decided;
    // Notes run over the first page's columns: up to its first break, or the first print range's edge.
    const bands = this.printBands(lastRow);
    const { merges, wrapped } = this.mergedNotes(
      printed.columnBreaks[0] ??
        (bands.length > 1 ? this.printedRight(bands[0].top, bands[0].bottom) : printedLast) + 1,
      widths
    );
    return {
      key: this.sheet.key,
      name: this.name,
      ranges: this.ranges,
      formats: [...this.formats, ...wrapped],
      tables: this.tables,
      names: this.definedNames,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      charts: this.charts,
      columnWidths: widths,
      merges,
      rowHeights: wrappedRowHeights(this.ranges, [...this.formats, ...wrapped], widths, merges),
      freeze: this.freeze,
      print: {
        landscape: this.sheet.print.landscape,
        fitToWidth: printed.fit !== undefined,
        pagesWide: printed.pagesWide,
        pagesTall: printed.fit?.tall ?? 0,
        ...(printed.scale !== undefined ? { scale: printed.scale } : {}),
        columnBreaks: printed.columnBreaks,
        titleRows: this.titleRows,
        titleColumns: printed.titleColumns
          ? `$A:$${columnLetter(printed.titleColumns - 1)}`
          : undefined,
      },
      usedRange: rangeAddress(0, 0, lastRow, this.lastColumn),
      ...this.printAreas(printed.columnBreaks, lastRow, spans, printedLast),
      blocks: this.blocks,
    };
  }

  /**
   * Where the print area is not the used range: up to the block a sheet prints through; for a sheet
   * printed across pages, one area per page across (stripAreas); and never over reference columns
   * that do not print (the sheet's printed columns end at `printedLast`).
   */
  private printAreas(
    columnBreaks: readonly number[],
    lastRow: number,
    spans: ReadonlyMap<number, { top: number; bottom: number }>,
    printedLast: number
  ): { printArea?: string } {
    if (this.sheet.printThrough) return { printArea: this.printArea(this.sheet.printThrough) };
    if (columnBreaks.length === 0) {
      const bands = this.printBands(lastRow);
      if (bands.length > 1)
        return {
          printArea: bands
            .map((b) => rangeAddress(b.top, 0, b.bottom, this.printedRight(b.top, b.bottom)))
            .join(","),
        };
      return printedLast < this.lastColumn
        ? { printArea: rangeAddress(0, 0, lastRow, printedLast) }
        : {};
    }
    const areas = stripAreas(columnBreaks, printedLast, lastRow, (c) => spans.get(c));
    return {
      printArea: areas.map((a) => rangeAddress(a.top, a.left, a.bottom, a.right)).join(","),
    };
  }

  /** Rows printed together: split before and after each table that prints on its own. */
  private printBands(lastRow: number): { top: number; bottom: number }[] {
    const alone = this.sheet.blocks.flatMap((b) =>
      b.kind === "table" && b.printsOnItsOwn ? [blockId(b)] : []
    );
    const cuts = this.blocks.filter((b) => alone.includes(b.id));
    const bands: { top: number; bottom: number }[] = [];
    let top = 0;
    for (const cut of cuts) {
      if (cut.top > top) bands.push({ top, bottom: cut.top - 1 });
      bands.push({ top: cut.top, bottom: cut.bottom });
      top = cut.bottom + 1;
    }
    if (top <= lastRow) bands.push({ top, bottom: lastRow });
    return bands;
  }

  /** The rightmost column that prints something between two rows (unprinted table columns left out). */
  private printedRight(top: number, bottom: number): number {
    let right = 0;
    const unprinted = (row: number, column: number) =>
      this.unprinted.some((u) => row >= u.top && row <= u.bottom && column >= u.left);
    const cover = (r0: number, c0: number, r1: number, c1: number) => {
      for (let r = Math.max(r0, top); r <= Math.min(r1, bottom); r++)
        for (let c = c1; c > right && c >= c0; c--)
          if (!unprinted(r, c)) {
            right = c;
            break;
          }
    };
    for (const range of this.ranges) {
      const { row, column } = cellPosition(range.address);
      cover(row, column, row + range.rows.length - 1, column + (range.rows[0]?.length ?? 1) - 1);
    }
    for (const chart of this.charts) {
      const from = rangeBounds(chart.from);
      const to = rangeBounds(chart.to);
      cover(from.top, from.left, to.bottom, to.right);
    }
    return right;
  }

  /** By column, the first and last row of what prints there (cells, tables' printed columns, charts). */
  private printedSpans(): Map<number, { top: number; bottom: number }> {
    const spans = new Map<number, { top: number; bottom: number }>();
    const unprinted = (row: number, column: number) =>
      this.unprinted.some((u) => row >= u.top && row <= u.bottom && column >= u.left);
    const cover = (top: number, left: number, bottom: number, right: number) => {
      for (let c = left; c <= right; c++) {
        if (unprinted(top, c) && unprinted(bottom, c)) continue;
        const was = spans.get(c);
        spans.set(c, {
          top: Math.min(was?.top ?? top, top),
          bottom: Math.max(was?.bottom ?? bottom, bottom),
        });
      }
    };
    for (const range of this.ranges) {
      const { row, column } = cellPosition(range.address);
      cover(row, column, row + range.rows.length - 1, column + (range.rows[0]?.length ?? 1) - 1);
    }
    for (const table of this.tables) {
      const b = rangeBounds(table.address);
      cover(b.top, b.left, b.bottom + (table.totals?.length ? 1 : 0), b.right);
    }
    for (const chart of this.charts) {
      const from = rangeBounds(chart.from);
      const to = rangeBounds(chart.to);
      cover(from.top, from.left, to.bottom, to.right);
    }
    return spans;
  }

  /** From A1 to the end of the named block, with the charts beside it. */
  private printArea(through: string): string {
    const end = this.blocks.find((b) => b.id === through);
    if (!end)
      throw new Error(`Sheet "${this.sheet.key}" prints through "${through}": no such block`);
    const beside = this.charts.filter((c) => c.beside);
    const bottom = Math.max(end.bottom, ...beside.map((c) => rangeBounds(c.to).bottom));
    const right = Math.max(this.figureColumns - 1, ...beside.map((c) => rangeBounds(c.to).right));
    return rangeAddress(0, 0, bottom, right);
  }

  /**
   * A notes line longer than column A runs on over the columns to its right, and past the page's edge
   * when it is longer than the page: each such line is merged across the first printed page's columns
   * and wraps there (its row gets the height of its lines).
   */
  private mergedNotes(
    pageEnd: number,
    widths: readonly number[]
  ): { merges: string[]; wrapped: PlannedFormat[] } {
    const last = Math.max(0, Math.min(pageEnd, widths.length) - 1);
    const long = this.noteRows.filter(({ line }) => wrappedLines(line, widths[0] ?? 12) > 1);
    if (last === 0) return { merges: [], wrapped: [] };
    return {
      merges: long.map(({ row }) => rangeAddress(row, 0, row, last)),
      wrapped: long.map(({ row }) => ({ address: cellAddress(row, 0), style: "wrap" as const })),
    };
  }

  private plannedWidths(): number[] {
    return Array.from({ length: this.lastColumn + 1 }, (_, i) => this.widths[i] ?? 12);
  }

  private context(table?: string): FormulaContext {
    return { ...this.names, mode: this.options.formulaMode, table };
  }

  private write(row: number, column: number, cells: PlannedRange["rows"]): void {
    this.ranges.push({ address: cellAddress(row, column), rows: cells });
    this.lastColumn = Math.max(this.lastColumn, column + (cells[0]?.length ?? 1) - 1);
  }

  private widen(column: number, width: number): void {
    this.widths[column] = Math.max(this.widths[column] ?? 0, width);
  }

  private place(block: Block): void {
    switch (block.kind) {
      case "title":
        this.write(this.row, 0, [[{ value: block.text }]]);
        this.formats.push({ address: cellAddress(this.row, 0), style: "title" });
        if (block.subtitle) {
          this.row += 1;
          this.write(this.row, 0, [[{ value: block.subtitle }]]);
          this.formats.push({ address: cellAddress(this.row, 0), style: "subtitle" });
        }
        this.row += 1;
        return;
      case "notes":
        this.write(this.row, 0, [
          [{ value: block.heading }],
          ...block.lines.map((line) => [{ value: line }]),
        ]);
        this.formats.push({ address: cellAddress(this.row, 0), style: "heading" });
        this.formats.push({
          address: rangeAddress(this.row + 1, 0, this.row + block.lines.length, 0),
          style: "note",
        });
        block.lines.forEach((line, i) => this.noteRows.push({ row: this.row + 1 + i, line }));
        this.row += 1 + block.lines.length;
        return;
      case "figures":
        return this.placeFigures(block);
      case "table":
        return this.placeTable(block);
      case "chart":
        this.placeChart(block);
        return;
    }
  }

  private placeFigures(block: Extract<Block, { kind: "figures" }>): void {
    this.write(this.row, 0, [[{ value: block.heading }]]);
    this.formats.push({ address: cellAddress(this.row, 0), style: "heading" });
    block.items.forEach((item, i) => {
      const r = this.row + 1 + i;
      const value: CellValue = this.model.nameValue(item.key);
      const cell =
        item.kind === "input"
          ? { value }
          : { formula: renderFormula(item.expr, this.context()), expected: value };
      this.write(r, 0, [
        [{ value: item.label }, cell, ...(item.source ? [{ value: item.source }] : [])],
      ]);
      this.formats.push({ address: cellAddress(r, 0), style: "label" });
      if (item.source) {
        this.formats.push({ address: cellAddress(r, 2), style: "source" });
        this.widen(2, item.source.length + 2);
      }
      this.formats.push({
        address: cellAddress(r, 1),
        style: item.kind,
        numberFormat: numberFormatFor(item.type, this.options),
      });
      this.definedNames.push({
        key: item.key,
        name: this.names.definedName(item.key),
        address: cellAddress(r, 1, true),
      });
      if (item.kind === "input" && item.help)
        this.validations.push({ address: cellAddress(r, 1), help: item.help });
      if (item.kind === "computed") {
        for (const format of item.conditionalFormats ?? [])
          this.conditionalFormats.push(plannedRule(format, cellAddress(r, 1)));
      }
      this.widen(0, Math.min(Math.max(item.label.length + 2, 24), MAX_LABEL_WIDTH));
      if (item.label.length + 2 > MAX_LABEL_WIDTH)
        this.formats.push({ address: cellAddress(r, 0), style: "wrap" });
      // A text value is as wide as what it shows (a status, a level), not a text column's default.
      this.widen(
        1,
        item.type === "text"
          ? Math.min(defaultWidth("text"), Math.max(12, String(value ?? "").length + 2))
          : defaultWidth(item.type) + 2
      );
    });
    this.figureColumns = Math.max(this.figureColumns, block.items.some((i) => i.source) ? 3 : 2);
    this.row += 1 + block.items.length;
  }

  private placeTable(table: TableBlock): void {
    if (table.caption) {
      this.write(this.row, 0, [[{ value: table.caption }]]);
      this.formats.push({ address: cellAddress(this.row, 0), style: "heading" });
      this.row += 1;
    }
    const headerRow = this.row;
    const rows = this.model.tableRows(table.key);
    const inputRows = this.model.inputRows(table);
    const firstData = headerRow + 1;
    const lastData = headerRow + rows.length;
    const context = this.context(table.key);
    const formulas = new Map(
      table.columns
        .filter((c) => c.kind === "computed")
        .map((c) => [c.key, renderFormula(c.expr, context)])
    );

    this.write(headerRow, 0, [
      table.columns.map((c) => ({ value: c.header })),
      ...rows.map((values, i) =>
        table.columns.map((c) =>
          c.kind === "input"
            ? { value: this.model.inputValue(inputRows[i], c) }
            : { formula: formulas.get(c.key), expected: values[c.key] }
        )
      ),
    ]);

    const last = table.columns.length - 1;
    this.tables.push({
      key: table.key,
      name: this.names.tableName(table.key),
      address: rangeAddress(headerRow, 0, lastData, last),
      headers: table.columns.map((c) => c.header),
      totalsLabel: table.totals ? "Total" : undefined,
      totals: table.totals
        ? Object.entries(table.totals).map(([key, kind]) => ({
            header: this.model.column(table.key, key).header,
            formula: `=SUBTOTAL(${SUBTOTAL[kind]},${this.names.tableName(table.key)}[${this.model.column(table.key, key).header}])`,
            expected: this.model.totalValue(table.key, key, kind),
          }))
        : undefined,
    });
    const totalsRow = table.totals ? lastData + 1 : lastData;
    if (table.printedColumns !== undefined)
      this.unprinted.push({ top: headerRow, bottom: totalsRow, left: table.printedColumns });

    table.columns.forEach((column, c) => {
      // The number format covers the totals row too; the input shading only the rows one types in.
      this.formats.push({
        address: rangeAddress(firstData, c, totalsRow, c),
        numberFormat: numberFormatFor(column.type, this.options),
      });
      // A row's own format (a KPI's unit) after the column's, so it wins.
      inputRows.forEach((row, r) => {
        const own = row.numberFormats?.[column.key];
        if (own) this.formats.push({ address: cellAddress(firstData + r, c), numberFormat: own });
      });
      this.formats.push({
        address: rangeAddress(firstData, c, lastData, c),
        style: column.kind === "input" ? "input" : "computed",
      });
      const list = column.kind === "input" ? column.list : undefined;
      if (list && (list.some((item) => item.includes(",")) || list.join(",").length > 255)) {
        // Excel's list source is one comma-separated string of at most 255 characters.
        throw new Error(
          `The drop-down list of "${column.header}" must fit 255 characters, no commas in items`
        );
      }
      if (
        column.kind === "input" &&
        (column.list || column.min !== undefined || column.max !== undefined || column.help)
      ) {
        this.validations.push({
          address: rangeAddress(firstData, c, lastData, c),
          list: column.list,
          min: column.min,
          max: column.max,
          whole: column.type === "integer",
          help: column.help,
        });
      }
      const wanted = column.width ?? defaultWidth(column.type);
      // Text longer than its column would be cut off by the next cell: it wraps too.
      const longestText = Math.max(
        0,
        ...rows.map((row) => {
          const value = row[column.key];
          return typeof value === "string" ? value.length : 0;
        })
      );
      const wraps =
        column.wrap ??
        (column.type === "text" &&
          (wanted > MAX_TEXT_WIDTH || longestText > Math.min(wanted, MAX_TEXT_WIDTH)));
      if (wraps && lastData >= firstData) {
        this.formats.push({ address: rangeAddress(firstData, c, lastData, c), style: "wrap" });
        // What the longest text wants on one line, at most MAX_FILLED_WIDTH.
        this.wrapped.set(
          c,
          Math.max(this.wrapped.get(c) ?? 0, Math.min(longestText + 2, MAX_FILLED_WIDTH))
        );
      }
      if (column.pageBreakBefore) this.groupStarts.push(c);
      // The header wraps at its spaces: the column is as wide as its longest word needs.
      const longestWord = Math.max(...column.header.split(" ").map((word) => word.length));
      this.widen(
        c,
        Math.max(
          wraps ? Math.min(wanted, MAX_TEXT_WIDTH) : wanted,
          Math.min(longestWord + 2, MAX_HEADER_WIDTH)
        )
      );
    });
    this.formats.push({ address: rangeAddress(headerRow, 0, headerRow, last), style: "wrap" });
    for (const format of table.conditionalFormats ?? []) {
      const c = table.columns.findIndex((col) => col.key === format.column);
      if (c < 0)
        throw new Error(
          `Conditional format on unknown column "${format.column}" of "${table.key}"`
        );
      this.conditionalFormats.push(plannedRule(format, rangeAddress(firstData, c, lastData, c)));
    }
    this.tableColumns.set(table.key, { headerRow, firstData, lastData, columns: table.columns });
    if (!this.freeze) {
      // Freezing more than a screenful of rows would leave nothing to scroll on a laptop.
      const rows = headerRow + 1 <= MAX_FROZEN_ROWS ? headerRow + 1 : 0;
      this.freeze = { rows, columns: this.sheet.freezeColumns ?? 0 };
      // Its header repeats at the top of each printed page only when the table ends the sheet: over
      // the tables and charts below it, a header would label what it does not head.
      const blocks = this.sheet.blocks;
      if (blocks.indexOf(table) === blocks.length - 1)
        this.titleRows = `$${headerRow + 1}:$${headerRow + 1}`;
    }
    this.lastColumn = Math.max(this.lastColumn, last);
    this.row = totalsRow + 1;
  }

  private placeChart(block: Extract<Block, { kind: "chart" }>): PlannedBlock {
    const table = this.tableColumns.get(block.table);
    if (!table)
      throw new Error(
        `Chart "${block.title}" needs table "${block.table}" on the same sheet, above it`
      );
    const index = (key: string) => {
      const c = table.columns.findIndex((col) => col.key === key);
      if (c < 0) throw new Error(`Chart "${block.title}": no column "${key}" in "${block.table}"`);
      return c;
    };
    const data = (key: string) =>
      rangeAddress(table.firstData, index(key), table.lastData, index(key));
    for (const key of block.lines ?? [])
      if (!block.series.includes(key))
        throw new Error(`Chart "${block.title}": line ${key} is not one of its series`);
    if (block.lines?.length && block.chart !== "column")
      throw new Error(`Chart "${block.title}": only a column chart takes lines`);
    this.charts.push({
      title: block.title,
      chart: block.chart,
      table: this.names.tableName(block.table),
      categories: data(block.categories),
      series: block.series.map((key) => ({
        name: this.model.column(block.table, key).header,
        values: data(key),
        withHeader: rangeAddress(table.headerRow, index(key), table.lastData, index(key)),
        ...(block.lines?.includes(key) ? { line: true } : {}),
      })),
      ...this.chartPlace(block),
    });
    const placed = this.charts[this.charts.length - 1];
    const { top, right, bottom } = { ...rangeBounds(placed.from), ...rangeBounds(placed.to) };
    this.lastColumn = Math.max(this.lastColumn, right);
    if (!block.beside) this.row += CHART_ROWS;
    return { id: blockId(block), top, bottom };
  }

  /** Below the blocks above it, or beside the figures from the top of the block it names. */
  private chartPlace(block: Extract<Block, { kind: "chart" }>) {
    if (!block.beside)
      return {
        from: cellAddress(this.row, 0),
        to: cellAddress(this.row + CHART_ROWS - 1, CHART_COLUMNS - 1),
      };
    const anchor = this.blocks.find((b) => b.id === block.beside);
    if (!anchor)
      throw new Error(`Chart "${block.title}" is beside "${block.beside}": not above it`);
    const top = this.besideRow.get(block.beside) ?? anchor.top;
    const rows = block.besideRows ?? CHART_ROWS;
    this.besideRow.set(block.beside, top + rows + 1);
    const left = this.figureColumns + 1;
    return {
      from: cellAddress(top, left),
      to: cellAddress(top + rows - 1, left + (block.besideColumns ?? BESIDE_CHART_COLUMNS) - 1),
      beside: true,
    };
  }
}
