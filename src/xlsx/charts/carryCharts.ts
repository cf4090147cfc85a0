import { Buffer } from "buffer";
import {
  CHART_REL,
  drawingOf,
  folderOf,
  relsOf,
  resolveTarget,
  tags,
  worksheetPaths,
  XlsxPackage,
} from "./xlsxPackage";

/**
 * Puts the charts of a workbook back after ExcelJS rewrote it (ExcelJS drops charts when it reads a
 * file): each sheet's chart anchors are copied from the original drawing into the rewritten sheet's
 * drawing (one is made if ExcelJS wrote none), each chart part with the parts it refers to (styles,
 * colours) under free names. Sheets are matched by name; a chart keeps its references and its cached
 * values, which the spreadsheet refreshes when it recalculates the file on opening.
 */

const ANCHOR = /<xdr:(twoCellAnchor|oneCellAnchor|absoluteAnchor)\b[\s\S]*?<\/xdr:\1>/g;

/** The chart anchors of a drawing: anchor text and the relationship id of its chart. */
function chartAnchors(drawing: string): { xml: string; relId: string }[] {
  return [...drawing.matchAll(ANCHOR)].flatMap((match) => {
    const chart = /<c:chart\b[^>]*\br:id="([^"]+)"/.exec(match[0]);
    return chart ? [{ xml: match[0], relId: chart[1] }] : [];
  });
}

const contentTypeOf = (types: string, part: string) =>
  tags(types, "Override").find((o) => o.PartName === `/${part}`)?.ContentType;

/** Copies a part and every part its relationships reach (not back to a worksheet) under free names. */
export async function copyPart(
  from: XlsxPackage,
  to: XlsxPackage,
  part: string,
  types: string,
  copied: Map<string, string>
): Promise<string> {
  const done = copied.get(part);
  if (done) return done;
  const folder = part.slice(part.indexOf("/") + 1, part.lastIndexOf("/"));
  const stem = part.slice(part.lastIndexOf("/") + 1).replace(/\d*\.xml$/, "");
  const target = to.freePart(folder, stem);
  copied.set(part, target);
  to.write(target, (await from.text(part)) ?? "");
  const type = contentTypeOf(types, part);
  if (type) to.override(target, type);
  const rels = await from.text(relsOf(part));
  if (rels) {
    for (const rel of tags(rels, "Relationship")) {
      if (rel.TargetMode === "External") continue;
      const reached = resolveTarget(folderOf(part), rel.Target);
      const copy = await copyPart(from, to, reached, types, copied);
      await to.relate(target, rel.Type, copy, rel.Id);
    }
  }
  return target;
}

/** The rewritten package with the original's charts put back on the sheets of the same names. */
export async function carryCharts(original: Uint8Array, rewritten: Uint8Array): Promise<Buffer> {
  const from = await XlsxPackage.open(original);
  const to = await XlsxPackage.open(rewritten);
  const types = (await from.text("[Content_Types].xml")) ?? "";
  const fromSheets = await worksheetPaths(from);
  const toSheets = await worksheetPaths(to);
  const copied = new Map<string, string>();
  for (const [name, sheetPath] of fromSheets) {
    const sheet = (await from.text(sheetPath)) ?? "";
    const drawingId = tags(sheet, "drawing")[0]?.["r:id"];
    const rewrittenSheet = [...toSheets].find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    if (!drawingId || !rewrittenSheet) continue;
    const sheetRels = tags((await from.text(relsOf(sheetPath))) ?? "", "Relationship");
    const drawingRel = sheetRels.find((r) => r.Id === drawingId);
    if (!drawingRel) continue;
    const drawingPath = resolveTarget(folderOf(sheetPath), drawingRel.Target);
    const anchors = chartAnchors((await from.text(drawingPath)) ?? "");
    if (anchors.length === 0) continue;
    const drawingRels = tags((await from.text(relsOf(drawingPath))) ?? "", "Relationship");
    const drawing = await drawingOf(to, rewrittenSheet);
    let xml = (await to.text(drawing)) ?? "";
    let id = Math.max(1, ...tags(xml, "xdr:cNvPr").map((c) => Number(c.id) || 0));
    for (const anchor of anchors) {
      const rel = drawingRels.find((r) => r.Id === anchor.relId && r.Type === CHART_REL);
      if (!rel) continue;
      const chart = await copyPart(
        from,
        to,
        resolveTarget(folderOf(drawingPath), rel.Target),
        types,
        copied
      );
      const relId = await to.relate(drawing, CHART_REL, chart);
      id += 1;
      const moved = anchor.xml
        .replace(/(<c:chart\b[^>]*\br:id=")[^"]+"/, `$1${relId}"`)
        .replace(/(<xdr:cNvPr\b[^>]*\bid=")\d+"/, `$1${id}"`);
      xml = xml.replace("</xdr:wsDr>", `${moved}</xdr:wsDr>`);
    }
    to.write(drawing, xml);
  }
  await to.finishContentTypes();
  return to.bytes();
}
