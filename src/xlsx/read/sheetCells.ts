import { cellAddress, cellPosition } from "../../workbook/addresses";
import { RawCell } from "../../workbook/maintain/readBack";
import { tags } from "../xmlText";
import { apiFormula } from "../formulas";
import { SharedFormulas } from "./sharedFormulas";
import { runText, unescaped } from "./workbookPackage";

/**
 * A worksheet part's cells as Office.js reads them (ECMA-376 Part 1, 18.3.1.4 <c>): `formula` is what
 * range.formulas gives ("=" and the formula in the form a user types, else the constant), `value` what
 * range.values gives (a formula's cached result; "" when empty; an error as its text). Shared
 * formulas are expanded, as Excel shows each cell its own formula.
 */
export interface FileCell {
  readonly formula: RawCell;
  readonly value: RawCell;
  /** The cell's style index (cellXfs), 0 when none. */
  readonly style: number;
}

export interface SheetCells {
  /** By 0-based row, then 0-based column. */
  readonly rows: ReadonlyMap<number, ReadonlyMap<number, FileCell>>;
  /** The bounds of every cell the part lists (values or formatting), as getUsedRange() counts. */
  readonly bounds: { top: number; left: number; bottom: number; right: number } | null;
  /** Style of a whole row (<row s customFormat="1">), by 0-based row. */
  readonly rowStyles: ReadonlyMap<number, number>;
  /** Style of whole columns (<col min max style>), 1-based inclusive spans. */
  readonly columnStyles: readonly { min: number; max: number; style: number }[];
}

const EMPTY: FileCell = { formula: "", value: "", style: 0 };

/** The cell's style as Excel resolves it: a written cell's own; an absent one its row's, else its column's. */
export function styleAt(cells: SheetCells, row: number, column: number): number {
  const own = cells.rows.get(row)?.get(column);
  if (own) return own.style;
  const byRow = cells.rowStyles.get(row);
  if (byRow !== undefined) return byRow;
  return cells.columnStyles.find((c) => column + 1 >= c.min && column + 1 <= c.max)?.style ?? 0;
}

export function cellAt(cells: SheetCells, row: number, column: number): FileCell {
  return cells.rows.get(row)?.get(column) ?? EMPTY;
}

export function readSheetCells(xml: string, strings: readonly string[]): SheetCells {
  const rows = new Map<number, Map<number, FileCell>>();
  const rowStyles = new Map<number, number>();
  const shared = new SharedFormulas();
  // A table's computed column stores one formula text in every row: each text is read once.
  const formulas: Formulas = { stored: new Map(), typed: new Map() };
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const data = /<sheetData\b[^>]*>([\s\S]*?)<\/sheetData>/.exec(xml)?.[1] ?? "";
  let nextRow = 0;
  for (const row of data.matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const attributes = attributesOf(row[1]);
    const r = attributes.r ? Number(attributes.r) - 1 : nextRow;
    nextRow = r + 1;
    if (attributes.customFormat === "1" || attributes.customFormat === "true")
      rowStyles.set(r, Number(attributes.s ?? 0));
    const cells = new Map<number, FileCell>();
    let nextColumn = 0;
    for (const cell of (row[2] ?? "").matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const a = attributesOf(cell[1]);
      const at = a.r ? cellPosition(a.r) : { row: r, column: nextColumn };
      nextColumn = at.column + 1;
      cells.set(at.column, readCell(a, cell[2] ?? "", r, at.column, strings, shared, formulas));
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, at.column);
      right = Math.max(right, at.column);
    }
    if (cells.size > 0) rows.set(r, cells);
  }
  const columnStyles = tags(/<cols>([\s\S]*?)<\/cols>/.exec(xml)?.[1] ?? "", "col")
    .filter((c) => c.style !== undefined)
    .map((c) => ({ min: Number(c.min), max: Number(c.max), style: Number(c.style) }));
  return {
    rows,
    bounds: bottom < 0 ? null : { top, left, bottom, right },
    rowStyles,
    columnStyles,
  };
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*"([^"]*)"/g;

function attributesOf(text: string): Record<string, string> {
  const found: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let attr = ATTRIBUTE.exec(text); attr; attr = ATTRIBUTE.exec(text))
    found[attr[1]] = unescaped(attr[2]);
  return found;
}

/** Formula texts read so far in a part: as stored (unescaped) and as Office.js reads them. */
interface Formulas {
  readonly stored: Map<string, string>;
  readonly typed: Map<string, string>;
}

function remembered(map: Map<string, string>, key: string, make: (key: string) => string): string {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}

function readCell(
  a: Record<string, string>,
  body: string,
  row: number,
  column: number,
  strings: readonly string[],
  shared: SharedFormulas,
  formulas: Formulas
): FileCell {
  const style = Number(a.s ?? 0);
  const stored = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  const value = cellValue(a.t, stored === undefined ? undefined : unescaped(stored), body, strings);
  const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(body);
  if (!f) return { formula: value, value, style };
  const fa = attributesOf(f[1]);
  let text = f[2] === undefined ? "" : remembered(formulas.stored, f[2], unescaped);
  if (fa.t === "shared" && fa.si !== undefined) {
    const address = cellAddress(row, column);
    if (text !== "") shared.remember(fa.si, address, text);
    else text = shared.formulaAt(fa.si, address) ?? "";
  }
  return {
    formula: text === "" ? value : remembered(formulas.typed, text, apiFormula),
    value,
    style,
  };
}

/** The value Office.js reads for a cell of type `t` (18.18.11 ST_CellType) holding `stored`. */
function cellValue(
  t: string | undefined,
  stored: string | undefined,
  body: string,
  strings: readonly string[]
): RawCell {
  if (t === "inlineStr") return runText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? "");
  if (stored === undefined) return "";
  switch (t) {
    case "s":
      return strings[Number(stored)] ?? "";
    case "str":
    case "e":
      return stored;
    case "b":
      return stored === "1" || stored === "true";
    default: {
      const number = Number(stored);
      return stored.trim() === "" || Number.isNaN(number) ? stored : number;
    }
  }
}
