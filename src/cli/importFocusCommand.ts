import { commandArgs } from "./commandArgs";
import { FocusGrouping } from "../domain/focus/focusTypes";
import { groupByProblem, parseGroupBy } from "./groupByOption";

/** `import-focus FILE.csv|FOLDER [...] --into WORKBOOK.xlsx [options]` as data; parsed without I/O like generate. */
export interface ImportFocusCommand {
  readonly kind: "import-focus";
  readonly files: readonly string[];
  readonly into: string;
  readonly grouping: FocusGrouping;
  /** The months whose KPI actuals to write; undefined: none (the changes are only shown). */
  readonly periods?: readonly string[] | "all";
  readonly issueLimit: number;
  /**
   * --aggregates: a focus-query result (CSV) instead of FOCUS files; its header says the grouping,
   * `grouping` here is what --group-by asked (required for a tag: the header cannot name the key).
   */
  readonly aggregates?: { readonly file: string; readonly grouping?: FocusGrouping };
}

const OPTIONS = {
  into: { type: "string" },
  "group-by": { type: "string" },
  periods: { type: "string" },
  "all-periods": { type: "boolean" },
  "issue-limit": { type: "string" },
  aggregates: { type: "string" },
} as const;

/** Problems, one sentence each, or the command. */
export function parseImportFocus(args: readonly string[]): ImportFocusCommand | string[] {
  const parsed = commandArgs(args, OPTIONS);
  if (typeof parsed === "string") return [parsed];
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (values.aggregates !== undefined && positionals.length > 0)
    problems.push(
      `--aggregates reads a query result instead of FOCUS files: name either, not both (got ${JSON.stringify(positionals[0])} too).`
    );
  else if (positionals.length === 0 && values.aggregates === undefined)
    problems.push(
      "Name at least one FOCUS file (.csv, .csv.gz or .parquet) or a folder of them (a cloud export)."
    );
  const into = values.into;
  if (into === undefined) problems.push("Say which workbook to fill with --into WORKBOOK.xlsx.");
  else if (!/\.xlsx$/i.test(into))
    problems.push(`--into must name an .xlsx file (got ${JSON.stringify(into)}).`);
  const groupBy = values["group-by"] ?? "month";
  const grouping = parseGroupBy(groupBy);
  if (!grouping) problems.push(groupByProblem(groupBy));
  if (values.periods !== undefined && values["all-periods"])
    problems.push("Use either --periods or --all-periods, not both.");
  const periods = values.periods?.split(",").map((p) => p.trim());
  for (const p of periods ?? [])
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(p))
      problems.push(
        `--periods takes months as YYYY-MM separated by commas (got ${JSON.stringify(p)}).`
      );
  const limit = values["issue-limit"] ?? "100";
  if (!/^\d+$/.test(limit))
    problems.push(`--issue-limit must be a whole number (got ${JSON.stringify(limit)}).`);
  if (problems.length > 0 || into === undefined || !grouping) return problems;
  return {
    kind: "import-focus",
    files: positionals,
    into,
    grouping,
    periods: values["all-periods"] ? "all" : periods,
    issueLimit: Number(limit),
    ...(values.aggregates === undefined
      ? {}
      : {
          aggregates: {
            file: values.aggregates,
            ...(values["group-by"] === undefined ? {} : { grouping }),
          },
        }),
  };
}
