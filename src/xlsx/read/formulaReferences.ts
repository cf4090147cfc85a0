/**
 * The A1 references in stored formula text (ECMA-376 Part 1, 18.17: the text of <f> and
 * <definedName>, no leading "="), found where Excel's grammar has them and nowhere else: strings,
 * structured references, names, functions and numbers are passed over as they are.
 */

export const MAX_ROW = 1048576;
export const MAX_COLUMN = 16384; // XFD

// A reference is a whole token: no name character (letter, digit, _ . \ ?) or "$" just before it,
// nor just after it, nor "(" (a function: LOG10), "!" (a sheet) or "[" (a table). So Q1Target,
// _xlfn.X1 and 1E5 stay as they are.
const WORD = /[\p{L}\p{N}_.\\?$]/u;
const NOT_AFTER = String.raw`(?![\p{L}\p{N}_.\\?$(![])`;
// Only columns A-XFD and rows 1-1048576 are on the sheet: XFE1 or A0 are names, and A1:XFE1 is A1
// followed by ":XFE1". Excel saves references in capitals.
const COLUMN = String.raw`\$?(?:[A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])`;
const ROW =
  String.raw`\$?(?:[1-9]\d{0,5}|10[0-3]\d{4}|104[0-7]\d{3}|` +
  String.raw`1048[0-4]\d\d|10485[0-6]\d|104857[0-6])`;
const CELL = COLUMN + ROW;

// Tried in turn at a token's start: a cell or cell range, a column range (A:C), a row range (1:3).
const REFERENCES = [
  `(${CELL})(?::(${CELL})${NOT_AFTER})?`,
  `(${COLUMN}):(${COLUMN})`,
  `(${ROW}):(${ROW})`,
].map((source) => new RegExp(source + NOT_AFTER, "uy"));

// What may qualify a reference: an external book ("[1]", as Excel saves it), then a sheet name,
// quoted ('Team budget', '' for a quote) or bare (Sheet1, or a 3-D span Jan:Mar), then "!".
const BARE_NAME = String.raw`[\p{L}_\\][\p{L}\p{N}_.\\?]*`;
const QUALIFIER = new RegExp(
  String.raw`(?:\[[^\]]*\])?(?:'(?:[^']|'')+'|${BARE_NAME}(?::${BARE_NAME})?)!`,
  "uy"
);

export interface FoundReference {
  /** What qualifies it, as written ("Sheet1!", "'Team budget'!", "[1]Costs!"); "" for none. */
  readonly prefix: string;
  /**
   * The one sheet of this workbook the prefix names, unquoted ("Team budget"); undefined when
   * there is no prefix, or when it names another book ("[1]Costs!", "'[Book.xlsx]Costs'!") or a
   * 3-D span of sheets ("Jan:Mar!"): sheet names cannot hold "[", "]" or ":".
   */
  readonly sheet: string | undefined;
  /** The reference after the prefix, as written ("$B$5", "B5:C9", "B:C", "5:9"). */
  readonly text: string;
  /** Its one or two ends, as written ("$B7"; "C" of a column range; "$12" of a row range). */
  readonly ends: readonly string[];
}

/** The formula with each reference (its prefix kept) replaced by what `replace` gives for it. */
export function mapReferences(
  formula: string,
  replace: (reference: FoundReference) => string
): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const found = i === 0 || !WORD.test(formula[i - 1]) ? referenceAt(formula, i) : undefined;
    if (found) {
      out += found.reference.prefix + replace(found.reference);
      i = found.end;
    } else {
      const end = tokenEnd(formula, i);
      out += formula.slice(i, end);
      i = end;
    }
  }
  return out;
}

/** The ends of `text` when all of it is one unqualified reference ("B2:D9", "C:C"); else undefined. */
export function referenceEnds(text: string): string[] | undefined {
  const match = endsAt(text, 0);
  return match && match.end === text.length ? match.ends : undefined;
}

/** The (qualified) reference starting at i, if one does. */
function referenceAt(
  formula: string,
  i: number
): { reference: FoundReference; end: number } | undefined {
  let prefix = "";
  let match = endsAt(formula, i);
  if (!match) {
    QUALIFIER.lastIndex = i;
    prefix = QUALIFIER.exec(formula)?.[0] ?? "";
    match = prefix ? endsAt(formula, i + prefix.length) : undefined;
  }
  if (!match) return undefined;
  const text = formula.slice(i + prefix.length, match.end);
  return { reference: { prefix, sheet: sheetOf(prefix), text, ends: match.ends }, end: match.end };
}

function endsAt(formula: string, start: number): { ends: string[]; end: number } | undefined {
  for (const pattern of REFERENCES) {
    pattern.lastIndex = start;
    const match = pattern.exec(formula);
    if (match) {
      const ends = match.slice(1).filter((e): e is string => e !== undefined);
      return { ends, end: start + match[0].length };
    }
  }
  return undefined;
}

function sheetOf(prefix: string): string | undefined {
  let name = prefix.slice(0, -1);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  return name === "" || /[[\]:]/.test(name) ? undefined : name;
}

/** Just past the token at i that is not a reference: a string, a quoted name, a [...], or one character. */
function tokenEnd(formula: string, i: number): number {
  const ch = formula[i];
  if (ch === '"' || ch === "'") {
    // A string or a quoted sheet name, copied whole; a doubled quote inside is an escaped one.
    let end = formula.indexOf(ch, i + 1);
    while (end !== -1 && formula[end + 1] === ch) end = formula.indexOf(ch, end + 2);
    return end === -1 ? formula.length : end + 1;
  }
  // A structured reference (Tbl[[#This Row],[Col A1]]) or an external book ([1]Sheet!A1).
  if (ch === "[") return closingBracket(formula, i);
  return i + 1;
}

/** Just past the "]" closing the "[" at start; "'" escapes the next character (Tbl[Col'[x']]). */
function closingBracket(formula: string, start: number): number {
  let depth = 0;
  for (let i = start; i < formula.length; i++) {
    const ch = formula[i];
    if (ch === "'") i++;
    else if (ch === "[") depth++;
    else if (ch === "]" && --depth === 0) return i + 1;
  }
  return formula.length;
}

/**
 * A formula cut into the tokens renames look at; joined, they are the formula. A reference is an
 * unqualified A1 reference (a qualifier before it is its own token); a qualifier is "Sheet1!",
 * "'Team budget'!", "Jan:Mar!" or "[1]Costs!", before a reference or a sheet-scoped name; a name
 * is a defined name, a table, a function or a logical; a bracket is a structured reference's
 * specifier ("[[#This Row],[Col]]", after its table's name, or alone in the table's own formulas)
 * or an external book's index ("[1]!Name"). Everything else (strings, operators, numbers, error
 * values, spaces) is text.
 */
export interface FormulaToken {
  readonly kind: "reference" | "qualifier" | "name" | "bracket" | "text";
  readonly text: string;
}

export function formulaTokens(formula: string): FormulaToken[] {
  const tokens: FormulaToken[] = [];
  for (let i = 0; i < formula.length; i += tokens[tokens.length - 1].text.length)
    tokens.push(tokenAt(formula, i));
  return tokens;
}

/** A qualifier's external book ("[1]"; "" for this workbook) and its sheet, or a 3-D span's two, unquoted. */
export function qualifierParts(prefix: string): { book: string; sheets: string[] } {
  const outer = /^\[[^\]]*\]/.exec(prefix)?.[0] ?? "";
  let name = prefix.slice(outer.length, -1);
  if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
  const inner = /^\[[^\]]*\]/.exec(name)?.[0] ?? "";
  return { book: outer + inner, sheets: name.slice(inner.length).split(":") };
}

const NAME = new RegExp(BARE_NAME, "uy");
// An error value ("#REF!", "#N/A") is one token, so that "REF!" is never read as a sheet.
const ERROR = /#(?:N\/A|[A-Z][A-Z0-9_/]*[!?])/y;

function tokenAt(formula: string, i: number): FormulaToken {
  if (i === 0 || !WORD.test(formula[i - 1])) {
    const match = endsAt(formula, i);
    if (match) return { kind: "reference", text: formula.slice(i, match.end) };
    for (const [kind, pattern] of [
      ["qualifier", QUALIFIER],
      ["name", NAME],
      ["text", ERROR],
    ] as const) {
      pattern.lastIndex = i;
      const text = pattern.exec(formula)?.[0];
      if (text) return { kind, text };
    }
  }
  const text = formula.slice(i, tokenEnd(formula, i));
  return { kind: formula[i] === "[" ? "bracket" : "text", text };
}
