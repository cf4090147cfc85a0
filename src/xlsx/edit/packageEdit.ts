import { PackageConflict } from "./packageConflict";
import { Buffer } from "buffer";
import { resolveTarget, tags, worksheetPaths, XlsxPackage } from "../charts/xlsxPackage";
import { CellWrite, writeCells } from "./cellWrites";
import { changeDefinedNames, NameChange } from "./definedNames";
import { sharedStrings } from "../read/workbookPackage";
import { StyleBook } from "./styleBook";
import { insertWorkbookChild } from "./workbookOrder";

const WORKBOOK = "xl/workbook.xml";
const CALC_CHAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml";

/**
 * A workbook file changed in place: the parts an operation owns are edited (cells of its sheets,
 * its defined names), every other part is kept byte for byte. When formulas change, Excel's
 * calculation chain (a cache of formula cells, 18.6) is dropped, as Excel rebuilds it, and the
 * workbook asks for a full recalculation when it is next opened.
 */
export class PackageEdit {
  private formulasChanged = false;
  private styleBook?: { path: string; book: StyleBook };

  private constructor(
    readonly pkg: XlsxPackage,
    private readonly sheets: Map<string, string>
  ) {}

  static async open(bytes: Uint8Array): Promise<PackageEdit> {
    const pkg = await XlsxPackage.open(bytes);
    const paths = await worksheetPaths(pkg);
    return new PackageEdit(
      pkg,
      new Map([...paths].map(([name, path]) => [name.toLowerCase(), path]))
    );
  }

  async writeCells(sheet: string, writes: readonly CellWrite[]): Promise<void> {
    if (writes.length === 0) return;
    await this.changeSheet(sheet, (xml) => writeCells(xml, writes));
    if (writes.some((w) => w.keep !== "content")) this.formulasChanged = true;
  }

  /** Every worksheet part, by its sheet's name (lower-cased, as names compare in Excel). */
  worksheetParts(): ReadonlyMap<string, string> {
    return this.sheets;
  }

  /** A worksheet part's XML as it is now (undefined for a sheet the workbook does not have). */
  async sheetXml(sheet: string): Promise<string | undefined> {
    const path = this.sheets.get(sheet.toLowerCase());
    return path === undefined ? undefined : this.pkg.text(path);
  }

  /** The shared string table's texts, to read cells that use it. */
  async sharedStrings(): Promise<string[]> {
    const rels = tags((await this.pkg.text("xl/_rels/workbook.xml.rels")) ?? "", "Relationship");
    const target = rels.find((r) => r.Type?.endsWith("/sharedStrings"))?.Target;
    return target ? sharedStrings((await this.pkg.text(resolveTarget("xl", target))) ?? "") : [];
  }

  /** Rewrites any part's text (a table, a chart, the workbook part). */
  async changePart(path: string, change: (xml: string) => string): Promise<void> {
    const xml = await this.pkg.text(path);
    if (xml === undefined) throw new PackageConflict(`The package has no part ${path}.`);
    const changed = change(xml);
    if (changed !== xml) this.pkg.write(path, changed);
  }

  /** Cells moved or formulas rewritten: Excel rebuilds its calculation chain and recalculates on load. */
  formulasMoved(): void {
    this.formulasChanged = true;
  }

  /** Rewrites a worksheet part's XML. */
  async changeSheet(sheet: string, change: (xml: string) => string): Promise<void> {
    const path = this.sheets.get(sheet.toLowerCase());
    const xml = path && (await this.pkg.text(path));
    if (!path || xml === undefined)
      throw new PackageConflict(`The workbook has no sheet "${sheet}".`);
    this.pkg.write(path, change(xml));
  }

  /** A worksheet part added to the package (addSheets.ts): editable by name, its formulas recalculated on load. */
  sheetAdded(sheet: string, path: string): void {
    this.sheets.set(sheet.toLowerCase(), path);
    this.formulasChanged = true;
  }

  /** A worksheet removed from the package (deleteSheet.ts): formulas that pointed there are recalculated on load. */
  sheetDeleted(sheet: string): void {
    this.sheets.delete(sheet.toLowerCase());
    this.formulasChanged = true;
  }

  /** A worksheet renamed in the workbook part (renames.ts): editable by its new name, in its place. */
  sheetRenamed(from: string, to: string): void {
    const renamed = [...this.sheets].map(([name, path]): [string, string] => [
      name === from.toLowerCase() ? to.toLowerCase() : name,
      path,
    ]);
    this.sheets.clear();
    for (const [name, path] of renamed) this.sheets.set(name, path);
  }

  /** The style part, opened once for additions and written back with the package. */
  async styles(): Promise<StyleBook> {
    if (this.styleBook) return this.styleBook.book;
    const rels = tags((await this.pkg.text("xl/_rels/workbook.xml.rels")) ?? "", "Relationship");
    const target = rels.find((r) => r.Type?.endsWith("/styles"))?.Target ?? "styles.xml";
    const path = resolveTarget("xl", target);
    const book = new StyleBook((await this.pkg.text(path)) ?? "");
    this.styleBook = { path, book };
    return book;
  }

  async changeNames(changes: readonly NameChange[]): Promise<void> {
    if (changes.length === 0) return;
    this.pkg.write(WORKBOOK, changeDefinedNames((await this.pkg.text(WORKBOOK)) ?? "", changes));
    this.formulasChanged = true;
  }

  async bytes(): Promise<Buffer> {
    if (this.styleBook?.book.changed) this.pkg.write(this.styleBook.path, this.styleBook.book.text);
    if (this.formulasChanged) await this.recalculateOnLoad();
    return this.pkg.bytes();
  }

  private async recalculateOnLoad(): Promise<void> {
    const text = (await this.pkg.text(WORKBOOK)) ?? "";
    const workbook = /<calcPr\b/.test(text)
      ? text.replace(
          /<calcPr\b([^>]*?)(\/?)>/,
          (_, attributes: string, close: string) =>
            `<calcPr${attributes.replace(/\sfullCalcOnLoad="[^"]*"/, "")} fullCalcOnLoad="1"${close}>`
        )
      : insertWorkbookChild(text, "calcPr", '<calcPr fullCalcOnLoad="1"/>');
    this.pkg.write(WORKBOOK, workbook);
    await this.dropCalcChain();
  }

  private async dropCalcChain(): Promise<void> {
    const chain = "xl/calcChain.xml";
    if (!this.pkg.zip.file(chain)) return;
    this.pkg.zip.remove(chain);
    const rels = "xl/_rels/workbook.xml.rels";
    const text = (await this.pkg.text(rels)) ?? "";
    const kept = tags(text, "Relationship").find((r) => r.Target.endsWith("calcChain.xml"));
    if (kept)
      this.pkg.write(
        rels,
        text.replace(new RegExp(`<Relationship\\b[^>]*Id="${kept.Id}"[^>]*/>`), "")
      );
    const types = (await this.pkg.text("[Content_Types].xml")) ?? "";
    this.pkg.write(
      "[Content_Types].xml",
      types.replace(
        new RegExp(
          `<Override\\b[^>]*ContentType="${CALC_CHAIN_TYPE.replace(/[.+]/g, "\\$&")}"[^>]*/>`
        ),
        ""
      )
    );
  }
}
