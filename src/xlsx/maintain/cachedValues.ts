import { CellValue } from "../../domain/cellValue";
import { cellPosition } from "../../workbook/addresses";
import { currentValues } from "../../workbook/maintain/currentValues";
import { asCellValue, isFormula } from "../../workbook/maintain/grid";
import { surveyWorkbook } from "../../workbook/maintain/survey";
import { withCachesFrom } from "../edit/chartSeries";
import { CellWrite } from "../edit/cellWrites";
import { PackageEdit } from "../edit/packageEdit";
import { readWorkbookFile } from "../read/readWorkbookFile";

/** A formula that shows "" reads back as blank: the two are one value here. */
const shown = (value: CellValue) => JSON.stringify(value === "" ? null : value);

/**
 * The file with every template formula cell's cached value set to what the domain computes from the
 * workbook as it now is (currentValues), and the template charts' caches drawn from those values, so
 * a viewer that never recalculates shows the right figures and Excel's full recalculation on load
 * changes nothing. Only cells whose value changes are written; cells holding a constant typed over a
 * formula are the user's and stay as they are.
 */
export async function withCachedValues(
  bytes: Uint8Array
): Promise<{ bytes: Uint8Array; written: number }> {
  const file = await readWorkbookFile(bytes);
  const survey = surveyWorkbook(file.readBack);
  const computed = new Map<string, CellValue>();
  const bySheet = new Map<string, CellWrite[]>();
  for (const { sheet, address, value } of currentValues(survey)) {
    const cell = survey.cellAt(sheet, address);
    if (!isFormula(cell)) continue;
    computed.set(`${sheet.toLowerCase()}!${address}`, value);
    if (shown(asCellValue(cell.value)) === shown(value)) continue;
    const writes = bySheet.get(sheet) ?? [];
    writes.push({ ...cellPosition(address), keep: "formula", value });
    bySheet.set(sheet, writes);
  }
  const edit = await PackageEdit.open(bytes);
  for (const [sheet, writes] of bySheet) await edit.writeCells(sheet, writes);
  const valueAt = (sheet: string, address: string): CellValue => {
    const key = `${sheet.toLowerCase()}!${address}`;
    return computed.has(key)
      ? (computed.get(key) as CellValue)
      : asCellValue(survey.cellAt(sheet, address).value);
  };
  const charts = survey.templates.flatMap((t) =>
    t.presentSheets.flatMap((s) => file.sheets.get(s.toLowerCase())?.objects.charts ?? [])
  );
  for (const chart of charts)
    await edit.changePart(chart.path, (xml) => withCachesFrom(xml, valueAt));
  const written = [...bySheet.values()].reduce((n, w) => n + w.length, 0);
  return { bytes: new Uint8Array(await edit.bytes()), written };
}
