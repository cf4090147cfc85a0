import { CellValue } from "../../domain/cellValue";
import { cellPosition } from "../addresses";
import { RawCell, ReadGrid } from "./readBack";

/** One cell as read: its formula text (or constant) and what it shows. */
export interface ReadCell {
  readonly formula: RawCell;
  readonly value: RawCell;
}

const EMPTY: ReadCell = { formula: "", value: "" };

/** Cell lookup by 0-based sheet position in a sheet's used range; cells outside it are empty. */
export function gridReader(grid: ReadGrid | null): (row: number, column: number) => ReadCell {
  if (!grid) return () => EMPTY;
  const origin = cellPosition(grid.address.split(":")[0]);
  return (row, column) => {
    const r = row - origin.row;
    const c = column - origin.column;
    const formula = grid.formulas[r]?.[c];
    return formula === undefined ? EMPTY : { formula, value: grid.values[r][c] };
  };
}

export const isFormula = (cell: ReadCell): boolean =>
  typeof cell.formula === "string" && cell.formula.startsWith("=") && cell.formula !== cell.value;

const ERROR_TEXT =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|SPILL!|CALC!|GETTING_DATA|BUSY!)$/;

export const isErrorText = (value: RawCell): value is string =>
  typeof value === "string" && ERROR_TEXT.test(value);

/** A read value as the domain takes it: blank is null, an error text an error value. */
export function asCellValue(value: RawCell): CellValue {
  if (value === "") return null;
  return isErrorText(value) ? { code: value } : value;
}
