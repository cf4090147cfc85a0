import { columnLetter } from "../../workbook/addresses";
import { MAX_COLUMN, MAX_ROW, mapReferences, referenceEnds } from "../read/formulaReferences";

/**
 * References kept on their cells when cells are inserted on a sheet, as Excel keeps them when a
 * table grows (Home > Insert > Insert Cells, Shift cells down / Shift cells right; Range.Insert
 * with xlShiftDown / xlShiftToRight, https://learn.microsoft.com/office/vba/api/excel.range.insert).
 *
 * The rules, for a "down" insertion of `count` rows at row `at` in columns [left..right] ("right"
 * is the same with rows and columns swapped):
 *
 * 1. Which references. One qualified with the insertion's sheet ('Team budget'!B5, Sheet1!B5;
 *    names compared case-insensitively, '' read as '), or unqualified in a formula that lives on
 *    that sheet. A reference to another sheet, to another book ([1]Sheet1!A1,
 *    '[Book.xlsx]Sheet1'!A1) or to a 3-D span of sheets (Jan:Mar!A1) never changes; nor does an
 *    unqualified one in workbook-level text (a defined name), which has no sheet of its own.
 * 2. Which cells. A reference is a rectangle of cells. It is adjusted only when its columns lie
 *    entirely within [left..right]: only then do all its cells move together. A rectangle that
 *    also covers columns outside cannot follow a partial shift (its cells inside move, those
 *    outside do not, and no rectangle holds them), so it is left as it is. Excel refuses such an
 *    insertion when it would split a merged cell or a table; for a plain reference it leaves the
 *    reference alone, which is also what LibreOffice does (sc/source/core/tool/refupdat.cxx,
 *    ScRefUpdate::Update: rows shift only when theCol1 >= nCol1 && theCol2 <= nCol2).
 *    So a whole-row reference (5:5) follows a "down" insertion only when that spans every column.
 * 3. Each end on its own. The top row moves by `count` if it is at or below `at`, and so does
 *    the bottom row. So a single cell at or below `at` moves; a range starting at or below `at`
 *    moves whole; a range spanning `at` (top < at <= bottom) grows, SUM(B2:B10) with 3 rows
 *    inserted at row 5 becoming SUM(B2:B13); a range ending above `at` stays (Excel grows ranges
 *    by cells inserted inside them, not by cells inserted just past their end: "If you insert a
 *    new row or column within the named range, the named range expands", J. Walkenbach, Excel
 *    2007 Formulas, "How Excel Maintains Cell and Range Names"). The "extend data range formats
 *    and formulas" option, which grows a formula when data is typed just below its range, is an
 *    editing aid of Excel's user interface, not an adjustment of references, and is not done.
 * 4. $ markers are kept, and an absolute row or column moves like a relative one: "$B$5" names
 *    the cell, which has moved (absolute only means "not moved when the formula is copied").
 * 5. Whole columns. A reference that spans every row (B:B, or B1:B1048576, which Excel shows as
 *    B:B) is not changed by a "down" insertion: the column still holds all its cells.
 * 6. The edge of the sheet. A single cell, or a one-row range, pushed below row 1048576 (right of
 *    column XFD) becomes #REF! (its prefix kept: Sheet1!#REF!). A taller range whose bottom would
 *    be pushed off keeps its bottom at the last row while its top moves, rather than becoming
 *    #REF!: the cells it loses are off the sheet (Excel refuses to push a non-empty cell off), and
 *    this is what LibreOffice does for Excel's sake ("sticky" range ends: ScRange::MoveSticky and
 *    ScRange::IncEndRowSticky in sc/source/core/tool/address.cxx), so SUM(B2:B1048576) stays
 *    valid when rows are inserted in column B.
 * 7. Everything else stays byte for byte: strings, structured references (Tbl[Col]), defined
 *    names (Q1Target), functions (LOG10), numbers, whitespace, the prefix as written.
 *
 * The model read alongside: Apache POI's FormulaShifter (poi/src/main/java/org/apache/poi/ss/
 * formula/FormulaShifter.java) moves the references of a row move sheet by sheet the same way
 * (3-D references of other books or sheets untouched); it shifts whole rows only.
 */

/** Cells inserted on one sheet: rows [at..] of columns [left..right] move down by `count` ("down"), or columns [at..] of rows [top..bottom] move right by `count` ("right"). 0-based, inclusive. */
export type Insertion =
  | {
      readonly sheet: string;
      readonly direction: "down";
      /** The first row that moves. */
      readonly at: number;
      readonly left: number;
      readonly right: number;
      readonly count: number;
    }
  | {
      readonly sheet: string;
      readonly direction: "right";
      /** The first column that moves. */
      readonly at: number;
      readonly top: number;
      readonly bottom: number;
      readonly count: number;
    };

/**
 * A stored formula (no leading "=", as in <f> or <definedName>) with every A1 reference into the
 * moved cells moved, as Excel adjusts them. `hostSheet` is the sheet the formula lives on
 * (unqualified references point there); undefined for workbook-level text such as a defined
 * name, where every reference is sheet-qualified.
 */
export function shiftReferences(
  formula: string,
  hostSheet: string | undefined,
  insertion: Insertion
): string {
  const shift = shifter(insertion);
  const sheet = insertion.sheet.toLowerCase();
  const onSheet = hostSheet?.toLowerCase() === sheet;
  return mapReferences(formula, (reference) => {
    const points = reference.prefix === "" ? onSheet : reference.sheet?.toLowerCase() === sheet;
    return points ? (shift(reference.ends) ?? "#REF!") : reference.text;
  });
}

/**
 * An sqref / ref list ("A1:B3 D5") on the insertion's sheet, adjusted the same way (for
 * validation, conditional formats, merges, table refs, autoFilter). A list cannot hold #REF!:
 * an area pushed off the sheet is left out, and "" is what remains when every area was.
 * Anything in the list that is not an area stays as it is.
 */
export function shiftAreas(sqref: string, insertion: Insertion): string {
  const shift = shifter(insertion);
  let dropped = false;
  const areas = sqref.replace(/\S+/g, (area) => {
    const ends = referenceEnds(area);
    if (!ends) return area;
    const moved = shift(ends);
    if (moved === null) dropped = true;
    return moved ?? "";
  });
  return dropped ? areas.split(/\s+/).filter(Boolean).join(" ") : areas;
}

/** One end's part: a column or a row, 0-based, with its $ marker. */
interface Part {
  readonly fixed: boolean;
  readonly index: number;
}

interface End {
  readonly column?: Part;
  readonly row?: Part;
}

/** Moves the ends of one reference ("$B7", "C", "12"), giving the reference, or null for #REF!. */
function shifter(insertion: Insertion): (ends: readonly string[]) => string | null {
  check(insertion);
  const down = insertion.direction === "down";
  // "along": the axis cells move on; "across": the other one, which must hold the reference.
  const along: keyof End = down ? "row" : "column";
  const across: keyof End = down ? "column" : "row";
  const alongMax = (down ? MAX_ROW : MAX_COLUMN) - 1;
  const acrossMax = (down ? MAX_COLUMN : MAX_ROW) - 1;
  const [from, to] =
    insertion.direction === "down"
      ? [insertion.left, insertion.right]
      : [insertion.top, insertion.bottom];
  const { at, count } = insertion;

  return (texts) => {
    const ends = texts.map(parseEnd);
    // A column range (no rows) spans every row; a row range every column.
    const span = (axis: keyof End, max: number) => {
      const indexes = ends.map((e) => e[axis]?.index);
      return indexes.includes(undefined)
        ? { first: 0, last: max }
        : { first: Math.min(...(indexes as number[])), last: Math.max(...(indexes as number[])) };
    };
    const held = span(across, acrossMax);
    const reach = span(along, alongMax);
    const unchanged = texts.join(":");
    // Rule 2: all of it within the moving columns (rows); rule 5: not spanning every row (column).
    if (held.first < from || held.last > to) return unchanged;
    if (reach.first === 0 && reach.last === alongMax) return unchanged;
    // Rule 3: each end on its own, at or past `at` moves; rule 6: the far end sticks to the edge.
    const movedFirst = reach.first >= at ? reach.first + count : reach.first;
    if (movedFirst > alongMax) return null;
    const moved = ends.map((end) => {
      const part = end[along]!;
      const index = part.index >= at ? Math.min(part.index + count, alongMax) : part.index;
      return writeEnd({ ...end, [along]: { ...part, index } });
    });
    return moved.join(":");
  };
}

function check(insertion: Insertion): void {
  const [from, to, alongMax, acrossMax] =
    insertion.direction === "down"
      ? [insertion.left, insertion.right, MAX_ROW, MAX_COLUMN]
      : [insertion.top, insertion.bottom, MAX_COLUMN, MAX_ROW];
  const ok =
    [insertion.at, from, to, insertion.count].every(Number.isInteger) &&
    insertion.count >= 1 &&
    insertion.at >= 0 &&
    insertion.at < alongMax &&
    from >= 0 &&
    from <= to &&
    to < acrossMax;
  if (!ok) throw new RangeError(`Not an insertion on a sheet: ${JSON.stringify(insertion)}`);
}

function parseEnd(text: string): End {
  const [, column, row] = /^(\$?[A-Z]+)?(\$?\d+)?$/.exec(text)!;
  const part = (written: string | undefined, read: (s: string) => number): Part | undefined =>
    written === undefined
      ? undefined
      : {
          fixed: written.startsWith("$"),
          index: read(written.replace("$", "")),
        };
  return {
    column: part(
      column,
      (letters) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1
    ),
    row: part(row, (digits) => Number(digits) - 1),
  };
}

function writeEnd({ column, row }: End): string {
  const mark = (part: Part) => (part.fixed ? "$" : "");
  return (
    (column ? mark(column) + columnLetter(column.index) : "") +
    (row ? mark(row) + String(row.index + 1) : "")
  );
}
