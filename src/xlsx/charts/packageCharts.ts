import { PackageConflict } from "../edit/packageConflict";
import { Buffer } from "buffer";
import { chartXml, escapeXml } from "./chartXml";
import { FileChart } from "./fileChart";
import {
  CHART_REL,
  CHART_TYPE,
  drawingOf,
  EMPTY_DRAWING,
  REL,
  tags,
  worksheetPaths,
  XlsxPackage,
} from "./xlsxPackage";

/**
 * Adds chart parts to an .xlsx package after ExcelJS wrote it (ExcelJS writes no charts): per sheet,
 * one drawing part holding a graphic frame per chart (or the drawing ExcelJS already wrote for
 * images, appended to), the chart parts, their relationships, the sheet's <drawing> element and the
 * content-type overrides. Part names and relationship ids are the next free ones, so nothing ExcelJS
 * wrote (images, tables, comments) is renamed or collides. The result must never be read back
 * through ExcelJS, which drops charts.
 */

export interface SheetCharts {
  /** The sheet's name as the workbook shows it. */
  readonly sheet: string;
  readonly charts: readonly FileChart[];
}

/** Named by its title, as the Office.js adapter names its charts (maintenance finds them by either). */
function anchorXml(chart: FileChart, id: number, relId: string): string {
  const point = (tag: "from" | "to", at: { column: number; row: number }) =>
    `<xdr:${tag}><xdr:col>${at.column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${at.row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
  return (
    `<xdr:twoCellAnchor>${point("from", chart.from)}${point("to", chart.to)}` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(chart.title)}" descr="${escapeXml(chart.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">` +
    `<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:r="${REL}" r:id="${relId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** Adds every sheet's charts to the package; sheets are found by name. */
export async function addChartsToPackage(
  xlsx: Uint8Array,
  sheets: readonly SheetCharts[]
): Promise<Buffer> {
  const pkg = await XlsxPackage.open(xlsx);
  await addCharts(pkg, sheets);
  return pkg.bytes();
}

/** Adds every sheet's charts to an open package (content types included). */
export async function addCharts(pkg: XlsxPackage, sheets: readonly SheetCharts[]): Promise<void> {
  const paths = await worksheetPaths(pkg);
  for (const { sheet, charts } of sheets) {
    if (charts.length === 0) continue;
    const sheetPath = paths.get(sheet);
    if (!sheetPath) throw new PackageConflict(`The workbook has no worksheet named "${sheet}".`);
    const drawing = await drawingOf(pkg, sheetPath);
    let xml = (await pkg.text(drawing)) ?? EMPTY_DRAWING;
    const ids = tags(xml, "xdr:cNvPr").map((c) => Number(c.id) || 0);
    let id = Math.max(1, ...ids);
    let anchors = "";
    for (const chart of charts) {
      const part = pkg.freePart("charts", "chart");
      pkg.write(part, chartXml(chart));
      pkg.override(part, CHART_TYPE);
      const relId = await pkg.relate(drawing, CHART_REL, part);
      id += 1;
      anchors += anchorXml(chart, id, relId);
    }
    xml = xml.replace("</xdr:wsDr>", () => `${anchors}</xdr:wsDr>`);
    pkg.write(drawing, xml);
  }
  await pkg.finishContentTypes();
}
