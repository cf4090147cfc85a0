import { basename } from "node:path";
import { commandArgs } from "./commandArgs";
import { isCurrencyCode, isIsoDate } from "../workbook/options";
import { destinationProblems } from "./destinationFlags";

/**
 * `consolidate FILE.xlsx ... (--out NEW.xlsx [--force] | --into FILE.xlsx) [options]` as data;
 * parsed without I/O like generate.
 */
export type ConsolidateCommand = {
  readonly kind: "consolidate";
  /** The department workbooks, as given. */
  readonly files: readonly string[];
  /** Consolidate the usable files and list the others, instead of writing nothing. */
  readonly skipBad: boolean;
  /** The file names (no folders) that settle a department delivered twice. */
  readonly use: readonly string[];
  readonly organisation?: string;
  readonly currency?: string;
  /** "YYYY-MM-DD": the consolidation's date; undefined for today. */
  readonly date?: string;
  readonly dryRun: boolean;
} & (
  | { readonly out: string; readonly force: boolean; readonly into?: undefined }
  | { readonly into: string; readonly out?: undefined; readonly force?: undefined }
);

const OPTIONS = {
  out: { type: "string" },
  into: { type: "string" },
  force: { type: "boolean" },
  "skip-bad": { type: "boolean" },
  use: { type: "string", multiple: true },
  org: { type: "string" },
  currency: { type: "string" },
  date: { type: "string" },
  "dry-run": { type: "boolean" },
} as const;

const quote = (text: string) => JSON.stringify(text);

/** Problems, one sentence each, or the command. */
export function parseConsolidate(args: readonly string[]): ConsolidateCommand | string[] {
  const parsed = commandArgs(args, OPTIONS);
  if (typeof parsed === "string") return [parsed];
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (positionals.length === 0)
    problems.push("Name the department workbooks to consolidate, for example sales.xlsx hr.xlsx.");
  for (const file of positionals.filter((f) => !/\.xlsx$/i.test(f)))
    problems.push(`consolidate reads .xlsx workbooks (got ${quote(file)}).`);
  const { out, into } = values;
  problems.push(...destinationProblems(out, into, values.force, "the roll-up goes"));
  const given = new Set(positionals.map((f) => basename(f).toLowerCase()));
  const use = (values.use ?? []).map((f) => basename(f));
  for (const file of use.filter((f) => !given.has(f.toLowerCase())))
    problems.push(`--use ${quote(file)} is not one of the files to consolidate.`);
  const organisation = values.org?.trim();
  if (organisation !== undefined && (organisation === "" || organisation.length > 80))
    problems.push("--org: give the organisation's name, at most 80 characters.");
  const currency = values.currency?.trim().toUpperCase();
  if (currency !== undefined && !isCurrencyCode(currency))
    problems.push(
      `--currency: ${quote(values.currency ?? "")} is not an ISO 4217 currency code (for example USD, EUR, GBP).`
    );
  const date = values.date?.trim();
  if (date !== undefined && !isIsoDate(date))
    problems.push(`--date takes a date as YYYY-MM-DD (got ${quote(values.date ?? "")}).`);
  if (problems.length > 0) return problems;
  const common = {
    kind: "consolidate" as const,
    files: positionals,
    skipBad: values["skip-bad"] === true,
    use,
    dryRun: values["dry-run"] === true,
    ...(organisation === undefined ? {} : { organisation }),
    ...(currency === undefined ? {} : { currency }),
    ...(date === undefined ? {} : { date }),
  };
  return into !== undefined
    ? { ...common, into }
    : { ...common, out: out as string, force: values.force === true };
}
