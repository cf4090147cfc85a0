import { CellValue } from "../../domain/cellValue";
import { cellPosition } from "../../workbook/addresses";
import { asCellValue } from "../../workbook/maintain/grid";
import { RefreshPlan } from "../../workbook/maintain/refreshPlan";
import {
  METADATA_SHEET,
  NAMES_COLUMN,
  UPDATED_COLUMN,
  VERSION_COLUMN,
} from "../../workbook/metadata";
import { HIGHLIGHT_COLOURS } from "../../workbook/styles";
import { fileChartOver } from "../charts/fileChart";
import { addCharts } from "../charts/packageCharts";
import { addBlocks } from "../edit/addBlocks";
import { addSheets } from "../edit/addSheets";
import { renameSheet, renameTable, renameTableColumn } from "../edit/renames";
import { CellWrite } from "../edit/cellWrites";
import { PackageConflict } from "../edit/packageConflict";
import { PackageEdit } from "../edit/packageEdit";
import { addConditionalFormat, setValidation } from "../edit/sheetRulesEdit";
import { addTableColumn, TableAt, tableShape } from "../edit/tableGrowth";
import { WorkbookFile } from "../read/readWorkbookFile";
import { cellAt, readSheetCells, styleAt } from "../read/sheetCells";

/**
 * A refresh plan written into a file, as src/excel/applyRefresh.ts queueRefresh writes it into the
 * open workbook: deleted sheets recreated, template columns added back, computed formulas put back,
 * names, charts, the formatting of template columns and the store's stamps. Formula cells get their
 * cached values afterwards (cachedValues.ts), from the workbook as it then is.
 */

export async function applyRefreshToFile(
  edit: PackageEdit,
  file: WorkbookFile,
  plan: RefreshPlan,
  stamp: string
): Promise<void> {
  // First, so every write below finds a renamed column by the header the plan knows it by.
  for (const rename of plan.renames ?? [])
    await renameTableColumn(edit, rename.table, rename.from, rename.to);
  // A sheet laid out anew keeps its old self, tables and all, under another name.
  for (const retired of plan.retired ?? []) {
    for (const table of retired.tables) await renameTable(edit, table.from, table.to);
    await renameSheet(edit, retired.sheet, retired.to);
  }
  // Their names are the plan's to add or point back (a deleted sheet leaves them as #REF!).
  await addSheets(
    edit,
    plan.sheets.map((s) => {
      const retired = plan.retired?.find((r) => r.sheet === s.planned.name);
      const position = retired && retired.position >= 0 ? retired.position : undefined;
      return { planned: { ...s.planned, names: [] }, position };
    })
  );
  for (const sheet of [...new Set(plan.blocks.map((b) => b.sheet))])
    await addBlocks(
      edit,
      sheet,
      plan.blocks.filter((b) => b.sheet === sheet).map((b) => b.planned)
    );
  const tables = new Map(
    [...file.sheets.values()].flatMap((s) =>
      s.objects.tables.map((t) => [t.name.toLowerCase(), { path: t.path, sheet: s.sheet.name }])
    )
  );
  const tableAt = (name: string): TableAt => {
    const found = tables.get(name.toLowerCase());
    if (!found) throw new PackageConflict(`The workbook has no table "${name}" any more.`);
    return found;
  };
  for (const added of plan.columns) await addColumn(edit, tableAt(added.table), added);
  await edit.changeNames(plan.names.map((n) => ({ name: n.name, formula: n.formula })));

  const bySheet = new Map<string, CellWrite[]>();
  const add = (sheet: string, write: CellWrite) =>
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), write]);
  for (const cell of plan.cells) {
    // Table cells are found through their column: an added column may have moved them.
    const origin = cell.table
      ? await columnCell(edit, tableAt(cell.table.name), cell.table.header, cell.table.row)
      : cellPosition(cell.address.split(":")[0]);
    cell.formulas.forEach((row, r) =>
      row.forEach((input, c) =>
        add(cell.sheet, { row: origin.row + r, column: origin.column + c, ...typed(input) })
      )
    );
  }
  const styles = await edit.styles();
  for (const format of plan.formats) {
    const table = tableAt(format.table);
    const shape = await tableShape(edit, table);
    const index = shape.columns.findIndex((h) => h.toLowerCase() === format.header.toLowerCase());
    if (index < 0) continue;
    const cells = readSheetCells((await edit.sheetXml(table.sheet)) ?? "", []);
    const column = shape.left + index;
    const area = {
      top: shape.top + 1,
      bottom: shape.bottom - shape.totals,
      left: column,
      right: column,
    };
    for (let row = area.top; row <= area.bottom; row += 1) {
      const code = format.rowNumberFormats?.[row - area.top]?.[0] ?? format.numberFormat;
      if (code === undefined) continue;
      const style = styles.withNumberFormat(styleAt(cells, row, column), code);
      add(table.sheet, { row, column, keep: "content", style });
    }
    const validation = format.validation;
    if (validation)
      await edit.changeSheet(table.sheet, (xml) => setValidation(xml, area, validation));
    for (const rule of format.conditionalFormats ?? []) {
      const colours = HIGHLIGHT_COLOURS[rule.highlight];
      const dxf = () => styles.highlight(colours.fill, colours.font);
      await edit.changeSheet(table.sheet, (xml) => addConditionalFormat(xml, area, rule, dxf));
    }
  }
  for (const s of plan.stamps) {
    add(METADATA_SHEET, { row: s.row, column: UPDATED_COLUMN, value: stamp });
    if (s.version)
      add(METADATA_SHEET, { row: s.row, column: VERSION_COLUMN, value: s.version.next });
    if (s.names) add(METADATA_SHEET, { row: s.row, column: NAMES_COLUMN, value: s.names.next });
  }
  for (const [sheet, writes] of bySheet) await edit.writeCells(sheet, writes);
  await drawCharts(edit, plan);
}

/**
 * What a cell holds once `input` is written to range.formulas, as Office.js reads it: "=..." is a
 * formula, "'..." text without its quote; other values stay what they are.
 */
function typed(input: string | number | boolean): { formula?: string; value: CellValue } {
  if (typeof input !== "string") return { value: input };
  if (input.startsWith("=")) return { formula: input, value: null };
  return { value: input.startsWith("'") ? input.slice(1) : input };
}

/** The sheet position of a table column's data row, by header, as the table is now. */
async function columnCell(
  edit: PackageEdit,
  table: TableAt,
  header: string,
  row: number
): Promise<{ row: number; column: number }> {
  const shape = await tableShape(edit, table);
  const index = shape.columns.findIndex((h) => h.toLowerCase() === header.toLowerCase());
  // Never a cell beside the table: those are the user's.
  if (index < 0) throw new PackageConflict(`The table's column "${header}" is not there any more.`);
  return { row: shape.top + 1 + row, column: shape.left + index };
}

/**
 * A template column added back (or, rolling forward, a new period): cells in the table's rows move
 * right, and the new cells take the look of the column on their left, as Excel gives a table's new
 * column its neighbour's format.
 */
async function addColumn(
  edit: PackageEdit,
  table: TableAt,
  added: RefreshPlan["columns"][number]
): Promise<void> {
  const column = await addTableColumn(edit, table, {
    header: added.header,
    index: added.index,
    formula: added.formula,
    total: added.total,
  });
  const shape = await tableShape(edit, table);
  const cells = readSheetCells((await edit.sheetXml(table.sheet)) ?? "", []);
  const look = (row: number) => (column > shape.left ? styleAt(cells, row, column - 1) : undefined);
  const writes: CellWrite[] = [
    { row: shape.top, column, value: added.header, style: look(shape.top) },
  ];
  for (let r = 0; r < added.rows; r += 1) {
    const row = shape.top + 1 + r;
    const value = added.values?.[r]?.[0];
    writes.push(
      added.formula
        ? { row, column, formula: added.formula, value: null, style: look(row) }
        : { row, column, value: value === undefined ? null : asCellValue(value), style: look(row) }
    );
  }
  if (shape.totals > 0)
    writes.push(
      added.total
        ? {
            row: shape.bottom,
            column,
            formula: added.total,
            value: null,
            style: look(shape.bottom),
          }
        : { row: shape.bottom, column, keep: "content", style: look(shape.bottom) }
    );
  await edit.writeCells(table.sheet, writes);
}

/** Template charts drawn again over their tables, with caches from the cells as they are. */
async function drawCharts(edit: PackageEdit, plan: RefreshPlan): Promise<void> {
  const sheets = [...new Set(plan.charts.map((c) => c.sheet))];
  const charts = await Promise.all(
    sheets.map(async (sheet) => {
      const cells = readSheetCells((await edit.sheetXml(sheet)) ?? "", await edit.sharedStrings());
      const at = (address: string) => {
        const { row, column } = cellPosition(address);
        return cellAt(cells, row, column);
      };
      return {
        sheet,
        charts: plan.charts
          .filter((c) => c.sheet === sheet)
          .map((c) =>
            fileChartOver(
              { sheet, value: (a) => asCellValue(at(a).value), format: () => undefined },
              c.chart
            )
          ),
      };
    })
  );
  await addCharts(edit.pkg, charts);
}
