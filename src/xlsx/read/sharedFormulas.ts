import { cellPosition, columnLetter } from "../../workbook/addresses";

/**
 * Shared formulas (ECMA-376 Part 1, 18.3.1.40 <f t="shared">): Excel saves a filled formula once,
 * on its anchor cell; every other cell of the fill has the anchor's text with each relative
 * reference moved by the cell's offset from the anchor, as copying the anchor there would move it.
 */

const MAX_ROW = 1048576;
const MAX_COLUMN = 16384; // XFD

// A reference is a whole token: no name character (letter, digit, _ . \ ?) or "$" just before it,
// nor just after it, nor "(" (a function: LOG10), "!" (a sheet) or "[" (a table). So Q1Target,
// _xlfn.X1 and 1E5 stay as they are.
const WORD = /[\p{L}\p{N}_.\\?$]/u;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}_.\\?$(![])`;
// Only columns A-XFD and rows 1-1048576 are on the sheet: XFE1 or A0 are names, and A1:XFE1 is A1
// followed by ":XFE1". Excel saves references in capitals.
const COLUMN = String.raw`\$?(?:[A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])`;
const ROW =
  String.raw`\$?(?:[1-9]\d{0,5}|10[0-3]\d{4}|104[0-7]\d{3}|` +
  String.raw`1048[0-4]\d\d|10485[0-6]\d|104857[0-6])`;
const CELL = COLUMN + ROW;

// Tried in turn at a token's start: a cell or cell range, a column range (A:C), a row range (1:3).
const REFERENCES = [
  `(${CELL})(?::(${CELL})${NOT_AFTER})?`,
  `(${COLUMN}):(${COLUMN})`,
  `(${ROW}):(${ROW})`,
].map((source) => new RegExp(source + NOT_AFTER, "uy"));

/**
 * The formula of a shared-formula cell: the anchor's formula (storage form, no leading "=")
 * moved by (rows, columns).
 */
export function shiftFormula(formula: string, rows: number, columns: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    let end = i + 1;
    let text = ch;
    if (ch === '"' || ch === "'") {
      // A string or a quoted sheet name, copied whole; a doubled quote inside is an escaped one.
      end = formula.indexOf(ch, i + 1);
      while (end !== -1 && formula[end + 1] === ch) end = formula.indexOf(ch, end + 2);
      end = end === -1 ? formula.length : end + 1;
      text = formula.slice(i, end);
    } else if (ch === "[") {
      // A structured reference (Tbl[[#This Row],[Col A1]]) or an external book ([1]Sheet!A1).
      end = closingBracket(formula, i);
      text = formula.slice(i, end);
    } else if (i === 0 || !WORD.test(formula[i - 1])) {
      const match = REFERENCES.map((pattern) => {
        pattern.lastIndex = i;
        return pattern.exec(formula);
      }).find((m) => m !== null);
      if (match) {
        end = i + match[0].length;
        text = moveReference(match.slice(1), rows, columns);
      }
    }
    out += text;
    i = end;
  }
  return out;
}

/** Just past the "]" closing the "[" at start; "'" escapes the next character (Tbl[Col'[x']]). */
function closingBracket(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

/** A reference given by its ends ("$B7", "C", "$12"; the second may be missing), moved. */
function moveReference(ends: (string | undefined)[], rows: number, columns: number): string {
  const moved: (string | null)[] = [];
  for (const end of ends.filter((e) => e !== undefined)) {
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
