import { excelTrim } from "../../domain/cellValue";
import { FINOPS_ARITY, FinopsFunctionName } from "../../domain/functionsByName";
import { DEFAULT_BUDGET_TOLERANCE } from "../../domain/budget";
import { DEFAULT_TERM_MONTHS } from "../../domain/commitments";
import { DEFAULT_AMBER_BAND, DEFAULT_DIRECTION } from "../../domain/kpi";
import { DEFAULT_MAX_SCORE, DEFAULT_RUN_AT, DEFAULT_WALK_AT } from "../../domain/maturity";
import { DEFAULT_COST_MONTHS } from "../../domain/staffing";
import { any, guard, isLiteral, withDefault } from "./argumentGuard";

/**
 * Native twins: for each FINOPS function, an Excel formula built only from functions Excel 2016 and
 * LibreOffice 7.4 share that gives the same result and the same error code. A workbook written with
 * twins ("portable") works for people without the add-in. Each twin mirrors its domain function's
 * checks in the same order; test/engine holds the two to the same answers in LibreOffice.
 */

type Args = readonly (string | undefined)[];
type TwinBuilder = (args: Args) => string;

const n = (text: string | undefined) => ({
  text: text as string,
  kind: "number" as const,
});
const opt = (text: string | undefined) => ({
  text: text ?? "",
  kind: "optional number" as const,
});
const optText = (text: string | undefined) => ({
  text: text ?? "",
  kind: "optional text" as const,
});
const given = <T extends { text: string }>(args: T[]) => args.filter((arg) => arg.text !== "");

const VALUE_ERROR = "#VALUE!";

/** IF(any of `bad`, #VALUE!, then) */
function unless(bad: readonly string[], then: string): string {
  return `IF(${any(bad)},${VALUE_ERROR},${then})`;
}

function difference([a, b]: Args): string {
  return guard([n(a), n(b)], `${a}-${b}`);
}

/** part / whole: a zero whole divides by zero natively before "part > whole" is looked at. */
function share([part, whole]: Args): string {
  const bad = [`${part}<0`, `${whole}<0`, `AND(${whole}<>0,${part}>${whole})`];
  return guard([n(part), n(whole)], unless(bad, `${part}/${whole}`));
}

/** (x - y) / base with a base that must not be negative; a zero base divides by zero natively. */
function relative(base: string, x: string, y: string, args: Args): string {
  return guard(args.map(n), unless([`${base}<0`], `(${x}-${y})/${base}`));
}

/**
 * How MATURITYSCORE reads a blank score: "zero" of its maximum (now), or "leftOut" with its weight (as
 * the add-in did before the FinOps Assessment's fixed maximum was followed; see TWIN_REVISIONS).
 */
type BlankScores = "zero" | "leftOut";

function maturityScoreTwin([scores, weights, maxScore]: Args, blanks: BlankScores): string {
  const max = withDefault(maxScore, String(DEFAULT_MAX_SCORE));
  const maxIsRef = maxScore !== undefined && maxScore !== "" && !isLiteral(maxScore);
  const ranges = weights ? [scores, weights] : [scores];
  const errors = [
    ...ranges.map((range) => `SUM(${range})`),
    ...(maxIsRef ? [`N(${maxScore})`] : []),
  ].join("+");
  const wrongType = [
    ...ranges.map((range) => `COUNTA(${range})>COUNT(${range})`),
    ...(maxIsRef ? [`NOT(ISNUMBER(${max}))`] : []),
  ];
  const outOfRange = [
    `${max}<=0`,
    `SUMPRODUCT(--(${scores}<0))>0`,
    `SUMPRODUCT(--(${scores}>${max}))>0`,
    ...(weights ? [`SUMPRODUCT(--(${weights}<0))>0`] : []),
  ];
  // Now: blank scores count 0 of their maximum (blank weights add nothing), as maturityScore does.
  const score =
    blanks === "zero"
      ? weights
        ? `SUMPRODUCT(${scores},${weights})/(${max}*SUM(${weights}))`
        : `SUM(${scores})/(${max}*ROWS(${scores})*COLUMNS(${scores}))`
      : weights
        ? `SUMPRODUCT(${scores},${weights})/(${max}*SUMPRODUCT(${weights},--(${scores}<>"")))`
        : `SUM(${scores})/(${max}*COUNT(${scores}))`;
  const sameSize = weights
    ? [`ROWS(${scores})<>ROWS(${weights})`, `COLUMNS(${scores})<>COLUMNS(${weights})`]
    : [];
  // A scored cell whose weight is blank is #N/A, like no scores at all.
  const unweighted = weights ? `SUMPRODUCT(--(${scores}<>""),--(${weights}=""))>0` : "FALSE";
  const checked = unless(outOfRange, `IF(OR(COUNT(${scores})=0,${unweighted}),NA(),${score})`);
  return `IF(ISERROR(${errors}),${errors},${unless(wrongType, sameSize.length ? unless(sameSize, checked) : checked)})`;
}

function kpiStatusTwin([actual, target, direction, amberBand]: Args): string {
  const band = withDefault(amberBand, String(DEFAULT_AMBER_BAND));
  const higher = `IF(${actual}>=${target},"Green",IF(${actual}>=${target}-${band}*ABS(${target}),"Amber","Red"))`;
  const lower = `IF(${actual}<=${target},"Green",IF(${actual}<=${target}+${band}*ABS(${target}),"Amber","Red"))`;
  let core: string;
  if (direction === undefined || direction === "" || isLiteral(direction)) {
    // A literal direction is known now: write only its branch, so the formula stays readable.
    const literal = direction ? excelTrim(direction.slice(1, -1)).toLowerCase() : DEFAULT_DIRECTION;
    if (literal !== "higher" && literal !== "lower")
      throw new Error(`KPISTATUS direction must be "higher" or "lower", not ${direction}`);
    core = unless([`${band}<0`], literal === "lower" ? lower : higher);
  } else {
    const dir = `TRIM(${withDefault(direction, `"${DEFAULT_DIRECTION}"`)})`;
    core = unless(
      [`AND(${dir}<>"higher",${dir}<>"lower")`, `${band}<0`],
      `IF(${dir}="lower",${lower},${higher})`
    );
  }
  return guard(given([n(actual), n(target), optText(direction), opt(amberBand)]), core);
}

function raciCheckTwin([row]: Args): string {
  const count = (letter: string) => `SUMPRODUCT(--(TRIM(${row})="${letter}"))`;
  const a = count("A");
  const r = count("R");
  const filled = `SUMPRODUCT(--(TRIM(${row})<>""))`;
  const message =
    `IF(${a}<>1,"needs exactly one A, found "&${a},"")` +
    `&IF(AND(${a}<>1,${r}<1),"; ","")` +
    `&IF(${r}<1,"needs at least one R","")`;
  return `IF(${filled}>${a}+${r}+${count("C")}+${count("I")},${VALUE_ERROR},IF(AND(${a}=1,${r}>=1),"OK",${message}))`;
}

const TWINS: Record<FinopsFunctionName, TwinBuilder> = {
  SAVINGS: difference,
  COSTAVOIDANCE: difference,
  VARIANCE: ([budget, actual]) => guard([n(budget), n(actual)], `${actual}-${budget}`),
  ESR: ([od, eff]) => guard([n(od), n(eff)], unless([`${od}<0`], `1-${eff}/${od}`)),
  ANOMALYAVOIDANCE: ([excess, days]) =>
    guard([n(excess), n(days)], unless([`${excess}<0`, `${days}<0`], `${excess}*${days}`)),
  COVERAGE: share,
  UTILIZATION: share,
  COMMITMENTWASTE: share,
  BREAKEVEN: ([up, od, com, term]) => {
    const t = withDefault(term, String(DEFAULT_TERM_MONTHS));
    const months = `(${up}+${com}*${t})/${od}`;
    return guard(
      given([n(up), n(od), n(com), opt(term)]),
      unless([`${up}<0`, `${od}<0`, `${com}<0`, `${t}<=0`], `IF(${months}>${t},NA(),${months})`)
    );
  },
  VARIANCEPCT: (args) => relative(args[0] as string, args[1] as string, args[0] as string, args),
  FORECASTVARIANCE: (args) =>
    relative(args[0] as string, args[0] as string, args[1] as string, args),
  ROI: (args) => relative(args[1] as string, args[0] as string, args[1] as string, args),
  BUDGETSTATUS: ([b, a, tolerance, minAmount]) => {
    const [budget, actual] = [b as string, a as string];
    const tol = withDefault(tolerance, String(DEFAULT_BUDGET_TOLERANCE));
    const least = withDefault(minAmount, "0");
    // Without a minimum amount the formula stays as it always was (and as earlier workbooks hold it).
    const beyond = (a: string, b: string) =>
      minAmount === undefined || minAmount === ""
        ? `${a}-${b}>${tol}*${budget}`
        : `AND(${a}-${b}>${tol}*${budget},${a}-${b}>${least})`;
    const status = `IF(${beyond(actual, budget)},"Over budget",IF(${beyond(budget, actual)},"Under budget","On budget"))`;
    return guard(
      given([n(budget), n(actual), opt(tolerance), opt(minAmount)]),
      unless([`${budget}<0`, `${tol}<0`, ...(minAmount ? [`${least}<0`] : [])], status)
    );
  },
  RUNRATE: ([spend, elapsed, days]) =>
    guard(
      [n(spend), n(elapsed), n(days)],
      unless([`${elapsed}<0`, `${days}<0`, `${elapsed}>${days}`], `${spend}/${elapsed}*${days}`)
    ),
  UNITCOST: ([cost, units]) =>
    guard([n(cost), n(units)], unless([`${units}<0`], `${cost}/${units}`)),
  FTE: ([range]) =>
    `IF(ISERROR(SUM(${range})),SUM(${range}),${unless([`COUNTA(${range})>COUNT(${range})`], unless([`SUMPRODUCT(--(${range}<0))+SUMPRODUCT(--(${range}>1))>0`], `SUM(${range})`))})`,
  LOADEDCOST: ([salary, overhead, allocation, months]) => {
    const m = withDefault(months, String(DEFAULT_COST_MONTHS));
    const bad = [`${salary}<0`, `${overhead}<0`, `${allocation}<0`, `${allocation}>1`, `${m}<0`];
    return guard(
      given([n(salary), n(overhead), n(allocation), opt(months)]),
      unless(bad, `${salary}*(1+${overhead})*${allocation}*${m}/12`)
    );
  },
  MATURITYSCORE: (args) => maturityScoreTwin(args, "zero"),
  MATURITYLEVEL: ([score, walkAt, runAt]) => {
    const w = withDefault(walkAt, String(DEFAULT_WALK_AT));
    const r = withDefault(runAt, String(DEFAULT_RUN_AT));
    const level = `IF(${score}<${w},"Crawl",IF(${score}<${r},"Walk","Run"))`;
    return guard(
      given([n(score), opt(walkAt), opt(runAt)]),
      unless([`${score}<0`, `${score}>1`, `${w}<0`, `${r}<${w}`, `${r}>1`], level)
    );
  },
  KPISTATUS: kpiStatusTwin,
  RACICHECK: raciCheckTwin,
};

const REFERENCE =
  /^((('([^']|'')+')|[A-Za-z_][\w.]*)!)?(\$?[A-Za-z]{1,3}\$?\d+(:\$?[A-Za-z]{1,3}\$?\d+)?|[A-Za-z_\\][\w.]*(\[.*\])?)$/;

/**
 * An argument as it can stand inside a larger formula: literals and references as they are, anything
 * else in brackets, so that SAVINGS(A1,B1+B2) becomes A1-(B1+B2), not A1-B1+B2.
 */
function operand(text: string): string {
  return isLiteral(text) || REFERENCE.test(text) ? text : `(${text})`;
}

/**
 * The native formula (without "=") equivalent to FINOPS.<name>(args...). Each argument is the formula
 * text of one argument (a cell or range reference, an expression, or a literal); undefined omits an
 * optional argument.
 */
/**
 * Functions whose definition changed after earlier versions of the add-in wrote their native twin
 * into portable workbooks: the twin as it was, and what changed, in words for the health check. A
 * template cell holding the earlier twin is found as "outdated" (not as typed over) and refresh
 * writes the current one. Users' own portable formulas keep what they were written with.
 */
export const TWIN_REVISIONS: Partial<
  Record<FinopsFunctionName, { readonly twin: TwinBuilder; readonly change: string }>
> = {
  MATURITYSCORE: {
    twin: (args) => maturityScoreTwin(args, "leftOut"),
    change:
      "MATURITYSCORE now scores a lens left blank 0 of its maximum, as the FinOps Assessment does; earlier versions left blank lenses out, which made a partly assessed capability look more mature",
  },
};

/** Which twins to write: the current ones, or those of TWIN_REVISIONS as earlier versions wrote them. */
export type TwinEdition = "current" | "earlier";

export function nativeTwin(
  name: FinopsFunctionName,
  args: Args,
  edition: TwinEdition = "current"
): string {
  const required = FINOPS_ARITY[name].min;
  for (let i = 0; i < required; i++) {
    if (!args[i])
      throw new Error(`FINOPS.${name} needs ${required} arguments; argument ${i + 1} is missing.`);
  }
  const build = (edition === "earlier" && TWIN_REVISIONS[name]?.twin) || TWINS[name];
  return build(args.map((arg) => (arg === undefined ? arg : operand(arg))));
}

/** The add-in formula (without "="): FINOPS.<name>(args...), omitting trailing omitted arguments. */
export function addinFormula(name: FinopsFunctionName, args: Args): string {
  const written = [...args];
  while (written.length > 0 && !written[written.length - 1]) written.pop();
  return `FINOPS.${name}(${written.map((arg) => arg ?? "").join(",")})`;
}
