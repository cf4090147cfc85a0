import { constants, promises as fs, Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join, resolve } from "node:path";
import { version } from "../../package.json";
import { OptionsError, planTemplates } from "../workbook/generate";
import { withReportingDate } from "../workbook/options";
import type { XlsxReport } from "../xlsx";
import { GenerateCommand, isUsageError, parseCommand } from "./command";
import { BIN, EXIT, ExitCode, helpText, listText } from "./help";
import { check } from "./check";
import { importFocus } from "./importFocus";
import { maintain } from "./maintain";
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
      case "check":
        return await check(command, io);
      case "repair":
      case "upgrade":
      case "convert":
      case "roll-forward":
      case "record-assessment":
        return await maintain(command, io);
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
  const started = io.now().getTime();
  const out = resolve(command.out);
  const force = command.force === true;
  const refused = await checkTarget(out, force, io.canWrite ?? fileSystemCanWrite);
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

  // Written next to the target and renamed into place: a failed write leaves no half file and, with
  // --force, the old file as it was.
  io.stderr(`Writing ${basename(out)}...\n`);
  const write = io.writeFile ?? (await import("../xlsx")).writeXlsxFile;
  const partial = join(
    dirname(out),
    `.${basename(out)}.${randomBytes(4).toString("hex")}.partial.xlsx`
  );
  let report: XlsxReport;
  try {
    report = await write(practice.plan, partial, io.now());
    if (!force && (await statOrUndefined(out))) {
      await fs.rm(partial, { force: true });
      io.stderr(`${BIN}: ${existsMessage(out)}\n`);
      return EXIT.exists;
    }
    await fs.rename(partial, out);
  } catch (error) {
    await fs.rm(partial, { force: true }).catch(() => undefined);
    const reason = cannotWriteReason(error, out);
    if (reason === undefined) throw error;
    io.stderr(`${BIN}: ${reason}\n`);
    return EXIT.cannotWrite;
  }

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

function existsMessage(out: string): string {
  return `${out} already exists. Add --force to overwrite it, or choose another --out.`;
}

/** Why the output cannot be written, checked before any work: exit 3 for an existing file, else 4. */
async function checkTarget(
  out: string,
  force: boolean,
  canWrite: (path: string) => Promise<boolean>
): Promise<{ code: ExitCode; message: string } | undefined> {
  const folder = dirname(out);
  const cannot = (message: string) => ({ code: EXIT.cannotWrite, message });
  try {
    const target = await statOrUndefined(out);
    if (target?.isDirectory())
      return cannot(
        `${out} is a folder; give a file name, for example ${join(out, "finops-practice.xlsx")}.`
      );
    if (target && !force) return { code: EXIT.exists, message: existsMessage(out) };
    const parent = await statOrUndefined(folder);
    if (!parent)
      return cannot(
        `The folder ${folder} does not exist. Create it first, or choose another --out.`
      );
    if (!parent.isDirectory()) return cannot(`${folder} is not a folder.`);
    if (!(await canWrite(folder))) return cannot(`No permission to write in the folder ${folder}.`);
    if (target && !(await canWrite(out)))
      return cannot(
        `${out} is read-only; make it writable to overwrite it, or choose another --out.`
      );
    return undefined;
  } catch (error) {
    const reason = cannotWriteReason(error, out);
    if (reason === undefined) throw error;
    return cannot(reason);
  }
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

async function fileSystemCanWrite(path: string): Promise<boolean> {
  try {
    await fs.access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** File system errors in plain words; undefined for anything that is not about writing the file. */
function cannotWriteReason(error: unknown, out: string): string | undefined {
  const code = errorCode(error);
  const folder = dirname(out);
  switch (code) {
    case "ENOENT":
      return `Cannot write ${out}: the folder ${folder} does not exist.`;
    case "ENOTDIR":
      return `Cannot write ${out}: part of the path is not a folder.`;
    case "EACCES":
    case "EPERM":
      return `Cannot write ${out}: permission denied (if the file is open in Excel, close it and try again).`;
    case "EBUSY":
      return `Cannot write ${out}: the file is in use (if it is open in Excel, close it and try again).`;
    case "EISDIR":
      return `Cannot write ${out}: it is a folder.`;
    case "EROFS":
      return `Cannot write ${out}: the file system is read-only.`;
    case "ENOSPC":
    case "EDQUOT":
      return `Cannot write ${out}: not enough disk space.`;
    case "ENAMETOOLONG":
      return `Cannot write ${out}: the path is too long.`;
    case "EINVAL":
      return `Cannot write ${out}: the name is not a valid file name here.`;
    default:
      return undefined;
  }
}

/** The system error code (ENOENT, EACCES, ...) of a Node file system error, if it is one. */
function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null | undefined)?.code;
  return typeof code === "string" ? code : undefined;
}
