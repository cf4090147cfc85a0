import { promises as fs } from "node:fs";
import { basename, join, resolve } from "node:path";
import { OptionsError, planTemplates } from "../workbook/generate";
import { withReportingDate } from "../workbook/options";
import { GenerateCommand } from "./command";
import { readDepartments } from "./departmentsCsv";
import { BIN, EXIT, ExitCode } from "./help";
import { CliIO } from "./io";
import {
  cannotWriteReason,
  fileSystemCanWrite,
  isNotWritten,
  statOrUndefined,
  writeNewFile,
} from "./newFile";

type DepartmentsCommand = Extract<GenerateCommand, { readonly departmentsFrom: string }>;

/** A new file holds no sheets, tables or names, so every template gets its own names. */
const NEW_FILE = { sheets: [], tablesAndNames: [] };

/**
 * generate --departments-from: one workbook per department of the CSV, in --out-dir. Everything that
 * can be known before writing is checked first (every row, the file names, files already there), so
 * a mistake anywhere leaves the folder as it was.
 */
export async function generateDepartments(
  command: DepartmentsCommand,
  io: CliIO
): Promise<ExitCode> {
  const csv = command.departmentsFrom;
  const text = await readText(csv);
  if (typeof text !== "string") {
    io.stderr(`${BIN}: Cannot read ${csv}: ${text.reason} Nothing was written.\n`);
    return EXIT.input;
  }
  const read = readDepartments(text, command.options);
  if (!read.ok) {
    for (const problem of read.problems) io.stderr(`${BIN}: ${csv} ${problem}\n`);
    if (read.kind === "fileNames") {
      io.stderr(`Run "${BIN} help generate" for usage.\n`);
      return EXIT.usage;
    }
    io.stderr(`Nothing was written: correct ${csv} and run the command again.\n`);
    return EXIT.input;
  }

  const folder = resolve(command.outDir);
  const targets = read.entries.map((entry) => ({ entry, path: join(folder, entry.fileName) }));
  const refused = await checkFolder(
    folder,
    targets.map((t) => t.path),
    command.force,
    io.canWrite ?? fileSystemCanWrite
  );
  if (refused) {
    io.stderr(`${BIN}: ${refused.message} Nothing was written.\n`);
    return refused.code;
  }

  try {
    await fs.mkdir(folder, { recursive: true });
  } catch (error) {
    io.stderr(
      `${BIN}: ${cannotWriteReason(error, folder) ?? String(error)} Nothing was written.\n`
    );
    return EXIT.cannotWrite;
  }
  const count = command.templates.length;
  io.stderr(
    `Writing ${targets.length} department workbook${targets.length === 1 ? "" : "s"} of ${count} template${count === 1 ? "" : "s"} each...\n`
  );
  let done = 0;
  for (const { entry, path } of targets) {
    let plan;
    try {
      plan = planTemplates(
        command.templates,
        withReportingDate(entry.options, io.now()),
        NEW_FILE
      ).plan;
    } catch (error) {
      if (!(error instanceof OptionsError)) throw error;
      for (const problem of error.problems)
        io.stderr(`${BIN}: ${csv} line ${entry.line}: ${problem}\n`);
      return stopped(io, done, targets.length, EXIT.input);
    }
    const written = await writeNewFile(plan, path, command.force, io);
    if (isNotWritten(written)) {
      io.stderr(`${BIN}: ${written.message}\n`);
      return stopped(io, done, targets.length, written.code);
    }
    done += 1;
    io.stdout(`Wrote ${path} (${entry.options.department})\n`);
  }
  return EXIT.ok;
}

/** A failure after some files were written: which ones stand, so the user knows what to redo. */
function stopped(io: CliIO, done: number, total: number, code: ExitCode): ExitCode {
  io.stderr(
    done === 0
      ? "Nothing was written.\n"
      : `Stopped after ${done} of ${total} workbooks; those listed above were written, the rest were not.\n`
  );
  return code;
}

/** The CSV's text: UTF-8 (a BOM is read past later), else Windows-1252, as older Excel saves CSV. */
async function readText(path: string): Promise<string | { reason: string }> {
  try {
    const bytes = await fs.readFile(path);
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return new TextDecoder("windows-1252").decode(bytes);
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENOENT") return { reason: "there is no such file; check the path." };
    if (code === "EISDIR") return { reason: "it is a folder; give the CSV file of departments." };
    if (code === "EACCES" || code === "EPERM") return { reason: "permission denied." };
    throw error;
  }
}

/** Exit 4 when the folder cannot take the files, exit 3 when any of them is already there. */
async function checkFolder(
  folder: string,
  paths: readonly string[],
  force: boolean,
  canWrite: (path: string) => Promise<boolean>
): Promise<{ code: ExitCode; message: string } | undefined> {
  const cannot = (message: string) => ({ code: EXIT.cannotWrite, message });
  const stat = await statOrUndefined(folder);
  if (stat && !stat.isDirectory())
    return cannot(`${folder} is a file; --out-dir names the folder the workbooks go to.`);
  if (!stat) return undefined;
  if (!(await canWrite(folder))) return cannot(`No permission to write in the folder ${folder}.`);
  const existing: string[] = [];
  for (const path of paths) {
    const target = await statOrUndefined(path);
    if (target?.isDirectory())
      return cannot(`${path} is a folder; rename it or choose another --out-dir.`);
    if (target) existing.push(path);
  }
  if (existing.length === 0 || force) return undefined;
  const names = existing.map((path) => `\n  ${basename(path)}`).join("");
  return {
    code: EXIT.exists,
    message: `In ${folder}, ${existing.length === 1 ? "this file already exists" : "these files already exist"}:${names}\nAdd --force to overwrite them, or choose another --out-dir.`,
  };
}
