import { commandArgs } from "./commandArgs";
import { FocusGrouping } from "../domain/focus/focusTypes";
import {
  focusQueryProblems,
  QUERY_DIALECTS,
  QueryDialect,
} from "../domain/focus/warehouse/focusQuery";
import { groupByProblem, parseGroupBy } from "./groupByOption";

/** `focus-query --dialect D [--group-by G] [--from TABLE] [--tags FORMAT]` as data, parsed without I/O. */
export interface FocusQueryCommand {
  readonly kind: "focus-query";
  readonly dialect: QueryDialect;
  readonly grouping: FocusGrouping;
  readonly from?: string;
  readonly tags?: string;
}

const OPTIONS = {
  dialect: { type: "string" },
  "group-by": { type: "string" },
  from: { type: "string" },
  tags: { type: "string" },
} as const;

/** Problems, one sentence each, or the command. */
export function parseFocusQuery(args: readonly string[]): FocusQueryCommand | string[] {
  const parsed = commandArgs(args, OPTIONS);
  if (typeof parsed === "string") return [parsed];
  const { values, positionals } = parsed;
  const problems: string[] = [];
  if (positionals.length > 0)
    problems.push(`focus-query takes no file (got ${JSON.stringify(positionals[0])}).`);
  const dialect = values.dialect as QueryDialect | undefined;
  if (dialect === undefined)
    problems.push(`Say which engine the query is for with --dialect ${QUERY_DIALECTS.join("|")}.`);
  else if (!QUERY_DIALECTS.includes(dialect))
    problems.push(
      `--dialect must be ${QUERY_DIALECTS.join(", ")} (got ${JSON.stringify(dialect)}).`
    );
  const groupBy = values["group-by"] ?? "month";
  const grouping = parseGroupBy(groupBy);
  if (!grouping) problems.push(groupByProblem(groupBy));
  if (problems.length > 0 || dialect === undefined || !grouping) return problems;
  const command: FocusQueryCommand = {
    kind: "focus-query",
    dialect,
    grouping,
    ...(values.from === undefined ? {} : { from: values.from }),
    ...(values.tags === undefined ? {} : { tags: values.tags }),
  };
  const invalid = focusQueryProblems(command);
  return invalid.length > 0 ? invalid : command;
}
