import { commandArgs } from "./commandArgs";

/** `check FILE.xlsx [--json]` as data; parsed without I/O like generate. */
export interface CheckCommand {
  readonly kind: "check";
  readonly file: string;
  readonly json: boolean;
}

/** Problems, one sentence each, or the command. */
export function parseCheck(args: readonly string[]): CheckCommand | string[] {
  const parsed = commandArgs(args, { json: { type: "boolean" } });
  if (typeof parsed === "string") return [parsed];
  const { values, positionals } = parsed;
  if (positionals.length === 0) return ["Name the workbook to check, for example practice.xlsx."];
  if (positionals.length > 1)
    return [
      `check takes one workbook (got ${positionals.map((p) => JSON.stringify(p)).join(", ")}).`,
    ];
  if (!/\.xlsx$/i.test(positionals[0]))
    return [`check works on .xlsx workbooks (got ${JSON.stringify(positionals[0])}).`];
  return { kind: "check", file: positionals[0], json: values.json === true };
}
