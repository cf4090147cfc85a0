import { parseArgs } from "node:util";
import { checkOptions, DEFAULT_OPTIONS, TemplateOptions, TeamModel } from "../workbook/options";
import { FormulaMode } from "../workbook/expr/renderFormula";
import { MADE_BY_COMMAND, TEMPLATES } from "../workbook/templates";
import { CheckCommand, parseCheck } from "./checkCommand";
import { ConsolidateCommand, parseConsolidate } from "./consolidateCommand";
import { destinationProblems } from "./destinationFlags";
import { FocusQueryCommand, parseFocusQuery } from "./focusQueryCommand";
import { ImportFocusCommand, parseImportFocus } from "./importFocusCommand";
import {
  MAINTENANCE,
  MaintenanceCommand,
  MaintenanceKind,
  parseMaintenance,
} from "./maintenanceCommand";

/**
 * The command line as data: `parseCommand` turns argv into a Command or a UsageError without any I/O,
 * so every flag and every mistake can be tested without a console or a file system.
 */
export type CommandName =
  | "generate"
  | "import-focus"
  | "focus-query"
  | "check"
  | MaintenanceKind
  | "consolidate"
  | "list"
  | "help";
export const COMMANDS: readonly CommandName[] = [
  "generate",
  "import-focus",
  "focus-query",
  "check",
  ...MAINTENANCE,
  "consolidate",
  "list",
  "help",
];

export type GenerateCommand = {
  readonly kind: "generate";
  /** Template ids as given (deduplicated), or every template for --all. */
  readonly templates: readonly string[];
  readonly options: TemplateOptions;
} & (
  | {
      /** The new file's path as given (not resolved). */
      readonly out: string;
      readonly force: boolean;
      readonly into?: undefined;
    }
  | {
      /** An existing workbook the templates are added to, in place. */
      readonly into: string;
      readonly out?: undefined;
      readonly force?: undefined;
    }
  | {
      /** --departments-from: a CSV of departments, one new workbook each in `outDir`. */
      readonly departmentsFrom: string;
      readonly outDir: string;
      readonly force: boolean;
      readonly out?: undefined;
      readonly into?: undefined;
    }
);

export type Command =
  | GenerateCommand
  | ImportFocusCommand
  | FocusQueryCommand
  | CheckCommand
  | MaintenanceCommand
  | ConsolidateCommand
  | { readonly kind: "list" }
  | { readonly kind: "help"; readonly topic?: CommandName }
  | { readonly kind: "version" };

/** Bad flags, arguments or option values: exit code 2, with the help to read. */
export interface UsageError {
  readonly kind: "usage";
  /** One message per mistake, each a full sentence. */
  readonly problems: readonly string[];
  /** The command whose help explains the fix; undefined for the general help. */
  readonly topic?: CommandName;
}

export function isUsageError(result: Command | UsageError): result is UsageError {
  return result.kind === "usage";
}

const usage = (problems: string[], topic?: CommandName): UsageError => ({
  kind: "usage",
  problems,
  topic,
});

export const FORMULA_MODES: readonly FormulaMode[] = ["portable", "addin"];

/** The generate flags; `flag` is what the help and the error messages call each option field. */
const GENERATE_OPTIONS = {
  template: { type: "string", multiple: true },
  all: { type: "boolean" },
  sample: { type: "boolean" },
  mode: { type: "string" },
  currency: { type: "string" },
  "fiscal-start": { type: "string" },
  "first-period": { type: "string" },
  "as-at": { type: "string" },
  periods: { type: "string" },
  "team-model": { type: "string" },
  org: { type: "string" },
  department: { type: "string" },
  lead: { type: "string" },
  out: { type: "string" },
  into: { type: "string" },
  "departments-from": { type: "string" },
  "out-dir": { type: "string" },
  force: { type: "boolean" },
} as const;

/** The flag that sets each checked option field, to say which flag a problem is about. */
export const OPTION_FLAGS: Readonly<Record<keyof TemplateOptions, string>> = {
  organisation: "--org",
  currency: "--currency",
  fiscalYearStartMonth: "--fiscal-start",
  firstPeriod: "--first-period",
  asAt: "--as-at",
  periods: "--periods",
  teamModel: "--team-model",
  sampleData: "--sample",
  formulaMode: "--mode",
  department: "--department",
  departmentLead: "--lead",
  departments: "--departments-from",
};

export function parseCommand(argv: readonly string[]): Command | UsageError {
  const [first, ...rest] = argv;
  if (first === undefined) return usage(["Missing command."]);
  if (first === "--help" || first === "-h" || first === "help") return parseHelp(rest);
  if (first === "--version") {
    return rest.length === 0
      ? { kind: "version" }
      : usage([`--version takes no arguments (got ${quote(rest[0])}).`]);
  }
  if (first === "list") {
    if (wantsHelp(rest)) return { kind: "help", topic: "list" };
    return rest.length === 0
      ? { kind: "list" }
      : usage([`list takes no arguments (got ${quote(rest[0])}).`], "list");
  }
  if (first === "generate")
    return wantsHelp(rest) ? { kind: "help", topic: "generate" } : parseGenerate(rest);
  if (first === "import-focus") {
    if (wantsHelp(rest)) return { kind: "help", topic: "import-focus" };
    const parsed = parseImportFocus(rest);
    return Array.isArray(parsed) ? usage(parsed, "import-focus") : parsed;
  }
  if (first === "focus-query") {
    if (wantsHelp(rest)) return { kind: "help", topic: "focus-query" };
    const parsed = parseFocusQuery(rest);
    return Array.isArray(parsed) ? usage(parsed, "focus-query") : parsed;
  }
  if (first === "check") {
    if (wantsHelp(rest)) return { kind: "help", topic: "check" };
    const parsed = parseCheck(rest);
    return Array.isArray(parsed) ? usage(parsed, "check") : parsed;
  }
  if (MAINTENANCE.includes(first as MaintenanceKind)) {
    const kind = first as MaintenanceKind;
    if (wantsHelp(rest)) return { kind: "help", topic: kind };
    const parsed = parseMaintenance(kind, rest);
    return Array.isArray(parsed) ? usage(parsed, kind) : parsed;
  }
  if (first === "consolidate") {
    if (wantsHelp(rest)) return { kind: "help", topic: "consolidate" };
    const parsed = parseConsolidate(rest);
    return Array.isArray(parsed) ? usage(parsed, "consolidate") : parsed;
  }
  if (first.startsWith("-")) return usage([`Unknown option ${quote(first)}.`]);
  return usage([`Unknown command ${quote(first)}. Commands: ${COMMANDS.join(", ")}.`]);
}

function parseHelp(args: readonly string[]): Command | UsageError {
  if (args.length === 0) return { kind: "help" };
  const [topic, ...extra] = args;
  if (!COMMANDS.includes(topic as CommandName))
    return usage([`No help for ${quote(topic)}. Commands: ${COMMANDS.join(", ")}.`]);
  if (extra.length > 0)
    return usage([`help takes one command (got ${quote(extra[0])} too).`], "help");
  return { kind: "help", topic: topic as CommandName };
}

/** --help or -h anywhere before a "--" asks for the command's help, whatever else is wrong. */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf("--");
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

function parseGenerate(args: readonly string[]): GenerateCommand | UsageError {
  // Not strict: every token comes back, so all mistakes are reported at once in our own words.
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: GENERATE_OPTIONS,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  const problems: string[] = [];
  const seen = new Set<string>();
  let unknownOption = false;
  for (const token of tokens) {
    if (token.kind !== "option") continue;
    const known = (GENERATE_OPTIONS as Record<string, { type: string; multiple?: boolean }>)[
      token.name
    ];
    if (!known || token.rawName !== `--${token.name}`) {
      unknownOption = true;
      const hint = token.rawName.startsWith("--") ? suggest(token.name) : undefined;
      const advice = hint
        ? ` (did you mean --${hint}?)`
        : token.rawName.startsWith("--")
          ? ""
          : " (options are written in full, for example --template)";
      problems.push(`Unknown option ${quote(token.rawName)}${advice}.`);
      continue;
    }
    if (known.type === "boolean" && token.value !== undefined) {
      problems.push(`${token.rawName} takes no value (got ${quote(token.value)}).`);
    } else if (
      known.type === "string" &&
      (token.value === undefined || (!token.inlineValue && token.value.startsWith("-")))
    ) {
      problems.push(`${token.rawName} needs a value, for example ${EXAMPLES[token.name]}.`);
    }
    if (!known.multiple && seen.has(token.name))
      problems.push(`${token.rawName} is given more than once.`);
    seen.add(token.name);
  }
  if (!unknownOption && positionals.length > 0) {
    problems.push(
      `Unexpected argument ${quote(positionals[0])}; choose templates with --template <id> or --all.`
    );
  }
  if (problems.length > 0) return usage(problems, "generate");

  const text = (name: keyof typeof GENERATE_OPTIONS) => {
    const value = values[name];
    return typeof value === "string" ? value : undefined;
  };
  const ids = ((values.template ?? []) as (string | boolean)[]).filter(
    (v): v is string => typeof v === "string"
  );
  const known = TEMPLATES.map((t) => t.id);
  if (values.all && ids.length > 0) problems.push("Use either --template or --all, not both.");
  if (!values.all && ids.length === 0)
    problems.push("Choose templates with --template <id> (repeat it for more) or --all.");
  for (const id of ids.filter((id) => !known.includes(id))) {
    problems.push(
      MADE_BY_COMMAND.some((t) => t.id === id)
        ? `${quote(id)} is made from department workbooks: use the consolidate command (consolidate FILE.xlsx ... --out FILE.xlsx).`
        : `Unknown template ${quote(id)}. Known templates: ${known.join(", ")}.`
    );
  }
  const out = text("out");
  const into = text("into");
  const departmentsFrom = text("departments-from");
  const outDir = text("out-dir");
  if (departmentsFrom !== undefined) problems.push(...departmentsProblems(values));
  else if (outDir !== undefined)
    problems.push(
      "--out-dir goes with --departments-from FILE.csv; for one workbook use --out FILE.xlsx."
    );
  else
    problems.push(
      ...destinationProblems(out, into, values.force === true, "to write the workbook")
    );

  const mode = text("mode") ?? "portable";
  if (!FORMULA_MODES.includes(mode as FormulaMode))
    problems.push(`--mode must be ${FORMULA_MODES.join(" or ")} (got ${quote(mode)}).`);
  const options: TemplateOptions = {
    organisation: text("org") ?? DEFAULT_OPTIONS.organisation,
    currency: text("currency")?.trim().toUpperCase() ?? DEFAULT_OPTIONS.currency,
    fiscalYearStartMonth: integer(text("fiscal-start")) ?? DEFAULT_OPTIONS.fiscalYearStartMonth,
    firstPeriod: text("first-period")?.trim() ?? DEFAULT_OPTIONS.firstPeriod,
    periods: integer(text("periods")) ?? DEFAULT_OPTIONS.periods,
    teamModel: (text("team-model")?.trim() ?? DEFAULT_OPTIONS.teamModel) as TeamModel,
    sampleData: values.sample === true,
    formulaMode: mode as FormulaMode,
    ...(text("as-at") === undefined ? {} : { asAt: text("as-at")?.trim() }),
    ...(text("department") === undefined ? {} : { department: text("department")?.trim() }),
    ...(text("lead") === undefined ? {} : { departmentLead: text("lead")?.trim() }),
  };
  for (const [field, message] of Object.entries(checkOptions(options))) {
    problems.push(`${OPTION_FLAGS[field as keyof TemplateOptions]}: ${message}`);
  }
  if (problems.length > 0) return usage(problems, "generate");
  const templates = values.all ? known : [...new Set(ids)];
  if (departmentsFrom !== undefined)
    return {
      kind: "generate",
      templates,
      options,
      departmentsFrom,
      outDir: outDir as string,
      force: values.force === true,
    };
  return into !== undefined
    ? { kind: "generate", templates, options, into }
    : { kind: "generate", templates, options, out: out as string, force: values.force === true };
}

/** --departments-from writes one file per CSV row: flags that name one file or one department clash. */
function departmentsProblems(values: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (values["out-dir"] === undefined)
    problems.push(
      "--departments-from needs --out-dir FOLDER: the folder the department workbooks are written to."
    );
  for (const [flag, why] of [
    ["out", "each department's file is named after it in --out-dir"],
    ["into", "it writes new workbooks; add templates to one workbook with --into alone"],
    ["department", "each row of the file names its department"],
    ["lead", "give each department's lead in the file's lead column"],
  ] as const)
    if (values[flag] !== undefined)
      problems.push(`--${flag} cannot be used with --departments-from: ${why}.`);
  return problems;
}

const EXAMPLES: Record<string, string> = {
  template: "--template team-budget",
  mode: "--mode portable",
  currency: "--currency EUR",
  "fiscal-start": "--fiscal-start 4",
  "first-period": "--first-period 2026-04",
  "as-at": "--as-at 2026-06-30",
  periods: "--periods 12",
  "team-model": "--team-model central",
  org: '--org "Contoso Retail"',
  department: "--department Payments",
  lead: '--lead "Ana Lima"',
  "departments-from": "--departments-from departments.csv",
  "out-dir": "--out-dir department-workbooks",
  out: "--out finops-practice.xlsx",
  into: "--into budget.xlsx",
};

/** A whole number as typed ("4", " 12 "); NaN for anything else, so checkOptions explains the range. */
function integer(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : NaN;
}

/** The known flag a mistyped one probably meant: a prefix of it (--temp), or at most two edits away. */
function suggest(name: string): string | undefined {
  const typed = name.toLowerCase();
  if (typed.length < 3) return undefined;
  let best: { flag: string; distance: number } | undefined;
  for (const flag of Object.keys(GENERATE_OPTIONS)) {
    const distance =
      flag.startsWith(typed) || typed.startsWith(flag) ? 0 : editDistance(typed, flag);
    if (distance <= 2 && (!best || distance < best.distance)) best = { flag, distance };
  }
  return best?.flag;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j] + 1,
        current[j - 1] + 1,
        previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)
      );
    }
    previous = current;
  }
  return previous[b.length];
}

function quote(text: string): string {
  return JSON.stringify(text);
}
