import { PlannedSheet } from "../../workbook/plan";
import { tags } from "../charts/xlsxPackage";
import { addSheets } from "./addSheets";
import { deleteSheet } from "./deleteSheet";
import { PackageEdit } from "./packageEdit";

const WORKBOOK = "xl/workbook.xml";
const VIEWS = /<bookViews\b[\s\S]*?<\/bookViews>/;

/**
 * A sheet replaced in place by a planned one (import-focus's Cost data sheet): the old one deleted
 * as Excel deletes a sheet (deleteSheet.ts: what pointed at it becomes #REF!), the planned one added
 * at its tab (addSheets.ts). The tabs are then in their old order, so the window (active tab, first
 * tab shown) is put back as it was; and the old sheet may have been the only visible one.
 */
export async function replaceSheet(
  edit: PackageEdit,
  sheet: string,
  planned: PlannedSheet
): Promise<void> {
  const workbook = (await edit.pkg.text(WORKBOOK)) ?? "";
  const position = tags(workbook, "sheet").findIndex(
    (s) => s.name.toLowerCase() === sheet.toLowerCase()
  );
  const views = VIEWS.exec(workbook)?.[0];
  await deleteSheet(edit, sheet, { replaced: true });
  await addSheets(edit, [{ planned, position }]);
  if (views) await edit.changePart(WORKBOOK, (xml) => xml.replace(VIEWS, () => views));
}
