import { cellMarker, esc, HEAD, NS } from "./ooxml";
import { PIVOT_TABLE_NAME, X14_PIVOT_CACHE_ID } from "./pivot";
import { REGIONS } from "./sheet";

/**
 * A slicer on the pivot table's Region field, as Excel 2010+ saves one ([MS-XLSX] 2.3.x, x14
 * namespace): the slicer cache (CT_SlicerCacheDefinition: the pivot tables it filters by sheet id and
 * name, and <data><tabular pivotCacheId> naming the pivot cache's x14 id, with its items sorted and
 * all selected), the slicer part on the sheet (CT_Slicers), the workbook's extLst entry listing the
 * cache (uri {BBE1A952-AA13-448e-AADC-164F8A28A991}), the sheet's extLst entry listing the slicer
 * (uri {A8765BA9-456A-4dab-B4F3-ACF838C121DE}), the defined name Excel makes for the cache (#N/A), and
 * the drawing anchor: an mc:AlternateContent whose a14 choice is a graphic frame holding sle:slicer
 * and whose fallback is the rectangle older versions show. Written from the [MS-XLSX] element
 * sets, checked against slicer parts other writers reproduce from Excel's files (found by code
 * search: the x14 slicer cache with <data><tabular>, the a14 choice for pivot slicers).
 */

export const SLICER_CACHE_NAME = "Slicer_Region";
export const SLICER_NAME = "Region";

export function slicerCachePart(pivotSheetId: number): string {
  const items = [...REGIONS]
    .sort()
    .map((region) => `<i x="${REGIONS.indexOf(region)}" s="1"/>`)
    .join("");
  return (
    `${HEAD}<slicerCacheDefinition xmlns="${NS.x14}" xmlns:mc="${NS.mc}" mc:Ignorable="x" ` +
    `xmlns:x="${NS.main}" name="${SLICER_CACHE_NAME}" sourceName="Region">` +
    `<pivotTables><pivotTable tabId="${pivotSheetId}" name="${PIVOT_TABLE_NAME}"/></pivotTables>` +
    `<data><tabular pivotCacheId="${X14_PIVOT_CACHE_ID}"><items count="${REGIONS.length}">` +
    `${items}</items></tabular></data></slicerCacheDefinition>`
  );
}

export function slicersPart(): string {
  return (
    `${HEAD}<slicers xmlns="${NS.x14}" xmlns:mc="${NS.mc}" mc:Ignorable="x" xmlns:x="${NS.main}">` +
    `<slicer name="${esc(SLICER_NAME)}" cache="${SLICER_CACHE_NAME}" caption="Region" ` +
    'rowHeight="241300"/></slicers>'
  );
}

/** The workbook extLst entry that lists the slicer cache (its relationship from the workbook). */
export function workbookSlicerCachesExt(cacheRelId: string): string {
  return (
    `<ext uri="{BBE1A952-AA13-448e-AADC-164F8A28A991}" xmlns:x14="${NS.x14}">` +
    `<x14:slicerCaches><x14:slicerCache r:id="${cacheRelId}"/></x14:slicerCaches></ext>`
  );
}

/** The defined name Excel adds for every slicer cache. */
export function slicerDefinedName(): string {
  return `<definedName name="${SLICER_CACHE_NAME}">#N/A</definedName>`;
}

/** The slicer's place in the sheet's drawing: columns F:H, rows 10:22. */
export function slicerAnchor(shapeId: number): string {
  return (
    '<xdr:twoCellAnchor editAs="oneCell">' +
    cellMarker("from", 5, 9) +
    cellMarker("to", 7, 21) +
    `<mc:AlternateContent xmlns:mc="${NS.mc}">` +
    `<mc:Choice xmlns:a14="${NS.a14}" Requires="a14">` +
    '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>' +
    `<xdr:cNvPr id="${shapeId}" name="${esc(SLICER_NAME)}"/><xdr:cNvGraphicFramePr/>` +
    '</xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.sle}">` +
    `<sle:slicer xmlns:sle="${NS.sle}" name="${esc(SLICER_NAME)}"/>` +
    "</a:graphicData></a:graphic></xdr:graphicFrame></mc:Choice>" +
    '<mc:Fallback><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="0" name=""/>' +
    '<xdr:cNvSpPr><a:spLocks noTextEdit="1"/></xdr:cNvSpPr></xdr:nvSpPr>' +
    '<xdr:spPr><a:xfrm><a:off x="3657600" y="1714500"/><a:ext cx="1828800" cy="2286000"/></a:xfrm>' +
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:prstClr val="white"/>' +
    '</a:solidFill><a:ln w="1"><a:solidFill><a:prstClr val="green"/></a:solidFill></a:ln></xdr:spPr>' +
    '<xdr:txBody><a:bodyPr vertOverflow="clip" horzOverflow="clip"/><a:lstStyle/><a:p>' +
    '<a:r><a:rPr lang="en-US" sz="1100"/><a:t>This shape represents a slicer. Slicers are ' +
    "supported in Excel 2010 or later.</a:t></a:r></a:p></xdr:txBody></xdr:sp></mc:Fallback>" +
    "</mc:AlternateContent><xdr:clientData/></xdr:twoCellAnchor>"
  );
}
