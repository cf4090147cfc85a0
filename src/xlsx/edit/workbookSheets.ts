import { escapeXml } from "../charts/chartXml";
import { REL, tags } from "../charts/xlsxPackage";
import { insertWorkbookChild } from "./workbookOrder";

/**
 * The workbook part (ECMA-376 Part 1, 18.2.27) with a <sheet> entry inserted at `position` (0-based
 * tab index) and the sheet's own built-in names (print area, print titles: <definedName> elements,
 * given the sheet's index as localSheetId). A sheet is known by its index in <sheets> wherever a
 * sheet-scoped name or the window (active tab, first tab shown) refers to one, so those at or after
 * `position` move up by one: every name keeps its sheet, and the user's active tab stays active.
 */
export function withSheetAt(
  workbook: string,
  sheet: { readonly name: string; readonly relId: string },
  position: number,
  builtinNames: readonly string[]
): string {
  const entries = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)];
  if (!(position >= 0 && position <= entries.length))
    throw new Error(`A sheet cannot go at tab ${position} of ${entries.length}.`);
  const sheetId = Math.max(0, ...tags(workbook, "sheet").map((s) => Number(s.sheetId) || 0)) + 1;
  const namespace = /<workbook\b[^>]*\sxmlns:r="/.test(workbook) ? "" : ` xmlns:r="${REL}"`;
  const entry = `<sheet name="${escapeXml(sheet.name)}" sheetId="${sheetId}"${namespace} r:id="${sheet.relId}"/>`;
  const at = entries[position]?.index ?? workbook.indexOf("</sheets>");
  const shifted = (n: string) => String(Number(n) >= position ? Number(n) + 1 : Number(n));
  let xml = `${workbook.slice(0, at)}${entry}${workbook.slice(at)}`
    .replace(/<definedName\b[^>]*>/g, (start) =>
      start.replace(/\blocalSheetId="(\d+)"/, (_, n: string) => `localSheetId="${shifted(n)}"`)
    )
    .replace(/<workbookView\b[^>]*>/g, (start) => {
      const firstSheet = start.replace(
        /\bfirstSheet="(\d+)"/,
        (_, n: string) => `firstSheet="${shifted(n)}"`
      );
      // activeTab defaults to 0: the user's first sheet stays active when one goes before it.
      return /\bactiveTab="/.test(firstSheet)
        ? firstSheet.replace(/\bactiveTab="(\d+)"/, (_, n: string) => `activeTab="${shifted(n)}"`)
        : position === 0
          ? firstSheet.replace(/^<workbookView\b/, '<workbookView activeTab="1"')
          : firstSheet;
    });
  const names = builtinNames
    .map((name) => name.replace(/\blocalSheetId="\d+"/, `localSheetId="${position}"`))
    .join("");
  if (names === "") return xml;
  if (/<definedNames\s*\/>/.test(xml))
    xml = xml.replace(/<definedNames\s*\/>/, () => `<definedNames>${names}</definedNames>`);
  else if (xml.includes("</definedNames>"))
    xml = xml.replace("</definedNames>", () => `${names}</definedNames>`);
  else xml = insertWorkbookChild(xml, "definedNames", `<definedNames>${names}</definedNames>`);
  return xml;
}

/**
 * The workbook part without the <sheet> entry at `position`, as Excel leaves it when the sheet is
 * deleted: the names scoped to that sheet go with it, those of later sheets follow theirs (their
 * localSheetId one lower). The window's first tab shown moves with its sheet; the active tab too,
 * or, when it was the deleted sheet, goes to the next visible sheet (the previous one at the end),
 * as Excel activates it.
 */
export function withoutSheetAt(workbook: string, position: number): string {
  const entries = [...workbook.matchAll(/<sheet\b[^>]*\/>/g)];
  const entry = entries[position];
  if (!entry) throw new Error(`There is no sheet at tab ${position} of ${entries.length}.`);
  const visible = entries
    .filter((_, i) => i !== position)
    .map((e) => !/\bstate="(hidden|veryHidden)"/.test(e[0]));
  const last = visible.length - 1;
  const moved = (n: number) => (n > position ? n - 1 : n);
  const activated = (n: number) => {
    if (n !== position) return moved(n);
    const next = visible.indexOf(true, position);
    return Math.max(0, next >= 0 ? next : visible.lastIndexOf(true));
  };
  const at = entry.index as number;
  return `${workbook.slice(0, at)}${workbook.slice(at + entry[0].length)}`
    .replace(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g, (name) => {
      const scope = /^<definedName\b[^>]*\blocalSheetId="(\d+)"/.exec(name)?.[1];
      if (scope === undefined) return name;
      if (Number(scope) === position) return "";
      return name.replace(/\blocalSheetId="\d+"/, `localSheetId="${moved(Number(scope))}"`);
    })
    .replace(/<definedNames>\s*<\/definedNames>/, "")
    .replace(/<workbookView\b[^>]*>/g, (start) => {
      const view = start.replace(
        /\bfirstSheet="(\d+)"/,
        (_, n: string) => `firstSheet="${Math.min(moved(Number(n)), last)}"`
      );
      // activeTab defaults to 0.
      const active = activated(Number(/\bactiveTab="(\d+)"/.exec(view)?.[1] ?? 0));
      return /\bactiveTab="/.test(view)
        ? view.replace(/\bactiveTab="\d+"/, `activeTab="${active}"`)
        : active === 0
          ? view
          : view.replace(/^<workbookView\b/, `<workbookView activeTab="${active}"`);
    });
}
