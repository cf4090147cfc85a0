import { PlannedSheet } from "../../workbook/plan";
import { copyPart } from "./copyPart";
import { tags, worksheetPaths, XlsxPackage } from "../charts/xlsxPackage";
import { NameChange } from "./definedNames";
import { PackageEdit } from "./packageEdit";
import { StyleBook } from "./styleBook";
import { StyleTransplant } from "./styleTransplant";

export const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** A package the file adapter wrote, opened to have its sheets carried into another workbook. */
export interface Scratch {
  readonly pkg: XlsxPackage;
  /** Its [Content_Types].xml. */
  readonly types: string;
  /** Its worksheet parts, by sheet name. */
  readonly sheets: ReadonlyMap<string, string>;
  /** The body of each shared string item (<si>), by index. */
  readonly strings: readonly string[];
  readonly styles: StyleTransplant;
}

/**
 * Planned sheets written by the file adapter itself (writeXlsxBuffer) into a scratch package, so
 * they come out exactly as in a new file, with their styles mapped into the edited workbook's.
 */
export async function renderScratch(
  edit: PackageEdit,
  sheets: readonly PlannedSheet[]
): Promise<Scratch> {
  // Loaded only when sheets are added: ExcelJS takes a quarter of a second to load, and check and
  // most repairs never need it.
  const { writeXlsxBuffer } = await import("../index");
  const { buffer } = await writeXlsxBuffer({ sheets, templates: [], options: "" });
  const pkg = await XlsxPackage.open(buffer);
  return {
    pkg,
    types: (await pkg.text("[Content_Types].xml")) ?? "",
    sheets: await worksheetPaths(pkg),
    strings: stringItems((await pkg.text("xl/sharedStrings.xml")) ?? ""),
    styles: new StyleTransplant(
      new StyleBook((await pkg.text("xl/styles.xml")) ?? ""),
      await edit.styles()
    ),
  };
}

/** The body of each <si> of a shared string table, as an inline string's <is> takes it. */
export function stringItems(sst: string): string[] {
  return [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/**
 * Copies a scratch worksheet part into `to` under a free name, with the parts it reaches (tables,
 * drawing, charts) and their relationships (copyPart), and returns its path. The sheet's styles are
 * remapped to the target's records and its shared strings written inline (transplantedXml); each
 * table gets the next free id (withTableId).
 */
export async function transplantSheet(
  scratch: Scratch,
  path: string,
  to: XlsxPackage,
  nextTableId: () => number
): Promise<string> {
  const copied = new Map<string, string>();
  const target = await copyPart(scratch.pkg, to, path, scratch.types, copied);
  to.write(target, transplantedXml((await scratch.pkg.text(path)) ?? "", scratch));
  const tables = new Set(
    tags(scratch.types, "Override")
      .filter((o) => o.ContentType === TABLE_TYPE)
      .map((o) => o.PartName.slice(1))
  );
  for (const [from, part] of copied)
    if (tables.has(from)) to.write(part, withTableId((await to.text(part)) ?? "", nextTableId()));
  return target;
}

/** A table part with another id: Excel requires table ids unique across the workbook. */
export function withTableId(xml: string, id: number): string {
  return xml.replace(/(<table\b[^>]*?\sid=")\d+"/, (_, start: string) => `${start}${id}"`);
}

/**
 * A scratch worksheet's XML with its styles remapped to the target's records and its shared strings
 * written inline, so the target's shared string table, which its other sheets index, stays as it was.
 */
export function transplantedXml(xml: string, { styles, strings }: Scratch): string {
  const cells = restyled(xml, "c", "s", (s) => styles.cell(s));
  const rows = restyled(cells, "row", "s", (s) => styles.cell(s));
  const columns = restyled(rows, "col", "style", (s) => styles.cell(s));
  const rules = restyled(columns, "cfRule", "dxfId", (d) => styles.dxf(d));
  return rules.replace(
    /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_, before: string, after: string, index: string) =>
      `<c${before} t="inlineStr"${after}><is>${strings[Number(index)]}</is></c>`
  );
}

/** The XML with `attribute` of every `tag` start tag mapped. */
function restyled(xml: string, tag: string, attribute: string, map: (n: number) => number) {
  const pattern = new RegExp(`\\s${attribute}="(\\d+)"`);
  return xml.replace(new RegExp(`<${tag}\\b[^>]*>`, "g"), (start) =>
    start.replace(pattern, (_, n: string) => ` ${attribute}="${map(Number(n))}"`)
  );
}

/** The ids and names (lower case) of the package's tables. */
export async function tablesOf(pkg: XlsxPackage): Promise<{ maxId: number; names: Set<string> }> {
  const parts = tags((await pkg.text("[Content_Types].xml")) ?? "", "Override")
    .filter((o) => o.ContentType === TABLE_TYPE)
    .map((o) => o.PartName.slice(1));
  const roots = await Promise.all(
    parts.map(async (part) => tags((await pkg.text(part)) ?? "", "table")[0] ?? {})
  );
  return {
    maxId: Math.max(0, ...roots.map((t) => Number(t.id) || 0)),
    names: new Set(roots.map((t) => (t.displayName ?? t.name ?? "").toLowerCase())),
  };
}

/**
 * The table and defined names of a planned sheet the workbook already gives a table or a
 * workbook-scoped name (the planner chooses free ones, src/workbook/names.ts): a second table or name
 * of the same name makes Excel repair the file, and a workbook-scoped name would be overwritten.
 */
export function takenNames(
  workbook: string,
  tableNames: ReadonlySet<string>,
  sheet: PlannedSheet
): string[] {
  const names = new Set([
    ...tableNames,
    ...tags(workbook, "definedName")
      .filter((n) => n.localSheetId === undefined)
      .map((n) => n.name.toLowerCase()),
  ]);
  return [...sheet.tables.map((t) => t.name), ...sheet.names.map((n) => n.name)].filter((name) =>
    names.has(name.toLowerCase())
  );
}

/** A planned sheet's names, workbook-scoped as Office.js workbook.names.add makes them. */
export function plannedNames(sheet: PlannedSheet): NameChange[] {
  const quoted = `'${sheet.name.replace(/'/g, "''")}'`;
  return sheet.names.map((n) => ({ name: n.name, formula: `=${quoted}!${n.address}` }));
}
