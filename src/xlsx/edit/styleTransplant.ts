import { unescapeXml } from "../charts/xlsxPackage";
import { builtinFormat } from "../read/builtinFormats";
import { StyleBook, StyleList } from "./styleBook";

/**
 * The styles of a package the file adapter wrote (the scratch package of addSheets.ts) carried into a
 * workbook's style part: each cell format the scratch sheets use becomes a record of the target,
 * with its font, fill, border and number format found or appended there; a differential format
 * (a conditional format's highlight) likewise. Records are only appended or reused (StyleBook), so
 * the target's cells look as they did. The default records (cell format 0, font 0, fills 0 and 1,
 * border 0) map to the target's own: a cell the adapter leaves plain looks like a plain cell of the
 * user's workbook, in its default font.
 */
export class StyleTransplant {
  private readonly cells = new Map<number, number>([[0, 0]]);
  private readonly dxfs = new Map<number, number>();

  constructor(
    private readonly from: StyleBook,
    private readonly to: StyleBook
  ) {}

  /** The target's cellXfs index for the scratch's `index`. */
  cell(index: number): number {
    let mapped = this.cells.get(index);
    if (mapped === undefined) {
      const xf = this.from.records("cellXfs")[index];
      if (xf === undefined) throw new Error(`The scratch package has no cell format ${index}.`);
      mapped = this.to.record("cellXfs", this.remapped(xf));
      this.cells.set(index, mapped);
    }
    return mapped;
  }

  /** The target's dxfs index for the scratch's `index` (a dxf holds its own number format). */
  dxf(index: number): number {
    let mapped = this.dxfs.get(index);
    if (mapped === undefined) {
      const dxf = this.from.records("dxfs")[index];
      if (dxf === undefined) throw new Error(`The scratch package has no dxf ${index}.`);
      mapped = this.to.record("dxfs", dxf);
      this.dxfs.set(index, mapped);
    }
    return mapped;
  }

  /** The cell format with the target's indexes; xfId is the target's Normal style. */
  private remapped(xf: string): string {
    const shared = (list: StyleList, reserved: number) => (id: number) =>
      id < reserved ? id : this.to.record(list, this.from.records(list)[id]);
    const ids: Record<string, (id: number) => number> = {
      numFmtId: (id) => this.numberFormat(id),
      fontId: shared("fonts", 1),
      fillId: shared("fills", 2),
      borderId: shared("borders", 1),
      xfId: () => 0,
    };
    return xf.replace(/^<xf\b[^>]*>/, (start) =>
      start.replace(
        /\b(numFmtId|fontId|fillId|borderId|xfId)="(\d+)"/g,
        (_, name: string, id: string) => `${name}="${ids[name](Number(id))}"`
      )
    );
  }

  private numberFormat(id: number): number {
    const custom = this.from
      .records("numFmts")
      .find((f) => new RegExp(`\\bnumFmtId="${id}"`).test(f));
    const code = custom
      ? unescapeXml(/\bformatCode="([^"]*)"/.exec(custom)?.[1] ?? "")
      : builtinFormat(id);
    return code === undefined ? id : this.to.numberFormatId(code);
  }
}
