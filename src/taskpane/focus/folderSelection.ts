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
 * equal size grouped by a digest of their start, then compared chunk by chunk.
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

/** The start of each file digested: files of one size whose starts differ are never compared. */
const HEAD_BYTES = 1 << 16;

/**
 * Files of one size grouped by content; only groups of two or more, as paths. A SHA-256 of each file's
 * first 64 KB splits them first, so bytes are compared only between files that begin alike (not each
 * file with every other, which reads a folder of many same-size files over and over).
 */
async function sameContent(
  files: readonly File[],
  pathOf: (file: File) => string
): Promise<string[][]> {
  const byHead = new Map<string, File[]>();
  for (const file of files) {
    const head = await digest(file.slice(0, HEAD_BYTES));
    byHead.set(head, [...(byHead.get(head) ?? []), file]);
  }
  const groups: File[][] = [];
  for (const alike of byHead.values()) {
    // The digest covered the whole of a small file.
    if (alike[0].size <= HEAD_BYTES) groups.push(alike);
    else groups.push(...(await byBytes(alike)));
  }
  return groups.filter((g) => g.length > 1).map((g) => g.map(pathOf));
}

async function digest(blob: Blob): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", await blob.arrayBuffer()));
  return Array.from(hash, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Files that begin alike, grouped by comparing their bytes with each group's first file. */
async function byBytes(files: readonly File[]): Promise<File[][]> {
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
  return groups;
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
