import { FocusFileError } from "../domain/focus/focusFileError";
import { readAsNote } from "../domain/focus/focusReadAs";
import { describeChange, forPeriods } from "../workbook/costData/kpiActuals";
import { BIN, EXIT, ExitCode } from "./help";
import { ImportFocusCommand } from "./importFocusCommand";
import { CliIO } from "./io";
import { replaceFile } from "./replaceFile";
import { readWorkbookInput } from "./workbookInput";

/** Issues printed on stderr; the rest are counted (the Cost data sheet's notes give the total). */
const ISSUES_SHOWN = 10;

/**
 * import-focus: reads the FOCUS files, then fills the workbook file as the add-in fills the open
 * workbook, in place (src/xlsx/costData.ts: every part it does not own stays as it was). The file
 * is replaced all or nothing (replaceFile), so a failure at any point leaves it as it was. KPI cells are written only for the periods given; without
 * --periods or --all-periods their old and new values are printed and nothing of the tracker changes.
 */
export async function importFocus(command: ImportFocusCommand, io: CliIO): Promise<ExitCode> {
  const fail = (code: ExitCode, message: string) => {
    io.stderr(`${BIN}: ${message}\n`);
    return code;
  };
  const input = await readWorkbookInput(command.into, BIN, "optional");
  if (!input.ok) return fail(EXIT.input, `${input.message} Nothing was written.`);

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

  const { planFileImport, importIntoFile } = await import("../xlsx/costData");
  const plan = planFileImport(input.file, result, io.now());
  const written = forPeriods(plan.kpi, command.periods ?? []);
  const unknown = Array.isArray(command.periods)
    ? command.periods.filter((p) => !plan.kpi.available.includes(p))
    : [];
  if (unknown.length > 0)
    return fail(
      EXIT.usage,
      `--periods: no KPI actuals to write for ${unknown.join(", ")} (available: ${plan.kpi.available.join(", ") || "none"}). Nothing was written.`
    );

  let bytes: Uint8Array;
  try {
    bytes = await importIntoFile(input.bytes, plan, written);
  } catch (error) {
    const { PackageConflict } = await import("../xlsx/edit/packageConflict");
    if (!(error instanceof PackageConflict)) throw error;
    return fail(EXIT.input, `${command.into}: ${error.message} Nothing was written.`);
  }
  try {
    await replaceFile(input.path, bytes);
  } catch (error) {
    return fail(
      EXIT.cannotWrite,
      `Cannot write ${command.into}: ${(error as Error).message} (if it is open in Excel, close it and try again). It is unchanged.`
    );
  }

  for (const note of plan.kpi.notes) io.stderr(`Note: ${note}\n`);
  io.stdout(
    `Wrote ${command.into}\nCost data: "${plan.planned.name}"${plan.replaced ? ` (replaces the earlier import's "${plan.replaced}")` : ""}, ${result.aggregates.length} rows\n`
  );
  if (command.periods === undefined) {
    if (plan.kpi.changes.length > 0)
      io.stdout(
        `KPI actuals not written (choose with --periods ${plan.kpi.available.join(",")} or --all-periods):\n` +
          plan.kpi.changes.map((c) => `  ${describeChange(c)}\n`).join("")
      );
  } else {
    io.stdout(
      `KPI actuals written: ${written.length}\n` +
        written.map((c) => `  ${describeChange(c)}\n`).join("")
    );
  }
  return EXIT.ok;
}
