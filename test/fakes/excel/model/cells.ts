/**
 * Cell contents, number formats and formats, with the rules Excel applies when an add-in writes
 * them. Data validation and conditional formats: validation.ts.
 */
import { MAX_COLUMNS, Rect, formatRect, contains, rectColumns, rectRows } from "../addresses";
import { dimensionMismatch, invalidArgument } from "../errors";
import { WorkbookModel, removeWhere } from "./workbook";
import { CellData, CellFormat, CellValue, DEFAULT_FORMAT, SheetData } from "./types";

export const DEFAULT_COLUMN_WIDTH = 48;
export const DEFAULT_ROW_HEIGHT = 15;
const MAX_FORMULA_LENGTH = 8192;
const MAX_CELL_TEXT = 32767;

const emptyCell = (): CellData => ({
  value: null,
  formula: null,
  numberFormat: "General",
  format: DEFAULT_FORMAT,
  validation: null,
});

function isDefaultFormat(format: CellFormat): boolean {
  return (Object.keys(DEFAULT_FORMAT) as (keyof CellFormat)[]).every(
    (key) => format[key] === DEFAULT_FORMAT[key]
  );
}

/** The fake keeps formats per cell (Excel also has row/column formats), so it caps cell counts. */
export const MAX_CELLS_PER_WRITE = 2_000_000;

function store(sheet: SheetData, key: number, cell: CellData): void {
  const empty =
    cell.value === null &&
    cell.formula === null &&
    cell.numberFormat === "General" &&
    cell.validation === null &&
    isDefaultFormat(cell.format);
  if (empty) sheet.cells.delete(key);
  else sheet.cells.set(key, cell);
}

/** Runs `change` on each cell of rect, creating cells as needed and dropping ones left empty. */
export function updateCells(
  sheet: SheetData,
  rect: Rect,
  change: (cell: CellData, r: number, c: number) => void
): void {
  const count = rectRows(rect) * rectColumns(rect);
  if (count > MAX_CELLS_PER_WRITE) {
    throw new Error(
      `The Excel fake stores cells one by one and won't write ${count} cells (${formatRect(rect)}); write the area in use instead.`
    );
  }
  for (let r = rect.top; r <= rect.bottom; r += 1) {
    for (let c = rect.left; c <= rect.right; c += 1) {
      const key = r * MAX_COLUMNS + c;
      const cell = sheet.cells.get(key) ?? emptyCell();
      change(cell, r - rect.top, c - rect.left);
      store(sheet, key, cell);
    }
  }
}

/** Like updateCells, for changes that leave empty cells empty (clearing), over any range size. */
export function updateStoredCells(
  sheet: SheetData,
  rect: Rect,
  change: (cell: CellData) => void
): void {
  for (const [r, c, cell] of storedCells(sheet, rect)) {
    change(cell);
    store(sheet, r * MAX_COLUMNS + c, cell);
  }
}

/** Stored cells inside rect (skips the empty ones Excel would also report as defaults). */
export function storedCells(sheet: SheetData, rect: Rect): Array<[number, number, CellData]> {
  const found: Array<[number, number, CellData]> = [];
  const cellCount = rectRows(rect) * rectColumns(rect);
  if (cellCount <= sheet.cells.size) {
    for (let r = rect.top; r <= rect.bottom; r += 1) {
      for (let c = rect.left; c <= rect.right; c += 1) {
        const cell = sheet.cells.get(r * MAX_COLUMNS + c);
        if (cell) found.push([r, c, cell]);
      }
    }
    return found;
  }
  for (const [key, cell] of sheet.cells) {
    const r = Math.floor(key / MAX_COLUMNS);
    const c = key % MAX_COLUMNS;
    if (r >= rect.top && r <= rect.bottom && c >= rect.left && c <= rect.right)
      found.push([r, c, cell]);
  }
  return found;
}

/** The value every cell of rect shares for `pick`, or null when they differ (as Excel reports). */
export function uniform<T>(sheet: SheetData, rect: Rect, pick: (cell: CellData) => T): T | null {
  const stored = storedCells(sheet, rect);
  const values = stored.map(([, , cell]) => pick(cell));
  if (stored.length < rectRows(rect) * rectColumns(rect)) values.push(pick(emptyCell()));
  const first = values[0];
  return values.every((value) => JSON.stringify(value) === JSON.stringify(first)) ? first : null;
}

export function readGrid<T>(sheet: SheetData, rect: Rect, pick: (cell: CellData) => T): T[][] {
  const blank = emptyCell();
  const rows: T[][] = [];
  for (let r = rect.top; r <= rect.bottom; r += 1) {
    const row: T[] = [];
    for (let c = rect.left; c <= rect.right; c += 1)
      row.push(pick(sheet.cells.get(r * MAX_COLUMNS + c) ?? blank));
    rows.push(row);
  }
  return rows;
}

/**
 * What an assigned `values`/`formulas`/`numberFormat` becomes per cell. Office.js serialises the
 * request as JSON at sync, so NaN/Infinity/undefined arrive as null ("leave the cell alone") and a
 * Date as its ISO text. A single non-array value applies to every cell (documented in older
 * Office.js reference text; the typings say any[][]). An array must match the range exactly.
 */
export function expandInput(raw: unknown, rect: Rect, property: string): unknown[][] {
  if (raw === undefined || raw === null) {
    throw invalidArgument(`Range.${property} can't be set to ${String(raw)}.`);
  }
  const data: unknown = JSON.parse(JSON.stringify(raw));
  const rows = rectRows(rect);
  const columns = rectColumns(rect);
  if (!Array.isArray(data)) {
    return Array.from({ length: rows }, () => Array.from({ length: columns }, () => data));
  }
  if (!data.every((row) => Array.isArray(row))) {
    throw invalidArgument(`Range.${property} must be a two-dimensional array (an array of rows).`);
  }
  const grid = data as unknown[][];
  const widths = [...new Set(grid.map((row) => row.length))];
  if (grid.length !== rows || widths.length !== 1 || widths[0] !== columns) {
    throw dimensionMismatch(
      `Range ${formatRect(rect)} is ${rows}x${columns} but ${property} is ${grid.length}x${widths.join("/")}.`
    );
  }
  return grid;
}

const numberText = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function checkFormula(formula: string): void {
  if (formula.length > MAX_FORMULA_LENGTH) {
    throw invalidArgument(
      `A formula has ${formula.length} characters; Excel allows ${MAX_FORMULA_LENGTH}.`
    );
  }
  let depth = 0;
  let inString = false;
  for (const ch of formula) {
    if (ch === '"') inString = !inString;
    else if (!inString && ch === "(") depth += 1;
    else if (!inString && ch === ")") depth -= 1;
    if (depth < 0) break;
  }
  if (inString || depth !== 0) {
    throw invalidArgument(`Formula ${formula} has unbalanced quotes or parentheses.`);
  }
}

type Entry = { kind: "skip" } | { kind: "set"; value: CellValue; formula: string | null };

/** Like typing into the cell: "=..." (and "+x"/"-x" that isn't a number) is a formula, "12" a number. */
export function interpretEntry(input: unknown, textFormat: boolean): Entry {
  if (input === null) return { kind: "skip" };
  if (typeof input === "number" || typeof input === "boolean") {
    return { kind: "set", value: input, formula: null };
  }
  if (typeof input !== "string") {
    throw invalidArgument(
      `A cell can't hold ${JSON.stringify(input)}; use text, numbers or booleans.`
    );
  }
  if (input.length > MAX_CELL_TEXT) {
    throw invalidArgument(
      `A text of ${input.length} characters exceeds Excel's ${MAX_CELL_TEXT} per cell.`
    );
  }
  if (input === "") return { kind: "set", value: null, formula: null };
  if (textFormat) return { kind: "set", value: input, formula: null };
  if (input.startsWith("'")) return { kind: "set", value: input.slice(1), formula: null };
  if (numberText.test(input)) return { kind: "set", value: Number(input), formula: null };
  const date = typedDate(input);
  if (date !== null) return { kind: "set", value: date, formula: null };
  if (/^(true|false)$/i.test(input))
    return { kind: "set", value: input.toUpperCase() === "TRUE", formula: null };
  if (
    input.length > 1 &&
    (input.startsWith("=") || input.startsWith("+") || input.startsWith("-"))
  ) {
    const formula = input.startsWith("=") ? input : `=${input}`;
    checkFormula(formula);
    return { kind: "set", value: null, formula };
  }
  return { kind: "set", value: input, formula: null };
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * Excel reads typed text that looks like a date as a date (en-US): "Jan 2026", "January 2026",
 * "2026-01-31", "1/31/2026". The result is the date's serial number (days since 1899-12-30).
 */
function typedDate(input: string): number | null {
  const serial = (y: number, m: number, d: number) =>
    Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
  let match = /^([a-z]{3})[a-z]*[ -](\d{4})$/i.exec(input.trim());
  if (match && MONTHS.includes(match[1].toLowerCase()))
    return serial(Number(match[2]), MONTHS.indexOf(match[1].toLowerCase()) + 1, 1);
  match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(input.trim());
  if (match) return serial(Number(match[1]), Number(match[2]), Number(match[3]));
  match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input.trim());
  if (match) return serial(Number(match[3]), Number(match[1]), Number(match[2]));
  return null;
}

/** Range.values / Range.formulas (both behave like typing into each cell). */
export function writeContents(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  raw: unknown,
  property: string
): void {
  model.checkEditable(sheet, rect, "edit cells");
  const grid = expandInput(raw, rect, property);
  const textFormat = (r: number, c: number) =>
    model.cellAt(sheet, rect.top + r, rect.left + c)?.numberFormat === "@";
  // Interpret everything first so a bad entry leaves the whole range untouched, as Excel does.
  const entries = grid.map((row, r) =>
    row.map((input, c) => interpretEntry(input, textFormat(r, c)))
  );
  updateCells(sheet, rect, (cell, r, c) => {
    const entry = entries[r][c];
    if (entry.kind === "skip") return;
    cell.value = entry.value;
    cell.formula = entry.formula;
  });
}

export function writeNumberFormat(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  raw: unknown
): void {
  model.checkEditable(sheet, rect, "change number formats", "allowFormatCells");
  const grid = expandInput(raw, rect, "numberFormat");
  updateCells(sheet, rect, (cell, r, c) => {
    const input = grid[r][c];
    if (input === null) return;
    if (typeof input !== "string" && typeof input !== "number") {
      throw invalidArgument(`A number format must be text, not ${JSON.stringify(input)}.`);
    }
    cell.numberFormat = input === "" ? "General" : String(input);
  });
}

/** Test helper: the value a formula cell "calculated" (the fake never evaluates formulas). */
export function setCachedValue(sheet: SheetData, rect: Rect, value: CellValue): void {
  updateCells(sheet, rect, (cell) => {
    cell.value = value;
  });
}

// ---- formats ----

const namedColors: Record<string, string> = {
  black: "#000000",
  white: "#FFFFFF",
  red: "#FF0000",
  green: "#008000",
  blue: "#0000FF",
  yellow: "#FFFF00",
  orange: "#FFA500",
  purple: "#800080",
  gray: "#808080",
  grey: "#808080",
  silver: "#C0C0C0",
  maroon: "#800000",
  navy: "#000080",
  teal: "#008080",
  olive: "#808000",
  lime: "#00FF00",
  aqua: "#00FFFF",
  fuchsia: "#FF00FF",
  pink: "#FFC0CB",
  darkgreen: "#006400",
  darkred: "#8B0000",
  darkblue: "#00008B",
  lightgray: "#D3D3D3",
  lightgrey: "#D3D3D3",
  lightgreen: "#90EE90",
  lightblue: "#ADD8E6",
  lightyellow: "#FFFFE0",
};

/** Excel reads colours back as "#RRGGBB"; unknown names are refused. */
export function normalizeColor(input: unknown): string {
  if (typeof input === "string") {
    const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(input);
    if (hex) {
      const digits = hex[1].length === 3 ? [...hex[1]].map((d) => d + d).join("") : hex[1];
      return `#${digits.toUpperCase()}`;
    }
    const named = namedColors[input.toLowerCase()];
    if (named) return named;
  }
  throw invalidArgument(
    `Colour ${JSON.stringify(input)} is not "#RRGGBB", "#RGB" or a colour name the fake knows.`
  );
}

export function updateFormat(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  patch: Partial<CellFormat>
): void {
  const allowedBy = "locked" in patch || "formulaHidden" in patch ? undefined : "allowFormatCells";
  model.checkEditable(sheet, rect, "change formats", allowedBy);
  updateCells(sheet, rect, (cell) => {
    cell.format = { ...cell.format, ...patch };
  });
}

export function setColumnWidth(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  width: unknown
): void {
  if (typeof width !== "number" || !(width >= 0) || width > 1789) {
    throw invalidArgument(`Column width ${String(width)} is outside 0..1789 points.`);
  }
  model.checkEditable(sheet, null, "change column widths", "allowFormatColumns");
  for (let c = rect.left; c <= rect.right; c += 1) sheet.columnWidths.set(c, width);
}

export function setRowHeight(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  height: unknown
): void {
  if (typeof height !== "number" || !(height >= 0) || height > 409) {
    throw invalidArgument(`Row height ${String(height)} is outside 0..409 points.`);
  }
  model.checkEditable(sheet, null, "change row heights", "allowFormatRows");
  for (let r = rect.top; r <= rect.bottom; r += 1) sheet.rowHeights.set(r, height);
}

function uniformOf(values: number[]): number | null {
  return values.every((value) => value === values[0]) ? values[0] : null;
}

export function columnWidthOf(sheet: SheetData, rect: Rect): number | null {
  const widths: number[] = [];
  for (let c = rect.left; c <= rect.right && widths.length < 2048; c += 1) {
    widths.push(sheet.columnWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
  }
  return uniformOf(widths);
}

export function rowHeightOf(sheet: SheetData, rect: Rect): number | null {
  const heights: number[] = [];
  for (let r = rect.top; r <= rect.bottom && heights.length < 2048; r += 1) {
    heights.push(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
  }
  return uniformOf(heights);
}

export function displayText(cell: CellData): string {
  if (cell.value === null) return "";
  if (typeof cell.value === "boolean") return cell.value ? "TRUE" : "FALSE";
  return String(cell.value);
}

/** The fake cannot measure fonts: about 5.25 points per character plus padding, like Calibri 11. */
export function autofitColumns(model: WorkbookModel, sheet: SheetData, rect: Rect): void {
  model.checkEditable(sheet, null, "autofit columns", "allowFormatColumns");
  for (let c = rect.left; c <= rect.right; c += 1) {
    const column = { top: rect.top, bottom: rect.bottom, left: c, right: c };
    const longest = Math.max(
      0,
      ...storedCells(sheet, column).map(([, , cell]) => displayText(cell).length)
    );
    sheet.columnWidths.set(
      c,
      longest === 0 ? DEFAULT_COLUMN_WIDTH : Math.ceil(longest * 5.25 + 7.5)
    );
  }
}

// ---- clear ----

export function clearRange(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  applyTo: string
): void {
  const contents = applyTo === "All" || applyTo === "Contents" || applyTo === "ResetContents";
  const formats = applyTo === "All" || applyTo === "Formats";
  if (contents) model.checkEditable(sheet, rect, "edit cells");
  if (formats) model.checkEditable(sheet, rect, "change formats", "allowFormatCells");
  updateStoredCells(sheet, rect, (cell) => {
    if (contents) {
      cell.value = null;
      cell.formula = null;
    }
    if (formats) {
      cell.format = DEFAULT_FORMAT;
      cell.numberFormat = "General";
    }
    // Like VBA's Range.Clear, clearing everything also removes data validation.
    if (applyTo === "All") cell.validation = null;
  });
  if (formats) removeWhere(sheet.conditionalFormats, (cf) => contains(rect, cf.rect));
}
