import JSZip from "jszip";
import { tags } from "../../../src/xlsx/charts/xlsxPackage";
import { parseXml, resolvePart } from "../foreign/canonicalParts";
import { CHART_SEQUENCES, outOfOrder, WORKBOOK_SEQUENCE, WORKSHEET_SEQUENCE } from "../ooxmlOrder";

/**
 * A package Excel opens: well-formed parts, relationships that resolve, a content type for every
 * part, elements in schema order, style counts that match, unique sheet and table ids.
 */

export const partPaths = (zip: JSZip) =>
  Object.keys(zip.files).filter((path) => !zip.files[path].dir);

export async function tableIds(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.keys(zip.files).filter((p) => /^xl\/tables\/[^/]+\.xml$/.test(p));
  return Promise.all(
    parts.map(async (p) => tags(await zip.file(p)!.async("string"), "table")[0].id)
  );
}

const SEQUENCES: Record<string, readonly string[]> = {
  workbook: WORKBOOK_SEQUENCE,
  worksheet: WORKSHEET_SEQUENCE,
  c: ["f", "v", "is", "extLst"],
  styleSheet: [
    "numFmts",
    "fonts",
    "fills",
    "borders",
    "cellStyleXfs",
    "cellXfs",
    "cellStyles",
    "dxfs",
    "tableStyles",
    "colors",
    "extLst",
  ],
  table: ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"],
};

export async function packageProblems(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const docs = new Map<string, Document>();
  for (const path of partPaths(zip).filter((p) => /\.(xml|rels|vml)$/.test(p))) {
    try {
      docs.set(path, parseXml(await zip.file(path)!.async("string"), path) as unknown as Document);
    } catch (error) {
      problems.push(String(error));
    }
  }
  for (const [path, doc] of docs) {
    if (path.endsWith(".rels")) {
      const source = path === "_rels/.rels" ? "" : path.replace(/_rels\/([^/]+)\.rels$/, "$1");
      for (const rel of Array.from(doc.getElementsByTagName("Relationship")))
        if (rel.getAttribute("TargetMode") !== "External") {
          const target = resolvePart(source, rel.getAttribute("Target") ?? "");
          if (!zip.file(target)) problems.push(`${path}: no ${target}`);
        }
      continue;
    }
    const root = doc.documentElement;
    const sequences = root.localName === "chartSpace" ? CHART_SEQUENCES : SEQUENCES;
    problems.push(...outOfOrder(root, sequences).map((p) => `${path}: ${p}`));
    if (root.localName === "styleSheet")
      for (const list of Array.from(root.childNodes).filter(
        (n): n is Element => n.nodeType === 1
      )) {
        const count = list.getAttribute("count");
        const records = Array.from(list.childNodes).filter((n) => n.nodeType === 1).length;
        if (count !== null && Number(count) !== records)
          problems.push(`${path}: ${list.localName} count ${count}, ${records} records`);
      }
  }
  const types = docs.get("[Content_Types].xml")!;
  const overrides = new Set(
    Array.from(types.getElementsByTagName("Override")).map((o) => o.getAttribute("PartName"))
  );
  const defaults = new Set(
    Array.from(types.getElementsByTagName("Default")).map((d) => d.getAttribute("Extension"))
  );
  for (const part of partPaths(zip))
    if (
      part !== "[Content_Types].xml" &&
      !overrides.has(`/${part}`) &&
      !defaults.has(part.slice(part.lastIndexOf(".") + 1))
    )
      problems.push(`${part}: no content type`);
  for (const override of overrides)
    if (!zip.file(String(override).slice(1))) problems.push(`${override}: overridden, missing`);
  const workbook = (await zip.file("xl/workbook.xml")!.async("string"))!;
  const sheetIds = tags(workbook, "sheet").map((s) => s.sheetId);
  if (new Set(sheetIds).size !== sheetIds.length) problems.push(`sheetIds ${sheetIds}`);
  const ids = await tableIds(bytes);
  if (new Set(ids).size !== ids.length) problems.push(`table ids ${ids}`);
  return problems;
}
