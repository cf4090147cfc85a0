import { CachedRange, FileChart, FileSeries } from "./fileChart";
import { CHART_FONT_POINTS } from "../../workbook/printLayout";

/**
 * The chart part (xl/charts/chartN.xml, c:chartSpace) of one chart, in the element order of the
 * ECMA-376 schema and as Excel itself writes it (compared with XlsxWriter's files saved by Excel):
 * a column, bar, line or radar group, a line group over the columns for a combo chart sharing its
 * two axes, a category and a value axis, the legend below. Colours are left to the theme, as Excel's
 * defaults are.
 */

const NS =
  'xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Text for an XML element or attribute value. */
export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      // XML 1.0 has no place for control characters other than tab and line breaks.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "")
  );
}

const val = (name: string, value: string | number) => `<c:${name} val="${value}"/>`;

/** A number as the file holds it: shortest round-trip text, never exponent-free garbage. */
const numberText = (value: number) => String(value);

function stringCache(range: CachedRange): string {
  const points = range.points
    .map((p, i) => (p === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(p))}</c:v></c:pt>`))
    .join("");
  return `<c:strCache>${val("ptCount", range.points.length)}${points}</c:strCache>`;
}

export function numberCache(range: CachedRange): string {
  const points = range.points
    .map((p, i) =>
      typeof p === "number" && Number.isFinite(p)
        ? `<c:pt idx="${i}"><c:v>${numberText(p)}</c:v></c:pt>`
        : ""
    )
    .join("");
  return (
    `<c:numCache><c:formatCode>${escapeXml(range.formatCode)}</c:formatCode>` +
    `${val("ptCount", range.points.length)}${points}</c:numCache>`
  );
}

/** Categories are numbers (dates) when every filled cell is one, else text. */
export function categoryXml(range: CachedRange): string {
  const filled = range.points.filter((p) => p !== null);
  const numeric = filled.length > 0 && filled.every((p) => typeof p === "number");
  return numeric
    ? `<c:cat><c:numRef><c:f>${escapeXml(range.ref)}</c:f>${numberCache(range)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef><c:f>${escapeXml(range.ref)}</c:f>${stringCache(range)}</c:strRef></c:cat>`;
}

const NO_MARKER = '<c:marker><c:symbol val="none"/></c:marker>';

function seriesXml(
  series: FileSeries,
  index: number,
  categories: CachedRange,
  group: "bar" | "line" | "radar"
): string {
  const name =
    `<c:tx><c:strRef><c:f>${escapeXml(series.nameRef)}</c:f><c:strCache>${val("ptCount", 1)}` +
    `<c:pt idx="0"><c:v>${escapeXml(series.name)}</c:v></c:pt></c:strCache></c:strRef></c:tx>`;
  const values = `<c:val><c:numRef><c:f>${escapeXml(series.values.ref)}</c:f>${numberCache(series.values)}</c:numRef></c:val>`;
  // Schema order: idx, order, tx, spPr, (invertIfNegative | marker), ..., cat, val, (smooth).
  const marker = group === "bar" ? val("invertIfNegative", 0) : NO_MARKER;
  const smooth = group === "line" ? val("smooth", 0) : "";
  return (
    `<c:ser>${val("idx", index)}${val("order", index)}${name}${marker}` +
    `${categoryXml(categories)}${values}${smooth}</c:ser>`
  );
}

const AX_CATEGORY = 50010001;
const AX_VALUE = 50010002;
const axisIds = `${val("axId", AX_CATEGORY)}${val("axId", AX_VALUE)}`;

function groupXml(chart: FileChart): string {
  const indexed = chart.series.map((series, index) => ({ series, index }));
  const bars = indexed.filter((s) => !s.series.line);
  const lines = indexed.filter((s) => s.series.line);
  const each = (list: typeof indexed, group: "bar" | "line" | "radar") =>
    list.map(({ series, index }) => seriesXml(series, index, chart.categories, group)).join("");
  switch (chart.kind) {
    case "column":
    case "bar": {
      const barGroup =
        `<c:barChart>${val("barDir", chart.kind === "column" ? "col" : "bar")}` +
        `${val("grouping", "clustered")}${val("varyColors", 0)}${each(bars, "bar")}` +
        `${val("gapWidth", 150)}${axisIds}</c:barChart>`;
      // A combo: the line series in a line group on the same two axes (Excel's own layout).
      const lineGroup =
        lines.length === 0
          ? ""
          : `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${each(lines, "line")}` +
            `${val("marker", 1)}${axisIds}</c:lineChart>`;
      return barGroup + lineGroup;
    }
    case "line":
      return (
        `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${each(indexed, "line")}` +
        `${val("marker", 1)}${axisIds}</c:lineChart>`
      );
    case "radar":
      return (
        `<c:radarChart>${val("radarStyle", "marker")}${val("varyColors", 0)}` +
        `${each(indexed, "radar")}${axisIds}</c:radarChart>`
      );
  }
}

function axesXml(chart: FileChart): string {
  const horizontal = chart.kind === "bar";
  const format = chart.series[0]?.values.formatCode ?? "General";
  const categoryAxis =
    `<c:catAx>${val("axId", AX_CATEGORY)}<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "l" : "b")}` +
    `${chart.kind === "radar" ? "<c:majorGridlines/>" : ""}` +
    `${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${val("crossAx", AX_VALUE)}${val("crosses", "autoZero")}${val("auto", 1)}` +
    `${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>`;
  const valueAxis =
    `<c:valAx>${val("axId", AX_VALUE)}<c:scaling>${val("orientation", "minMax")}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", horizontal ? "b" : "l")}<c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="1"/>` +
    `${val("majorTickMark", chart.kind === "radar" ? "cross" : "out")}${val("minorTickMark", "none")}` +
    `${val("tickLblPos", "nextTo")}${val("crossAx", AX_CATEGORY)}${val("crosses", "autoZero")}` +
    `${val("crossBetween", "between")}</c:valAx>`;
  return categoryAxis + valueAxis;
}

function titleXml(title: string): string {
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr/></a:pPr>` +
    `<a:r><a:rPr lang="en-US"/><a:t>${escapeXml(title)}</a:t></a:r></a:p></c:rich></c:tx>` +
    `${val("overlay", 0)}</c:title>`
  );
}

/** The chart's default text size (CHART_FONT_POINTS), in hundredths of a point. */
function textSize(): string {
  return (
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${CHART_FONT_POINTS * 100}"/></a:pPr>` +
    `<a:endParaRPr lang="en-US"/></a:p></c:txPr>`
  );
}

export function chartXml(chart: FileChart): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace ${NS}>${val("date1904", 0)}${val("lang", "en-US")}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(chart.title)}${val("autoTitleDeleted", 0)}` +
    `<c:plotArea><c:layout/>${groupXml(chart)}${axesXml(chart)}</c:plotArea>` +
    `<c:legend>${val("legendPos", "b")}${val("overlay", 0)}</c:legend>` +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>${textSize()}</c:chartSpace>`
  );
}
