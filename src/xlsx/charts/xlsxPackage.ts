import { Buffer } from "buffer";
import JSZip from "jszip";
import { zipFile } from "../zipFile";
import { escapeXml } from "./chartXml";
import { folderOf, relsOf, resolveTarget, tags, unescapeXml } from "../xmlText";

// Kept here for the package editors that import them with XlsxPackage.
export { folderOf, relsOf, resolveTarget, tags, unescapeXml };

const CONTENT_TYPES = "[Content_Types].xml";

/**
 * An .xlsx package (a zip of XML parts) opened for additions: reading parts, free part names and
 * relationship ids, relationships, content-type overrides and a worksheet's drawing. Only what is
 * added is written; every other part stays byte for byte as it was.
 */

export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const DRAWING_REL = `${REL}/drawing`;
export const CHART_REL = `${REL}/chart`;
export const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
export const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const RELS_HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">';

/** The elements CT_Worksheet puts after <colBreaks>, in its sequence's order. */
export const AFTER_COL_BREAKS = [
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** Elements a <drawing> must come before in a worksheet (CT_Worksheet's sequence after drawing). */
/** CT_Worksheet's children from <conditionalFormatting> on, in its sequence's order (Part 1, A.2). */
const FROM_CONDITIONAL_FORMATTING = [
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  ...AFTER_COL_BREAKS,
];

/** The worksheet children that must come after `name` (one of those from conditionalFormatting on). */
export function worksheetChildrenAfter(name: string): string[] {
  return FROM_CONDITIONAL_FORMATTING.slice(FROM_CONDITIONAL_FORMATTING.indexOf(name) + 1);
}

const AFTER_DRAWING = worksheetChildrenAfter("drawing");

/**
 * The worksheet with `element` put before its first child named in `followers` (the elements
 * CT_Worksheet's sequence puts after it, all of them after <sheetData>), else last. Only the
 * worksheet's own children count: a data bar's <cfRule> holds an <extLst> of its own.
 */
export function insertWorksheetChild(
  xml: string,
  followers: readonly string[],
  element: string
): string {
  const wanted = new Set(followers);
  const before =
    /<sheetData\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetData>)/.exec(xml) ?? /<worksheet\b[^>]*>/.exec(xml);
  const tag = /<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g;
  tag.lastIndex = before ? before.index + before[0].length : 0;
  let at = xml.lastIndexOf("</worksheet>");
  let depth = 0;
  for (let m = tag.exec(xml); m && depth >= 0; m = tag.exec(xml)) {
    if (m[1]) depth -= 1;
    else if (depth === 0 && wanted.has(m[2])) {
      at = m.index;
      break;
    } else if (!m[3]) depth += 1;
  }
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}

export class XlsxPackage {
  private readonly overrides: { part: string; type: string }[] = [];

  constructor(readonly zip: JSZip) {}

  static async open(xlsx: Uint8Array): Promise<XlsxPackage> {
    return new XlsxPackage(await JSZip.loadAsync(xlsx));
  }

  /** The package as .xlsx bytes: [Content_Types].xml first, every part deflated (zipFile). */
  async bytes(): Promise<Buffer> {
    const names = this.parts().sort((a, b) =>
      a === CONTENT_TYPES ? -1 : b === CONTENT_TYPES ? 1 : 0
    );
    const parts = await Promise.all(
      names.map(async (name) => ({ name, data: await this.zip.file(name)!.async("uint8array") }))
    );
    return zipFile(parts);
  }

  /** Every part's path. */
  parts(): string[] {
    return Object.keys(this.zip.files).filter((path) => !this.zip.files[path].dir);
  }

  async text(path: string): Promise<string | undefined> {
    return this.zip.file(path)?.async("string");
  }

  write(path: string, text: string): void {
    this.zip.file(path, text, { createFolders: false });
  }

  /** The first "xl/<folder>/<stem>N.xml" not in the package. */
  freePart(folder: string, stem: string): string {
    for (let n = 1; ; n += 1) {
      const path = `xl/${folder}/${stem}${n}.xml`;
      if (!this.zip.file(path)) return path;
    }
  }

  override(part: string, type: string): void {
    this.overrides.push({ part, type });
  }

  /**
   * Adds a relationship to the part's .rels (made if missing) under `id` when free (a copied part's
   * XML may name its relationships), else the next free rId; returns the id.
   */
  async relate(owner: string, type: string, target: string, id?: string): Promise<string> {
    const path = relsOf(owner);
    const rels = (await this.text(path)) ?? `${RELS_HEAD}</Relationships>`;
    const used = new Set(tags(rels, "Relationship").map((r) => r.Id));
    let chosen = id && !used.has(id) ? id : undefined;
    for (let n = used.size + 1; !chosen; n += 1) if (!used.has(`rId${n}`)) chosen = `rId${n}`;
    const relative = relativeTarget(folderOf(owner), target);
    this.write(
      path,
      rels.replace(
        "</Relationships>",
        `<Relationship Id="${chosen}" Type="${type}" Target="${escapeXml(relative)}"/></Relationships>`
      )
    );
    return chosen;
  }

  async finishContentTypes(): Promise<void> {
    const path = CONTENT_TYPES;
    let types = (await this.text(path)) ?? "";
    const present = new Set(tags(types, "Override").map((o) => o.PartName));
    for (const { part, type } of this.overrides)
      if (!present.has(`/${part}`))
        types = types.replace(
          "</Types>",
          `<Override PartName="/${escapeXml(part)}" ContentType="${type}"/></Types>`
        );
    this.write(path, types);
  }
}

/** `target` (a package path) as seen from `fromFolder`, as Excel writes relationship targets. */
function relativeTarget(fromFolder: string, target: string): string {
  const from = fromFolder.split("/");
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common += 1;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Package path of each worksheet, by sheet name (workbook.xml and its relationships). */
export async function worksheetPaths(pkg: XlsxPackage): Promise<Map<string, string>> {
  const workbook = (await pkg.text("xl/workbook.xml")) ?? "";
  const rels = tags((await pkg.text("xl/_rels/workbook.xml.rels")) ?? "", "Relationship");
  const paths = new Map<string, string>();
  for (const sheet of tags(workbook, "sheet")) {
    const rel = rels.find((r) => r.Id === sheet["r:id"]);
    if (rel) paths.set(sheet.name, resolveTarget("xl", rel.Target));
  }
  return paths;
}

export const EMPTY_DRAWING =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"></xdr:wsDr>';

/** The sheet's drawing part: the one it already refers to, or a new one it is given. */
export async function drawingOf(pkg: XlsxPackage, sheetPath: string): Promise<string> {
  const sheet = (await pkg.text(sheetPath)) ?? "";
  const existing = tags(sheet, "drawing")[0]?.["r:id"];
  if (existing) {
    const rel = tags((await pkg.text(relsOf(sheetPath))) ?? "", "Relationship").find(
      (r) => r.Id === existing
    );
    if (rel) return resolveTarget(folderOf(sheetPath), rel.Target);
  }
  const drawing = pkg.freePart("drawings", "drawing");
  pkg.write(drawing, EMPTY_DRAWING);
  pkg.override(drawing, DRAWING_TYPE);
  const id = await pkg.relate(sheetPath, DRAWING_REL, drawing);
  pkg.write(sheetPath, withDrawing(sheet, id));
  return drawing;
}

/** The worksheet with <drawing r:id> where CT_Worksheet puts it, and the r namespace declared. */
export function withDrawing(sheet: string, relId: string): string {
  return insertWorksheetChild(
    withRelationshipPrefix(sheet),
    AFTER_DRAWING,
    `<drawing r:id="${relId}"/>`
  );
}

/** The worksheet with the r: prefix its relationship ids (r:id) use declared. */
export function withRelationshipPrefix(sheet: string): string {
  return /<worksheet\b[^>]*\sxmlns:r=/.test(sheet)
    ? sheet
    : sheet.replace(/<worksheet\b/, `<worksheet xmlns:r="${REL}"`);
}
