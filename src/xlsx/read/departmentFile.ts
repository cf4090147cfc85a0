import type { ReadingProgress, ReadResult } from "../../workbook/consolidate/readingMessages";
import { readSubmission } from "../../workbook/consolidate/readSubmission";
import type { DepartmentSubmission, RefusedFile } from "../../workbook/consolidate/submission";
import { isDamagedPackage, packageKind } from "./packageKind";
import { readWorkbookFile } from "./readWorkbookFile";

/**
 * One department's .xlsx file, from its bytes to what the roll-up takes from it, or the reason it
 * cannot be used in words the user can act on. Never throws on a file: the pane's worker and the
 * bench read every picked file this way, so one bad file is named and the others still read.
 */
export async function readDepartmentFile(
  file: string,
  bytes: Uint8Array
): Promise<DepartmentSubmission | RefusedFile> {
  const refused = notAnXlsx(bytes);
  if (refused) return { file, reason: refused };
  let readBack;
  try {
    readBack = (await readWorkbookFile(bytes)).readBack;
  } catch (error) {
    return {
      file,
      reason: isDamagedPackage(error)
        ? "it is damaged or not a workbook: if it was being copied or downloaded, get it again; else open it in Excel and save it again."
        : `it could not be read (${messageOf(error)}): open it in Excel, save it again and pick it again.`,
    };
  }
  try {
    return readSubmission(file, readBack);
  } catch (error) {
    // readSubmission answers every workbook; a throw is the add-in's fault, said as such.
    return {
      file,
      reason: `the add-in could not read its figures (${messageOf(error)}); please report this.`,
    };
  }
}

function notAnXlsx(bytes: Uint8Array): string | null {
  const kind = packageKind(bytes);
  if (kind === "compound file")
    return "it is encrypted (saved with a password) or an old .xls file: open it in Excel and save it as an Excel Workbook (.xlsx) without a password.";
  if (kind !== "zip")
    return "it is not an .xlsx workbook: pick the department's workbook made with FinOps Practice Workbooks.";
  return null;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A picked file: its name and, on demand, its bytes (File.arrayBuffer in the worker). */
export interface DepartmentSource {
  readonly name: string;
  bytes(): Promise<Uint8Array>;
}

/**
 * Reads the files one after another (one file's bytes in memory at a time; what is kept of each is
 * small), saying which is being read before each, and answers one result per file in their order.
 */
export async function readDepartmentFiles(
  sources: readonly DepartmentSource[],
  onProgress: (progress: ReadingProgress) => void
): Promise<ReadResult[]> {
  const results: ReadResult[] = [];
  for (const [index, source] of sources.entries()) {
    onProgress({ file: source.name, index, count: sources.length });
    let bytes: Uint8Array;
    try {
      bytes = await source.bytes();
    } catch (error) {
      results.push({
        file: source.name,
        reason: `it could not be opened (${messageOf(error)}): check that it is still there and pick it again.`,
      });
      continue;
    }
    results.push(await readDepartmentFile(source.name, bytes));
  }
  return results;
}
