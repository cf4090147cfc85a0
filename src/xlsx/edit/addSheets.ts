import { PlannedSheet } from "../../workbook/plan";
import { writeXlsxBuffer } from "../index";
import { REL, tags, worksheetPaths, XlsxPackage } from "../charts/xlsxPackage";
import { PackageEdit } from "./packageEdit";
import { Scratch, stringItems, TABLE_TYPE, transplantSheet } from "./sheetTransplant";
import { StyleBook } from "./styleBook";
import { StyleTransplant } from "./styleTransplant";
import { withSheetAt } from "./workbookSheets";
import { PackageConflict } from "./packageConflict";

const WORKBOOK = "xl/workbook.xml";

/**
 * Adds planned sheets (src/workbook/plan.ts PlannedSheet) to an existing package in place, each as the
 * file adapter writes it in a new file: cells with cached values, styles, column widths, row heights,
 * merges, tables (with totals rows), validation, conditional formats, freeze panes, print setup (print
 * area, titles, margins, fit, column breaks) and charts. `position` is the 0-based tab index (default:
 * after the last sheet). Defined names of the sheets (PlannedSheet.names) are added workbook-scoped.
 *
 * The sheets are written into a scratch package by the file adapter itself (writeXlsxBuffer), so they
 * come out exactly as in a new file, and carried over part by part: every part of the workbook they
 * do not need stays byte for byte as it was. Sheets go in one after another, each at its position in
 * the workbook as it then is. docProps/app.xml keeps its list of sheet titles: Excel tolerates a
 * stale one and writes it again when it saves.
 */
export async function addSheets(
  edit: PackageEdit,
  sheets: readonly { planned: PlannedSheet; position?: number }[]
): Promise<void> {
  if (sheets.length === 0) return;
  const planned = sheets.map((s) => s.planned);
  const tables = await tablesOf(edit.pkg);
  refuseTakenNames((await edit.pkg.text(WORKBOOK)) ?? "", tables.names, planned);
  const { buffer } = await writeXlsxBuffer({ sheets: planned, templates: [], options: "" });
  const pkg = await XlsxPackage.open(buffer);
  const scratch: Scratch = {
    pkg,
    types: (await pkg.text("[Content_Types].xml")) ?? "",
    strings: stringItems((await pkg.text("xl/sharedStrings.xml")) ?? ""),
    styles: new StyleTransplant(
      new StyleBook((await pkg.text("xl/styles.xml")) ?? ""),
      await edit.styles()
    ),
  };
  const scratchPaths = await worksheetPaths(pkg);
  const scratchBook = (await pkg.text(WORKBOOK)) ?? "";
  let tableId = tables.maxId;
  for (const [index, { planned: sheet, position }] of sheets.entries()) {
    const path = await transplantSheet(
      scratch,
      scratchPaths.get(sheet.name) as string,
      edit.pkg,
      () => (tableId += 1)
    );
    const relId = await edit.pkg.relate(WORKBOOK, `${REL}/worksheet`, path);
    const workbook = (await edit.pkg.text(WORKBOOK)) ?? "";
    const at = position ?? tags(workbook, "sheet").length;
    const builtin = sheetScopedNames(scratchBook, index);
    edit.pkg.write(WORKBOOK, withSheetAt(workbook, { name: sheet.name, relId }, at, builtin));
    edit.sheetAdded(sheet.name, path);
  }
  await edit.changeNames(
    planned.flatMap((sheet) =>
      sheet.names.map((n) => ({
        name: n.name,
        formula: `='${sheet.name.replace(/'/g, "''")}'!${n.address}`,
      }))
    )
  );
  await edit.pkg.finishContentTypes();
}

/** The <definedName> elements scoped to a sheet (the print area and titles the adapter wrote). */
function sheetScopedNames(workbook: string, sheetIndex: number): string[] {
  const scoped = new RegExp(
    `<definedName\\b[^>]*\\blocalSheetId="${sheetIndex}"[^>]*>[\\s\\S]*?</definedName>`,
    "g"
  );
  return [...workbook.matchAll(scoped)].map((m) => m[0]);
}

/** The ids and names (lower case) of the package's tables. */
async function tablesOf(pkg: XlsxPackage): Promise<{ maxId: number; names: Set<string> }> {
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
 * Refuses sheets whose sheet, table or defined names the workbook already uses (the planner chooses
 * free ones, src/workbook/names.ts): a second table or name of the same name makes Excel repair the
 * file, and a workbook-scoped name would be overwritten.
 */
function refuseTakenNames(
  workbook: string,
  tableNames: ReadonlySet<string>,
  sheets: readonly PlannedSheet[]
): void {
  const sheetNames = new Set(tags(workbook, "sheet").map((s) => s.name.toLowerCase()));
  const names = new Set([
    ...tableNames,
    ...tags(workbook, "definedName")
      .filter((n) => n.localSheetId === undefined)
      .map((n) => n.name.toLowerCase()),
  ]);
  const taken = sheets.flatMap((sheet) => [
    ...(sheetNames.has(sheet.name.toLowerCase()) ? [`sheet "${sheet.name}"`] : []),
    ...[...sheet.tables.map((t) => t.name), ...sheet.names.map((n) => n.name)]
      .filter((name) => names.has(name.toLowerCase()))
      .map((name) => `name "${name}"`),
  ]);
  if (taken.length > 0)
    throw new PackageConflict(`The workbook already has the ${taken.join(", ")}.`);
}
