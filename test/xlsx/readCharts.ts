import { DOMParser } from "@xmldom/xmldom";
import JSZip from "jszip";
import { CHART_SEQUENCES, outOfOrder } from "./ooxmlOrder";

/**
 * Reads the charts of an .xlsx package as Excel finds them: from each sheet through its relationships
 * to its drawing and chart parts. Used on our files and on what LibreOffice saves of them.
 */
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export const parse = (xml: string) => {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== "warning") errors.push(message);
    },
  }).parseFromString(xml, "text/xml");
  expect(errors).toEqual([]);
  return doc as unknown as Document;
};

export interface ParsedChart {
  sheet: string;
  title: string;
  groups: string[];
  series: { name: string; values: string; categories: string; group: string; cached: number }[];
  from: { column: number; row: number };
  to: { column: number; row: number };
}

export const text = (zip: JSZip, path: string) => zip.file(path)!.async("string");
const elements = (doc: Document, ns: string, name: string) =>
  Array.from(doc.getElementsByTagNameNS(ns, name));
export const attr = (el: Element, name: string) => el.getAttribute(name) ?? "";
const relsPath = (part: string) => part.replace(/([^/]+)$/, "_rels/$1.rels");
export const resolve = (from: string, target: string) => {
  const parts = [...from.split("/").slice(0, -1), ...target.split("/")];
  const out: string[] = [];
  for (const p of parts) p === ".." ? out.pop() : out.push(p);
  return out.join("/");
};

/** Every chart of the package, found from the workbook's sheets through their relationships. */
export async function chartsOf(zip: JSZip): Promise<ParsedChart[]> {
  const workbook = parse(await text(zip, "xl/workbook.xml"));
  const workbookRels = parse(await text(zip, "xl/_rels/workbook.xml.rels"));
  const target = (rels: Document, id: string) =>
    Array.from(rels.getElementsByTagName("Relationship")).find((r) => attr(r, "Id") === id)!;
  const charts: ParsedChart[] = [];
  for (const sheet of Array.from(workbook.getElementsByTagName("sheet"))) {
    const sheetPath = resolve(
      "xl/workbook.xml",
      attr(target(workbookRels, attr(sheet, "r:id")), "Target")
    );
    const sheetDoc = parse(await text(zip, sheetPath));
    const drawing = sheetDoc.getElementsByTagName("drawing")[0];
    if (!drawing) continue;
    const sheetRels = parse(await text(zip, relsPath(sheetPath)));
    const drawingRel = target(sheetRels, drawing.getAttributeNS(R, "id")!);
    expect(attr(drawingRel, "Type")).toBe(`${R}/drawing`);
    const drawingPath = resolve(sheetPath, attr(drawingRel, "Target"));
    const drawingDoc = parse(await text(zip, drawingPath));
    const drawingRels = parse(await text(zip, relsPath(drawingPath)));
    for (const anchor of Array.from(drawingDoc.getElementsByTagName("xdr:twoCellAnchor"))) {
      const point = (tag: string) => {
        const el = anchor.getElementsByTagName(tag)[0];
        return {
          column: Number(el.getElementsByTagName("xdr:col")[0].textContent),
          row: Number(el.getElementsByTagName("xdr:row")[0].textContent),
        };
      };
      const ref = anchor.getElementsByTagNameNS(C, "chart")[0];
      if (!ref) continue; // a picture
      const chartRel = target(drawingRels, ref.getAttributeNS(R, "id")!);
      expect(attr(chartRel, "Type")).toBe(`${R}/chart`);
      const chartPath = resolve(drawingPath, attr(chartRel, "Target"));
      const doc = parse(await text(zip, chartPath));
      expect(outOfOrder(doc.documentElement!, CHART_SEQUENCES)).toEqual([]);
      const series = elements(doc, C, "ser").map((ser) => ({
        group: (ser.parentNode as Element).localName,
        name: ser.getElementsByTagNameNS(C, "tx")[0].getElementsByTagNameNS(C, "v")[0].textContent!,
        values: ser.getElementsByTagNameNS(C, "val")[0].getElementsByTagNameNS(C, "f")[0]
          .textContent!,
        categories: ser.getElementsByTagNameNS(C, "cat")[0].getElementsByTagNameNS(C, "f")[0]
          .textContent!,
        cached: ser.getElementsByTagNameNS(C, "val")[0].getElementsByTagNameNS(C, "pt").length,
      }));
      charts.push({
        sheet: attr(sheet, "name"),
        title: elements(doc, "http://schemas.openxmlformats.org/drawingml/2006/main", "t")[0]
          .textContent!,
        groups: [...new Set(series.map((s) => s.group))],
        series,
        from: point("xdr:from"),
        to: point("xdr:to"),
      });
    }
  }
  return charts;
}

/** 'Team budget'!$B$36:$B$47 (or Sheet1!B2) -> sheet and unquoted, non-absolute range. */
export function splitRef(ref: string): { sheet: string; range: string } {
  const match = /^(?:'((?:[^']|'')+)'|([^!']+))!(.+)$/.exec(ref)!;
  return {
    sheet: (match[1] ?? match[2]).replace(/''/g, "'"),
    range: match[3].replace(/\$/g, ""),
  };
}
