import { CellValue, isErrorValue } from "../domain/cellValue";
import {
  PlannedChart,
  PlannedConditionalFormat,
  PlannedSheet,
  PlannedValidation,
  RenderPlan,
} from "../workbook/plan";
import { METADATA_HEADERS, METADATA_SHEET, MetadataRow } from "../workbook/metadata";
import {
  CELL_LOOKS,
  CellLook,
  colourScalePoints,
  HIGHLIGHT_COLOURS,
  TABLE_STYLE,
} from "../workbook/styles";
import { rangeSize } from "../workbook/addresses";
import { CHART_FONT_POINTS, PRINT_MARGINS } from "../workbook/printLayout";

// Enum values are written as their strings: the same in every Office.js version and in the fake.

/**
 * Queues every write of a RenderPlan on a request context, in the order Excel needs: sheets, constant
 * cells (table headers included), tables and names, then formulas (structured references only parse
 * once their table exists), then formats, validation, conditional formats, charts and page setup.
 * Nothing here syncs: the caller syncs once for the whole plan.
 */
/** Applies a plan's cell style (src/workbook/styles.ts) to a range's format. */
export function applyLook(format: Excel.RangeFormat, look: CellLook): void {
  if (look.bold) format.font.bold = true;
  if (look.italic) format.font.italic = true;
  if (look.size) format.font.size = look.size;
  if (look.color) format.font.color = look.color;
  if (look.fill) format.fill.color = look.fill;
  if (look.unlocked) format.protection.locked = false;
  if (look.wrap) format.wrapText = true;
}

const CHART_TYPES = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  radar: "Radar",
} as const;
const POINTS_PER_CHARACTER = 6;

/**
 * A constant as a cell must hold it. Office.js reads written text as if typed, so "Jan 2026" would
 * become a date (and a table header a number) and "=x" a formula: every text gets Excel's text prefix.
 */
export function constant(value: CellValue): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (isErrorValue(value)) return value.code;
  if (typeof value === "string") return value === "" ? null : `'${value}`;
  return value as string | number | boolean;
}

export function queueSheet(workbook: Excel.Workbook, planned: PlannedSheet): Excel.Worksheet {
  const sheet = workbook.worksheets.add(planned.name);
  queueContent(sheet, planned);
  return sheet;
}

/** Constants and tables of a planned sheet (or of a part of one) on a sheet that exists. */
export function queueContent(sheet: Excel.Worksheet, planned: PlannedSheet): void {
  // 1. Constants, so that table headers exist before the tables. null leaves a cell alone.
  for (const range of planned.ranges) {
    const target = sheet
      .getRange(range.address)
      .getResizedRange(range.rows.length - 1, range.rows[0].length - 1);
    if (range.rows.some((row) => row.some((cell) => cell.formula === undefined))) {
      target.values = range.rows.map((row) =>
        row.map((cell) => (cell.formula === undefined ? constant(cell.value) : null))
      );
    }
  }
  // 2. Tables and their totals rows.
  for (const plannedTable of planned.tables) {
    // A bare address would be read on the active sheet, which is the user's until the end of the batch.
    const table = sheet.tables.add(sheet.getRange(plannedTable.address), true);
    table.name = plannedTable.name;
    table.style = TABLE_STYLE;
    if (plannedTable.totals) {
      table.showTotals = true;
      if (plannedTable.totalsLabel)
        table.columns.getItemAt(0).getTotalRowRange().values = [[plannedTable.totalsLabel]];
      // Showing totals makes Excel count the last column; only the planned totals belong there.
      const last = plannedTable.headers[plannedTable.headers.length - 1];
      if (!plannedTable.totals.some((t) => t.header === last))
        table.columns.getItem(last).getTotalRowRange().values = [[""]];
      for (const total of plannedTable.totals)
        table.columns.getItem(total.header).getTotalRowRange().formulas = [[total.formula]];
    }
  }
}

export function queueNames(workbook: Excel.Workbook, planned: PlannedSheet): void {
  const quoted = `'${planned.name.replace(/'/g, "''")}'`;
  for (const name of planned.names) workbook.names.add(name.name, `=${quoted}!${name.address}`);
}

/**
 * Formulas, formats, rules and charts of a planned sheet; with `wholeSheet` also its column widths,
 * panes and print setup (not when the plan is a part added to a sheet the user has arranged).
 */
export function queueFormulasAndFormats(
  sheet: Excel.Worksheet,
  planned: PlannedSheet,
  wholeSheet = true
): void {
  // 3. Formulas, once every table and name of the plan exists.
  for (const range of planned.ranges) {
    if (!range.rows.some((row) => row.some((cell) => cell.formula !== undefined))) continue;
    const target = sheet
      .getRange(range.address)
      .getResizedRange(range.rows.length - 1, range.rows[0].length - 1);
    target.formulas = range.rows.map((row) =>
      row.map((cell) => cell.formula ?? null)
    ) as unknown as string[][];
  }
  // 4. Formats.
  for (const format of planned.formats) {
    const target = sheet.getRange(format.address);
    if (format.numberFormat) {
      // Office.js wants an array of the range's own dimensions.
      const { rows, columns } = rangeSize(format.address);
      target.numberFormat = Array.from({ length: rows }, () =>
        Array<string>(columns).fill(format.numberFormat as string)
      );
    }
    // Range.format is a navigation property: nothing is read, so no load or sync is needed.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    if (format.style) applyLook(target.format, CELL_LOOKS[format.style]);
  }
  if (wholeSheet) {
    planned.columnWidths.forEach((width, i) => {
      sheet.getRangeByIndexes(0, i, 1, 1).getEntireColumn().format.columnWidth =
        width * POINTS_PER_CHARACTER;
    });
    // Rows of wrapped text, which Excel does not grow for cells a program writes. Only on a sheet
    // written whole: on a user's sheet the rows are theirs.
    for (const { row, points } of planned.rowHeights ?? [])
      sheet.getRangeByIndexes(row, 0, 1, 1).getEntireRow().format.rowHeight = points;
    for (const merge of planned.merges ?? []) sheet.getRange(merge).merge(false);
  }
  // 5. Validation and conditional formats.
  for (const validation of planned.validations)
    applyValidation(sheet.getRange(validation.address).dataValidation, validation);
  for (const rule of planned.conditionalFormats) addHighlight(sheet.getRange(rule.address), rule);
  // 6. Charts.
  for (const chart of planned.charts) queueChart(sheet, chart);
  if (!wholeSheet) return;
  // 7. Freeze panes and print setup, so the CFO can print a scorecard on landscape pages.
  if (planned.freeze && (planned.freeze.rows > 0 || planned.freeze.columns > 0)) {
    if (planned.freeze.rows === 0) sheet.freezePanes.freezeColumns(planned.freeze.columns);
    else if (planned.freeze.columns === 0) sheet.freezePanes.freezeRows(planned.freeze.rows);
    else
      sheet.freezePanes.freezeAt(
        sheet.getRangeByIndexes(0, 0, planned.freeze.rows, planned.freeze.columns)
      );
  }
  sheet.pageLayout.orientation = planned.print.landscape ? "Landscape" : "Portrait";
  // Office.js takes margins in points (72 to the inch).
  sheet.pageLayout.leftMargin = PRINT_MARGINS.left * 72;
  sheet.pageLayout.rightMargin = PRINT_MARGINS.right * 72;
  sheet.pageLayout.topMargin = PRINT_MARGINS.top * 72;
  sheet.pageLayout.bottomMargin = PRINT_MARGINS.bottom * 72;
  sheet.pageLayout.headerMargin = PRINT_MARGINS.header * 72;
  sheet.pageLayout.footerMargin = PRINT_MARGINS.footer * 72;
  if (planned.print.fitToWidth)
    sheet.pageLayout.zoom = {
      horizontalFitToPages: planned.print.pagesWide,
      verticalFitToPages: planned.print.pagesTall,
    };
  else if (planned.print.scale !== undefined)
    sheet.pageLayout.zoom = { scale: planned.print.scale };
  // A page starts at each planned column (ExcelApi 1.9): a group of months is never split.
  for (const column of planned.print.columnBreaks)
    sheet.verticalPageBreaks.add(sheet.getRangeByIndexes(0, column, 1, 1));
  if (planned.print.titleRows) sheet.pageLayout.setPrintTitleRows(planned.print.titleRows);
  if (planned.print.titleColumns) sheet.pageLayout.setPrintTitleColumns(planned.print.titleColumns);
  sheet.pageLayout.setPrintArea(planned.printArea ?? planned.usedRange);
}

/**
 * One chart. The first series is made from its column with the header, so that Excel takes the header
 * as the series name and creates the series even while the data cells are still empty. The chart is
 * named by its title: maintenance finds a template chart by title, and undo finds one it drew by name.
 */
export function queueChart(sheet: Excel.Worksheet, chart: PlannedChart): Excel.Chart {
  const created = sheet.charts.add(
    CHART_TYPES[chart.chart] as Excel.ChartType,
    sheet.getRange(chart.series[0].withHeader),
    "Columns"
  );
  created.name = chart.title;
  created.title.text = chart.title;
  created.legend.position = "Bottom";
  created.format.font.size = CHART_FONT_POINTS;
  created.setPosition(chart.from, chart.to);
  const first = created.series.getItemAt(0);
  first.name = chart.series[0].name;
  first.setValues(sheet.getRange(chart.series[0].values));
  first.setXAxisValues(sheet.getRange(chart.categories));
  if (chart.series[0].line) first.chartType = "Line";
  for (const extra of chart.series.slice(1)) {
    const series = created.series.add(extra.name);
    series.setValues(sheet.getRange(extra.values));
    series.setXAxisValues(sheet.getRange(chart.categories));
    // ChartSeries.chartType (ExcelApi 1.7): a line over the columns.
    if (extra.line) series.chartType = "Line";
  }
  return created;
}

/** A planned validation (drop-down, bounds, input message) on a range; refresh re-applies it too. */
export function applyValidation(
  target: Excel.DataValidation,
  validation: Omit<PlannedValidation, "address">
): void {
  if (validation.list)
    target.rule = { list: { inCellDropDown: true, source: validation.list.join(",") } };
  else if (validation.min !== undefined || validation.max !== undefined) {
    const bounds =
      validation.max === undefined
        ? { formula1: validation.min as number, operator: "GreaterThanOrEqualTo" as const }
        : {
            formula1: validation.min ?? 0,
            formula2: validation.max,
            operator: "Between" as const,
          };
    target.rule = validation.whole ? { wholeNumber: bounds } : { decimal: bounds };
  }
  if (validation.help)
    target.prompt = { showPrompt: true, title: "", message: validation.help.slice(0, 255) };
}

/** A planned conditional format (highlight when the value equals / exceeds / is below) on a range. */
export function addHighlight(
  range: Excel.Range,
  rule: Omit<PlannedConditionalFormat, "address">
): void {
  if (rule.when === "colorScale") {
    const [minimum, midpoint, maximum] = colourScalePoints(rule).map((p) => ({
      formula: String(p.value),
      type: "Number" as Excel.ConditionalFormatColorCriterionType,
      color: p.colour,
    }));
    range.conditionalFormats.add("ColorScale").colorScale.criteria = { minimum, midpoint, maximum };
    return;
  }
  const format = range.conditionalFormats.add("CellValue");
  format.cellValue.format.fill.color = HIGHLIGHT_COLOURS[rule.highlight].fill;
  format.cellValue.format.font.color = HIGHLIGHT_COLOURS[rule.highlight].font;
  const operator = { equals: "EqualTo", greaterThan: "GreaterThan", lessThan: "LessThan" }[
    rule.when
  ] as Excel.ConditionalCellValueOperator;
  const formula1 =
    typeof rule.value === "string" ? `="${rule.value.replace(/"/g, '""')}"` : String(rule.value);
  format.cellValue.rule = { formula1, operator };
}

/** A cell of a metadata store row to rewrite (0-based row and column of the store sheet). */
export interface StoreCell {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/** Rewrites cells of the metadata store, which stays protected against typing except for this write. */
export function queueStoreCells(workbook: Excel.Workbook, cells: readonly StoreCell[]): void {
  if (cells.length === 0) return;
  const store = workbook.worksheets.getItem(METADATA_SHEET);
  store.protection.unprotect();
  for (const { row, column, value } of cells)
    store.getCell(row, column).values = [[constant(value)]];
  store.protection.protect();
}

/** Appends this run's rows to the hidden, protected metadata store, creating it when missing. */
export function queueMetadata(
  workbook: Excel.Workbook,
  existingRows: number | null,
  rows: MetadataRow[]
): void {
  const sheet =
    existingRows === null
      ? workbook.worksheets.add(METADATA_SHEET)
      : workbook.worksheets.getItem(METADATA_SHEET);
  if (existingRows !== null) sheet.protection.unprotect();
  if (!existingRows)
    sheet.getRangeByIndexes(0, 0, 1, METADATA_HEADERS.length).values = [[...METADATA_HEADERS]];
  const start = existingRows || 1;
  if (rows.length > 0)
    // As text: Excel would read an ISO timestamp typed into a cell as a date.
    sheet.getRangeByIndexes(start, 0, rows.length, METADATA_HEADERS.length).values = rows.map(
      (row) => row.map(constant)
    );
  sheet.visibility = "VeryHidden";
  sheet.protection.protect();
}

export function allCellCount(plan: RenderPlan): number {
  return plan.sheets.reduce(
    (total, sheet) =>
      total + sheet.ranges.reduce((n, r) => n + r.rows.length * r.rows[0].length, 0),
    0
  );
}
