import { commandArgs } from "./commandArgs";

/**
 * The commands that change a workbook file in place, as data; parsed without I/O like generate:
 * `repair FILE.xlsx`, `roll-forward FILE.xlsx --month|--quarter|--fiscal-year`,
 * `record-assessment FILE.xlsx [--date YYYY-MM-DD]`, `upgrade FILE.xlsx`,
 * `convert FILE.xlsx --to portable|addin`, each with --dry-run.
 */
export type MaintenanceCommand = {
  readonly file: string;
  readonly dryRun: boolean;
} & (
  | { readonly kind: "repair" }
  | { readonly kind: "roll-forward"; readonly by: "month" | "quarter" | "fiscal-year" }
  | { readonly kind: "record-assessment"; readonly date?: Date }
  | { readonly kind: "upgrade" }
  | { readonly kind: "convert"; readonly to: "portable" | "addin" }
);

export type MaintenanceKind = MaintenanceCommand["kind"];
export const MAINTENANCE: readonly MaintenanceKind[] = [
  "repair",
  "upgrade",
  "roll-forward",
  "record-assessment",
  "convert",
];

const OPTIONS = {
  repair: {},
  upgrade: {},
  convert: { to: { type: "string" } },
  "record-assessment": { date: { type: "string" } },
  "roll-forward": {
    month: { type: "boolean" },
    quarter: { type: "boolean" },
    "fiscal-year": { type: "boolean" },
  },
} as const;

const PURPOSE: Record<MaintenanceKind, string> = {
  repair: "to repair",
  upgrade: "to upgrade",
  convert: "to convert",
  "record-assessment": "to record the assessment in",
  "roll-forward": "to roll forward",
};

/** Problems, one sentence each, or the command. */
export function parseMaintenance(
  kind: MaintenanceKind,
  args: readonly string[]
): MaintenanceCommand | string[] {
  const parsed = commandArgs(args, { "dry-run": { type: "boolean" }, ...OPTIONS[kind] });
  if (typeof parsed === "string") return [parsed];
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (positionals.length === 0)
    problems.push(`Name the workbook ${PURPOSE[kind]}, for example practice.xlsx.`);
  else if (positionals.length > 1)
    problems.push(
      `${kind} takes one workbook (got ${positionals.map((p) => JSON.stringify(p)).join(", ")}).`
    );
  else if (!/\.xlsx$/i.test(positionals[0]))
    problems.push(`${kind} works on .xlsx workbooks (got ${JSON.stringify(positionals[0])}).`);
  const base = { file: positionals[0], dryRun: values["dry-run"] === true };
  if (kind === "record-assessment") {
    const text = (values as { date?: string }).date;
    const date = text === undefined ? undefined : isoDate(text);
    if (text !== undefined && !date)
      problems.push(`--date takes a date as YYYY-MM-DD (got ${JSON.stringify(text)}).`);
    return problems.length > 0 ? problems : { ...base, kind, ...(date ? { date } : {}) };
  }
  if (kind === "roll-forward") {
    const flags = values as Record<string, boolean | undefined>;
    const by = (["month", "quarter", "fiscal-year"] as const).filter((f) => flags[f]);
    if (by.length !== 1)
      problems.push(
        by.length === 0
          ? "Say how far to roll forward: --month, --quarter or --fiscal-year."
          : `Use one of ${by.map((b) => `--${b}`).join(", ")}, not several.`
      );
    return problems.length > 0 ? problems : { ...base, kind, by: by[0] };
  }
  if (kind === "convert") {
    const to = (values as { to?: string }).to;
    if (to !== "portable" && to !== "addin")
      problems.push(
        to === undefined
          ? "Say which formulas to use: --to portable (Excel's own) or --to addin (FINOPS functions)."
          : `--to must be portable or addin (got ${JSON.stringify(to)}).`
      );
    return problems.length > 0 ? problems : { ...base, kind, to: to as "portable" | "addin" };
  }
  return problems.length > 0 ? problems : { ...base, kind };
}

/** "2026-06-30" as that day at UTC midnight; undefined for anything else (2026-02-30 included). */
function isoDate(text: string): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text.trim() ? date : undefined;
}
