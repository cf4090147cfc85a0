import { cellPosition, rangeBounds } from "../../workbook/addresses";
import { RefreshPlan } from "../../workbook/maintain/refreshPlan";
import {
  METADATA_SHEET,
  NAMES_COLUMN,
  UPDATED_COLUMN,
  VERSION_COLUMN,
} from "../../workbook/metadata";
import { HIGHLIGHT_COLOURS } from "../../workbook/styles";
import { CellWrite } from "../edit/cellWrites";
import { PackageEdit } from "../edit/packageEdit";
import { addConditionalFormat, setValidation } from "../edit/sheetRulesEdit";
import { WorkbookFile } from "../read/readWorkbookFile";
import { styleAt } from "../read/sheetCells";

/**
 * A refresh plan written into a file, as src/excel/applyRefresh.ts queueRefresh writes it into the open
 * workbook: computed formulas put back, names, the formatting of template columns, the store's stamps.
 * Formula cells get their cached values afterwards (cachedValues.ts), from the workbook as it then is.
 */

/** What of a plan the file host does not do yet, in the plan's own words; empty when it does it all. */
export function notOnFiles(plan: RefreshPlan): string[] {
  const sheets = plan.sheets.map((s) => `recreate the sheet "${s.planned.name}"`);
  const blocks = plan.blocks.map((b) => `add back a table on "${b.sheet}"`);
  const columns = plan.columns.map((c) => `add back the column ${c.header} of ${c.table}`);
  const charts = plan.charts.map((c) => `draw the chart "${c.chart.title}" again`);
  const renames = (plan.renames ?? []).map((r) => `rename the column ${r.from} of ${r.table}`);
  const retired = (plan.retired ?? []).map((r) => `lay out "${r.sheet}" anew`);
  return [...sheets, ...blocks, ...columns, ...charts, ...renames, ...retired];
}

export async function applyRefreshToFile(
  edit: PackageEdit,
  file: WorkbookFile,
  plan: RefreshPlan,
  stamp: string
): Promise<void> {
  const bySheet = new Map<string, CellWrite[]>();
  const add = (sheet: string, write: CellWrite) =>
    bySheet.set(sheet, [...(bySheet.get(sheet) ?? []), write]);
  for (const cell of plan.cells) {
    const origin = cellPosition(cell.address.split(":")[0]);
    cell.formulas.forEach((row, r) =>
      row.forEach((formula, c) =>
        add(cell.sheet, { row: origin.row + r, column: origin.column + c, formula, value: null })
      )
    );
  }
  const styles = await edit.styles();
  for (const format of plan.formats) {
    const table = file.readBack.tables.find((t) => t.name === format.table);
    const index = table?.headers.findIndex((h) => h.toLowerCase() === format.header.toLowerCase());
    const sheet = table && file.sheets.get(table.sheet.toLowerCase());
    if (!table || index === undefined || index < 0 || !sheet) continue;
    const { top, left, bottom } = rangeBounds(table.address);
    const area = { top: top + 1, bottom, left: left + index, right: left + index };
    for (let row = area.top; row <= area.bottom; row += 1) {
      const code = format.rowNumberFormats?.[row - area.top]?.[0] ?? format.numberFormat;
      if (code === undefined) continue;
      const style = styles.withNumberFormat(styleAt(sheet.cells, row, area.left), code);
      add(table.sheet, { row, column: area.left, keep: "content", style });
    }
    const validation = format.validation;
    if (validation)
      await edit.changeSheet(table.sheet, (xml) => setValidation(xml, area, validation));
    for (const rule of format.conditionalFormats ?? []) {
      const colours = HIGHLIGHT_COLOURS[rule.highlight];
      const dxf = styles.highlight(colours.fill, colours.font);
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
  await edit.changeNames(plan.names.map((n) => ({ name: n.name, formula: n.formula })));
}
