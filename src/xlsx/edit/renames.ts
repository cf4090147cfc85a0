import { PackageConflict } from "./packageConflict";
import { cellPosition, rangeBounds } from "../../workbook/addresses";
import { folderOf, relsOf, resolveTarget, tags, unescapeXml } from "../charts/xlsxPackage";
import { changeFormulas, escapeLike, FormulaHost } from "./formulaPlaces";
import { PackageEdit } from "./packageEdit";
import { looksLikeReference, renameColumnIn, renameSheetIn, renameTableIn } from "./renameFormulas";
import { withTitlesRenamed } from "./titlesOfParts";

/**
 * Renames in a workbook file as Excel makes them through Office.js (worksheet.name, table.name, a
 * table column's name): the object is renamed and every formula that names it follows (see
 * formulaPlaces.ts for where formulas live, renameFormulas.ts for how they change), and so do the
 * other places that name it: pivot caches' sources, the document's list of sheets. Names compare
 * case-insensitively; a name Excel refuses is refused. When formulas change, the workbook is
 * recalculated on load (text-reading functions such as FORMULATEXT or CELL see the new names).
 */

const WORKBOOK = "xl/workbook.xml";
const APP = "docProps/app.xml";
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** worksheet.name = to. */
export async function renameSheet(edit: PackageEdit, from: string, to: string): Promise<void> {
  const workbook = await text(edit, WORKBOOK);
  const names = tags(workbook, "sheet").map((s) => s.name);
  const current = names.find((name) => same(name, from));
  if (current === undefined) throw new PackageConflict(`The workbook has no sheet "${from}".`);
  if (current === to) return;
  checkSheetName(to);
  if (names.some((name) => name !== current && same(name, to)))
    throw new PackageConflict(`The workbook already has a sheet "${to}".`);

  await edit.changePart(WORKBOOK, (xml) =>
    xml.replace(/<sheet\b[^>]*>/g, (entry) =>
      same(attribute(entry, "name") ?? "", current) ? withAttribute(entry, "name", to) : entry
    )
  );
  edit.sheetRenamed(current, to);
  const moved = await changeFormulas(edit, (formula) => renameSheetIn(formula, current, to));
  await changeWorksheetSources(edit, (source) =>
    same(attribute(source, "sheet") ?? "", current) ? withAttribute(source, "sheet", to) : source
  );
  if ((await edit.pkg.text(APP)) !== undefined)
    await edit.changePart(APP, (xml) => withTitlesRenamed(xml, current, to));
  if (moved) edit.formulasMoved();
}

/** table.name = to: its name and displayName, and every structured reference to it. */
export async function renameTable(edit: PackageEdit, from: string, to: string): Promise<void> {
  const tables = await tablesOf(edit);
  const table = tables.find((t) => same(t.name, from));
  if (!table) throw new PackageConflict(`The workbook has no table "${from}".`);
  if (table.name === to) return;
  const names = tags(await text(edit, WORKBOOK), "definedName").map((n) => n.name);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(to) || to.length > 255 || looksLikeReference(to))
    throw new PackageConflict(`"${to}" is not a valid table name.`);
  if ([...tables.filter((t) => t !== table).map((t) => t.name), ...names].some((n) => same(n, to)))
    throw new PackageConflict(`The workbook already has a table or name "${to}".`);

  await edit.changePart(table.path, (xml) =>
    xml.replace(/<table\b[^>]*>/, (tag) =>
      withAttribute(withAttribute(tag, "name", to), "displayName", to)
    )
  );
  const moved = await changeFormulas(edit, (formula) => renameTableIn(formula, table.name, to));
  // A pivot table over a table names it as its source.
  await changeWorksheetSources(edit, (source) =>
    same(attribute(source, "name") ?? "", table.name) ? withAttribute(source, "name", to) : source
  );
  if (moved) edit.formulasMoved();
}

/**
 * table.columns.getItem(from).name = to: the column's name, its header cell's text, and every
 * structured reference to the column; an unqualified one ([@Old], [Old]) where it lives in the
 * table's own cells or column formulas.
 */
export async function renameTableColumn(
  edit: PackageEdit,
  table: string,
  from: string,
  to: string
): Promise<void> {
  const found = (await tablesOf(edit)).find((t) => same(t.name, table));
  if (!found) throw new PackageConflict(`The workbook has no table "${table}".`);
  const index = found.columns.findIndex((c) => same(c, from));
  if (index < 0) throw new PackageConflict(`The table "${found.name}" has no column "${from}".`);
  const current = found.columns[index];
  if (current === to) return;
  if (to.trim() === "" || found.columns.some((c, i) => i !== index && same(c, to)))
    throw new PackageConflict(`"${to}" cannot name a column of "${found.name}".`);

  let column = -1;
  await edit.changePart(found.path, (xml) =>
    xml.replace(/<tableColumn\b[^>]*>/g, (tag) =>
      ++column === index ? withAttribute(tag, "name", to) : tag
    )
  );
  const bounds = rangeBounds(found.ref);
  const inTable = (host: FormulaHost) => {
    if (host.table !== undefined) return same(host.table, found.name);
    if (host.cell === undefined || host.sheet !== found.sheet.toLowerCase()) return false;
    const { row, column: at } = cellPosition(host.cell);
    return row >= bounds.top && row <= bounds.bottom && at >= bounds.left && at <= bounds.right;
  };
  const moved = await changeFormulas(edit, (formula, host) =>
    renameColumnIn(formula, { table: found.name, from: current, to, inTable: inTable(host) })
  );
  if (found.headerRows > 0)
    await edit.writeCells(found.sheet, [
      { row: bounds.top, column: bounds.left + index, value: to },
    ]);
  if (moved) edit.formulasMoved();
}

/** Excel's rules for a sheet's name (Office.js throws InvalidArgument for one it breaks). */
function checkSheetName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 31 ||
    /[:\\/?*[\]]/.test(name) ||
    name.startsWith("'") ||
    name.endsWith("'") ||
    same(name, "History")
  )
    throw new PackageConflict(`"${name}" is not a valid sheet name.`);
}

interface PackageTable {
  readonly path: string;
  /** The sheet holding it, as the workbook names it. */
  readonly sheet: string;
  /** Its displayName, the name formulas use. */
  readonly name: string;
  readonly ref: string;
  readonly headerRows: number;
  readonly columns: readonly string[];
}

async function tablesOf(edit: PackageEdit): Promise<PackageTable[]> {
  const workbook = await text(edit, WORKBOOK);
  const sheetNames = new Map(tags(workbook, "sheet").map((s) => [s.name.toLowerCase(), s.name]));
  const tables: PackageTable[] = [];
  for (const [key, path] of edit.worksheetParts()) {
    const rels = tags((await edit.pkg.text(relsOf(path))) ?? "", "Relationship");
    for (const part of tags(await text(edit, path), "tablePart")) {
      const rel = rels.find((r) => r.Id === part["r:id"]);
      const tablePath = rel && resolveTarget(folderOf(path), rel.Target);
      const xml = tablePath && (await edit.pkg.text(tablePath));
      if (!tablePath || !xml) continue;
      const table = tags(xml, "table")[0] ?? {};
      tables.push({
        path: tablePath,
        sheet: sheetNames.get(key) ?? key,
        name: table.displayName ?? table.name,
        ref: table.ref,
        headerRows: Number(table.headerRowCount ?? 1),
        columns: tags(xml, "tableColumn").map((c) => c.name),
      });
    }
  }
  return tables;
}

/** Every pivot cache's <worksheetSource> (18.10.1.99: a sheet and range, or a name or table) passed through `change`. */
async function changeWorksheetSources(
  edit: PackageEdit,
  change: (source: string) => string
): Promise<void> {
  for (const path of edit.pkg.parts())
    if (/^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/.test(path))
      await edit.changePart(path, (xml) => xml.replace(/<worksheetSource\b[^>]*>/g, change));
}

async function text(edit: PackageEdit, path: string): Promise<string> {
  const xml = await edit.pkg.text(path);
  if (xml === undefined) throw new PackageConflict(`The package has no part ${path}.`);
  return xml;
}

/** An attribute's value, unescaped (undefined when the tag has none). */
function attribute(tag: string, name: string): string | undefined {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : unescapeXml(value);
}

/** The tag with the attribute set, escaped as the value it replaces was. */
function withAttribute(tag: string, name: string, value: string): string {
  return tag.replace(
    new RegExp(`(\\s${name}=")([^"]*)"`),
    (_, head: string, stored: string) => `${head}${escapeLike(stored, value)}"`
  );
}
