import { unescapeXml } from "../charts/xlsxPackage";
import { escapeLike } from "./formulaPlaces";
import { renameSheetIn } from "./renameFormulas";

/**
 * docProps/app.xml (the extended properties Excel saves) with a renamed sheet's entries in
 * <TitlesOfParts> renamed: its title among the worksheets, which come first, and the names
 * qualified by it ('Team budget'!Print_Area) among the named ranges. The list only describes the
 * workbook (Excel writes it again on save), but file browsers show it.
 */
export function withTitlesRenamed(app: string, from: string, to: string): string {
  let sheetFound = false;
  return app.replace(/<TitlesOfParts>[\s\S]*?<\/TitlesOfParts>/, (titles) =>
    titles.replace(
      /(<vt:lpstr>)([^<]*)(<\/vt:lpstr>)/g,
      (whole, open: string, stored: string, close: string) => {
        const title = unescapeXml(stored);
        let renamed = title;
        // The first entry equal to the sheet's name is the sheet; a workbook name equal to it comes later.
        if (!sheetFound && title.toLowerCase() === from.toLowerCase()) {
          renamed = to;
          sheetFound = true;
        } else if (title.includes("!")) renamed = renameSheetIn(title, from, to);
        return renamed === title ? whole : `${open}${escapeLike(stored, renamed)}${close}`;
      }
    )
  );
}
