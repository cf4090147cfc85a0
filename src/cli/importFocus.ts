import { FocusFileError } from "../domain/focus/focusFileError";
import { issuePlace } from "../domain/focus/focusIssuePlace";
import { readAsNote } from "../domain/focus/focusReadAs";
import { FocusImport } from "../domain/focus/focusTypes";
import { describeGrouping } from "../domain/focus/warehouse/focusQuery";
import { describeChange, forPeriods } from "../workbook/costData/kpiActuals";
import { BIN, EXIT, ExitCode } from "./help";
import { ImportFocusCommand } from "./importFocusCommand";
import { CliIO } from "./io";
import { replaceFile } from "./replaceFile";
import { readWorkbookInput, WorkbookInput } from "./workbookInput";

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

  // --aggregates: the sums a warehouse computed with focus-query; the workbook is filled the same way.
  if (command.aggregates !== undefined) {
    const { file, grouping } = command.aggregates;
    io.stderr(`Reading the query result ${file}...\n`);
    const { readAggregatesResult } = await import("./focusQueryResult");
    let aggregates;
    try {
      aggregates = await readAggregatesResult(file, grouping);
    } catch (error) {
      if (error instanceof FocusFileError)
        return fail(EXIT.input, `${error.message} Nothing was written.`);
      throw error;
    }
    io.stderr(
      `Summed in the warehouse ${describeGrouping(aggregates.grouping)}: ${aggregates.rowsRead} FOCUS rows.\n`
    );
    return fillWorkbook(command, io, input, aggregates);
  }

  // Folders are planned first (export manifests, duplicates): what is read and skipped is told before reading.
  const { focusInputs, inputFiles, FocusFolderError, planLines } =
    await import("../node/focusFolder");
  let files: string[];
  try {
    const inputs = await focusInputs(command.files);
    for (const line of planLines(inputs)) io.stderr(`${line}\n`);
    files = inputFiles(inputs);
  } catch (error) {
    if (error instanceof FocusFolderError)
      return fail(EXIT.input, `${error.message} Nothing was written.`);
    throw error;
  }
  io.stderr(`Reading ${files.length} FOCUS file${files.length === 1 ? "" : "s"}...\n`);
  const { importFocusFiles } = await import("../node/importFocusFiles");
  let result;
  try {
    result = await importFocusFiles(files, {
      grouping: command.grouping,
      issueLimit: command.issueLimit,
    });
  } catch (error) {
    if (error instanceof FocusFileError)
      return fail(EXIT.input, `${error.message} Nothing was written.`);
    throw error;
  }
  return fillWorkbook(command, io, input, result);
}

/** Fills the workbook with an import's result: the Cost data sheet, and the KPI cells asked for. */
async function fillWorkbook(
  command: ImportFocusCommand,
  io: CliIO,
  input: Extract<WorkbookInput, { ok: true }>,
  result: FocusImport
): Promise<ExitCode> {
  const fail = (code: ExitCode, message: string) => {
    io.stderr(`${BIN}: ${message}\n`);
    return code;
  };
  const readAs = readAsNote(result.versions);
  if (readAs) io.stderr(`${readAs}\n`);
  for (const issue of result.issues.slice(0, ISSUES_SHOWN))
    io.stderr(`${issue.severity}: ${issuePlace(issue)}: ${issue.message}\n`);
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
