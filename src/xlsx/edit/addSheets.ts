import { PlannedSheet } from "../../workbook/plan";
import { REL, tags } from "../charts/xlsxPackage";
import { PackageEdit } from "./packageEdit";
import {
  plannedNames,
  renderScratch,
  tablesOf,
  takenNames,
  transplantSheet,
} from "./sheetTransplant";
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
  const scratch = await renderScratch(edit, planned);
  const scratchBook = (await scratch.pkg.text(WORKBOOK)) ?? "";
  let tableId = tables.maxId;
  for (const [index, { planned: sheet, position }] of sheets.entries()) {
    const path = await transplantSheet(
      scratch,
      scratch.sheets.get(sheet.name) as string,
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
  await edit.changeNames(planned.flatMap(plannedNames));
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

/** Refuses sheets whose sheet, table or defined names the workbook already uses (takenNames). */
function refuseTakenNames(
  workbook: string,
  tableNames: ReadonlySet<string>,
  sheets: readonly PlannedSheet[]
): void {
  const sheetNames = new Set(tags(workbook, "sheet").map((s) => s.name.toLowerCase()));
  const taken = sheets.flatMap((sheet) => [
    ...(sheetNames.has(sheet.name.toLowerCase()) ? [`sheet "${sheet.name}"`] : []),
    ...takenNames(workbook, tableNames, sheet).map((name) => `name "${name}"`),
  ]);
  if (taken.length > 0)
    throw new PackageConflict(`The workbook already has the ${taken.join(", ")}.`);
}
