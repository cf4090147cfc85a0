/**
 * Native Excel formulas that reproduce the FINOPS argument rules (src/domain/arguments.ts) with
 * functions Excel 2016 and LibreOffice 7.4 share:
 *   1. an error value in any input is passed on (N() passes errors on and turns text into 0),
 *   2. a blank required input gives #N/A,
 *   3. an input of the wrong type gives #VALUE!.
 * The usual case, every input a number, is tested first so the formula reads "IF(inputs ok, math, ...)".
 */

/** How an argument is read; the same three kinds as the domain's ArgKind. */
export type GuardKind = "number" | "optional number" | "optional text";

export interface TwinArgument {
  /** Formula text as written in the call: a reference, an expression or a literal. */
  readonly text: string;
  readonly kind: GuardKind;
}

const NUMBER_LITERAL = /^-?(\d+\.?\d*|\.\d+)(E[+-]?\d+)?$/i;
const TEXT_LITERAL = /^"([^"]|"")*"$/;

/** Literals need no guard: the twin is only ever written with valid literals. */
export function isLiteral(text: string): boolean {
  return NUMBER_LITERAL.test(text) || TEXT_LITERAL.test(text);
}

/** The value an optional argument stands for: the default when omitted or blank. */
export function withDefault(text: string | undefined, fallback: string): string {
  if (text === undefined || text === "") return fallback;
  return isLiteral(text) ? text : `IF(ISBLANK(${text}),${fallback},${text})`;
}

/** Wraps `core` (the math, written in terms of the arguments) in the argument rules. */
export function guard(args: readonly TwinArgument[], core: string): string {
  const refs = args.filter((arg) => !isLiteral(arg.text));
  const required = refs.filter((arg) => arg.kind === "number").map((arg) => arg.text);
  const optional = refs.filter((arg) => arg.kind === "optional number").map((arg) => arg.text);
  const checks = [
    ...(required.length > 0 ? [`COUNT(${required.join(",")})=${required.length}`] : []),
    ...optional.map((text) => `OR(ISBLANK(${text}),ISNUMBER(${text}))`),
  ];
  if (checks.length === 0) return core;
  const errors = refs.map((arg) => `N(${arg.text})`).join("+");
  const blank =
    required.length === 0
      ? "#VALUE!"
      : `IF(${any(required.map((text) => `ISBLANK(${text})`))},NA(),#VALUE!)`;
  return `IF(${all(checks)},${core},IF(ISERROR(${errors}),${errors},${blank}))`;
}

export function any(conditions: readonly string[]): string {
  return conditions.length === 1 ? conditions[0] : `OR(${conditions.join(",")})`;
}

export function all(conditions: readonly string[]): string {
  return conditions.length === 1 ? conditions[0] : `AND(${conditions.join(",")})`;
}
