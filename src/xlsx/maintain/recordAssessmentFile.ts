import { rangeBounds } from "../../workbook/addresses";
import { planAssessmentRecord } from "../../workbook/maintain/assessmentRecord";
import { CellWrite } from "../edit/cellWrites";
import { withSeriesOver } from "../edit/chartSeries";
import { PackageEdit } from "../edit/packageEdit";
import { appendTableRow } from "../edit/tableGrowth";
import { WorkbookFile } from "../read/readWorkbookFile";
import { styleAt } from "../read/sheetCells";
import { withCachedValues } from "./cachedValues";
import { FileOperation } from "./repairFile";

/**
 * Record assessment (the pane's): the scorecard's current results as a new row of its history, the
 * trend chart stretched over it, as src/excel/recordAssessment.ts does in the open workbook.
 */
export async function recordAssessmentFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  now: Date,
  date: Date | undefined,
  dryRun: boolean
): Promise<FileOperation> {
  const record = planAssessmentRecord(file.readBack, now, date);
  if (typeof record === "string") return { changes: [], notes: [record] };
  const sheet = file.sheets.get(record.sheet.toLowerCase());
  const table = sheet?.objects.tables.find(
    (t) => t.name.toLowerCase() === record.table.toLowerCase()
  );
  const chart = sheet?.objects.charts.find((c) => c.title === record.chart.title);
  const notes = [
    ...record.notes,
    ...(chart ? [] : [`The chart "${record.chart.title}" is not on the sheet any more.`]),
  ];
  const changes = chart ? record.preview : record.preview.slice(0, 1);
  if (dryRun || !sheet || !table) return { changes, notes };

  const edit = await PackageEdit.open(bytes);
  const { top, left } = rangeBounds(table.ref);
  const above = top + table.headerRows + record.index - 1;
  const styles = record.row.map((_, c) => styleAt(sheet.cells, above, left + c));
  const row = record.append
    ? await appendTableRow(edit, { path: table.path, sheet: record.sheet })
    : top + table.headerRows + record.index;
  const writes = record.row.flatMap((cell, c): CellWrite[] => {
    const at = { row, column: left + c, style: record.append ? styles[c] : undefined };
    if (cell === null) return record.append ? [{ ...at, keep: "content" }] : [];
    if (typeof cell === "string" && cell.startsWith("'")) return [{ ...at, value: cell.slice(1) }];
    if (typeof cell === "string" && cell.startsWith("="))
      return [{ ...at, formula: cell, value: null }];
    return [{ ...at, value: cell }];
  });
  await edit.writeCells(record.sheet, writes);
  if (chart)
    await edit.changePart(chart.path, (xml) => withSeriesOver(xml, record.sheet, record.chart));
  const done = await withCachedValues(new Uint8Array(await edit.bytes()));
  return { changes, notes, bytes: done.bytes };
}
