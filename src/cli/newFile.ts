import { constants, promises as fs, Stats } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";
import type { RenderPlan } from "../workbook/plan";
import type { XlsxReport } from "../xlsx";
import { EXIT, ExitCode } from "./help";
import { CliIO } from "./io";

/** Writing a new workbook file: the checks before any work, and the write that leaves no half file. */

/** Why a new file was not written, with its exit code (3 it exists, 4 cannot be written). */
export interface NotWritten {
  readonly code: ExitCode;
  readonly message: string;
}

/**
 * Writes the plan next to the target and renames it into place: a failed write leaves no half file
 * and, with `force`, the old file as it was.
 */
export async function writeNewFile(
  plan: RenderPlan,
  out: string,
  force: boolean,
  io: CliIO
): Promise<{ readonly report: XlsxReport } | NotWritten> {
  const write = io.writeFile ?? (await import("../xlsx")).writeXlsxFile;
  const partial = join(
    dirname(out),
    `.${basename(out)}.${randomBytes(4).toString("hex")}.partial.xlsx`
  );
  try {
    const report = await write(plan, partial, io.now());
    if (!force && (await statOrUndefined(out))) {
      await fs.rm(partial, { force: true });
      return { code: EXIT.exists, message: existsMessage(out) };
    }
    await fs.rename(partial, out);
    return { report };
  } catch (error) {
    await fs.rm(partial, { force: true }).catch(() => undefined);
    const reason = cannotWriteReason(error, out);
    if (reason === undefined) throw error;
    return { code: EXIT.cannotWrite, message: reason };
  }
}

export function isNotWritten(result: object): result is NotWritten {
  return "code" in result;
}

export function existsMessage(out: string): string {
  return `${out} already exists. Add --force to overwrite it, or choose another --out.`;
}

/** Why the output cannot be written, checked before any work: exit 3 for an existing file, else 4. */
export async function checkTarget(
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

export async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await fs.stat(path);
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
}

export async function fileSystemCanWrite(path: string): Promise<boolean> {
  try {
    await fs.access(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** File system errors in plain words; undefined for anything that is not about writing the file. */
export function cannotWriteReason(error: unknown, out: string): string | undefined {
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
