import { cellMarker, esc, NS } from "./ooxml";
import { FIRST_DATA_ROW, LAST_DATA_ROW, NOTES_SHEET, SOURCE_ROWS } from "./sheet";

/**
 * The user's own chart: a clustered column chart of Amount by Region over the sheet's cells, as
 * Excel 2016 saves one inserted with its defaults (c:chartSpace in the element order of
 * dml-chart.xsd: the series name as the automatic title, cached categories and values, a category
 * and a value axis, the legend below, print settings), and the graphic frame that anchors it in the
 * sheet's drawing.
 */

const quoted = `'${NOTES_SHEET}'`;
const v = (name: string, value: string | number) => `<c:${name} val="${value}"/>`;

export function chartPart(): string {
  const categories = SOURCE_ROWS.map(
    (r, i) => `<c:pt idx="${i}"><c:v>${esc(r.region)}</c:v></c:pt>`
  ).join("");
  const values = SOURCE_ROWS.map((r, i) => `<c:pt idx="${i}"><c:v>${r.amount}</c:v></c:pt>`).join(
    ""
  );
  const count = SOURCE_ROWS.length;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${v("date1904", 0)}${v("lang", "en-US")}${v("roundedCorners", 0)}` +
    '<c:chart><c:title><c:overlay val="0"/></c:title>' +
    v("autoTitleDeleted", 0) +
    "<c:plotArea><c:layout/><c:barChart>" +
    `${v("barDir", "col")}${v("grouping", "clustered")}${v("varyColors", 0)}` +
    `<c:ser>${v("idx", 0)}${v("order", 0)}` +
    `<c:tx><c:strRef><c:f>${esc(`${quoted}!$C$3`)}</c:f><c:strCache>${v("ptCount", 1)}` +
    '<c:pt idx="0"><c:v>Amount</c:v></c:pt></c:strCache></c:strRef></c:tx>' +
    v("invertIfNegative", 0) +
    `<c:cat><c:strRef><c:f>${esc(`${quoted}!$A$${FIRST_DATA_ROW}:$A$${LAST_DATA_ROW}`)}</c:f>` +
    `<c:strCache>${v("ptCount", count)}${categories}</c:strCache></c:strRef></c:cat>` +
    `<c:val><c:numRef><c:f>${esc(`${quoted}!$C$${FIRST_DATA_ROW}:$C$${LAST_DATA_ROW}`)}</c:f>` +
    `<c:numCache><c:formatCode>#,##0</c:formatCode>${v("ptCount", count)}${values}</c:numCache>` +
    "</c:numRef></c:val></c:ser>" +
    `${v("gapWidth", 219)}${v("overlap", -27)}${v("axId", 508011224)}${v("axId", 508013192)}` +
    "</c:barChart>" +
    `<c:catAx>${v("axId", 508011224)}<c:scaling>${v("orientation", "minMax")}</c:scaling>` +
    `${v("delete", 0)}${v("axPos", "b")}<c:numFmt formatCode="General" sourceLinked="1"/>` +
    `${v("majorTickMark", "none")}${v("minorTickMark", "none")}${v("tickLblPos", "nextTo")}` +
    `${v("crossAx", 508013192)}${v("crosses", "autoZero")}${v("auto", 1)}${v("lblAlgn", "ctr")}` +
    `${v("lblOffset", 100)}${v("noMultiLvlLbl", 0)}</c:catAx>` +
    `<c:valAx>${v("axId", 508013192)}<c:scaling>${v("orientation", "minMax")}</c:scaling>` +
    `${v("delete", 0)}${v("axPos", "l")}<c:majorGridlines/>` +
    '<c:numFmt formatCode="#,##0" sourceLinked="1"/>' +
    `${v("majorTickMark", "none")}${v("minorTickMark", "none")}${v("tickLblPos", "nextTo")}` +
    `${v("crossAx", 508011224)}${v("crosses", "autoZero")}${v("crossBetween", "between")}</c:valAx>` +
    "</c:plotArea>" +
    `<c:legend>${v("legendPos", "b")}${v("overlay", 0)}</c:legend>` +
    `${v("plotVisOnly", 1)}${v("dispBlanksAs", "gap")}</c:chart>` +
    "<c:printSettings><c:headerFooter/>" +
    '<c:pageMargins b="0.75" l="0.7" r="0.7" t="0.75" header="0.3" footer="0.3"/>' +
    "<c:pageSetup/></c:printSettings></c:chartSpace>"
  );
}

/** The chart's graphic frame: columns I:P, rows 6:20. */
export function chartAnchor(shapeId: number, chartRelId: string): string {
  return (
    "<xdr:twoCellAnchor>" +
    cellMarker("from", 8, 5) +
    cellMarker("to", 15, 19) +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
    `<xdr:cNvPr id="${shapeId}" name="Chart ${shapeId - 1}"/><xdr:cNvGraphicFramePr/>` +
    '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${chartRelId}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>"
  );
}
