import JSZip from "jszip";
import { builtinFormat } from "./builtinFormats";
import { relsOf, resolveTarget, tags, unescapeXml } from "../xmlText";

/**
 * The workbook-level parts of an .xlsx package as a reader needs them (ECMA-376 Part 1, 18.2 and
 * 18.4): the sheets in tab order with their part paths, the defined names, the shared strings and
 * the number format of each cell style.
 */
export interface PackageSheet {
  readonly name: string;
  /** "visible", "hidden" or "veryHidden". */
  readonly state: string;
  readonly path: string;
}

export interface PackageName {
  readonly name: string;
  /** The stored text, without "=" (e.g. "'Team budget'!$B$12"). */
  readonly text: string;
  /** Set for a name scoped to one sheet (its index in <sheets>). */
  readonly localSheetId?: number;
}

export interface WorkbookPackage {
  readonly zip: JSZip;
  readonly sheets: readonly PackageSheet[];
  readonly names: readonly PackageName[];
  readonly sharedStrings: readonly string[];
  /** The format code of a cell style index ("General" for 0 and for unknown styles). */
  numberFormat(style: number): string;
  text(path: string): Promise<string | undefined>;
  /** The targets of a part's relationships, by relationship id, resolved to package paths. */
  relationships(owner: string): Promise<Map<string, { type: string; path: string }>>;
}

/** Opens the package; throws when a required part (workbook.xml) is missing. */
export async function openWorkbookPackage(bytes: Uint8Array): Promise<WorkbookPackage> {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (path: string) => zip.file(path)?.async("string");
  const relationships = async (owner: string) => {
    const folder = owner.slice(0, owner.lastIndexOf("/"));
    const rels = (await text(relsOf(owner))) ?? "";
    return new Map(
      tags(rels, "Relationship")
        .filter((r) => r.TargetMode !== "External")
        .map((r) => [r.Id, { type: r.Type, path: resolveTarget(folder, r.Target) }])
    );
  };
  const workbookPath = await officeDocument(zip);
  const workbook = await text(workbookPath);
  if (workbook === undefined) throw new Error("The package has no workbook part.");
  const rels = await relationships(workbookPath);
  const sheets = tags(workbook, "sheet").flatMap((s): PackageSheet[] => {
    const target = rels.get(s["r:id"]);
    return target ? [{ name: s.name, state: s.state ?? "visible", path: target.path }] : [];
  });
  const byType = (suffix: string) => [...rels.values()].find((r) => r.type.endsWith(suffix))?.path;
  const strings = byType("/sharedStrings");
  const styles = byType("/styles");
  const formats = cellFormats((styles && (await text(styles))) ?? "");
  return {
    zip,
    sheets,
    names: definedNames(workbook),
    sharedStrings: sharedStrings((strings && (await text(strings))) ?? ""),
    numberFormat: (style) => formats[style] ?? "General",
    text,
    relationships,
  };
}

/** The workbook part, found through the package's root relationships (usually xl/workbook.xml). */
async function officeDocument(zip: JSZip): Promise<string> {
  const root = (await zip.file("_rels/.rels")?.async("string")) ?? "";
  const main = tags(root, "Relationship").find((r) => r.Type?.endsWith("/officeDocument"));
  return main ? resolveTarget("", main.Target) : "xl/workbook.xml";
}

function definedNames(workbook: string): PackageName[] {
  const found: PackageName[] = [];
  const pattern = /<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g;
  for (const match of workbook.matchAll(pattern)) {
    const attributes = tags(`<definedName${match[1]}>`, "definedName")[0];
    const local = attributes.localSheetId;
    // A name without a name is not one Excel wrote: left out rather than guessed at.
    if (!attributes.name) continue;
    found.push({
      name: attributes.name,
      text: unescapeXml(match[2] ?? ""),
      ...(local === undefined ? {} : { localSheetId: Number(local) }),
    });
  }
  return found;
}

/** The text of each <si>: its <t> runs joined, phonetic guides (<rPh>) left out. */
export function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map(([, body]) => runText(body ?? ""));
}

/** The text of an inline or shared string body: every <t> outside <rPh>, unescaped. */
export function runText(body: string): string {
  const plain = body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  for (const t of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescaped(t[1]);
  return out;
}

/** unescapeXml, skipped for the many texts without an entity. */
export const unescaped = (text: string) => (text.includes("&") ? unescapeXml(text) : text);

/** The format code of each cellXfs entry, custom codes from <numFmts>, the rest built in. */
function cellFormats(styles: string): string[] {
  const custom = new Map(
    tags(styles, "numFmt").map((f) => [Number(f.numFmtId), f.formatCode] as const)
  );
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? "";
  return tags(xfs, "xf").map((xf) => {
    const id = Number(xf.numFmtId ?? 0);
    return custom.get(id) ?? builtinFormat(id) ?? "General";
  });
}
