import { cellPosition } from "../../workbook/addresses";
import {
  FormulaToken,
  formulaTokens,
  MAX_COLUMN,
  MAX_ROW,
  qualifierParts,
} from "../read/formulaReferences";

/**
 * Stored formula text (no leading "=") with a sheet, a table or a table's column renamed, as Excel
 * rewrites its formulas when worksheet.name, table.name or a column's name is set. Only the tokens
 * that name the renamed object change; strings (INDIRECT("'Old'!A1")), other books' references
 * ([1]Old!A1, [1]!Old[Col]) and everything else stay byte for byte. Names compare
 * case-insensitively, as in Excel.
 */

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** 'Old'!A1, Old!Name, Old:Other!A1 (a 3-D span's end) with the sheet `from` named `to`. */
export function renameSheetIn(formula: string, from: string, to: string): string {
  return formulaTokens(formula)
    .map((token) => {
      if (token.kind !== "qualifier") return token.text;
      const { book, sheets } = qualifierParts(token.text);
      if (book !== "" || !sheets.some((sheet) => same(sheet, from))) return token.text;
      return sheetQualifier(sheets.map((sheet) => (same(sheet, from) ? to : sheet)));
    })
    .join("");
}

/**
 * "Sheet!" or "'Sheet name'!" ("'Jan x:Mar'!" for a span), quoted only when Excel quotes it; an
 * apostrophe inside is doubled.
 */
export function sheetQualifier(sheets: readonly string[]): string {
  const span = sheets.join(":");
  return `${sheets.some(needsQuotes) ? `'${span.replace(/'/g, "''")}'` : span}!`;
}

/**
 * Whether Excel quotes the sheet's name in a reference: anything but letters, digits, "_" and
 * "." in it, a digit or "." first, or a name Excel would read as a reference (A1, XFD1048576,
 * R1C1, R, C, RC, R5x). The rules rust_xlsxwriter's quote_sheetname follows (utility.rs, checked
 * against the files Excel saves).
 */
function needsQuotes(sheet: string): boolean {
  if (!/^[\p{L}\p{M}\p{N}_.]+$/u.test(sheet) || /^[\p{N}.]/u.test(sheet)) return true;
  return looksLikeReference(sheet);
}

/** A1 (within the sheet's bounds) or R1C1 shaped: what neither a bare sheet name nor a table's name may be. */
export function looksLikeReference(name: string): boolean {
  const upper = name.toUpperCase();
  if (upper === "R" || upper === "C" || upper === "RC") return true;
  const letters = /^\D*/.exec(upper)?.[0] ?? "";
  const rest = upper.slice(letters.length);
  const lead = Number(/^\d*/.exec(rest)?.[0] || 0);
  if (/^[A-Z]{1,3}$/.test(letters) && /^\d+$/.test(rest))
    return lead >= 1 && lead <= MAX_ROW && cellPosition(`${letters}1`).column < MAX_COLUMN;
  if (letters === "R") return lead >= 1 && lead <= MAX_ROW;
  if (letters === "C" || letters === "RC") return lead >= 1 && lead <= MAX_COLUMN;
  return false;
}

/** Old[Col], Old[[#This Row],[Col]], Old[#All], Old[] and Old alone with the table `from` named `to`. */
export function renameTableIn(formula: string, from: string, to: string): string {
  const tokens = formulaTokens(formula);
  return tokens
    .map((token, k) =>
      token.kind === "name" &&
      same(token.text, from) &&
      !qualified(tokens, k) &&
      tokens[k + 1]?.text !== "("
        ? to
        : token.text
    )
    .join("");
}

export interface ColumnRename {
  readonly table: string;
  readonly from: string;
  readonly to: string;
  /** Whether the formula lives in the table (its cells or its column formulas): [@Col] and [Col] alone are its own. */
  readonly inTable: boolean;
}

/** Table[Old], Table[[#This Row],[Old]], Table[[Old]:[Other]], and [@Old] in the table itself, renamed. */
export function renameColumnIn(formula: string, rename: ColumnRename): string {
  const tokens = formulaTokens(formula);
  return tokens
    .map((token, k) => {
      if (token.kind !== "bracket") return token.text;
      const before = tokens[k - 1];
      const ours =
        before?.kind === "name"
          ? !qualified(tokens, k - 1) && same(before.text, rename.table)
          : rename.inTable && before?.kind !== "qualifier" && tokens[k + 1]?.text !== "!";
      return ours ? renameInSpecifier(token.text, rename.from, rename.to) : token.text;
    })
    .join("");
}

/** Whether the name at k belongs to another book or sheet ([1]!Name, Sheet1!Name). */
const qualified = (tokens: readonly FormulaToken[], k: number) =>
  tokens[k - 1]?.kind === "qualifier" || tokens[k - 1]?.text === "!";

// A column name is written with "'" before each of [ ] # ' (MS-OE376 3.2.3.1.1, structure
// references). One holding a special character (Excel's list, in "Using structured references
// with Excel tables") goes in a second pair of brackets, Tbl[[Total $]]; a space alone needs none
// in Tbl[Budget FY], but does after @: [@[Budget FY]].
const escapeColumn = (name: string) => name.replace(/['[\]#]/g, "'$&");
const unescapeColumn = (text: string) => text.trim().replace(/'(.)/g, "$1");
const SPECIAL = /[\t\n\r,:.[\]#'"{}$^&*+=\-></]/;

/** A specifier ("[Col]", "[@Col]", "[[#This Row],[Col]:[Other]]") with column `from` named `to`. */
function renameInSpecifier(specifier: string, from: string, to: string): string {
  const content = specifier.slice(1, -1);
  if (!/^(?:[^'[]|'.)*\[/s.test(content)) {
    // One column's name, no items in brackets (an escaped '[ is part of the name).
    const at = content.startsWith("@") ? "@" : "";
    const name = content.slice(at.length);
    if (name === "" || name.startsWith("#") || !same(unescapeColumn(name), from)) return specifier;
    const bracketed = SPECIAL.test(to) || (at !== "" && to.includes(" "));
    return `[${at}${bracketed ? `[${escapeColumn(to)}]` : escapeColumn(to)}]`;
  }
  // Items in brackets: keywords (#This Row) stay, columns are renamed, spaces around them kept.
  let out = "";
  let renamed = false;
  for (let i = 0; i < content.length;) {
    const end = content[i] === "[" ? itemEnd(content, i) : i + 1;
    const item = content.slice(i, end);
    const inner = item.slice(1, -1);
    const ours =
      item.startsWith("[") && !inner.trim().startsWith("#") && same(unescapeColumn(inner), from);
    out += ours
      ? `[${/^\s*/.exec(inner)?.[0]}${escapeColumn(to)}${/\s*$/.exec(inner)?.[0]}]`
      : item;
    renamed ||= ours;
    i = end;
  }
  // A lone column kept in brackets only for its old name's sake loses them, as Excel writes it.
  const lone = renamed && /^(@?)\[((?:[^'[\]]|'.)*)\]$/s.exec(out);
  if (lone && !SPECIAL.test(to) && !(lone[1] !== "" && to.includes(" ")))
    return `[${lone[1]}${lone[2]}]`;
  return `[${out}]`;
}

/** Just past the "]" closing the item at i ("'" escapes the next character). */
function itemEnd(content: string, i: number): number {
  for (let j = i + 1; j < content.length; j++) {
    if (content[j] === "'") j++;
    else if (content[j] === "]") return j + 1;
  }
  return content.length;
}
