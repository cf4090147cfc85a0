import { createHash } from "crypto";
import { DOMParser } from "@xmldom/xmldom";
import type { Document, Element, Node } from "@xmldom/xmldom";
import JSZip from "jszip";
import { COST_DATA_MARKER } from "../../../src/workbook/costData/costDataSheet";
import { markedSheet } from "../../../src/workbook/costData/costImportTarget";
import { METADATA_HEADERS, METADATA_SHEET, NAMES_COLUMN } from "../../../src/workbook/metadata";

/**
 * The comparator of the in-place commands' promise (repair, upgrade, roll forward...): everything an
 * operation does not own stays exactly as it was. Two views of a package:
 *
 * - canonicalParts: every part as canonical text, so that equal text means equal content whatever
 *   the zip, the attribute order or the indentation. XML parts (.xml, .rels, .vml) are parsed and
 *   written again: attributes sorted by name (namespace declarations among them), whitespace-only
 *   text between elements dropped (kept where xml:space="preserve" says it counts, and kept when it
 *   is an element's only content), comments and the XML declaration dropped, CDATA read as text,
 *   empty elements written <a/>, one start tag per line (line breaks in text written &#10;) so that a
 *   failing comparison shows the changed element. Other parts are "sha256:<hex> <bytes> bytes".
 *
 * - foreignView: what the project does NOT own, as a record of named entries, for comparing before
 *   and after an operation with toEqual. See foreignView for the rules.
 */

const XML_PART = /\.(xml|rels|vml)$/i;
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPES = "[Content_Types].xml";
const PACKAGE_RELS = "_rels/.rels";

/** Parses strictly: any warning or error xmldom reports makes the part unreadable. */
export function parseXml(text: string, part: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      problems.push(`${level}: ${message}`);
      if (level !== "warning") throw new Error(message);
    },
  });
  try {
    const parsed = doc.parseFromString(text, "text/xml");
    if (problems.length === 0) return parsed;
  } catch {
    // reported below, with every problem found
  }
  throw new Error(`${part} is not well-formed XML: ${problems.join("; ")}`);
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const INSTRUCTION = 7;

function escapeText(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r/g, "&#13;")
    .replace(/\n/g, "&#10;")
    .replace(/\t/g, "&#9;");
}

const escapeAttribute = (value: string) => escapeText(value).replace(/"/g, "&quot;");

/** The canonical text of an element (or of a whole document) as described above. */
export function canonicalXml(node: Node | Document): string {
  const out: string[] = [];
  const write = (current: Node, preserve: boolean) => {
    if (current.nodeType === INSTRUCTION) {
      const instruction = current as unknown as { target: string; data: string };
      if (instruction.target !== "xml") out.push(`\n<?${instruction.target} ${instruction.data}?>`);
      return;
    }
    if (current.nodeType === TEXT || current.nodeType === CDATA) {
      out.push(escapeText((current as unknown as { data: string }).data));
      return;
    }
    if (current.nodeType !== ELEMENT) {
      // The document (or a fragment): its element and instructions, nothing between them.
      for (const child of Array.from(current.childNodes))
        if (child.nodeType === ELEMENT || child.nodeType === INSTRUCTION) write(child, preserve);
      return;
    }
    const element = current as Element;
    const space = element.getAttribute("xml:space");
    const keepSpace = space === "preserve" ? true : space === "default" ? false : preserve;
    const attributes = Array.from(element.attributes)
      .map((a) => [a.name, a.value] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join("");
    const children = Array.from(element.childNodes).filter((child) =>
      [ELEMENT, TEXT, CDATA, INSTRUCTION].includes(child.nodeType)
    );
    const structured = children.some((child) => child.nodeType === ELEMENT);
    const content = children.filter(
      (child) =>
        keepSpace ||
        !structured ||
        (child.nodeType !== TEXT && child.nodeType !== CDATA) ||
        /\S/.test((child as unknown as { data: string }).data)
    );
    out.push(`${out.length > 0 ? "\n" : ""}<${element.tagName}${attributes}`);
    if (content.length === 0) {
      out.push("/>");
      return;
    }
    out.push(">");
    for (const child of content) write(child, keepSpace);
    out.push(`</${element.tagName}>`);
  };
  write(node as Node, false);
  return out.join("");
}

function binaryDigest(bytes: Uint8Array): string {
  return `sha256:${createHash("sha256").update(bytes).digest("hex")} ${bytes.length} bytes`;
}

const partPaths = (zip: JSZip) =>
  Object.keys(zip.files)
    .filter((path) => !zip.files[path].dir)
    .sort();

async function canonicalOfZip(
  zip: JSZip,
  which: (path: string) => boolean = () => true
): Promise<Map<string, string>> {
  const parts = new Map<string, string>();
  for (const path of partPaths(zip).filter(which)) {
    const file = zip.file(path)!;
    parts.set(
      path,
      XML_PART.test(path)
        ? canonicalXml(parseXml(await file.async("string"), path))
        : binaryDigest(await file.async("uint8array"))
    );
  }
  return parts;
}

/** Every part of the package as canonical text: XML parts parsed and re-serialised with attributes sorted and insignificant whitespace between elements dropped (@xmldom/xmldom is installed); binary parts as a sha256 hex. */
export async function canonicalParts(xlsx: Uint8Array): Promise<Map<string, string>> {
  return canonicalOfZip(await JSZip.loadAsync(xlsx));
}

// ---------------------------------------------------------------------------------------------
// The package's structure: relationships, content types, which parts the project owns.

interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The package path of an internal target; the target as written for an external one. */
  readonly target: string;
  readonly external: boolean;
  readonly element: Element;
}

const folderOf = (part: string) => part.slice(0, Math.max(0, part.lastIndexOf("/")));

/** The .rels part of a part ("" is the package itself). */
export function relsPathOf(part: string): string {
  if (part === "") return PACKAGE_RELS;
  const folder = folderOf(part);
  const file = part.slice(part.lastIndexOf("/") + 1);
  return `${folder ? `${folder}/` : ""}_rels/${file}.rels`;
}

/** A relationship target resolved against the source part's folder, as a package path. */
export function resolvePart(sourcePart: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // a target with a stray % is used as written
  }
  const joined = decoded.startsWith("/") ? decoded : `${folderOf(sourcePart)}/${decoded}`;
  const resolved: string[] = [];
  for (const segment of joined.split("/")) {
    if (segment === "..") resolved.pop();
    else if (segment !== "." && segment !== "") resolved.push(segment);
  }
  return resolved.join("/");
}

const childElements = (element: Element | Document, localName?: string): Element[] =>
  Array.from(element.childNodes).filter(
    (n): n is Element =>
      n.nodeType === ELEMENT && (localName === undefined || (n as Element).localName === localName)
  );

const descendants = (root: Element | Document, localName: string): Element[] =>
  Array.from(root.getElementsByTagNameNS("*", localName));

/** A package opened for reading its structure, every XML part parsed at most once. */
class PackageReader {
  private readonly docs = new Map<string, Document>();

  constructor(readonly zip: JSZip) {}

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  async doc(path: string): Promise<Document | undefined> {
    const cached = this.docs.get(path);
    if (cached) return cached;
    const file = this.zip.file(path);
    if (!file) return undefined;
    const parsed = parseXml(await file.async("string"), path);
    this.docs.set(path, parsed);
    return parsed;
  }

  async relationships(part: string): Promise<Relationship[]> {
    const doc = await this.doc(relsPathOf(part));
    if (!doc) return [];
    return descendants(doc, "Relationship").map((element) => {
      const external = element.getAttribute("TargetMode") === "External";
      const target = element.getAttribute("Target") ?? "";
      return {
        id: element.getAttribute("Id") ?? "",
        type: element.getAttribute("Type") ?? "",
        target: external ? target : resolvePart(part, target),
        external,
        element,
      };
    });
  }

  /** Each part's content type: its Override, else the Default for its extension. */
  async contentTypes(): Promise<(part: string) => string | undefined> {
    const doc = await this.doc(CONTENT_TYPES);
    const overrides = new Map<string, string>();
    const defaults = new Map<string, string>();
    if (doc) {
      for (const o of descendants(doc, "Override"))
        overrides.set(
          (o.getAttribute("PartName") ?? "").replace(/^\//, "").toLowerCase(),
          o.getAttribute("ContentType") ?? ""
        );
      for (const d of descendants(doc, "Default"))
        defaults.set(
          (d.getAttribute("Extension") ?? "").toLowerCase(),
          d.getAttribute("ContentType") ?? ""
        );
    }
    return (part) =>
      overrides.get(part.toLowerCase()) ??
      defaults.get(part.slice(part.lastIndexOf(".") + 1).toLowerCase());
  }
}

/** The strings of the shared string table, by index (rich text runs joined, phonetic runs left out). */
function sharedStrings(doc: Document | undefined): string[] {
  if (!doc) return [];
  return descendants(doc, "si").map((si) =>
    descendants(si, "t")
      .filter((t) => (t.parentNode as Element | null)?.localName !== "rPh")
      .map((t) => t.textContent ?? "")
      .join("")
  );
}

/** Column index (0-based) of a cell reference such as "AB12". */
function columnOf(ref: string): number {
  const letters = /^[A-Z]+/i.exec(ref)?.[0].toUpperCase() ?? "A";
  return [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0) - 1;
}

/** A worksheet's values, row by row as stored (strings resolved through the shared string table). */
function sheetValues(doc: Document, strings: readonly string[]): unknown[][] {
  return descendants(doc, "row").map((row) => {
    const values: unknown[] = [];
    for (const cell of childElements(row, "c")) {
      const type = cell.getAttribute("t") ?? "n";
      const raw = childElements(cell, "v")[0]?.textContent ?? "";
      const inline = descendants(cell, "t")
        .map((t) => t.textContent ?? "")
        .join("");
      values[columnOf(cell.getAttribute("r") ?? "A")] =
        type === "s"
          ? strings[Number(raw)]
          : type === "inlineStr"
            ? inline
            : type === "str" || type === "e"
              ? raw
              : type === "b"
                ? raw === "1"
                : raw === ""
                  ? undefined
                  : Number(raw);
    }
    return values;
  });
}

/**
 * What the metadata store (src/workbook/metadata.ts) says the project made: the sheets and the table
 * and defined names of every row it lists (every row, superseded or not; rows that do not parse are
 * skipped, as readInstances skips them). Lower case: Excel compares both case-insensitively.
 */
function storeRecord(values: readonly (readonly unknown[])[]): {
  sheets: Set<string>;
  names: Set<string>;
} {
  const sheetsColumn = METADATA_HEADERS.indexOf("Sheets");
  const sheets = new Set<string>();
  const names = new Set<string>();
  for (const row of values.slice(1)) {
    try {
      const listed = JSON.parse(String(row[sheetsColumn])) as unknown[];
      const recorded = JSON.parse(String(row[NAMES_COLUMN])) as {
        tables?: Record<string, string>;
        names?: Record<string, string>;
      };
      for (const sheet of listed) sheets.add(String(sheet).toLowerCase());
      for (const name of [
        ...Object.values(recorded.tables ?? {}),
        ...Object.values(recorded.names ?? {}),
      ])
        names.add(String(name).toLowerCase());
    } catch {
      continue;
    }
  }
  return { sheets, names };
}

/** The package's parts sorted into the project's, the shared ones and everyone else's. */
export interface Ownership {
  readonly workbook: string;
  /** Sheet names the store lists, the store itself, and the Cost data sheet an import wrote. */
  readonly ownedSheets: ReadonlySet<string>;
  /** The owned sheets, their tables, drawings, charts and whatever else only they use. */
  readonly owned: ReadonlySet<string>;
  /** Parts both sides write into, compared entry by entry (calcChain.xml, derived, is not compared). */
  readonly shared: ReadonlySet<string>;
  readonly foreign: ReadonlySet<string>;
  /** Defined names the store lists, and the Cost data sheet's marker (lower case). */
  readonly ownedNames: ReadonlySet<string>;
}

const TYPE = {
  officeDocument: "/officeDocument",
  styles: "/styles",
  sharedStrings: "/sharedStrings",
  calcChain: "/calcChain",
  coreProperties: "/core-properties",
  extendedProperties: "/extended-properties",
};
const ofType = (rels: readonly Relationship[], suffix: string) =>
  rels.find((r) => !r.external && r.type.endsWith(suffix))?.target;

async function ownershipOf(reader: PackageReader): Promise<Ownership & { parts: SharedParts }> {
  const packageRels = await reader.relationships("");
  const workbook = ofType(packageRels, TYPE.officeDocument) ?? "xl/workbook.xml";
  const workbookRels = await reader.relationships(workbook);
  const workbookDoc = await reader.doc(workbook);
  if (!workbookDoc) throw new Error(`The package has no workbook part (${workbook})`);
  const parts: SharedParts = {
    workbook,
    styles: ofType(workbookRels, TYPE.styles),
    sharedStrings: ofType(workbookRels, TYPE.sharedStrings),
    core: ofType(packageRels, TYPE.coreProperties),
    app: ofType(packageRels, TYPE.extendedProperties),
  };
  const sheets = sheetEntries(workbookDoc, workbookRels);
  const strings = sharedStrings(
    parts.sharedStrings ? await reader.doc(parts.sharedStrings) : undefined
  );
  const storePath = sheets.find((s) => s.name.toLowerCase() === METADATA_SHEET.toLowerCase())?.path;
  const storeDoc = storePath ? await reader.doc(storePath) : undefined;
  const record = storeDoc
    ? storeRecord(sheetValues(storeDoc, strings))
    : { sheets: new Set<string>(), names: new Set<string>() };
  // The Cost data sheet an import wrote is the project's too: its marker name says which it is.
  const marker = descendants(workbookDoc, "definedName").find(
    (n) =>
      !n.hasAttribute("localSheetId") &&
      n.getAttribute("name")?.toLowerCase() === COST_DATA_MARKER.toLowerCase()
  );
  const costData = markedSheet(marker ? `=${marker.textContent ?? ""}` : undefined);
  const ownedSheets = new Set([
    ...record.sheets,
    ...(storeDoc ? [METADATA_SHEET.toLowerCase()] : []),
    ...(costData ? [costData.toLowerCase()] : []),
  ]);
  const ownedNames = new Set([
    ...record.names,
    ...(marker ? [COST_DATA_MARKER.toLowerCase()] : []),
  ]);
  const ownedSheetPaths = sheets
    .filter((s) => ownedSheets.has(s.name.toLowerCase()) && s.path)
    .map((s) => s.path!);

  const shared = new Set(
    [
      CONTENT_TYPES,
      PACKAGE_RELS,
      workbook,
      relsPathOf(workbook),
      parts.styles,
      parts.sharedStrings,
      parts.core,
      parts.app,
      ofType(workbookRels, TYPE.calcChain),
    ].filter((p): p is string => p !== undefined)
  );
  // Every part reachable from the roots through relationships, with the .rels parts on the way;
  // the shared parts (and the parts in `stop`) are not entered.
  const reach = async (roots: readonly string[], stop: ReadonlySet<string>) => {
    const found = new Set<string>();
    const visit = async (part: string) => {
      if (found.has(part) || stop.has(part) || !reader.has(part)) return;
      found.add(part);
      if (reader.has(relsPathOf(part))) found.add(relsPathOf(part));
      for (const rel of await reader.relationships(part))
        if (!rel.external) await visit(rel.target);
    };
    for (const root of roots) await visit(root);
    return found;
  };
  const ownedRoots = new Set(ownedSheetPaths);
  const foreignRoots = [...packageRels, ...workbookRels]
    .filter((r) => !r.external && r.target !== workbook && !ownedRoots.has(r.target))
    .map((r) => r.target);
  // A part the user's parts reach is theirs too (Excel shares one image between drawings, say),
  // even when a template sheet also reaches it.
  const theirs = await reach(foreignRoots, new Set([...shared, ...ownedRoots]));
  const owned = new Set(
    [...(await reach(ownedSheetPaths, shared))].filter((part) => !theirs.has(part))
  );
  const foreign = new Set(
    partPaths(reader.zip).filter((part) => !owned.has(part) && !shared.has(part))
  );
  return { workbook, ownedSheets, owned, shared, foreign, ownedNames, parts };
}

interface SharedParts {
  readonly workbook: string;
  readonly styles?: string;
  readonly sharedStrings?: string;
  readonly core?: string;
  readonly app?: string;
}

interface SheetEntry {
  readonly name: string;
  readonly element: Element;
  readonly path?: string;
}

function sheetEntries(workbookDoc: Document, workbookRels: readonly Relationship[]): SheetEntry[] {
  return descendants(workbookDoc, "sheet")
    .filter((s) => s.namespaceURI === MAIN)
    .map((element) => {
      const id = element.getAttributeNS(REL_NS, "id");
      return {
        name: element.getAttribute("name") ?? "",
        element,
        path: workbookRels.find((r) => r.id === id && !r.external)?.target,
      };
    });
}

/** Which parts the project owns, shares with the user, or leaves to the user (for tests and diagnosis). */
export async function ownership(xlsx: Uint8Array): Promise<Ownership> {
  const sorted = await ownershipOf(new PackageReader(await JSZip.loadAsync(xlsx)));
  const { workbook, ownedSheets, owned, shared, foreign, ownedNames } = sorted;
  return { workbook, ownedSheets, owned, shared, foreign, ownedNames };
}

// ---------------------------------------------------------------------------------------------
// The foreign view

const lines = (items: readonly string[]) => items.join("\n");

/** The style records foreign content uses, and every record before them (see foreignView). */
function stylesPrefix(styles: Document, used: { cellXfs: number[]; dxfs: number[] }): string {
  const root = styles.documentElement!;
  const list = (name: string) => {
    const container = childElements(root, name)[0];
    return container ? childElements(container) : [];
  };
  const cellXfs = list("cellXfs").slice(0, Math.max(0, ...used.cellXfs) + 1);
  const cellStyleXfs = list("cellStyleXfs");
  const number = (xf: Element, attribute: string) => Number(xf.getAttribute(attribute) ?? 0);
  const styleXfCount = Math.max(0, ...cellXfs.map((xf) => number(xf, "xfId"))) + 1;
  const styleXfs = cellStyleXfs.slice(0, styleXfCount);
  const records = [...cellXfs, ...styleXfs];
  const highest = (attribute: string, minimum: number) =>
    Math.max(minimum, ...records.map((xf) => number(xf, attribute) + 1));
  const formatIds = new Set(records.map((xf) => number(xf, "numFmtId")));
  const dxfCount = used.dxfs.length > 0 ? Math.max(...used.dxfs) + 1 : 0;
  const section = (title: string, elements: readonly Element[]) =>
    lines([`== ${title} (${elements.length})`, ...elements.map((e) => canonicalXml(e))]);
  return lines([
    section(
      "numFmts used",
      list("numFmts").filter((f) => formatIds.has(number(f, "numFmtId")))
    ),
    section("fonts", list("fonts").slice(0, highest("fontId", 1))),
    // Fills 0 and 1 are reserved (none, gray125): always part of the prefix.
    section("fills", list("fills").slice(0, highest("fillId", 2))),
    section("borders", list("borders").slice(0, highest("borderId", 1))),
    section("cellStyleXfs", styleXfs),
    section("cellXfs", cellXfs),
    section(
      "cellStyles",
      list("cellStyles").filter((s) => number(s, "xfId") < styleXfCount)
    ),
    section("dxfs", list("dxfs").slice(0, dxfCount)),
    section("colors", list("colors")),
  ]);
}

/**
 * The parts (and, for shared parts, the elements) this project does NOT own, for comparing before/after an operation.
 *
 * Owned: the sheets the metadata store ("FinOps metadata") lists, the store itself, the Cost data
 * sheet a FOCUS import wrote (the one its marker name FinOpsCostData points at; the name is owned
 * too), and every part only they reach through relationships (their tables, drawings, charts...).
 * A part a user's part also reaches stays the user's. Owned parts may change freely, and are not
 * in the view.
 *
 * Shared parts are compared by what in them belongs to others:
 * - [Content_Types].xml#types: the content type of every part not owned (Default or Override alike);
 * - _rels/.rels#relationships and xl/_rels/workbook.xml.rels#relationships: the relationships to
 *   parts not owned and to external targets, Ids included;
 * - xl/workbook.xml#sheets: the <sheet> entries of the sheets not owned, in order;
 *   #definedNames: the names the store does not list (and, of the built-in _xlnm names, those of
 *   sheets not owned), sorted, each localSheetId written as the name of its sheet (localSheet="..."),
 *   since the index moves when an operation adds a sheet before it; #workbookPr (the date system
 *   every date cell depends on), #externalReferences, #pivotCaches and #extLst as they are;
 * - xl/styles.xml#stylesPrefix: an operation may append style records, never change or reorder
 *   existing ones. The view holds, of each list, the records the foreign parts use and every record
 *   before them: cellXfs up to the highest s/style index of a foreign worksheet, dxfs up to the
 *   highest dxfId of any foreign part, and the fonts, fills, borders, cell style formats, named
 *   styles and number formats those cell formats use (plus the indexed colour palette). The lengths
 *   come from the foreign parts, which are compared whole, so one file's view needs no other file;
 * - xl/sharedStrings.xml#sharedStringsPrefix: likewise, the strings up to the highest index a
 *   foreign worksheet's cells use;
 * - docProps/core.xml#properties without dcterms:modified (an edit may stamp it), and
 *   docProps/app.xml#properties without the sheet titles (HeadingPairs, TitlesOfParts), which follow
 *   the sheets.
 * - xl/calcChain.xml is not compared: Excel rebuilds it.
 * Every other part is the user's, compared whole under its path.
 */
export async function foreignView(xlsx: Uint8Array): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(xlsx);
  const reader = new PackageReader(zip);
  const sorting = await ownershipOf(reader);
  const { owned, foreign, parts, ownedNames, ownedSheets } = sorting;
  const canonical = await canonicalOfZip(zip, (part) => foreign.has(part));
  const view: Record<string, string> = {};
  for (const part of [...foreign].sort()) view[part] = canonical.get(part)!;

  const typeOf = await reader.contentTypes();
  view[`${CONTENT_TYPES}#types`] = lines(
    partPaths(zip)
      .filter((part) => part !== CONTENT_TYPES && !owned.has(part))
      .map((part) => `/${part} ${typeOf(part) ?? "(no content type)"}`)
  );
  for (const source of ["", parts.workbook]) {
    const kept = (await reader.relationships(source))
      .filter((r) => r.external || !owned.has(r.target))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    view[`${relsPathOf(source)}#relationships`] = lines(kept.map((r) => canonicalXml(r.element)));
  }

  const workbookDoc = (await reader.doc(parts.workbook))!;
  const workbookRoot = workbookDoc.documentElement!;
  const sheets = sheetEntries(workbookDoc, await reader.relationships(parts.workbook));
  view[`${parts.workbook}#sheets`] = lines(
    sheets.filter((s) => !ownedSheets.has(s.name.toLowerCase())).map((s) => canonicalXml(s.element))
  );
  const sheetNameAt = (index: string | null) =>
    index === null ? undefined : (sheets[Number(index)]?.name ?? `(no sheet ${index})`);
  const names = descendants(workbookRoot, "definedName")
    .filter((name) => {
      // Ours: a name the store lists, at workbook scope or on one of our sheets; a built-in name
      // (print area, print titles, filter database) of one of our sheets.
      const scope = sheetNameAt(name.getAttribute("localSheetId"))?.toLowerCase();
      const onOurSheet = scope !== undefined && ownedSheets.has(scope);
      const label = (name.getAttribute("name") ?? "").toLowerCase();
      const ours = ownedNames.has(label)
        ? scope === undefined || onOurSheet
        : label.startsWith("_xlnm.") && onOurSheet;
      return !ours;
    })
    .map((name) => {
      const copy = name.cloneNode(true) as Element;
      const scope = sheetNameAt(copy.getAttribute("localSheetId"));
      if (scope !== undefined) {
        copy.removeAttribute("localSheetId");
        copy.setAttribute("localSheet", scope);
      }
      return canonicalXml(copy);
    })
    .sort();
  view[`${parts.workbook}#definedNames`] = lines(names);
  for (const element of ["workbookPr", "externalReferences", "pivotCaches", "extLst"])
    view[`${parts.workbook}#${element}`] = lines(
      childElements(workbookRoot, element).map((e) => canonicalXml(e))
    );

  // What the foreign worksheets (and any foreign part, for dxfs) use of the shared records.
  const used = { cellXfs: [0], dxfs: [] as number[], strings: [] as number[] };
  for (const part of foreign) {
    if (!XML_PART.test(part)) continue;
    const doc = (await reader.doc(part))!;
    for (const element of descendants(doc, "*"))
      for (const attribute of Array.from(element.attributes))
        if (/dxfId$/i.test(attribute.localName ?? attribute.name))
          used.dxfs.push(Number(attribute.value));
    if (doc.documentElement?.localName !== "worksheet" || doc.documentElement.namespaceURI !== MAIN)
      continue;
    for (const cell of descendants(doc, "c")) {
      used.cellXfs.push(Number(cell.getAttribute("s") ?? 0));
      if (cell.getAttribute("t") === "s")
        used.strings.push(Number(childElements(cell, "v")[0]?.textContent ?? 0));
    }
    for (const row of descendants(doc, "row"))
      used.cellXfs.push(Number(row.getAttribute("s") ?? 0));
    for (const col of descendants(doc, "col"))
      used.cellXfs.push(Number(col.getAttribute("style") ?? 0));
  }
  const stylesDoc = parts.styles ? await reader.doc(parts.styles) : undefined;
  if (parts.styles && stylesDoc)
    view[`${parts.styles}#stylesPrefix`] = stylesPrefix(stylesDoc, used);
  const stringsDoc = parts.sharedStrings ? await reader.doc(parts.sharedStrings) : undefined;
  if (parts.sharedStrings && stringsDoc) {
    const count = used.strings.length > 0 ? Math.max(...used.strings) + 1 : 0;
    view[`${parts.sharedStrings}#sharedStringsPrefix`] = lines([
      `== si (${count})`,
      ...descendants(stringsDoc, "si")
        .slice(0, count)
        .map((si) => canonicalXml(si)),
    ]);
  }

  const withoutChildren = async (part: string | undefined, drop: readonly string[]) => {
    const doc = part ? await reader.doc(part) : undefined;
    if (!part || !doc?.documentElement) return;
    const copy = doc.documentElement.cloneNode(true) as Element;
    for (const child of childElements(copy))
      if (drop.includes(child.localName ?? "")) copy.removeChild(child);
    view[`${part}#properties`] = canonicalXml(copy);
  };
  await withoutChildren(parts.core, ["modified"]);
  await withoutChildren(parts.app, ["HeadingPairs", "TitlesOfParts"]);
  return view;
}
