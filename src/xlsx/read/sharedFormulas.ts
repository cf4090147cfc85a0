import { cellPosition, columnLetter } from "../../workbook/addresses";
import { MAX_COLUMN, MAX_ROW, mapReferences } from "./formulaReferences";

/**
 * Shared formulas (ECMA-376 Part 1, 18.3.1.40 <f t="shared">): Excel saves a filled formula once,
 * on its anchor cell; every other cell of the fill has the anchor's text with each relative
 * reference moved by the cell's offset from the anchor, as copying the anchor there would move it.
 */

/**
 * The formula of a shared-formula cell: the anchor's formula (storage form, no leading "=")
 * moved by (rows, columns).
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  return mapReferences(formula, (reference) => moveReference(reference.ends, rows, columns));
}

/** A reference given by its ends ("$B7", "C", "$12"; the second may be missing), moved. */
function moveReference(ends: readonly string[], rows: number, columns: number): string {
  const moved: (string | null)[] = [];
  for (const end of ends) {
    const [, column, row] = /^(\$?[A-Z]+)?(\$?\d+)?$/.exec(end)!;
    const parts = [
      column === undefined ? "" : movePart(column, columns, MAX_COLUMN, columnNumber, columnName),
      row === undefined ? "" : movePart(row, rows, MAX_ROW, Number, String),
    ];
    moved.push(parts.includes(null) ? null : parts.join(""));
  }
  // Excel makes the whole reference #REF! when either end leaves the sheet.
  return moved.includes(null) ? "#REF!" : moved.join(":");
}

/** A column ("$B") or row ("7") moved by delta unless $-fixed; null once off the sheet. */
function movePart(
  part: string,
  delta: number,
  max: number,
  read: (text: string) => number,
  write: (n: number) => string
): string | null {
  const fixed = part.startsWith("$");
  const n = read(fixed ? part.slice(1) : part) + (fixed ? 0 : delta);
  return n < 1 || n > max ? null : (fixed ? "$" : "") + write(n);
}

/** 1-based column number of letters such as "AB", and back. */
const columnNumber = (letters: string) => cellPosition(`${letters}1`).column + 1;
const columnName = (n: number) => columnLetter(n - 1);

/**
 * Expands shared formulas: for a cell r with t="shared" si=k and no text, the anchor's text
 * shifted.
 */
export class SharedFormulas {
  private readonly anchors = new Map<string, { row: number; column: number; formula: string }>();

  remember(si: string, anchorAddress: string, formula: string): void {
    this.anchors.set(si, { ...cellPosition(anchorAddress), formula });
  }

  formulaAt(si: string, address: string): string | undefined {
    const anchor = this.anchors.get(si);
    if (!anchor) return undefined;
    const at = cellPosition(address);
    return shiftFormula(anchor.formula, at.row - anchor.row, at.column - anchor.column);
  }
}
