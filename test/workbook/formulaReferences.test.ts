import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { RenderPlan } from "../../src/workbook/plan";
import { TEMPLATES } from "../../src/workbook/templates";
import { EXPECTED_CATALOGUE } from "../functions/catalogue.expected";

/**
 * Reads the generated formula text back, independently of the expression model that wrote it: every
 * table, column and defined name a formula mentions exists in the plan, every function is one Excel 2016
 * and LibreOffice 7.4 share (or a FINOPS function of the product's function catalogue with an allowed argument count).
 */
const PORTABLE_FUNCTIONS = new Set(
  "SUM SUBTOTAL COUNTIF COUNTIFS SUMIF SUMPRODUCT IF ISBLANK IFERROR INDEX MATCH LARGE COUNT COUNTA AVERAGE MAX MIN N ISERROR NA OR AND TRIM ABS ROW ROWS COLUMNS NOT ISNUMBER".split(
    " "
  )
);

interface Found {
  unknown: string[];
  finopsArgs: { name: string; count: number }[];
}

/** Text and error literals hold no references. */
function stripStrings(formula: string): string {
  return formula.replace(/"([^"]|"")*"/g, '""').replace(/#(VALUE!|N\/A|DIV\/0!|NUM!|NULL!)/g, "0");
}

/** Arguments of the call whose "(" is at `open`: top-level commas + 1 (0 for "()"). */
function argumentCount(text: string, open: number): number {
  let depth = 0;
  let count = 1;
  for (let i = open; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(" || ch === "[") depth++;
    else if (ch === ")" || ch === "]") {
      depth--;
      if (depth === 0) return text.slice(open + 1, i).trim() === "" ? 0 : count;
    } else if (ch === "," && depth === 1) count++;
  }
  throw new Error(`Unbalanced call in ${text}`);
}

function check(plan: RenderPlan, formula: string, found: Found): void {
  const text = stripStrings(formula.slice(1));
  const tables = new Map(
    plan.sheets.flatMap((s) => s.tables.map((t) => [t.name, t.headers] as const))
  );
  const names = new Set(plan.sheets.flatMap((s) => s.names.map((n) => n.name)));
  const token = /([A-Za-z_][A-Za-z0-9_.]*)(\(|\[)?/g;
  for (let match = token.exec(text); match; match = token.exec(text)) {
    const [whole, word, next] = match;
    const before = text[match.index - 1];
    if (before === "[" || before === ",") {
      // inside a structured reference: [#This Row] and column names are checked below
      if (text.lastIndexOf("[", match.index) > text.lastIndexOf("]", match.index - 1)) continue;
    }
    if (next === "(") {
      if (word.startsWith("FINOPS."))
        found.finopsArgs.push({
          name: word.slice(7),
          count: argumentCount(text, match.index + whole.length - 1),
        });
      else if (!PORTABLE_FUNCTIONS.has(word)) found.unknown.push(`function ${word}`);
    } else if (next === "[") {
      const headers = tables.get(word);
      if (!headers) found.unknown.push(`table ${word}`);
      const end =
        text.indexOf("]]", match.index) >= 0 && text[match.index + whole.length] === "["
          ? text.indexOf("]]", match.index) + 2
          : text.indexOf("]", match.index) + 1;
      const columns = [
        ...text.slice(match.index + whole.length - 1, end).matchAll(/\[([^[\]#]+)\]/g),
      ].map((m) => m[1]);
      for (const column of columns)
        if (headers && !headers.includes(column)) found.unknown.push(`column ${word}[${column}]`);
      token.lastIndex = end;
    } else if (!names.has(word) && word !== "TRUE" && word !== "FALSE") {
      found.unknown.push(`name ${word}`);
    }
  }
}

describe("generated formulas, read back as text", () => {
  const variants: [string, TemplateOptions][] = [
    ["add-in", DEFAULT_OPTIONS],
    ["portable", { ...DEFAULT_OPTIONS, formulaMode: "portable" }],
  ];

  it.each(variants)("%s mode: every reference and function exists", (_, options) => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      options,
      { sheets: [], tablesAndNames: [] }
    );
    const found: Found = { unknown: [], finopsArgs: [] };
    const formulas = [
      ...plan.sheets.flatMap((s) =>
        s.ranges.flatMap((r) => r.rows.flat().flatMap((c) => (c.formula ? [c.formula] : [])))
      ),
      ...plan.sheets.flatMap((s) =>
        s.tables.flatMap((t) => (t.totals ?? []).map((total) => total.formula))
      ),
    ];
    expect(formulas.length).toBeGreaterThan(500);
    for (const formula of new Set(formulas)) check(plan, formula, found);
    expect([...new Set(found.unknown)]).toEqual([]);
    for (const call of found.finopsArgs) {
      const params = EXPECTED_CATALOGUE[call.name]?.params;
      expect({ call: call.name, known: params !== undefined }).toEqual({
        call: call.name,
        known: true,
      });
      const required = params.filter((p) => !p.optional).length;
      expect(call.count).toBeGreaterThanOrEqual(required);
      expect(call.count).toBeLessThanOrEqual(params.length);
    }
    expect(found.finopsArgs.length > 0).toBe(options.formulaMode === "addin");
  });
});
