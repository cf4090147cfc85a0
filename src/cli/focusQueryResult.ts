import { readFile, stat } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { readFocusAggregates } from "../domain/focus/focusAggregatesCsv";
import { FocusFileError } from "../domain/focus/focusFileError";
import { FocusGrouping, FocusImport } from "../domain/focus/focusTypes";

/** A query result holds one row per month, group and currency: far below this unless it is not one. */
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * import-focus --aggregates: the focus-query result a warehouse console exported (CSV, plain or
 * gzip), read whole (it is small). Throws FocusFileError for a file that cannot be used.
 */
export async function readAggregatesResult(
  path: string,
  grouping: FocusGrouping | undefined
): Promise<FocusImport> {
  const tooLarge = () =>
    new FocusFileError(
      "unreadable",
      path,
      0,
      `${path} is larger than 256 MB: a query result has one row per month, group and currency. If it holds FOCUS rows, name it without --aggregates.`
    );
  let bytes: Uint8Array;
  try {
    const info = await stat(path);
    if (info.isDirectory())
      throw new FocusFileError(
        "unreadable",
        path,
        0,
        `${path} is a folder: name the CSV file the query's result was exported to.`
      );
    if (info.size > MAX_BYTES) throw tooLarge();
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof FocusFileError) throw error;
    const code = (error as { code?: string }).code;
    const why = code === "ENOENT" ? "there is no such file" : (error as Error).message;
    throw new FocusFileError("unreadable", path, 0, `Cannot read ${path}: ${why}.`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
    } catch (error) {
      if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge();
      throw new FocusFileError(
        "unreadable",
        path,
        0,
        `${path} is gzip but cannot be unpacked: ${(error as Error).message}.`
      );
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new FocusFileError("encoding", path, 0, `${path} is not UTF-8 text.`);
  }
  return readFocusAggregates(path, text, { grouping });
}
