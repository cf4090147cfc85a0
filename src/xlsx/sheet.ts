import ExcelJS from "exceljs";
import { PlannedSheet, PlannedValidation } from "../workbook/plan";
import { PRINT_MARGINS } from "../workbook/printLayout";
import { fileValue } from "./formulas";
import { rangeBounds } from "../workbook/addresses";
import { a1, cellsOf } from "./ranges";
import { argb, FILE_STYLES, highlightStyle } from "./styles";
import { colourScalePoints } from "../workbook/styles";
import { addTable } from "./tables";

/**
 * Writes one planned sheet as src/excel/writePlan.ts does through Office.js: cells, tables, formats,
 * widths, validation, conditional formats, freeze panes and print setup. Defined names are the
 * workbook's (see index.ts). Returns the number of cells written, how many hold formulas, and what
 * could not be written.
 */
export function writeSheet(
  workbook: ExcelJS.Workbook,
  planned: PlannedSheet
): { cells: number; formulas: number; notWritten: string[] } {
  const sheet = workbook.addWorksheet(planned.name);
  let cells = 0;
  let formulas = 0;
  // 1. Cells. A file has no parse step, so unlike Office.js order does not matter: a structured
  // reference is text until a spreadsheet opens the file with its tables.
  const written = new Map<string, ExcelJS.CellValue>();
  for (const range of planned.ranges) {
    const { top, left } = rangeBounds(range.address);
    range.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const value = fileValue(cell);
        if (value === null) return;
        const address = a1(top + r, left + c);
        sheet.getCell(address).value = value;
        written.set(address, value);
        cells += 1;
        if (cell.formula !== undefined) formulas += 1;
      })
    );
  }
  // 2. Tables and their totals rows.
  for (const table of planned.tables) {
    const totals = addTable(sheet, table, written);
    cells += totals.cells;
    formulas += totals.formulas;
  }
  // 3. Formats and column widths (ExcelJS widths are in characters, as planned).
  for (const format of planned.formats) {
    const style = format.style ? FILE_STYLES[format.style] : {};
    for (const address of cellsOf(format.address)) {
      const cell = sheet.getCell(address);
      if (format.numberFormat) cell.numFmt = format.numberFormat;
      if (style.font) cell.font = style.font;
      if (style.fill) cell.fill = style.fill;
      if (style.protection) cell.protection = style.protection;
      if (style.alignment) cell.alignment = style.alignment;
    }
  }
  for (const { row, points } of planned.rowHeights ?? []) sheet.getRow(row + 1).height = points;
  for (const merge of planned.merges ?? []) sheet.mergeCells(merge);
  planned.columnWidths.forEach((width, i) => {
    // ExcelJS takes exactly 9 for "default width" and leaves the column out (Excel's default is 8.43).
    sheet.getColumn(i + 1).width = width === 9 ? 9.001 : width;
  });
  // 4. Validation and conditional formats.
  // Per cell (the typed API); ExcelJS joins equal neighbours back into one range when writing.
  for (const validation of planned.validations) {
    const rule = dataValidation(validation);
    for (const address of cellsOf(validation.address)) sheet.getCell(address).dataValidation = rule;
  }
  for (const rule of planned.conditionalFormats) {
    const operator = { equals: "equal", greaterThan: "greaterThan", lessThan: "lessThan" } as const;
    if (rule.when === "colorScale") {
      const points = colourScalePoints(rule);
      sheet.addConditionalFormatting({
        ref: rule.address,
        rules: [
          {
            type: "colorScale",
            cfvo: points.map((p) => ({ type: "num" as const, value: p.value })),
            color: points.map((p) => argb(p.colour)),
            priority: 0,
          },
        ],
      });
      continue;
    }
    sheet.addConditionalFormatting({
      ref: rule.address,
      rules: [
        {
          type: "cellIs",
          operator: operator[rule.when],
          formulae: [
            typeof rule.value === "string"
              ? `"${rule.value.replace(/"/g, '""')}"`
              : String(rule.value),
          ],
          style: highlightStyle(rule.highlight),
          priority: 0, // 0: ExcelJS numbers the rules in the order added
        },
      ],
    });
  }
  // 5. Freeze panes and print setup, so a scorecard prints on landscape pages.
  const freeze = planned.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0))
    sheet.views = [{ state: "frozen", xSplit: freeze.columns, ySplit: freeze.rows }];
  const notWritten = printSetup(sheet, planned);
  return { cells, formulas, notWritten };
}

/** Office.js's dataValidation rule and prompt in the file's terms. */
function dataValidation(planned: PlannedValidation): ExcelJS.DataValidation {
  // Office.js rules ignore blanks and stop invalid entries by default; a file has to say both.
  const rule: ExcelJS.DataValidation = {
    type: "any" as ExcelJS.DataValidation["type"],
    formulae: [],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: "stop",
  };
  if (planned.list) {
    rule.type = "list";
    rule.formulae = [`"${planned.list.map((item) => item.replace(/"/g, '""')).join(",")}"`];
  } else if (planned.min !== undefined || planned.max !== undefined) {
    rule.type = planned.whole ? "whole" : "decimal";
    if (planned.max === undefined) {
      rule.operator = "greaterThanOrEqual";
      rule.formulae = [planned.min];
    } else {
      rule.operator = "between";
      rule.formulae = [planned.min ?? 0, planned.max];
    }
  }
  if (planned.help) {
    rule.showInputMessage = true;
    rule.prompt = planned.help.slice(0, 255);
  }
  return rule;
}

/** Page setup; returns what could not be written. */
function printSetup(sheet: ExcelJS.Worksheet, planned: PlannedSheet): string[] {
  const setup = sheet.pageSetup;
  setup.orientation = planned.print.landscape ? "landscape" : "portrait";
  setup.margins = { ...PRINT_MARGINS };
  if (planned.print.fitToWidth) {
    setup.fitToPage = true;
    setup.fitToWidth = planned.print.pagesWide;
    setup.fitToHeight = planned.print.pagesTall;
  } else if (planned.print.scale !== undefined) {
    // A fixed scale: fitToPage off, so the scale applies and pages break at the planned columns
    // (the <colBreaks> ExcelJS cannot write are added to the package afterwards: pageBreaks.ts).
    setup.fitToPage = false;
    setup.scale = planned.print.scale;
  }
  // ExcelJS quotes the sheet name of print titles and areas without doubling an apostrophe in it,
  // which breaks the whole file: leave them out for such a sheet.
  if (planned.name.includes("'"))
    return [
      `the print area and print titles of "${planned.name}" (ExcelJS cannot write them for a sheet name with an apostrophe)`,
    ];
  // ExcelJS adds the "$" before each part itself ("1:1" -> $1:$1); the plan's are already absolute.
  if (planned.print.titleRows) setup.printTitlesRow = planned.print.titleRows.replace(/\$/g, "");
  if (planned.print.titleColumns)
    setup.printTitlesColumn = planned.print.titleColumns.replace(/\$/g, "");
  // ExcelJS writes the print area as '$' + start + ':$' + end, which makes A1:N40 the mixed $A1:$N40;
  // giving the rows their "$" here makes it the absolute $A$1:$N$40 Excel writes.
  // A print area of several ranges gets the others after ExcelJS wrote the first (printAreas.ts).
  const area = (planned.printArea ?? planned.usedRange).split(",")[0];
  const [start, end = start] = area.replace(/\$/g, "").split(":");
  setup.printArea = [start, end].map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$1$$$2")).join(":");
  return [];
}
