import { FINOPS_ARITY, FinopsFunctionName } from "../../domain/functionsByName";
import { nativeTwin } from "./nativeTwins";

/**
 * Rewrites the FINOPS.* calls of a formula a user typed into their native twins, leaving the rest of
 * the text as it is. Formula text is scanned, not matched with regular expressions, because an
 * argument can hold commas and brackets that do not end it: strings ("a,b"), quoted sheet names
 * ('Q1, 2026'!A1), structured references (Lines[[#This Row],[Budget]]), array constants ({1,2;3,4})
 * and nested calls.
 */

/** Why a formula cannot be rewritten; the message names the call, for the conversion summary. */
export class RewriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RewriteError";
  }
}

/** FINOPS.NAME( as typed, or _xldudf_FINOPS_NAME( as some Excel versions store it in the file. */
const CALL = /^(?:_xldudf_FINOPS_|FINOPS\.)([A-Za-z]+)\s*\(/i;
const IDENTIFIER = /[A-Za-z0-9_.\\]/;
const TEXT_LITERAL = /^"([^"]|"")*"$/;
const BOOLEAN = /^(TRUE|FALSE)$/i;

/** Index just past the quoted run that starts at `start` ("..." or '...', doubled quote escapes). */
function skipQuoted(text: string, start: number): number {
  const quote = text[start];
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i += 1;
  }
  throw new RewriteError(`A quote is not closed in ${text}`);
}

/** Index just past the structured reference's brackets starting at `start` (' escapes a character). */
function skipBrackets(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if (text[i] === "'") i += 1;
    else if (text[i] === "[") depth += 1;
    else if (text[i] === "]" && --depth === 0) return i + 1;
  }
  throw new RewriteError(`A bracket is not closed in ${text}`);
}

interface Scanned {
  /** The text with every FINOPS call replaced by its twin. */
  readonly text: string;
  /** Where scanning stopped: the end, or a "," or ")" of the call being scanned. */
  readonly end: number;
}

/** Rewrites from `start` to the end, or when `inCall` to the "," or ")" that ends the argument. */
function scan(text: string, start: number, inCall: boolean): Scanned {
  let out = "";
  let i = start;
  let depth = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"' || ch === "'") {
      const end = skipQuoted(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === "[") {
      const end = skipBrackets(text, i);
      out += text.slice(i, end);
      i = end;
      continue;
    }
    if (inCall && depth === 0 && (ch === "," || ch === ")")) return { text: out, end: i };
    const mayCall = /[F_]/i.test(ch) && !IDENTIFIER.test(text[i - 1] ?? "");
    const call = mayCall ? CALL.exec(text.slice(i)) : null;
    if (call) {
      const rewritten = rewriteCall(text, i, call);
      // A twin can be a bare expression (5-3 for literal arguments): bracket it among operators.
      out += callLike(rewritten.text) ? rewritten.text : `(${rewritten.text})`;
      i = rewritten.end;
      continue;
    }
    if (ch === "(" || ch === "{") depth += 1;
    if (ch === ")" || ch === "}") depth -= 1;
    if (depth < 0) throw new RewriteError(`A bracket is closed that was not opened in ${text}`);
    out += ch;
    i += 1;
  }
  if (inCall || depth !== 0) throw new RewriteError(`A bracket is not closed in ${text}`);
  return { text: out, end: i };
}

function functionName(typed: string): FinopsFunctionName {
  const name = typed.toUpperCase();
  if (!(name in FINOPS_ARITY))
    throw new RewriteError(`FINOPS.${name} is not a function of this add-in.`);
  return name as FinopsFunctionName;
}

/** Only literals the twin treats exactly as the add-in does: numbers, and KPISTATUS's direction. */
function checkLiteral(name: FinopsFunctionName, index: number, arg: string): void {
  const textAllowed = name === "KPISTATUS" && index === 2;
  if ((TEXT_LITERAL.test(arg) && !textAllowed) || BOOLEAN.test(arg))
    throw new RewriteError(
      `FINOPS.${name} is given ${arg} as argument ${index + 1}: its native formula would read it differently, so it is kept.`
    );
}

/** The call starting at `start` (matched by CALL) as its twin, and the index just past its ")". */
function rewriteCall(text: string, start: number, call: RegExpExecArray): Scanned {
  const name = functionName(call[1]);
  const args: string[] = [];
  let i = start + call[0].length;
  for (;;) {
    const arg = scan(text, i, true);
    args.push(arg.text.trim());
    i = arg.end + 1;
    if (text[arg.end] === ")") break;
  }
  // FINOPS.FTE() is a call with no arguments, not one empty argument.
  if (args.length === 1 && args[0] === "") args.pop();
  const { min, max } = FINOPS_ARITY[name];
  if (args.length < min || args.length > max)
    throw new RewriteError(
      `FINOPS.${name} takes ${min === max ? min : `${min} to ${max}`} arguments, not ${args.length}.`
    );
  args.forEach((arg, index) => checkLiteral(name, index, arg));
  try {
    return {
      text: nativeTwin(
        name,
        args.map((arg) => (arg === "" ? undefined : arg))
      ),
      end: i,
    };
  } catch (error) {
    throw new RewriteError((error as Error).message);
  }
}

/** Whether text is one function call, NAME(...), so it can stand anywhere without brackets. */
function callLike(text: string): boolean {
  const open = /^[A-Z][A-Z0-9.]*\(/.exec(text);
  if (!open) return false;
  let i = open[0].length;
  for (;;) {
    const arg = scan(text, i, true);
    if (text[arg.end] === ")") return arg.end === text.length - 1;
    i = arg.end + 1;
  }
}

/**
 * The formula (with its "=") with every FINOPS.* call, nested ones included, replaced by its native
 * twin. Throws RewriteError when a call cannot be rewritten faithfully (an unknown function, a wrong
 * number of arguments, a text or TRUE/FALSE literal the twin would read differently, unbalanced text,
 * a result longer than Excel allows).
 */
export function rewriteFinops(formula: string): string {
  if (!formula.startsWith("=")) return formula;
  const twin = rewriteBody(formula.slice(1));
  // Twins repeat their arguments, so nested calls grow fast; Excel refuses a formula this long.
  if (twin.length > EXCEL_FORMULA_LIMIT)
    throw new RewriteError(
      `With native functions this formula would be ${twin.length.toLocaleString("en-US")} characters long; Excel allows ${EXCEL_FORMULA_LIMIT.toLocaleString("en-US")}, so it is kept.`
    );
  return twin;
}

/** Excel's longest formula, in characters (with the "="). */
export const EXCEL_FORMULA_LIMIT = 8192;

function rewriteBody(body: string): string {
  const whole = CALL.exec(body);
  if (whole) {
    // A formula that is one call needs no brackets around its twin: =5-3, not =(5-3).
    const call = rewriteCall(body, 0, whole);
    if (call.end === body.length) return `=${call.text}`;
  }
  return `=${scan(body, 0, false).text}`;
}
