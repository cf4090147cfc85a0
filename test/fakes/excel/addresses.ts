/** A1 addresses: parsing, formatting and sheet-name quoting, with Excel's grid limits. */
import { invalidArgument } from "./errors";

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Zero-based, inclusive cell rectangle. */
export interface Rect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface ParsedAddress {
  readonly sheet?: string;
  readonly rect: Rect;
}

export function columnLetters(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const cellPart = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/;

function parseEnd(text: string): { row?: number; column?: number } | null {
  const match = cellPart.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const column = match[1] ? columnIndex(match[1]) : undefined;
  const row = match[2] ? Number(match[2]) - 1 : undefined;
  if (column !== undefined && column >= MAX_COLUMNS) return null;
  if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return null;
  return { row, column };
}

/** Splits "'My Sheet'!A1:B2" into sheet and reference; returns undefined sheet when unqualified. */
export function splitSheet(address: string): { sheet?: string; reference: string } {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return { reference: address };
  let sheet = address.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'") && sheet.length >= 2) {
    sheet = sheet.slice(1, -1).replace(/''/g, "'");
  }
  return { sheet, reference: address.slice(bang + 1) };
}

/** Parses "A1", "$A$1:B2", "A:C", "1:3", optionally sheet-qualified; throws InvalidArgument. */
export function parseAddress(address: string): ParsedAddress {
  if (typeof address !== "string" || address.trim() === "") {
    throw invalidArgument(`"${String(address)}" is not a range address.`);
  }
  const { sheet, reference } = splitSheet(address.trim());
  const parts = reference.split(":");
  const ends = parts.map(parseEnd);
  if (parts.length > 2 || ends.some((end) => end === null)) {
    throw invalidArgument(`"${address}" is not a valid A1 address.`);
  }
  const first = ends[0]!;
  const last = ends[ends.length - 1]!;
  const wholeColumns = first.row === undefined || last.row === undefined;
  const wholeRows = first.column === undefined || last.column === undefined;
  // "A" alone, "1" alone, or "A1:B" mix kinds: Excel rejects them.
  if (
    (parts.length === 1 && (wholeColumns || wholeRows)) ||
    (wholeColumns && (first.row !== undefined || last.row !== undefined)) ||
    (wholeRows && (first.column !== undefined || last.column !== undefined))
  ) {
    throw invalidArgument(`"${address}" is not a valid A1 address.`);
  }
  const top = wholeColumns ? 0 : Math.min(first.row!, last.row!);
  const bottom = wholeColumns ? MAX_ROWS - 1 : Math.max(first.row!, last.row!);
  const left = wholeRows ? 0 : Math.min(first.column!, last.column!);
  const right = wholeRows ? MAX_COLUMNS - 1 : Math.max(first.column!, last.column!);
  return { sheet, rect: { top, left, bottom, right } };
}

function isWholeColumns(rect: Rect): boolean {
  return rect.top === 0 && rect.bottom === MAX_ROWS - 1;
}

function isWholeRows(rect: Rect): boolean {
  return rect.left === 0 && rect.right === MAX_COLUMNS - 1;
}

/** "A1", "A1:B2", "A:B" or "1:2"; with absolute=true, "$A$1:$B$2". */
export function formatRect(rect: Rect, absolute = false): string {
  const d = absolute ? "$" : "";
  if (isWholeColumns(rect) && !isWholeRows(rect)) {
    return `${d}${columnLetters(rect.left)}:${d}${columnLetters(rect.right)}`;
  }
  if (isWholeRows(rect) && !isWholeColumns(rect)) {
    return `${d}${rect.top + 1}:${d}${rect.bottom + 1}`;
  }
  const start = `${d}${columnLetters(rect.left)}${d}${rect.top + 1}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${d}${columnLetters(rect.right)}${d}${rect.bottom + 1}`;
}

/** Excel quotes a sheet name in references unless it is a plain identifier. */
export function quoteSheetName(name: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !looksLikeCellReference(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
}

export function qualifiedAddress(sheetName: string, rect: Rect, absolute = false): string {
  return `${quoteSheetName(sheetName)}!${formatRect(rect, absolute)}`;
}

/** True for "A1"-style (up to XFD1048576) and R1C1-style references. */
export function looksLikeCellReference(name: string): boolean {
  const a1 = /^([A-Za-z]{1,3})(\d{1,7})$/.exec(name);
  if (a1) {
    const row = Number(a1[2]);
    return columnIndex(a1[1]) < MAX_COLUMNS && row >= 1 && row <= MAX_ROWS;
  }
  return /^(R\d*C\d*|R\d*|C\d*)$/i.test(name);
}

export function rectRows(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

export function rectColumns(rect: Rect): number {
  return rect.right - rect.left + 1;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return (
    inner.top >= outer.top &&
    inner.bottom <= outer.bottom &&
    inner.left >= outer.left &&
    inner.right <= outer.right
  );
}

/** Throws when a rectangle leaves the grid (e.g. getOffsetRange past row 1). */
export function checkOnGrid(rect: Rect, what: string): Rect {
  if (
    rect.top < 0 ||
    rect.left < 0 ||
    rect.bottom >= MAX_ROWS ||
    rect.right >= MAX_COLUMNS ||
    rect.bottom < rect.top ||
    rect.right < rect.left
  ) {
    throw invalidArgument(`${what} would lie outside the worksheet grid.`);
  }
  return rect;
}
