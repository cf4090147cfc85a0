import { CellValue, isErrorValue } from "../../domain/cellValue";
import { cellAddress, rangeAddress, rangeBounds } from "../../workbook/addresses";
import { escapeXml } from "../charts/chartXml";
import { fileFormula } from "../formulas";
import { unshare } from "./sharedGroups";
import { SheetRows } from "./sheetRows";

/**
 * Writes cells into a worksheet part's XML in place (ECMA-376 Part 1, 18.3.1.73 <sheetData>): only
 * the rows that change are rebuilt, and in them only the cells written; every other byte of the part
 * stays as it was. Text goes in as inline strings, so the shared string table (which other sheets
 * use) is never touched.
 */
export type CellWrite = CellPlace &
  (
    | {
        /** A formula as a user types it ("=SUM(...)"), or undefined for a constant. */
        readonly formula?: string;
        /** The constant, or the formula's cached result; null leaves the cell empty (its style kept). */
        readonly value: CellValue;
        readonly keep?: undefined;
      }
    /** Only the cached result changes: the cell's formula element stays as it is. */
    | { readonly keep: "formula"; readonly value: CellValue }
    /** Only the style changes. */
    | { readonly keep: "content" }
  );

interface CellPlace {
  /** 0-based. */
  readonly row: number;
  readonly column: number;
  /** The style (cellXfs index) to give the cell; undefined keeps the one it has. */
  readonly style?: number;
}

export function writeCells(xml: string, writes: readonly CellWrite[]): string {
  if (writes.length === 0) return xml;
  const rows = SheetRows.open(xml);
  // A shared formula whose anchor or member is overwritten would lose its source or its range.
  const touched = new Set(writes.map((w) => `${w.row},${w.column}`));
  unshare(rows, (row, column) => touched.has(`${row},${column}`));
  for (const write of writes) {
    const cells = rows.cells(write.row);
    const old = cells.get(write.column);
    const style = write.style ?? Number(/\bs="(\d+)"/.exec(old ?? "")?.[1] ?? 0);
    const written = rewritten(cellAddress(write.row, write.column), style, write, old);
    if (written) cells.set(write.column, written);
    else cells.delete(write.column);
  }
  return withDimension(rows.toXml(), writes);
}

/** The cell's new XML from its write and its XML now (`old`), or null when nothing is left. */
function rewritten(
  address: string,
  style: number,
  write: CellWrite,
  old: string | undefined
): string | null {
  if (write.keep === "content") {
    const bare = (old ?? `<c r="${address}"/>`).replace(/^(<c\b[^>]*?)\ss="\d+"/, "$1");
    return style === 0 ? bare : bare.replace(/^<c\b/, `<c s="${style}"`);
  }
  const formula =
    write.keep === "formula"
      ? (/<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>)/.exec(old ?? "")?.[0] ?? "")
      : write.formula === undefined
        ? ""
        : `<f>${escapeXml(fileFormula(write.formula))}</f>`;
  return cellXml(address, style, formula, write.value);
}

/** The cell's XML, or null for an empty cell without a style (nothing to keep). */
function cellXml(address: string, style: number, f: string, value: CellValue): string | null {
  const s = style === 0 ? "" : ` s="${style}"`;
  if (
    value === null ||
    value === undefined ||
    (typeof value === "number" && !Number.isFinite(value))
  )
    return f === "" && s === ""
      ? null
      : f === ""
        ? `<c r="${address}"${s}/>`
        : `<c r="${address}"${s}>${f}</c>`;
  if (isErrorValue(value))
    return `<c r="${address}"${s} t="e">${f}<v>${escapeXml(value.code)}</v></c>`;
  if (typeof value === "boolean")
    return `<c r="${address}"${s} t="b">${f}<v>${value ? 1 : 0}</v></c>`;
  if (typeof value === "number") return `<c r="${address}"${s}>${f}<v>${value}</v></c>`;
  const text = escapeXml(String(value));
  if (f !== "") return `<c r="${address}"${s} t="str">${f}<v>${text}</v></c>`;
  const space = /^\s|\s$|\n/.test(String(value)) ? ' xml:space="preserve"' : "";
  return `<c r="${address}"${s} t="inlineStr"><is><t${space}>${text}</t></is></c>`;
}

/** <dimension ref> (18.3.1.35) grown to take in the written cells. */
function withDimension(xml: string, writes: readonly CellWrite[]): string {
  const match = /<dimension\b[^>]*?\bref="([^"]*)"[^>]*\/>/.exec(xml);
  if (!match) return xml;
  let { top, left, bottom, right } = rangeBounds(match[1] || "A1");
  for (const w of writes) {
    top = Math.min(top, w.row);
    left = Math.min(left, w.column);
    bottom = Math.max(bottom, w.row);
    right = Math.max(right, w.column);
  }
  return xml.replace(match[0], match[0].replace(match[1], rangeAddress(top, left, bottom, right)));
}
