import { parseArgs } from "node:util";

/** `repair FILE.xlsx [--dry-run]` as data; parsed without I/O like generate. */
export interface MaintenanceCommand {
  readonly kind: "repair";
  readonly file: string;
  readonly dryRun: boolean;
}

/** Problems, one sentence each, or the command. */
export function parseMaintenance(
  kind: MaintenanceCommand["kind"],
  args: readonly string[]
): MaintenanceCommand | string[] {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { "dry-run": { type: "boolean" } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    return [`${(error as Error).message.split("\n")[0]}`];
  }
  const { values, positionals } = parsed;
  if (positionals.length === 0) return [`Name the workbook to ${kind}, for example practice.xlsx.`];
  if (positionals.length > 1)
    return [
      `${kind} takes one workbook (got ${positionals.map((p) => JSON.stringify(p)).join(", ")}).`,
    ];
  if (!/\.xlsx$/i.test(positionals[0]))
    return [`${kind} works on .xlsx workbooks (got ${JSON.stringify(positionals[0])}).`];
  return { kind, file: positionals[0], dryRun: values["dry-run"] === true };
}
