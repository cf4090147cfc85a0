/**
 * Whether a formula read from Excel is the one the template writes. Excel hands formulas back in its
 * own spelling: `[@Budget]` for `Lines[[#This Row],[Budget]]`, no table name before the table's own
 * columns, upper-case function names, `_xlfn.` prefixes. Both texts are brought to one spelling first;
 * text inside string literals is kept as it is.
 */
export function sameFormula(actual: string, expected: string, ownTable?: string): boolean {
  return actual === expected || normalized(actual, ownTable) === normalized(expected, ownTable);
}

/**
 * normalize, remembered: a health check compares every row of a computed column, rows that hold
 * one formula text, with the column's one template formula.
 */
function normalized(formula: string, ownTable?: string): string {
  const key = `${ownTable ?? ""}\u0000${formula}`;
  let text = seen.get(key);
  if (text === undefined) {
    if (seen.size >= SEEN) seen.clear();
    text = normalize(formula, ownTable);
    seen.set(key, text);
  }
  return text;
}

const SEEN = 4096;
const seen = new Map<string, string>();

function outsideStrings(formula: string, change: (code: string) => string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join("");
}

function normalize(formula: string, ownTable?: string): string {
  return outsideStrings(formula, (code) => {
    let text = code.replace(/\s+/g, "").toUpperCase();
    text = text.replace(/_XLFN\./g, "").replace(/_XLDUDF_FINOPS_/g, "FINOPS.");
    text = text.replace(/\[\[#THISROW\],(\[[^\]]+\](?::\[[^\]]+\])?)\]/g, "[@$1]");
    text = text.replace(/\[@([^[\]]+)\]/g, "[@[$1]]");
    if (ownTable) {
      const own = ownTable.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      text = text.replace(new RegExp(`(^|[^A-Z0-9_.])${own}\\[`, "g"), "$1[");
    }
    return text;
  });
}

/** Whether a formula calls an add-in function (FINOPS.*), which a portable workbook must not. */
export function usesAddinFunctions(formula: string): boolean {
  let found = false;
  outsideStrings(formula, (code) => {
    if (/(^|[^A-Z0-9_])(FINOPS\.|_XLDUDF_FINOPS_)/i.test(code)) found = true;
    return code;
  });
  return found;
}

/** The names among `tables` that a formula refers to (as `Name[`), case-insensitive. */
export function referencedTables(formula: string, tables: readonly string[]): string[] {
  if (tables.length === 0) return [];
  let code = "";
  outsideStrings(formula, (part) => {
    code += part.toUpperCase();
    return part;
  });
  return tables.filter((name) =>
    new RegExp(
      `(^|[^A-Z0-9_.])${name.toUpperCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\[`
    ).test(code)
  );
}
