import { CellValue, describeValue, isBlank } from "../../src/domain/cellValue";
import { FormulaError } from "../../src/domain/formulaError";
import { FINOPS_FUNCTIONS, FinopsFunctionName } from "../../src/domain/functionsByName";
import { FUNCTION_REFERENCE, FunctionExample } from "../../src/functions/reference";
import { nativeTwin } from "../../src/workbook/twins/nativeTwins";

/**
 * One function's reference entry: the generated metadata (from the JSDoc) joined with
 * src/functions/reference.ts, with every example computed by the domain. Markdown, the help page
 * and the task pane catalogue are all rendered from this model.
 */
export interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: { name: string; description?: string; optional?: boolean; dimensionality?: string }[];
  result: { type: string };
}

export interface ComputedExample {
  formula: string;
  result: string;
  message?: string;
  note: string;
}

export interface FunctionDoc {
  name: FinopsFunctionName;
  anchor: string;
  signature: string;
  description: string;
  parameters: { name: string; description: string; optional: boolean; range: boolean }[];
  returns: string;
  source: string;
  examples: ComputedExample[];
  errors: ComputedExample[];
  /** What the pane's Insert writes: the first example, self-contained (see selfContained). */
  insert: string;
  twinInputs: string;
  twin: string;
}

/** Formats a computed number the way the docs show it: thousands separated, at most 4 significant decimals. */
export function formatResult(value: number | string): string {
  if (typeof value === "string") return `"${value}"`;
  if (Number.isInteger(value)) return value.toLocaleString("en-US");
  return String(Number(value.toPrecision(4)));
}

/** "With C2 holding the text "1,000"." for the single-cell references an example uses. */
function givenCells(example: FunctionExample): string {
  const held = example.args
    .filter((arg) => arg !== undefined && /^[A-Z]{1,3}\d+$/.test(arg.text))
    .map((arg) =>
      isBlank(arg?.value)
        ? `${arg?.text} blank`
        : `${arg?.text} holding ${describeValue(arg?.value)}`
    );
  return held.length === 0 ? "" : `With ${held.join(" and ")}: `;
}

function compute(name: FinopsFunctionName, example: FunctionExample): ComputedExample {
  const formula = `=FINOPS.${name}(${example.args.map((arg) => arg?.text ?? "").join(",")})`;
  const note = givenCells(example) + example.note;
  try {
    const value = (FINOPS_FUNCTIONS[name] as (...args: unknown[]) => number | string)(
      ...example.args.map((arg) => arg?.value)
    );
    return { formula, result: formatResult(value), note };
  } catch (error) {
    if (!(error instanceof FormulaError)) throw error;
    const shown = error.code === "#VALUE!" || error.code === "#N/A";
    return { formula, result: error.code, message: shown ? error.message : undefined, note };
  }
}

/** An array constant for a one-row or one-column range ({1;0.5;0.25}); blanks are left out. */
function arrayConstant(values: CellValue[][]): string | undefined {
  const column = values.every((row) => row.length === 1);
  if (!column && values.length !== 1) return undefined;
  const items = values.flat().filter((v) => !isBlank(v));
  if (!items.every((v) => typeof v === "number" || typeof v === "string")) return undefined;
  const text = items.map((v) => (typeof v === "string" ? `"${v.replace(/"/g, '""')}"` : String(v)));
  return `{${text.join(column ? ";" : ",")}}`;
}

/**
 * The first example with its ranges written as array constants, so Insert puts a formula in the active
 * cell that computes the documented result wherever that cell is (a range like B2:B5 would read whatever
 * the user's sheet holds there). Kept only when the domain computes the same result without the blanks;
 * otherwise the example is inserted as it is.
 */
function selfContained(name: FinopsFunctionName, example: FunctionExample): string {
  const first = compute(name, example);
  const args = example.args.map((arg) => {
    if (!arg || !Array.isArray(arg.value)) return arg;
    const text = arrayConstant(arg.value);
    if (!text) return undefined;
    return { text, value: [arg.value.flat().filter((v) => !isBlank(v))] };
  });
  if (args.some((arg, i) => arg === undefined && example.args[i] !== undefined))
    return first.formula;
  const inserted = compute(name, { ...example, args });
  return inserted.result === first.result ? inserted.formula : first.formula;
}

/** Example references for the twin: scalars in C2, D2, ...; ranges as five cells of row 2. */
function twinArguments(fn: MetadataFunction): string[] {
  let column = 2;
  return fn.parameters.map((parameter) => {
    const start = String.fromCharCode(65 + column);
    column += parameter.dimensionality === "matrix" ? 5 : 1;
    return parameter.dimensionality === "matrix"
      ? `${start}2:${String.fromCharCode(65 + column - 1)}2`
      : `${start}2`;
  });
}

export function buildFunctionDocs(
  metadata: MetadataFunction[],
  returns: Record<string, string>
): FunctionDoc[] {
  return metadata.map((fn) => {
    const name = fn.id as FinopsFunctionName;
    const reference = FUNCTION_REFERENCE[name];
    const twinArgs = twinArguments(fn);
    return {
      name,
      anchor: name.toLowerCase(),
      signature: `FINOPS.${name}(${fn.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`,
      description: fn.description,
      parameters: fn.parameters.map((p) => ({
        name: p.name,
        description: p.description ?? "",
        optional: Boolean(p.optional),
        range: p.dimensionality === "matrix",
      })),
      returns: returns[name] ?? "",
      source: reference.source,
      examples: reference.examples.map((example) => compute(name, example)),
      errors: reference.errors.map((example) => compute(name, example)),
      insert: selfContained(name, reference.examples[0]),
      twinInputs: twinArgs.join(", "),
      twin: `=${nativeTwin(name, twinArgs)}`,
    };
  });
}
