import { Buffer } from "node:buffer";
import { promises as fs } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { FocusFileError } from "../domain/focus/focusFileError";
import { readAsNote } from "../domain/focus/focusReadAs";
import { describeChange } from "../workbook/costData/kpiActuals";
import { BIN, EXIT, ExitCode } from "./help";
import { ImportFocusCommand } from "./importFocusCommand";
import { CliIO } from "./io";
import { unusableWorkbook } from "./workbookFile";

/** Issues printed on stderr; the rest are counted (the Cost data sheet's notes give the total). */
const ISSUES_SHOWN = 10;

/**
 * import-focus: reads the FOCUS files, then fills the workbook file as the add-in fills the open
 * workbook. The workbook is written to a temporary file next to it and renamed into place, so a
 * failure at any point leaves it as it was. KPI cells are written only for the periods given; without
 * --periods or --all-periods their old and new values are printed and nothing of the tracker changes.
 */
export async function importFocus(command: ImportFocusCommand, io: CliIO): Promise<ExitCode> {
  const into = resolve(command.into);
  const fail = (code: ExitCode, message: string) => {
    io.stderr(`${BIN}: ${message}\n`);
    return code;
  };
  let file: Buffer;
  try {
    file = await fs.readFile(into);
  } catch {
    return fail(EXIT.input, `Cannot read ${command.into}: generate it first ("${BIN} generate").`);
  }
  const siblings = await fs.readdir(dirname(into)).catch(() => [] as string[]);
  const unusable = unusableWorkbook(command.into, file, siblings);
  if (unusable) return fail(EXIT.input, `${unusable} Nothing was written.`);

  io.stderr(
    `Reading ${command.files.length} FOCUS file${command.files.length === 1 ? "" : "s"}...\n`
  );
  const { importFocusFiles } = await import("../node/importFocusFiles");
  let result;
  try {
    result = await importFocusFiles(command.files, {
      grouping: command.grouping,
      issueLimit: command.issueLimit,
    });
  } catch (error) {
    if (error instanceof FocusFileError)
      return fail(EXIT.input, `${error.message} Nothing was written.`);
    throw error;
  }
  const readAs = readAsNote(result.versions);
  if (readAs) io.stderr(`${readAs}\n`);
  for (const issue of result.issues.slice(0, ISSUES_SHOWN))
    io.stderr(
      `${issue.severity}: ${issue.file}${issue.line ? `, line ${issue.line}` : ""}${issue.column ? `, ${issue.column}` : ""}: ${issue.message}\n`
    );
  if (result.issueCount > ISSUES_SHOWN)
    io.stderr(`... ${result.issueCount - ISSUES_SHOWN} more issues.\n`);
  if (result.aggregates.length === 0)
    return fail(EXIT.input, "The files hold no rows that could be imported. Nothing was written.");

  const { importIntoWorkbook, importedBytes, WorkbookNotWritable } =
    await import("../xlsx/costData");
  let filled;
  try {
    filled = await importIntoWorkbook(file, result, command.periods ?? [], io.now());
  } catch (error) {
    if (error instanceof WorkbookNotWritable) return fail(EXIT.input, error.message);
    // A zip that is not a workbook, or a broken one.
    if (error instanceof Error && /zip|central directory|end of data/i.test(error.message))
      return fail(EXIT.input, `${command.into} is not an .xlsx workbook.`);
    throw error;
  }
  const unknown = Array.isArray(command.periods)
    ? command.periods.filter((p) => !filled.kpi.available.includes(p))
    : [];
  if (unknown.length > 0)
    return fail(
      EXIT.usage,
      `--periods: no KPI actuals to write for ${unknown.join(", ")} (available: ${filled.kpi.available.join(", ") || "none"}). Nothing was written.`
    );

  const partial = join(
    dirname(into),
    `.${basename(into)}.${randomBytes(4).toString("hex")}.partial.xlsx`
  );
  try {
    await fs.writeFile(partial, await importedBytes(file, filled.workbook));
    await fs.rename(partial, into);
  } catch (error) {
    await fs.rm(partial, { force: true }).catch(() => undefined);
    return fail(
      EXIT.cannotWrite,
      `Cannot write ${command.into}: ${(error as Error).message} (if it is open in Excel, close it and try again). It is unchanged.`
    );
  }

  for (const note of filled.kpi.notes) io.stderr(`Note: ${note}\n`);
  io.stdout(
    `Wrote ${command.into}\nCost data: "${filled.costDataSheet}"${filled.replaced ? ` (replaces the earlier import's "${filled.replaced}")` : ""}, ${result.aggregates.length} rows\n`
  );
  if (command.periods === undefined) {
    if (filled.kpi.changes.length > 0)
      io.stdout(
        `KPI actuals not written (choose with --periods ${filled.kpi.available.join(",")} or --all-periods):\n` +
          filled.kpi.changes.map((c) => `  ${describeChange(c)}\n`).join("")
      );
  } else {
    io.stdout(
      `KPI actuals written: ${filled.written.length}\n` +
        filled.written.map((c) => `  ${describeChange(c)}\n`).join("")
    );
  }
  return EXIT.ok;
}
