import { cellAddress, rangeBounds } from "../../workbook/addresses";
import { escapeXml } from "../charts/chartXml";
import { folderOf, relsOf, resolveTarget, tags, unescapeXml } from "../charts/xlsxPackage";
import { shiftFormula } from "../read/sharedFormulas";
import { PackageConflict } from "./packageConflict";
import { PackageEdit } from "./packageEdit";
import { SheetRows } from "./sheetRows";
import { sharedGroups, unshare, writeOut } from "./sharedGroups";
import { Insertion, shiftAreas, shiftReferences } from "./shiftReferences";

/**
 * Inserts cells in a worksheet of a file as Excel does when a table grows (a row added: the cells
 * below it in its columns move down; a column added: the cells right of it in its rows move right):
 * the cells move with their values, formulas and styles, and everything that points at them follows:
 * formulas on every sheet, defined names, merged cells, validation and conditional formats, tables,
 * chart series and pivot cache sources. Row heights and column widths stay with their rows and
 * columns, as in Excel. Nothing else in the package changes.
 */
export async function insertCells(edit: PackageEdit, insertion: Insertion): Promise<void> {
  const parts = edit.worksheetParts();
  const target = parts.get(insertion.sheet.toLowerCase());
  if (!target) throw new PackageConflict(`The workbook has no sheet "${insertion.sheet}".`);
  await refuseTearing(edit, target, insertion);
  await edit.changePart(target, (xml) => moveCells(xml, insertion));
  for (const [sheet, path] of parts)
    await edit.changePart(path, (xml) => withFormulasShifted(xml, sheet, insertion));
  await edit.changePart(target, (xml) => withAreasShifted(xml, insertion));
  for (const table of await tablesOf(edit, target))
    await edit.changePart(table, (xml) =>
      xml
        .replace(
          /(<table\b[^>]*?\sref=")([^"]*)"/,
          (_, head, ref) => `${head}${shiftAreas(ref, insertion)}"`
        )
        .replace(
          /(<autoFilter\b[^>]*?\sref=")([^"]*)"/,
          (_, head, ref) => `${head}${shiftAreas(ref, insertion)}"`
        )
    );
  await edit.changePart("xl/workbook.xml", (xml) =>
    xml.replace(
      /(<definedName\b[^>]*>)([\s\S]*?)(<\/definedName>)/g,
      (whole, open, text, close) =>
        shifted(text, undefined, insertion, (t) => `${open}${t}${close}`) ?? whole
    )
  );
  for (const path of edit.pkg.parts()) {
    if (/^xl\/charts\/chart[^/]*\.xml$/.test(path))
      await edit.changePart(path, (xml) =>
        xml.replace(
          /(<c:f>)([\s\S]*?)(<\/c:f>)/g,
          (whole, open, text, close) =>
            shifted(text, undefined, insertion, (t) => `${open}${t}${close}`) ?? whole
        )
      );
    if (/^xl\/pivotCache\/pivotCacheDefinition[^/]*\.xml$/.test(path))
      await edit.changePart(path, (xml) => withPivotSourceShifted(xml, insertion));
  }
  edit.formulasMoved();
}

/**
 * Excel refuses an insertion that would move part of a table or of merged cells and leave the rest
 * (the in-memory Excel of the tests does too): said plainly, nothing is changed.
 */
async function refuseTearing(edit: PackageEdit, sheetPath: string, insertion: Insertion) {
  const xml = (await edit.pkg.text(sheetPath)) ?? "";
  const areas = [
    ...[...xml.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)].map((m) => ({
      what: "merged cells",
      ref: m[1],
    })),
    ...(await Promise.all(
      (await tablesOf(edit, sheetPath)).map(async (path) => ({
        what: `the table ${tags((await edit.pkg.text(path)) ?? "", "table")[0]?.displayName ?? ""}`,
        ref: tags((await edit.pkg.text(path)) ?? "", "table")[0]?.ref ?? "",
      }))
    )),
  ];
  for (const { what, ref } of areas) {
    if (!ref) continue;
    const { top, left, bottom, right } = rangeBounds(ref);
    const [from, to, first, last, band] =
      insertion.direction === "down"
        ? [left, right, insertion.left, insertion.right, bottom >= insertion.at]
        : [top, bottom, insertion.top, insertion.bottom, right >= insertion.at];
    const inside = from >= first && to <= last;
    const apart = to < first || from > last;
    // Starting at the insertion itself, it moves whole; spanning it, a table grows (rows only).
    if (band && !inside && !apart)
      throw new PackageConflict(
        `Cells cannot be inserted on "${insertion.sheet}" without splitting ${what} (${ref}): move it or make room, then run this again.`
      );
  }
}

/** The stored text moved by the insertion, wrapped by `wrap`; undefined when nothing in it moves. */
function shifted(
  stored: string,
  host: string | undefined,
  insertion: Insertion,
  wrap: (text: string) => string
): string | undefined {
  const text = unescapeXml(stored);
  const moved = shiftReferences(text, host, insertion);
  return moved === text ? undefined : wrap(escapeXml(moved));
}

const moves = (insertion: Insertion, row: number, column: number) =>
  insertion.direction === "down"
    ? row >= insertion.at && column >= insertion.left && column <= insertion.right
    : column >= insertion.at && row >= insertion.top && row <= insertion.bottom;

/** The worksheet's cells moved; shared formulas the move would split are written out per cell first. */
function moveCells(xml: string, insertion: Insertion): string {
  const rows = SheetRows.open(xml);
  unshare(rows, (row, column) => moves(insertion, row, column));
  const moving: { row: number; column: number; xml: string }[] = [];
  for (const row of rows.rowNumbers()) {
    if (
      insertion.direction === "down"
        ? row < insertion.at
        : row < insertion.top || row > insertion.bottom
    )
      continue;
    const cells = rows.cells(row);
    for (const [column, cell] of cells)
      if (moves(insertion, row, column)) {
        moving.push({ row, column, xml: cell });
        cells.delete(column);
      }
  }
  for (const cell of moving) {
    const row = insertion.direction === "down" ? cell.row + insertion.count : cell.row;
    const column = insertion.direction === "right" ? cell.column + insertion.count : cell.column;
    const address = cellAddress(row, column);
    rows.cells(row).set(column, cell.xml.replace(/^(<c\b[^>]*?\br=")[A-Z]+\d+"/, `$1${address}"`));
  }
  return rows.toXml();
}

/** Every formula of a worksheet part that refers to moved cells, moved with them. */
function withFormulasShifted(xml: string, host: string, insertion: Insertion): string {
  const ruled = xml.replace(
    /(<(formula|formula1|formula2|xm:f)>)([\s\S]*?)(<\/\2>)/g,
    (whole, open, _tag, text, close) =>
      shifted(text, host, insertion, (t) => `${open}${t}${close}`) ?? whole
  );
  if (!ruled.includes("<f")) return ruled;
  const rows = SheetRows.open(ruled);
  // Rows are written anew only when one of their formulas changes: other sheets stay byte for byte.
  let changed = false;
  const writtenOut = new Set<string>();
  for (const group of sharedGroups(rows).values()) {
    if (!group.anchor) continue;
    const anchor = group.anchor;
    const moves = group.members.some((m) => {
      const text = shiftFormula(anchor.text, m.row - anchor.row, m.column - anchor.column);
      return shiftReferences(text, host, insertion) !== text;
    });
    if (!moves) continue;
    writeOut(rows, group, (text) => shiftReferences(text, host, insertion));
    for (const m of group.members) writtenOut.add(`${m.row},${m.column}`);
    changed = true;
  }
  for (const row of rows.rowNumbers()) {
    if (!rows.rowIncludes(row, "<f")) continue;
    const cells = rows.cells(row);
    for (const [column, cell] of cells) {
      const f = /<f\b([^>]*)>([\s\S]*?)<\/f>/.exec(cell);
      if (!f || /\bt="shared"/.test(f[1]) || writtenOut.has(`${row},${column}`)) continue;
      const moved = shifted(f[2], host, insertion, (t) => `<f${f[1]}>${t}</f>`);
      if (moved === undefined) continue;
      cells.set(
        column,
        cell.replace(f[0], () => moved)
      );
      changed = true;
    }
  }
  return changed ? rows.toXml() : ruled;
}

/** The target sheet's own areas: merges, validation, conditional formats, links, filter, dimension. */
function withAreasShifted(xml: string, insertion: Insertion): string {
  return xml
    .replace(
      /(<(?:mergeCell|hyperlink|dimension|autoFilter)\b[^>]*?\sref=")([^"]*)"/g,
      (_, head, ref) => `${head}${shiftAreas(ref, insertion)}"`
    )
    .replace(
      /(<(?:conditionalFormatting|dataValidation|ignoredError)\b[^>]*?\ssqref=")([^"]*)"/g,
      (_, head, ref) => `${head}${shiftAreas(ref, insertion)}"`
    )
    .replace(
      /(<xm:sqref>)([^<]*)(<\/xm:sqref>)/g,
      (_, open, ref, close) => `${open}${shiftAreas(ref, insertion)}${close}`
    )
    .replace(
      /(<f\b[^>]*?\bt="(?:array|shared)"[^>]*?\bref=")([^"]*)"/g,
      (_, head, ref) => `${head}${shiftAreas(ref, insertion)}"`
    );
}

/** A pivot cache whose source lies on the insertion's sheet follows its cells. */
function withPivotSourceShifted(xml: string, insertion: Insertion): string {
  return xml.replace(/<worksheetSource\b[^>]*\/>/g, (source) => {
    const attributes = tags(source, "worksheetSource")[0] ?? {};
    if (!attributes.ref || attributes.sheet?.toLowerCase() !== insertion.sheet.toLowerCase())
      return source;
    return source.replace(/\bref="[^"]*"/, `ref="${shiftAreas(attributes.ref, insertion)}"`);
  });
}

async function tablesOf(edit: PackageEdit, sheetPath: string): Promise<string[]> {
  const sheet = (await edit.pkg.text(sheetPath)) ?? "";
  const rels = tags((await edit.pkg.text(relsOf(sheetPath))) ?? "", "Relationship");
  return tags(sheet, "tablePart").flatMap((part) => {
    const rel = rels.find((r) => r.Id === part["r:id"]);
    return rel ? [resolveTarget(folderOf(sheetPath), rel.Target)] : [];
  });
}
