import * as fs from "fs";
import { cellAddress } from "../../src/workbook/addresses";
import { RawCell } from "../../src/workbook/maintain/readBack";
import { isErrorText, isFormula } from "../../src/workbook/maintain/grid";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { openWorkbookPackage } from "../../src/xlsx/read/workbookPackage";
import { readSheetCells } from "../../src/xlsx/read/sheetCells";

/** Every cell of every sheet but the store, by sheet and A1 address: its value, and whether it is a formula. */
export async function readBackOf(
  file: string
): Promise<Map<string, Map<string, { value: RawCell; formula: boolean }>>> {
  const pkg = await openWorkbookPackage(fs.readFileSync(file));
  const sheets = new Map<string, Map<string, { value: RawCell; formula: boolean }>>();
  for (const sheet of pkg.sheets) {
    if (sheet.name === METADATA_SHEET) continue;
    const cells = readSheetCells((await pkg.text(sheet.path)) ?? "", pkg.sharedStrings);
    const found = new Map<string, { value: RawCell; formula: boolean }>();
    for (const [row, columns] of cells.rows)
      for (const [column, cell] of columns)
        found.set(cellAddress(row, column), { value: cell.value, formula: isFormula(cell) });
    sheets.set(sheet.name, found);
  }
  return sheets;
}

/** Numbers to 9 significant digits (LibreOffice and JavaScript round the last bit differently); "" is blank. */
export function sameValue(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === "" || v === null || v === undefined;
  if (blank(a) && blank(b)) return true;
  if (typeof a === "number" && typeof b === "number")
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}

type FileCells = Awaited<ReturnType<typeof readBackOf>>;

/**
 * The formula cells (those `keep` picks) whose value in the recalculated file is not the one the file
 * cached, one line each; `renamed` gives a sheet's name in the recalculated file.
 */
export function recalculationDifferences(
  cached: FileCells,
  recalculated: FileCells,
  keep: (sheet: string, address: string) => boolean = () => true,
  renamed: (sheet: string) => string = (sheet) => sheet
): { formulas: number; differences: string[] } {
  const differences: string[] = [];
  let formulas = 0;
  for (const [sheet, cells] of cached)
    for (const [address, cell] of cells) {
      if (!cell.formula || !keep(sheet, address)) continue;
      formulas += 1;
      const engine = recalculated.get(renamed(sheet))?.get(address)?.value;
      if (!sameValue(cell.value, engine))
        differences.push(
          `${sheet}!${address}: cached ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(engine)}`
        );
    }
  return { formulas, differences };
}

/** Every cell showing an error, as "Sheet!A1 #REF!", on the sheets `check` picks. */
export function errorCells(
  cells: FileCells,
  check: (sheet: string) => boolean = () => true
): string[] {
  return [...cells]
    .filter(([sheet]) => check(sheet))
    .flatMap(([sheet, found]) =>
      [...found]
        .filter(([, cell]) => isErrorText(cell.value))
        .map(([address, cell]) => `${sheet}!${address} ${cell.value}`)
    );
}
