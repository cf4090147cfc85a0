import { esc, HEAD, NS } from "./ooxml";
import {
  FIRST_DATA_ROW,
  LAST_DATA_ROW,
  NOTES_SHEET,
  PIVOT_LOCATION,
  QUARTERS,
  REGIONS,
  SOURCE_ROWS,
} from "./sheet";

/**
 * A pivot table of Sum of Amount by Region over 'Team notes'!A3:C9, as Excel 2016 saves one made
 * with Insert > PivotTable in compact form (ECMA-376 Part 1 §18.10): the pivot table part
 * (CT_pivotTableDefinition: location, pivot fields with their sorted items, row items, data field,
 * a values-area format, style, and the x14 extension Excel 2010+ writes), the cache definition
 * (worksheet source, one cache field per column with its shared items, and the x14
 * pivotCacheDefinition extension whose pivotCacheId a slicer cache names) and the cache records.
 * Modelled on the element and attribute sets of Excel-saved pivot parts as other writers reproduce
 * them (ExcelJS lib/xlsx/xform/pivot-table, rust_xlsxwriter's pivot cache tests); the workbook
 * registers the cache in <pivotCaches> under PIVOT_CACHE_ID.
 */

export const PIVOT_TABLE_NAME = "PivotTable1";
/** The workbook's <pivotCache cacheId> and the pivot table's cacheId. */
export const PIVOT_CACHE_ID = 1;
/** The x14 pivotCacheId of the cache definition, which a slicer cache's <tabular> names. */
export const X14_PIVOT_CACHE_ID = 1;

export function pivotCacheDefinitionPart(recordsRelId: string): string {
  const amounts = SOURCE_ROWS.map((r) => r.amount);
  const sharedStrings = (values: readonly string[]) =>
    `<sharedItems count="${values.length}">${values.map((x) => `<s v="${esc(x)}"/>`).join("")}</sharedItems>`;
  return (
    `${HEAD}<pivotCacheDefinition xmlns="${NS.main}" xmlns:r="${NS.r}" r:id="${recordsRelId}" ` +
    'refreshedBy="Dana Whitfield" refreshedDate="45408.61789861111" createdVersion="6" ' +
    `refreshedVersion="6" minRefreshableVersion="3" recordCount="${SOURCE_ROWS.length}">` +
    `<cacheSource type="worksheet"><worksheetSource ref="A${FIRST_DATA_ROW - 1}:C${LAST_DATA_ROW}" ` +
    `sheet="${esc(NOTES_SHEET)}"/></cacheSource>` +
    '<cacheFields count="3">' +
    `<cacheField name="Region" numFmtId="0">${sharedStrings(REGIONS)}</cacheField>` +
    `<cacheField name="Quarter" numFmtId="0">${sharedStrings(QUARTERS)}</cacheField>` +
    '<cacheField name="Amount" numFmtId="3"><sharedItems containsSemiMixedTypes="0" ' +
    'containsString="0" containsNumber="1" containsInteger="1" ' +
    `minValue="${Math.min(...amounts)}" maxValue="${Math.max(...amounts)}"/></cacheField>` +
    "</cacheFields>" +
    `<extLst><ext uri="{725AE2AE-9491-48be-B2B4-4EB974FC3084}" xmlns:x14="${NS.x14}">` +
    `<x14:pivotCacheDefinition pivotCacheId="${X14_PIVOT_CACHE_ID}"/></ext></extLst>` +
    "</pivotCacheDefinition>"
  );
}

export function pivotCacheRecordsPart(): string {
  const records = SOURCE_ROWS.map(
    (r) =>
      `<r><x v="${REGIONS.indexOf(r.region)}"/><x v="${QUARTERS.indexOf(r.quarter)}"/>` +
      `<n v="${r.amount}"/></r>`
  ).join("");
  return (
    `${HEAD}<pivotCacheRecords xmlns="${NS.main}" xmlns:r="${NS.r}" ` +
    `count="${SOURCE_ROWS.length}">${records}</pivotCacheRecords>`
  );
}

/** The pivot table; `valuesDxf` is the dxfs index of the values area's number format. */
export function pivotTablePart(valuesDxf: number): string {
  // Items in display order (ascending), each naming its shared item in the cache.
  const sorted = [...REGIONS].sort().map((region) => REGIONS.indexOf(region));
  const items = sorted.map((x) => `<item x="${x}"/>`).join("");
  const rowItems = sorted
    .map((_, i) => (i === 0 ? "<i><x/></i>" : `<i><x v="${i}"/></i>`))
    .join("");
  return (
    `${HEAD}<pivotTableDefinition xmlns="${NS.main}" name="${PIVOT_TABLE_NAME}" ` +
    `cacheId="${PIVOT_CACHE_ID}" applyNumberFormats="0" applyBorderFormats="0" ` +
    'applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" ' +
    'applyWidthHeightFormats="1" dataCaption="Values" updatedVersion="6" ' +
    'minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="6" ' +
    'indent="0" outline="1" outlineData="1" multipleFieldFilters="0">' +
    `<location ref="${PIVOT_LOCATION}" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/>` +
    '<pivotFields count="3">' +
    `<pivotField axis="axisRow" showAll="0"><items count="${sorted.length + 1}">${items}` +
    '<item t="default"/></items></pivotField>' +
    '<pivotField showAll="0"/>' +
    '<pivotField dataField="1" numFmtId="3" showAll="0"/>' +
    "</pivotFields>" +
    '<rowFields count="1"><field x="0"/></rowFields>' +
    `<rowItems count="${sorted.length + 1}">${rowItems}<i t="grand"><x/></i></rowItems>` +
    '<colItems count="1"><i/></colItems>' +
    '<dataFields count="1"><dataField name="Sum of Amount" fld="2" baseField="0" baseItem="0" ' +
    'numFmtId="3"/></dataFields>' +
    `<formats count="1"><format dxfId="${valuesDxf}">` +
    '<pivotArea outline="0" collapsedLevelsAreSubtotals="1" fieldPosition="0">' +
    '<references count="1"><reference field="4294967294" count="1" selected="0"><x v="0"/>' +
    "</reference></references></pivotArea></format></formats>" +
    '<pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" ' +
    'showRowStripes="0" showColStripes="0" showLastColumn="1"/>' +
    `<extLst><ext uri="{962EF5D1-5CA2-4c93-8EF4-DBF5C05439D2}" xmlns:x14="${NS.x14}">` +
    `<x14:pivotTableDefinition hideValuesRow="1" xmlns:xm="${NS.xm}"/></ext></extLst>` +
    "</pivotTableDefinition>"
  );
}
