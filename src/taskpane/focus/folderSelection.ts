import {
  duplicateCandidates,
  manifestPaths,
  planExportFolder,
} from "../../domain/focus/exportFolder/planExportFolder";
import { FolderEntry, FolderPlan } from "../../domain/focus/exportFolder/folderPlan";
import { messageOf } from "../model/messageOf";

/** A folder chosen in the pane: its plan and the files to read, in the plan's order. */
export type FolderSelection =
  | {
      readonly ok: true;
      readonly folder: string;
      readonly plan: FolderPlan;
      readonly files: readonly File[];
    }
  | { readonly ok: false; readonly folder: string; readonly message: string };

/** Bytes compared at a time: two files of equal size are never held whole. */
const CHUNK_BYTES = 1 << 22;

/**
 * The files of a folder picker (`<input webkitdirectory>`: each File's webkitRelativePath is
 * "folder/sub/name") planned as the CLI plans a folder: manifests read with File.text(), files of
 * equal size compared chunk by chunk.
 */
export async function selectFolder(picked: readonly File[]): Promise<FolderSelection> {
  try {
    return await planPicked(picked);
  } catch (error) {
    // A file removed or unreadable while its manifest is read or the folder's files are compared.
    return {
      ok: false,
      folder: folderName(picked),
      message: `The folder cannot be read: ${messageOf(error)}`,
    };
  }
}

async function planPicked(picked: readonly File[]): Promise<FolderSelection> {
  const relative = (file: File) => {
    const path = file.webkitRelativePath || file.name;
    return path.slice(path.indexOf("/") + 1);
  };
  const folder = folderName(picked);
  const byPath = new Map(picked.map((file) => [relative(file), file]));
  const entries: FolderEntry[] = [...byPath].map(([path, file]) => ({
    path,
    size: file.size,
    modified: file.lastModified,
  }));
  const manifests = await Promise.all(
    manifestPaths(entries).map(async (path) => ({ path, text: await byPath.get(path)!.text() }))
  );
  const identical: string[][] = [];
  for (const group of duplicateCandidates(entries, manifests))
    identical.push(
      ...(await sameContent(
        group.map((path) => byPath.get(path)!),
        relative
      ))
    );
  const planned = planExportFolder({ entries, manifests, identical });
  if (!planned.ok) return { ok: false, folder, message: planned.message };
  const { plan } = planned;
  return { ok: true, folder, plan, files: plan.read.map((path) => byPath.get(path)!) };
}

/** The chosen folder's name, the first part of each relative path; "" when the browser gives none. */
function folderName(picked: readonly File[]): string {
  const first = picked[0]?.webkitRelativePath ?? "";
  return first.includes("/") ? first.slice(0, first.indexOf("/")) : "";
}

/** Files of one size grouped by content; only groups of two or more, as paths. */
async function sameContent(
  files: readonly File[],
  pathOf: (file: File) => string
): Promise<string[][]> {
  const groups: File[][] = [];
  for (const file of files) {
    let home: File[] | undefined;
    for (const group of groups)
      if (await sameBytes(group[0], file)) {
        home = group;
        break;
      }
    if (home) home.push(file);
    else groups.push([file]);
  }
  return groups.filter((g) => g.length > 1).map((g) => g.map(pathOf));
}

async function sameBytes(a: File, b: File): Promise<boolean> {
  for (let start = 0; start < a.size; start += CHUNK_BYTES) {
    const [x, y] = await Promise.all(
      [a, b].map(
        async (f) => new Uint8Array(await f.slice(start, start + CHUNK_BYTES).arrayBuffer())
      )
    );
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  }
  return true;
}
