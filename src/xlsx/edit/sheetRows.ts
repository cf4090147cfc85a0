import { PackageConflict } from "./packageConflict";
import { cellAddress, cellPosition } from "../../workbook/addresses";

/**
 * A worksheet part's <sheetData> (ECMA-376 Part 1, 18.3.1.80) opened for in-place changes: rows are
 * kept as the text they are until a cell of theirs changes; only changed rows are written anew, so
 * every other byte of the part stays as it was.
 */
interface RowChunk {
  readonly row: number;
  /** The row's XML as it is. */
  readonly raw: string;
  /** The row's attributes, r= included. */
  readonly attributes: string;
  /** Its cells' XML by 0-based column, once parsed (the row is then written anew). */
  cells?: Map<number, string>;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;

export class SheetRows {
  private constructor(
    private readonly xml: string,
    private readonly start: number,
    private readonly end: number,
    private readonly rows: Map<number, RowChunk>
  ) {}

  static open(xml: string): SheetRows {
    const data = /<sheetData\b[^>]*?(?:\/>|>([\s\S]*?)<\/sheetData>)/.exec(xml);
    if (!data) throw new PackageConflict("The worksheet has no sheetData.");
    const rows = new Map<number, RowChunk>();
    let next = 0;
    for (const match of (data[1] ?? "").matchAll(ROW)) {
      const r = /\br="(\d+)"/.exec(match[1]);
      const row = r ? Number(r[1]) - 1 : next;
      next = row + 1;
      const attributes = r ? match[1] : ` r="${row + 1}"${match[1]}`;
      const chunk: RowChunk = { row, raw: match[0], attributes };
      // A row without r= is written anew with one, so rows added before it keep their order.
      if (!r) cellsIn(chunk);
      rows.set(row, chunk);
    }
    return new SheetRows(xml, data.index, data.index + data[0].length, rows);
  }

  /** 0-based rows that hold a <row> element, in order. */
  rowNumbers(): number[] {
    return [...this.rows.keys()].sort((a, b) => a - b);
  }

  /** The row's cells' XML by 0-based column (an empty map for a row not in the part). */
  cells(row: number): Map<number, string> {
    let chunk = this.rows.get(row);
    if (!chunk) {
      chunk = { row, raw: "", attributes: ` r="${row + 1}"`, cells: new Map() };
      this.rows.set(row, chunk);
    }
    return cellsIn(chunk);
  }

  /** Whether the row's text holds `needle` (a cheap test before parsing its cells). */
  rowIncludes(row: number, needle: string): boolean {
    const chunk = this.rows.get(row);
    return chunk !== undefined && (chunk.cells !== undefined || chunk.raw.includes(needle));
  }

  /** The worksheet part with the changed rows written anew. */
  toXml(): string {
    const body = this.rowNumbers()
      .map((row) => rowXml(this.rows.get(row) as RowChunk))
      .join("");
    return `${this.xml.slice(0, this.start)}<sheetData>${body}</sheetData>${this.xml.slice(this.end)}`;
  }
}

function cellsIn(chunk: RowChunk): Map<number, string> {
  if (chunk.cells) return chunk.cells;
  const cells = new Map<number, string>();
  const inner = /^<row\b[^>]*?>([\s\S]*)<\/row>$/.exec(chunk.raw)?.[1] ?? "";
  let next = 0;
  for (const match of inner.matchAll(CELL)) {
    const r = /\br="([A-Z]+\d+)"/.exec(match[1]);
    const column = r ? cellPosition(r[1]).column : next;
    next = column + 1;
    cells.set(
      column,
      r ? match[0] : match[0].replace(/^<c\b/, `<c r="${cellAddress(chunk.row, column)}"`)
    );
  }
  chunk.cells = cells;
  return cells;
}

function rowXml(chunk: RowChunk): string {
  if (!chunk.cells) return chunk.raw;
  const cells = [...chunk.cells.entries()].sort((a, b) => a[0] - b[0]);
  // spans is an optional hint (18.3.1.73) that rebuilt cells may outgrow: it is dropped.
  const attributes = chunk.attributes.replace(/\sspans="[^"]*"/, "");
  if (cells.length === 0) return `<row${attributes}/>`;
  return `<row${attributes}>${cells.map(([, xml]) => xml).join("")}</row>`;
}
