import { Buffer } from "buffer";
import { tags, worksheetPaths, XlsxPackage } from "./charts/xlsxPackage";
import { withColumnBreaks } from "./pageBreaks";

/**
 * Puts a workbook's print layout back after ExcelJS rewrote it (import-focus): ExcelJS drops
 * <colBreaks> and keeps only the first range of a print area of several (src/xlsx/printAreas.ts), so
 * the team budget would print its summary columns and not its months. Sheets are matched by name.
 */
export async function carryPrint(original: Uint8Array, rewritten: Uint8Array): Promise<Buffer> {
  const from = await XlsxPackage.open(original);
  const to = await XlsxPackage.open(rewritten);
  const toSheets = await worksheetPaths(to);
  for (const [name, path] of await worksheetPaths(from)) {
    const breaks = /<colBreaks\b[\s\S]*?<\/colBreaks>/.exec((await from.text(path)) ?? "");
    const target = [...toSheets].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    if (!breaks || !target) continue;
    const columns = tags(breaks[0], "brk").map((b) => Number(b.id));
    to.write(target, withColumnBreaks((await to.text(target)) ?? "", columns));
  }
  // A print area of several ranges, whole, where the rewrite kept its first range only.
  const areas = (xml: string) =>
    [...xml.matchAll(/<definedName name="_xlnm\.Print_Area"[^>]*>([^<]*)<\/definedName>/g)].map(
      (m) => m[1]
    );
  let book = (await to.text("xl/workbook.xml")) ?? "";
  for (const area of areas((await from.text("xl/workbook.xml")) ?? "")) {
    if (!area.includes(",")) continue;
    const first = area.split(",")[0];
    const kept = areas(book).find((a) => a === first);
    if (kept !== undefined) book = book.replace(`>${kept}</definedName>`, `>${area}</definedName>`);
  }
  to.write("xl/workbook.xml", book);
  return to.bytes();
}
