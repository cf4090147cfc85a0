import { REL, tags, XlsxPackage } from "../../../src/xlsx/charts/xlsxPackage";
import { chartAnchor, chartPart } from "./chart";
import { commentsPart, vmlDrawingPart } from "./comments";
import {
  customPropertiesPart,
  customXmlItemPart,
  customXmlPropsPart,
  EXTERNAL_BOOK_URL,
  externalLinkPart,
  printerSettingsBytes,
  withSheetTitle,
  withTitle,
} from "./extras";
import { pictureAnchor, tinyPng } from "./image";
import { CONTENT_TYPE, esc, HEAD, NS, REL_TYPE, relsPart } from "./ooxml";
import {
  PIVOT_CACHE_ID,
  pivotCacheDefinitionPart,
  pivotCacheRecordsPart,
  pivotTablePart,
} from "./pivot";
import {
  FIRST_DATA_ROW,
  LAST_DATA_ROW,
  NOTES_SHEET,
  notesWorksheet,
  SHEET_STRINGS,
  withSharedStrings,
  withUserStyles,
} from "./sheet";
import {
  slicerAnchor,
  slicerCachePart,
  slicerDefinedName,
  slicersPart,
  workbookSlicerCachesExt,
} from "./slicer";

/**
 * The parts a finance team's year-old copy of the practice workbook holds beside what this project
 * wrote, added to a package the project generated: a hand-made sheet "Team notes" (inserted after the
 * first sheet, as users insert sheets between ours) with cells, a shared formula reading an external
 * workbook, a note, a picture, its own chart, a pivot table with its cache and a slicer, a sparkline,
 * list validation and a conditional format, printer settings; workbook- and sheet-scoped defined
 * names; an external link; custom XML; a custom document property, a title and a company. Each part
 * kind is written by its own module beside this one (sheet, comments, image, chart, pivot, slicer,
 * extras), each naming what it models.
 *
 * The result is the fixture of the in-place commands' promise: whatever they do not own is, as
 * canonical XML, what it was (canonicalParts.ts, foreignView).
 */

/** Where "Team notes" goes in the workbook's sheet order (0-based: after the first sheet). */
export const NOTES_POSITION = 1;

export const NOTES_NAMES = {
  /** Workbook scope: the amounts column. */
  workbook: "TeamNotesAmounts",
  /** Scoped to "Team notes" (localSheetId). */
  sheet: "NotesOwner",
};

const WORKBOOK = "xl/workbook.xml";
const PACKAGE_RELS = "_rels/.rels";
const CONTENT_TYPES = "[Content_Types].xml";

/** Adds to an .xlsx package (bytes of a workbook this project generated) the parts a finance team's year-old workbook holds, modelled on files Excel saves. Returns the new bytes. */
export async function withForeignParts(xlsx: Uint8Array): Promise<Uint8Array> {
  const pkg = await XlsxPackage.open(xlsx);
  const read = async (path: string) => {
    const text = await pkg.text(path);
    if (text === undefined) throw new Error(`The package has no ${path}`);
    return text;
  };
  const free = (name: (n: number) => string) => {
    for (let n = 1; ; n += 1) if (!pkg.zip.file(name(n))) return name(n);
  };
  const workbookRels = tags(await read("xl/_rels/workbook.xml.rels"), "Relationship");
  const partOfType = (type: string) => {
    const rel = workbookRels.find((r) => r.Type === `${REL}/${type}`);
    if (!rel) throw new Error(`The workbook has no ${type} part`);
    return `xl/${rel.Target.replace(/^\/?xl\//, "")}`;
  };

  // The user's strings and formats go into the shared parts, as Excel puts them there.
  const sstPath = partOfType("sharedStrings");
  const shared = withSharedStrings(await read(sstPath), SHEET_STRINGS);
  pkg.write(sstPath, shared.xml);
  const stylesPath = partOfType("styles");
  const styled = withUserStyles(await read(stylesPath));
  pkg.write(stylesPath, styled.xml);

  // The sheet and the parts only it refers to.
  const sheet = pkg.freePart("worksheets", "sheet");
  pkg.override(sheet, CONTENT_TYPE.worksheet);
  const sheetRel = await pkg.relate(WORKBOOK, REL_TYPE.worksheet, sheet);
  let workbook = await read(WORKBOOK);
  const sheetId = Math.max(0, ...tags(workbook, "sheet").map((s) => Number(s.sheetId))) + 1;

  const printer = free((n) => `xl/printerSettings/printerSettings${n}.bin`);
  pkg.zip.file(printer, printerSettingsBytes(), { createFolders: false });
  const printerRel = await pkg.relate(sheet, REL_TYPE.printerSettings, printer);

  const drawing = pkg.freePart("drawings", "drawing");
  pkg.override(drawing, CONTENT_TYPE.drawing);
  const drawingRel = await pkg.relate(sheet, REL_TYPE.drawing, drawing);
  const image = free((n) => `xl/media/image${n}.png`);
  pkg.zip.file(image, tinyPng(), { createFolders: false });
  const imageRel = await pkg.relate(drawing, REL_TYPE.image, image);
  const chart = pkg.freePart("charts", "chart");
  pkg.write(chart, chartPart());
  pkg.override(chart, CONTENT_TYPE.chart);
  const chartRel = await pkg.relate(drawing, REL_TYPE.chart, chart);
  pkg.write(
    drawing,
    `${HEAD}<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">` +
      pictureAnchor(2, imageRel) +
      chartAnchor(3, chartRel) +
      slicerAnchor(4) +
      "</xdr:wsDr>"
  );

  const vml = free((n) => `xl/drawings/vmlDrawing${n}.vml`);
  pkg.write(vml, vmlDrawingPart());
  const vmlRel = await pkg.relate(sheet, REL_TYPE.vmlDrawing, vml);
  const comments = free((n) => `xl/comments${n}.xml`);
  pkg.write(comments, commentsPart());
  pkg.override(comments, CONTENT_TYPE.comments);
  await pkg.relate(sheet, REL_TYPE.comments, comments);

  const pivotTable = pkg.freePart("pivotTables", "pivotTable");
  const cacheDefinition = pkg.freePart("pivotCache", "pivotCacheDefinition");
  const cacheRecords = pkg.freePart("pivotCache", "pivotCacheRecords");
  pkg.write(pivotTable, pivotTablePart(styled.styles.pivotDxf));
  pkg.override(pivotTable, CONTENT_TYPE.pivotTable);
  await pkg.relate(sheet, REL_TYPE.pivotTable, pivotTable);
  await pkg.relate(pivotTable, REL_TYPE.pivotCacheDefinition, cacheDefinition);
  const recordsRel = await pkg.relate(cacheDefinition, REL_TYPE.pivotCacheRecords, cacheRecords);
  pkg.write(cacheDefinition, pivotCacheDefinitionPart(recordsRel));
  pkg.override(cacheDefinition, CONTENT_TYPE.pivotCacheDefinition);
  pkg.write(cacheRecords, pivotCacheRecordsPart());
  pkg.override(cacheRecords, CONTENT_TYPE.pivotCacheRecords);
  const cacheRel = await pkg.relate(WORKBOOK, REL_TYPE.pivotCacheDefinition, cacheDefinition);

  const slicer = pkg.freePart("slicers", "slicer");
  pkg.write(slicer, slicersPart());
  pkg.override(slicer, CONTENT_TYPE.slicer);
  const slicerRel = await pkg.relate(sheet, REL_TYPE.slicer, slicer);
  const slicerCache = pkg.freePart("slicerCaches", "slicerCache");
  pkg.write(slicerCache, slicerCachePart(sheetId));
  pkg.override(slicerCache, CONTENT_TYPE.slicerCache);
  const slicerCacheRel = await pkg.relate(WORKBOOK, REL_TYPE.slicerCache, slicerCache);

  pkg.write(
    sheet,
    notesWorksheet(shared.index, styled.styles, {
      printerSettings: printerRel,
      drawing: drawingRel,
      legacyDrawing: vmlRel,
      slicer: slicerRel,
    })
  );

  // Workbook-level parts.
  const externalLink = pkg.freePart("externalLinks", "externalLink");
  pkg.write(externalLink, externalLinkPart("rId1"));
  pkg.write(
    externalLink.replace(/([^/]+)$/, "_rels/$1.rels"),
    relsPart([
      { id: "rId1", type: REL_TYPE.externalLinkPath, target: EXTERNAL_BOOK_URL, external: true },
    ])
  );
  pkg.override(externalLink, CONTENT_TYPE.externalLink);
  const externalRel = await pkg.relate(WORKBOOK, REL_TYPE.externalLink, externalLink);

  const item = free((n) => `customXml/item${n}.xml`);
  const itemProps = item.replace(/item(\d+)\.xml$/, "itemProps$1.xml");
  pkg.write(item, customXmlItemPart());
  pkg.write(itemProps, customXmlPropsPart());
  pkg.override(itemProps, CONTENT_TYPE.customXmlProperties);
  await pkg.relate(item, REL_TYPE.customXmlProps, itemProps);
  await pkg.relate(WORKBOOK, REL_TYPE.customXml, item);

  pkg.write("docProps/custom.xml", customPropertiesPart());
  pkg.override("docProps/custom.xml", CONTENT_TYPE.customProperties);
  pkg.write(
    PACKAGE_RELS,
    withRelationship(await read(PACKAGE_RELS), REL_TYPE.customProperties, "docProps/custom.xml")
  );
  pkg.write("docProps/core.xml", withTitle(await read("docProps/core.xml")));
  pkg.write(
    "docProps/app.xml",
    withSheetTitle(await read("docProps/app.xml"), NOTES_SHEET, NOTES_POSITION)
  );

  workbook = withNotesSheet(workbook, sheetId, sheetRel);
  workbook = insertAfter(
    workbook,
    "</sheets>",
    `<externalReferences><externalReference r:id="${externalRel}"/></externalReferences>`
  );
  const quoted = `'${NOTES_SHEET}'`;
  workbook = withDefinedNames(workbook, [
    `<definedName name="${NOTES_NAMES.sheet}" localSheetId="${NOTES_POSITION}">${esc(`${quoted}!$B$2`)}</definedName>`,
    slicerDefinedName(),
    // The user's own print area: a built-in name, but of their sheet.
    `<definedName name="_xlnm.Print_Area" localSheetId="${NOTES_POSITION}">${esc(`${quoted}!$A$1:$G$${LAST_DATA_ROW + 3}`)}</definedName>`,
    `<definedName name="${NOTES_NAMES.workbook}">${esc(`${quoted}!$C$${FIRST_DATA_ROW}:$C$${LAST_DATA_ROW}`)}</definedName>`,
  ]);
  workbook = withPivotCache(
    workbook,
    `<pivotCache cacheId="${PIVOT_CACHE_ID}" r:id="${cacheRel}"/>`
  );
  workbook = withWorkbookExt(workbook, workbookSlicerCachesExt(slicerCacheRel));
  pkg.write(WORKBOOK, workbook);

  await pkg.finishContentTypes();
  pkg.write(
    CONTENT_TYPES,
    withDefaults(await read(CONTENT_TYPES), {
      png: CONTENT_TYPE.png,
      bin: CONTENT_TYPE.printerSettings,
      vml: CONTENT_TYPE.vml,
    })
  );
  return new Uint8Array(await pkg.bytes());
}

function insertAfter(xml: string, marker: string, insert: string): string {
  const at = xml.indexOf(marker);
  if (at < 0) throw new Error(`No ${marker} to insert after`);
  return xml.slice(0, at + marker.length) + insert + xml.slice(at + marker.length);
}

/** The <sheet> entry inserted at NOTES_POSITION; sheet-scoped names after it follow their sheet. */
function withNotesSheet(workbook: string, sheetId: number, relId: string): string {
  const entries = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)];
  const entry = `<sheet name="${esc(NOTES_SHEET)}" sheetId="${sheetId}" r:id="${relId}"/>`;
  const before = entries[NOTES_POSITION];
  const xml = before
    ? workbook.slice(0, before.index) + entry + workbook.slice(before.index)
    : workbook.replace("</sheets>", `${entry}</sheets>`);
  return xml.replace(/localSheetId="(\d+)"/g, (_, n) =>
    Number(n) >= NOTES_POSITION ? `localSheetId="${Number(n) + 1}"` : `localSheetId="${n}"`
  );
}

function withDefinedNames(workbook: string, names: readonly string[]): string {
  if (workbook.includes("</definedNames>"))
    return workbook.replace("</definedNames>", `${names.join("")}</definedNames>`);
  const anchor = workbook.includes("</externalReferences>") ? "</externalReferences>" : "</sheets>";
  return insertAfter(workbook, anchor, `<definedNames>${names.join("")}</definedNames>`);
}

/** <pivotCaches> goes after calcPr (and oleSize, customWorkbookViews) in CT_Workbook's sequence. */
function withPivotCache(workbook: string, cache: string): string {
  if (workbook.includes("</pivotCaches>"))
    return workbook.replace("</pivotCaches>", `${cache}</pivotCaches>`);
  const later = ["<smartTagPr", "<smartTagTypes", "<webPublishing", "<fileRecoveryPr"]
    .concat(["<webPublishObjects", "<extLst", "</workbook>"])
    .map((tag) => workbook.indexOf(tag))
    .filter((at) => at >= 0);
  const at = Math.min(...later);
  return `${workbook.slice(0, at)}<pivotCaches>${cache}</pivotCaches>${workbook.slice(at)}`;
}

function withWorkbookExt(workbook: string, ext: string): string {
  if (workbook.includes("</extLst>"))
    return workbook.replace(/<\/extLst>(?![\s\S]*<\/extLst>)/, `${ext}</extLst>`);
  return workbook.replace("</workbook>", `<extLst>${ext}</extLst></workbook>`);
}

/** A package-level relationship added under the next free rId. */
function withRelationship(rels: string, type: string, target: string): string {
  const used = new Set(tags(rels, "Relationship").map((r) => r.Id));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n += 1;
  return rels.replace(
    "</Relationships>",
    `<Relationship Id="rId${n}" Type="${type}" Target="${esc(target)}"/></Relationships>`
  );
}

function withDefaults(types: string, defaults: Record<string, string>): string {
  const present = new Set(tags(types, "Default").map((d) => d.Extension.toLowerCase()));
  const added = Object.entries(defaults)
    .filter(([extension]) => !present.has(extension))
    .map(([extension, type]) => `<Default Extension="${extension}" ContentType="${type}"/>`)
    .join("");
  // Defaults first, as Excel writes them (the schema allows either in any order).
  return types.replace(/(<Types\b[^>]*>)/, `$1${added}`);
}
