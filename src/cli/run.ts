import { basename, resolve } from "node:path";
import { version } from "../../package.json";
import { OptionsError, planTemplates } from "../workbook/generate";
import { withReportingDate } from "../workbook/options";
import { GenerateCommand, isUsageError, parseCommand } from "./command";
import { BIN, EXIT, ExitCode, helpText, listText } from "./help";
import { check } from "./check";
import { consolidate } from "./consolidate";
import { importFocus } from "./importFocus";
import { focusQuery } from "./focusQuery";
import { generateDepartments } from "./generateDepartments";
import { maintain } from "./maintain";
import { checkTarget, fileSystemCanWrite, isNotWritten, writeNewFile } from "./newFile";
import { CliIO } from "./io";
import { replaceFile } from "./replaceFile";
import { readWorkbookInput } from "./workbookInput";

export type { CliIO };

/** A new file holds no sheets, tables or names, so every template gets its own names. */
const NEW_FILE = { sheets: [], tablesAndNames: [] };

/** Runs one command line and returns its exit code; never throws (an unexpected failure is exit 1). */
export async function run(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  try {
    const command = parseCommand(argv);
    if (isUsageError(command)) {
      for (const problem of command.problems) io.stderr(`${BIN}: ${problem}\n`);
      io.stderr(`Run "${BIN} help${command.topic ? ` ${command.topic}` : ""}" for usage.\n`);
      return EXIT.usage;
    }
    switch (command.kind) {
      case "help":
        io.stdout(helpText(command.topic));
        return EXIT.ok;
      case "version":
        io.stdout(`${version}\n`);
        return EXIT.ok;
      case "list":
        io.stdout(listText());
        return EXIT.ok;
      case "generate":
        return await generate(command, io);
      case "import-focus":
        return await importFocus(command, io);
      case "focus-query":
        return focusQuery(command, io);
      case "check":
        return await check(command, io);
      case "repair":
      case "upgrade":
      case "convert":
      case "roll-forward":
      case "record-assessment":
        return await maintain(command, io);
      case "consolidate":
        return await consolidate(command, io);
    }
  } catch (error) {
    io.stderr(
      `${BIN}: unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`
    );
    if (error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    io.stderr("This is a bug; please report it with the command you ran.\n");
    return EXIT.failure;
  }
}

async function generate(command: GenerateCommand, io: CliIO): Promise<ExitCode> {
  if (command.into !== undefined) return generateInto({ ...command, into: command.into }, io);
  if (command.out === undefined) return generateDepartments(command, io);
  const started = io.now().getTime();
  const out = resolve(command.out);
  const refused = await checkTarget(out, command.force, io.canWrite ?? fileSystemCanWrite);
  if (refused) {
    io.stderr(`${BIN}: ${refused.message}\n`);
    return refused.code;
  }

  const count = command.templates.length;
  io.stderr(`Planning ${count} template${count === 1 ? "" : "s"}...\n`);
  let practice: ReturnType<typeof planTemplates>;
  try {
    const options = withReportingDate(command.options, io.now());
    practice = planTemplates(command.templates, options, NEW_FILE);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    for (const problem of error.problems) io.stderr(`${BIN}: ${problem}\n`);
    io.stderr(`Run "${BIN} help generate" for usage.\n`);
    return EXIT.usage;
  }
  if (practice.addedForLinks.length > 0) {
    io.stderr(
      `Note: also added ${practice.addedForLinks.join(", ")}, which the chosen templates link to.\n`
    );
  }

  io.stderr(`Writing ${basename(out)}...\n`);
  const written = await writeNewFile(practice.plan, out, command.force, io);
  if (isNotWritten(written)) {
    io.stderr(`${BIN}: ${written.message}\n`);
    return written.code;
  }
  const { report } = written;

  for (const item of report.notWritten) io.stderr(`Note: not written to the file: ${item}\n`);
  const seconds = (io.now().getTime() - started) / 1000;
  const sheets = report.sheets.length;
  io.stderr(
    `Done: ${sheets} sheet${sheets === 1 ? "" : "s"}, ${count_(report.cells)} cells ` +
      `(${count_(report.formulas)} formulas), ${report.charts} chart${report.charts === 1 ? "" : "s"} ` +
      `in ${seconds.toFixed(1)} s\n`
  );
  io.stdout(`Wrote ${out}\nSheets: ${report.sheets.join(", ")}\n`);
  return EXIT.ok;
}

/**
 * generate --into: the templates added to a workbook someone already has, in place, as the add-in's
 * Create adds them to the open workbook; replaced all or nothing.
 */
async function generateInto(
  command: GenerateCommand & { readonly into: string },
  io: CliIO
): Promise<ExitCode> {
  const input = await readWorkbookInput(command.into, BIN, "optional");
  if (!input.ok) {
    io.stderr(`${BIN}: ${input.message} Nothing was written.\n`);
    return EXIT.input;
  }
  const count = command.templates.length;
  io.stderr(`Planning ${count} template${count === 1 ? "" : "s"}...\n`);
  const { generateIntoFile } = await import("../xlsx/maintain/generateIntoFile");
  let done: Awaited<ReturnType<typeof generateIntoFile>>;
  try {
    const options = withReportingDate(command.options, io.now());
    done = await generateIntoFile(input.file, input.bytes, command.templates, options, io.now());
  } catch (error) {
    if (error instanceof OptionsError) {
      for (const problem of error.problems) io.stderr(`${BIN}: ${problem}\n`);
      io.stderr(`Run "${BIN} help generate" for usage.\n`);
      return EXIT.usage;
    }
    const { PackageConflict } = await import("../xlsx/edit/packageConflict");
    if (!(error instanceof PackageConflict)) throw error;
    io.stderr(`${BIN}: ${command.into}: ${error.message} Nothing was written.\n`);
    return EXIT.input;
  }
  const { practice } = done;
  if (practice.addedForLinks.length > 0)
    io.stderr(
      `Note: also added ${practice.addedForLinks.join(", ")}, which the chosen templates link to.\n`
    );
  if (practice.linkedTo.length > 0)
    io.stderr(`Note: linked to ${practice.linkedTo.join(", ")}, already in the workbook.\n`);
  for (const r of practice.renamed)
    io.stderr(`Note: the ${r.kind} "${r.wanted}" is taken; this one is "${r.chosen}".\n`);
  try {
    await replaceFile(input.path, done.bytes);
  } catch (error) {
    io.stderr(
      `${BIN}: Cannot write ${command.into}: ${(error as Error).message} (if it is open in Excel, close it and try again). It is unchanged.\n`
    );
    return EXIT.cannotWrite;
  }
  io.stdout(
    `Added to ${command.into}\nSheets: ${practice.plan.sheets.map((s) => s.name).join(", ")}\n`
  );
  return EXIT.ok;
}

function count_(n: number): string {
  return n.toLocaleString("en-US");
}
