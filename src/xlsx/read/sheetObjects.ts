import { tags, unescapeXml } from "../xmlText";
import { WorkbookPackage } from "./workbookPackage";

/**
 * The tables (ECMA-376 Part 1, 18.5.1.2) and charts (DrawingML chart parts in the sheet's drawing,
 * Part 1, 20.5 and 21.2) a worksheet refers to, as Office.js names them: a table by its displayName,
 * a chart by its drawing object's name, with its title's text.
 */
export interface FileTable {
  readonly name: string;
  readonly path: string;
  /** The table's whole range, totals row included. */
  readonly ref: string;
  readonly headerRows: number;
  readonly totalsRows: number;
  readonly columns: readonly string[];
}

export interface FileChart {
  readonly name: string;
  readonly title: string;
  readonly path: string;
}

export interface SheetObjects {
  readonly tables: readonly FileTable[];
  readonly charts: readonly FileChart[];
  /** The sheet's drawing part, if it has one. */
  readonly drawing?: string;
}

const relId = (xml: string, tag: string) =>
  tags(xml, tag)
    .map((t) => t["r:id"])
    .filter(Boolean);

export async function readSheetObjects(
  pkg: WorkbookPackage,
  sheetPath: string,
  sheetXml: string
): Promise<SheetObjects> {
  const rels = await pkg.relationships(sheetPath);
  const tables: FileTable[] = [];
  for (const id of relId(sheetXml, "tablePart")) {
    const path = rels.get(id)?.path;
    const xml = path && (await pkg.text(path));
    if (!path || !xml) continue;
    const table = tags(xml, "table")[0] ?? {};
    tables.push({
      name: table.displayName ?? table.name,
      path,
      ref: table.ref,
      headerRows: Number(table.headerRowCount ?? 1),
      totalsRows: Number(table.totalsRowCount ?? 0),
      columns: tags(xml, "tableColumn").map((c) => c.name),
    });
  }
  const drawing = relId(sheetXml, "drawing")
    .map((id) => rels.get(id)?.path)
    .find(Boolean);
  return { tables, charts: drawing ? await chartsOf(pkg, drawing) : [], drawing };
}

async function chartsOf(pkg: WorkbookPackage, drawing: string): Promise<FileChart[]> {
  const xml = (await pkg.text(drawing)) ?? "";
  const rels = await pkg.relationships(drawing);
  const charts: FileChart[] = [];
  for (const [frame] of xml.matchAll(/<xdr:graphicFrame\b[\s\S]*?<\/xdr:graphicFrame>/g)) {
    const chartId = tags(frame, "c:chart")[0]?.["r:id"];
    const path = chartId && rels.get(chartId)?.path;
    if (!path) continue;
    const name = tags(frame, "xdr:cNvPr")[0]?.name ?? "";
    charts.push({ name, title: chartTitle((await pkg.text(path)) ?? ""), path });
  }
  return charts;
}

/** The text of the chart's own title (not an axis title): its rich text runs joined. */
export function chartTitle(chartXml: string): string {
  const plotStart = chartXml.search(/<c:plotArea\b/);
  const head = plotStart < 0 ? chartXml : chartXml.slice(0, plotStart);
  const title = /<c:title>([\s\S]*?)<\/c:title>/.exec(head)?.[1] ?? "";
  return [...title.matchAll(/<a:t>([\s\S]*?)<\/a:t>/g)].map((m) => unescapeXml(m[1])).join("");
}
