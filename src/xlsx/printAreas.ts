import { XlsxPackage } from "./charts/xlsxPackage";

/**
 * A print area of several ranges (a sheet printed across pages: stripAreas in
 * src/workbook/printLayout.ts). ExcelJS writes one range per sheet (or, with its "&&", one defined
 * name per range, which Excel refuses as a duplicate): the sheet's first range is written by ExcelJS,
 * and its defined name is given the others here, as Excel writes them, comma-separated.
 */

const absolute = (range: string) =>
  range
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;
const xmlText = (text: string) => text.replace(/&/g, "&amp;").replace(/'/g, "&apos;");

/** The text of a sheet's print area as the workbook part holds it: 'Sheet'!$A$1:$K$9,'Sheet'!... */
export function printAreaText(sheet: string, ranges: readonly string[]): string {
  return xmlText(ranges.map((r) => `${quoted(sheet)}!${absolute(r)}`).join(","));
}

/** Gives each listed sheet's print area all of its ranges; ExcelJS wrote the first. */
export async function addPrintAreas(
  pkg: XlsxPackage,
  sheets: readonly { readonly sheet: string; readonly ranges: readonly string[] }[]
): Promise<void> {
  const path = "xl/workbook.xml";
  let xml = (await pkg.text(path)) ?? "";
  for (const { sheet, ranges } of sheets.filter((s) => s.ranges.length > 1)) {
    const first = `>${printAreaText(sheet, ranges.slice(0, 1))}</definedName>`;
    if (!xml.includes(first)) throw new Error(`No print area of ${sheet} to extend`);
    xml = xml.replace(first, () => `>${printAreaText(sheet, ranges)}</definedName>`);
  }
  pkg.write(path, xml);
}
