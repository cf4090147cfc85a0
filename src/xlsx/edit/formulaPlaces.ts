import { escapeXml } from "../charts/chartXml";
import { relsOf, unescapeXml } from "../charts/xlsxPackage";
import { PackageEdit } from "./packageEdit";

/**
 * Every stored formula text of a package, each passed through one change: cells' formulas (shared
 * formulas' anchors and array formulas included), data validation and conditional formats (their
 * x14 forms and sparklines too: <xm:f>), links to places in the workbook (<hyperlink location>,
 * and the "#Sheet!A1" relationship targets ExcelJS writes: left naming an old sheet, a link
 * breaks), defined names, chart series and titles (<c:f>, <cx:f>), and tables' calculated column
 * and totals formulas. Only the elements whose text changes are written again, escaped as their
 * writer escaped them; every other byte stays.
 */

/** Where a formula lives: its sheet (lower-cased, as PackageEdit keys sheets) and cell, or its table. */
export interface FormulaHost {
  readonly sheet?: string;
  /** A1 address of the cell holding it. */
  readonly cell?: string;
  /** The table whose column formula it is (displayName). */
  readonly table?: string;
}

export type FormulaChange = (formula: string, host: FormulaHost) => string;

/** Applies the change everywhere; whether any formula changed. */
export async function changeFormulas(edit: PackageEdit, change: FormulaChange): Promise<boolean> {
  let changed = false;
  const apply = (stored: string, host: FormulaHost) => {
    const text = unescapeXml(stored);
    const next = change(text, host);
    if (next === text) return stored;
    changed = true;
    return escapeLike(stored, next);
  };
  for (const [sheet, path] of edit.worksheetParts()) {
    await edit.changePart(path, (xml) =>
      xml
        .replace(
          /(<c\b([^>]*)>\s*<f\b[^>]*>)([^<]*)(<\/f>)/g,
          (_, open: string, cell: string, text: string, close: string) =>
            open + apply(text, { sheet, cell: /\br="([^"]*)"/.exec(cell)?.[1] }) + close
        )
        .replace(
          /(<(formula|formula1|formula2|xm:f)>)([^<]*)(<\/\2>)/g,
          (_, open: string, _tag, text: string, close: string) =>
            open + apply(text, { sheet }) + close
        )
        .replace(/<hyperlink\b[^>]*>/g, (link) =>
          link.replace(
            /(\slocation=")([^"]*)"/,
            (_, head: string, text: string) => `${head}${apply(text, { sheet })}"`
          )
        )
    );
    const rels = relsOf(path);
    if ((await edit.pkg.text(rels)) !== undefined)
      await edit.changePart(rels, (xml) =>
        xml.replace(/<Relationship\b[^>]*\/hyperlink"[^>]*>/g, (rel) =>
          rel.replace(
            /(\sTarget="#)([^"]*)"/,
            (_, head: string, text: string) => `${head}${apply(text, { sheet })}"`
          )
        )
      );
  }
  await edit.changePart("xl/workbook.xml", (xml) =>
    xml.replace(
      /(<definedName\b[^>]*>)([^<]*)(<\/definedName>)/g,
      (_, open: string, text: string, close: string) => open + apply(text, {}) + close
    )
  );
  for (const path of edit.pkg.parts()) {
    if (/^xl\/charts\/[^/]+\.xml$/.test(path))
      await edit.changePart(path, (xml) =>
        xml.replace(
          /(<((?:\w+:)?f)\b[^>]*>)([^<]*)(<\/\2>)/g,
          (_, open: string, _tag, text: string, close: string) => open + apply(text, {}) + close
        )
      );
    if (/^xl\/tables\/[^/]+\.xml$/.test(path))
      await edit.changePart(path, (xml) => {
        const table = unescapeXml(/<table\b[^>]*?\sdisplayName="([^"]*)"/.exec(xml)?.[1] ?? "");
        return xml.replace(
          /(<(calculatedColumnFormula|totalsRowFormula)\b[^>]*>)([^<]*)(<\/\2>)/g,
          (_, open: string, _tag, text: string, close: string) =>
            open + apply(text, { table }) + close
        );
      });
  }
  return changed;
}

/**
 * Text escaped for XML as `stored` was escaped: Excel writes quotes and ">" as they are in element
 * text, ExcelJS as &quot; and &gt;, and some writers an apostrophe as &apos;. So a rename leaves
 * the rest of a formula's bytes as they were.
 */
export function escapeLike(stored: string, text: string): string {
  let xml = escapeXml(text);
  if (stored.includes('"')) xml = xml.replace(/&quot;/g, '"');
  if (stored.includes(">")) xml = xml.replace(/&gt;/g, ">");
  if (stored.includes("&apos;")) xml = xml.replace(/'/g, "&apos;");
  return xml;
}
