import { rangeBounds } from "../../workbook/addresses";
import { PlannedSheet } from "../../workbook/plan";
import { HIGHLIGHT_COLOURS } from "../../workbook/styles";
import { fileChart } from "../charts/fileChart";
import { addCharts } from "../charts/packageCharts";
import {
  worksheetChildrenAfter,
  folderOf,
  insertWorksheetChild,
  REL,
  relsOf,
  resolveTarget,
  tags,
  withRelationshipPrefix,
  worksheetPaths,
} from "../charts/xlsxPackage";
import { copyPart } from "./copyPart";
import { CellWrite } from "./cellWrites";
import { PackageConflict } from "./packageConflict";
import { PackageEdit } from "./packageEdit";
import { SheetRows } from "./sheetRows";
import { addConditionalFormat, setValidation } from "./sheetRulesEdit";
import {
  plannedNames,
  renderScratch,
  Scratch,
  tablesOf,
  takenNames,
  transplantedXml,
  withTableId,
} from "./sheetTransplant";
import { StyleBook } from "./styleBook";

const TABLE_REL = `${REL}/table`;
/** CT_Worksheet's children after <tableParts>. */
const AFTER_TABLE_PARTS = worksheetChildrenAfter("tableParts");

/**
 * Writes planned blocks (src/workbook/maintain/blockAdditions.ts BlockAddition.planned: a PlannedSheet
 * holding only the block's ranges, formats, tables, names, validation, conditional formats and
 * charts, at their final addresses) into a sheet the package has, as the Office.js adapter's
 * queueContent, queueNames and queueFormulasAndFormats(wholeSheet = false) write them: cells (values,
 * formulas with cached values), cell styles, tables (new parts, fresh ids), workbook-scoped names,
 * validation, conditional formats and charts (on the sheet's drawing, made if it has none). Nothing
 * else the sheet holds changes: no column widths, row heights, merges, print setup or panes, which
 * are the user's on a sheet they arranged.
 *
 * Cells and tables are written by the file adapter into a scratch package (renderScratch) and carried
 * over, so they come out as in a new file; rules, names and charts are written in place by the same
 * writers that repair them.
 */
export async function addBlocks(
  edit: PackageEdit,
  sheet: string,
  blocks: readonly PlannedSheet[]
): Promise<void> {
  if (blocks.length === 0) return;
  const [name, path] = [...(await worksheetPaths(edit.pkg))].find(
    ([n]) => n.toLowerCase() === sheet.toLowerCase()
  ) ?? [sheet, undefined];
  if (path === undefined) throw new PackageConflict(`The workbook has no sheet "${sheet}".`);
  const tables = await tablesOf(edit.pkg);
  const workbook = (await edit.pkg.text("xl/workbook.xml")) ?? "";
  const taken = blocks.flatMap((block) => takenNames(workbook, tables.names, block));
  if (taken.length > 0)
    throw new PackageConflict(
      `The workbook already has the ${taken.map((n) => `name "${n}"`).join(", ")}.`
    );

  const scratch = await renderScratch(edit, [scratchSheet(name, blocks)]);
  const scratchPath = scratch.sheets.get(name) as string;
  const scratchXml = transplantedXml((await scratch.pkg.text(scratchPath)) ?? "", scratch);
  await writeCellsOver(edit, name, scratchXml);
  let tableId = tables.maxId;
  const relIds = await copyTables(scratch, scratchPath, scratchXml, edit, path, () => ++tableId);
  const styles = await edit.styles();
  await edit.changeSheet(name, (xml) =>
    blocks.reduce((done, block) => withRules(done, block, styles), withTableParts(xml, relIds))
  );
  await edit.changeNames(blocks.flatMap(plannedNames));
  await addCharts(edit.pkg, [
    { sheet: name, charts: blocks.flatMap((b) => b.charts.map((c) => fileChart(b, c))) },
  ]);
  await edit.pkg.finishContentTypes();
}

/** The blocks as one sheet for the file adapter: only what is carried over (cells and tables). */
function scratchSheet(name: string, blocks: readonly PlannedSheet[]): PlannedSheet {
  return {
    ...blocks[0],
    name,
    ranges: blocks.flatMap((b) => b.ranges),
    formats: blocks.flatMap((b) => b.formats),
    tables: blocks.flatMap((b) => b.tables),
    names: [],
    validations: [],
    conditionalFormats: [],
    charts: [],
    columnWidths: [],
    merges: [],
    rowHeights: [],
    freeze: undefined,
  };
}

const STYLE = /^<c\b[^>]*?\ss="([1-9]\d*)"/;

/**
 * The scratch sheet's cells put over the target's, as Office.js writes a block: a cell with content
 * is cleared first through writeCells, which unshares a shared formula it cuts into, grows
 * <dimension> and has formulas recalculated on load, then takes the cell's XML as the adapter wrote
 * it, keeping the format it has when the plan gives it none (values written leave formats alone); a
 * format alone changes no content. Rows keep their attributes (heights are the user's).
 */
async function writeCellsOver(edit: PackageEdit, sheet: string, scratchXml: string): Promise<void> {
  const scratch = SheetRows.open(scratchXml);
  const filled: { row: number; column: number; xml: string }[] = [];
  const writes: CellWrite[] = [];
  for (const row of scratch.rowNumbers())
    for (const [column, xml] of scratch.cells(row)) {
      const style = STYLE.exec(xml)?.[1];
      if (/<(?:f|v|is)\b/.test(xml)) {
        filled.push({ row, column, xml });
        writes.push({ row, column, value: null });
      } else if (style) writes.push({ row, column, keep: "content", style: Number(style) });
    }
  await edit.writeCells(sheet, writes);
  await edit.changeSheet(sheet, (xml) => {
    const rows = SheetRows.open(xml);
    for (const { row, column, xml: cell } of filled) {
      const target = rows.cells(row);
      const kept = STYLE.exec(target.get(column) ?? "")?.[1];
      const bare = cell.replace(/^(<c\b[^>]*?)\ss="0"/, "$1");
      target.set(
        column,
        kept && !STYLE.test(bare) ? bare.replace(/^<c\b/, `<c s="${kept}"`) : bare
      );
    }
    return rows.toXml();
  });
}

/**
 * Copies the scratch sheet's tables into the package, each with the next free id, related to the
 * target sheet; returns the relationship ids in the scratch sheet's order.
 */
async function copyTables(
  scratch: Scratch,
  scratchPath: string,
  scratchXml: string,
  edit: PackageEdit,
  sheetPath: string,
  nextId: () => number
): Promise<string[]> {
  const rels = tags((await scratch.pkg.text(relsOf(scratchPath))) ?? "", "Relationship");
  const ids: string[] = [];
  for (const { "r:id": relId } of tags(scratchXml, "tablePart")) {
    const rel = rels.find((r) => r.Id === relId);
    if (!rel) continue;
    const from = resolveTarget(folderOf(scratchPath), rel.Target);
    const part = await copyPart(scratch.pkg, edit.pkg, from, scratch.types, new Map());
    edit.pkg.write(part, withTableId((await edit.pkg.text(part)) ?? "", nextId()));
    ids.push(await edit.pkg.relate(sheetPath, TABLE_REL, part));
  }
  return ids;
}

/** The worksheet with a <tablePart> per relationship id added to its <tableParts> (made if missing). */
function withTableParts(sheet: string, relIds: readonly string[]): string {
  if (relIds.length === 0) return sheet;
  const xml = withRelationshipPrefix(sheet);
  const added = relIds.map((id) => `<tablePart r:id="${id}"/>`).join("");
  const existing = /<tableParts\b[^>]*?(?:\/>|>([\s\S]*?)<\/tableParts>)/.exec(xml);
  const parts = `${existing?.[1] ?? ""}${added}`;
  const element = `<tableParts count="${tags(parts, "tablePart").length}">${parts}</tableParts>`;
  if (existing)
    return `${xml.slice(0, existing.index)}${element}${xml.slice(existing.index + existing[0].length)}`;
  return insertWorksheetChild(xml, AFTER_TABLE_PARTS, element);
}

/** The block's validation and conditional formats, as refresh writes a template column's. */
function withRules(xml: string, block: PlannedSheet, styles: StyleBook): string {
  let out = xml;
  for (const validation of block.validations)
    out = setValidation(out, rangeBounds(validation.address), validation);
  for (const rule of block.conditionalFormats) {
    const colours = HIGHLIGHT_COLOURS[rule.highlight];
    const dxf = () => styles.highlight(colours.fill, colours.font);
    out = addConditionalFormat(out, rangeBounds(rule.address), rule, dxf);
  }
  return out;
}
