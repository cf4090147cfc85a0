import { AFTER_COL_BREAKS, tags, worksheetPaths, XlsxPackage } from "./charts/xlsxPackage";

/**
 * Column page breaks, which ExcelJS does not write (it writes <rowBreaks> only): a sheet's
 * <colBreaks> is added to its worksheet part after ExcelJS wrote the package, where CT_Worksheet's
 * sequence puts it (after pageSetup, headerFooter and rowBreaks, before drawing and tableParts).
 */

export interface SheetColumnBreaks {
  /** The sheet's name as the workbook shows it. */
  readonly sheet: string;
  /** 0-based columns that start a printed page. */
  readonly columns: readonly number[];
}

/**
 * The worksheet XML with manual breaks before `columns`: a <brk id> is the 0-based index of the
 * column the new page starts with (Excel writes a break before column D as id="3"), spanning every row.
 */
export function withColumnBreaks(sheet: string, columns: readonly number[]): string {
  if (columns.length === 0 || tags(sheet, "colBreaks").length > 0) return sheet;
  const breaks = [...new Set(columns)].sort((a, b) => a - b);
  const element =
    `<colBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">` +
    breaks.map((c) => `<brk id="${c}" max="1048575" man="1"/>`).join("") +
    "</colBreaks>";
  const positions = AFTER_COL_BREAKS.map((name) =>
    sheet.search(new RegExp(`<${name}[\\s/>]`))
  ).filter((at) => at >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : sheet.lastIndexOf("</worksheet>");
  return `${sheet.slice(0, at)}${element}${sheet.slice(at)}`;
}

/** Adds each sheet's column breaks to an open package; sheets are found by name. */
export async function addColumnBreaks(
  pkg: XlsxPackage,
  sheets: readonly SheetColumnBreaks[]
): Promise<void> {
  const paths = await worksheetPaths(pkg);
  for (const { sheet, columns } of sheets) {
    if (columns.length === 0) continue;
    const path = paths.get(sheet);
    if (!path) throw new Error(`The package has no worksheet named ${sheet}`);
    pkg.write(path, withColumnBreaks((await pkg.text(path)) ?? "", columns));
  }
}
