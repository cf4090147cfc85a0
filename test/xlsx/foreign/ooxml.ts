/**
 * Namespaces, content types and relationship types the foreign-part fixture writes, as ECMA-376 and
 * [MS-XLSX] name them (the Excel 2010 extensions: slicers, sparklines), and two small string helpers.
 */

export const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

export const NS = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  mc: "http://schemas.openxmlformats.org/markup-compatibility/2006",
  x14ac: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac",
  x14: "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main",
  xm: "http://schemas.microsoft.com/office/excel/2006/main",
  xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  a: "http://schemas.openxmlformats.org/drawingml/2006/main",
  c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  a14: "http://schemas.microsoft.com/office/drawing/2010/main",
  sle: "http://schemas.microsoft.com/office/drawing/2010/slicer",
  rels: "http://schemas.openxmlformats.org/package/2006/relationships",
  vt: "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes",
} as const;

const R = NS.r;

/** Relationship types (ECMA-376 Part 1 §15 and [MS-XLSX] 2.1 for the slicer parts). */
export const REL_TYPE = {
  worksheet: `${R}/worksheet`,
  drawing: `${R}/drawing`,
  chart: `${R}/chart`,
  image: `${R}/image`,
  comments: `${R}/comments`,
  vmlDrawing: `${R}/vmlDrawing`,
  pivotTable: `${R}/pivotTable`,
  pivotCacheDefinition: `${R}/pivotCacheDefinition`,
  pivotCacheRecords: `${R}/pivotCacheRecords`,
  slicer: "http://schemas.microsoft.com/office/2007/relationships/slicer",
  slicerCache: "http://schemas.microsoft.com/office/2007/relationships/slicerCache",
  externalLink: `${R}/externalLink`,
  externalLinkPath: `${R}/externalLinkPath`,
  customXml: `${R}/customXml`,
  customXmlProps: `${R}/customXmlProps`,
  printerSettings: `${R}/printerSettings`,
  customProperties: `${R}/custom-properties`,
} as const;

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml";

/** Content types of the parts added (Overrides), and of the extensions given a Default. */
export const CONTENT_TYPE = {
  worksheet: `${SML}.worksheet+xml`,
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
  comments: `${SML}.comments+xml`,
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  png: "image/png",
  pivotTable: `${SML}.pivotTable+xml`,
  pivotCacheDefinition: `${SML}.pivotCacheDefinition+xml`,
  pivotCacheRecords: `${SML}.pivotCacheRecords+xml`,
  slicer: "application/vnd.ms-excel.slicer+xml",
  slicerCache: "application/vnd.ms-excel.slicerCache+xml",
  externalLink: `${SML}.externalLink+xml`,
  customXmlProperties: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
  printerSettings: `${SML}.printerSettings`,
  customProperties: "application/vnd.openxmlformats-officedocument.custom-properties+xml",
} as const;

/** Text for an XML attribute value or element content. */
export function esc(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}

/** A .rels part holding the given relationships (Id, Type, Target[, TargetMode]). */
export function relsPart(
  relationships: readonly { id: string; type: string; target: string; external?: boolean }[]
): string {
  const items = relationships
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${
          r.external ? ' TargetMode="External"' : ""
        }/>`
    )
    .join("");
  return `${HEAD}<Relationships xmlns="${NS.rels}">${items}</Relationships>`;
}

/** A drawing anchor's from/to cell markers (0-based column and row, offsets in EMU). */
export function cellMarker(tag: "from" | "to", column: number, row: number): string {
  return (
    `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff>` +
    `<xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`
  );
}
