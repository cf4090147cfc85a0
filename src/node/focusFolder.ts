import { createHash } from "node:crypto";
import { Buffer } from "node:buffer";
import { createReadStream, promises as fs } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import {
  duplicateCandidates,
  manifestPaths,
  planExportFolder,
} from "../domain/focus/exportFolder/planExportFolder";
import { FolderEntry, FolderPlan } from "../domain/focus/exportFolder/folderPlan";
import { describeFolderPlan } from "../domain/focus/exportFolder/describeFolderPlan";
import { exportLabel } from "../domain/focus/exportFolder/planExportFolder";

/** A folder (or a name given for one) that cannot be imported; the message is the user's. */
export class FocusFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FocusFolderError";
  }
}

/**
 * A FOCUS input as given: a file (sameAs: a file of a folder named with the same content, read
 * instead), or a folder and what is read from it.
 */
export type FocusInput =
  | { readonly kind: "file"; readonly path: string; readonly sameAs?: string }
  | { readonly kind: "folder"; readonly path: string; readonly plan: FolderPlan };

/**
 * The files and folders named for an import, in order: a folder is planned (planExportFolder), a file
 * stays itself. Throws FocusFolderError for a name that cannot be read, a folder that cannot be
 * planned, or the same export's period in two folders (a copy of an export named with it).
 */
export async function focusInputs(names: readonly string[]): Promise<FocusInput[]> {
  const inputs: FocusInput[] = [];
  for (const name of names) {
    let stat;
    try {
      stat = await fs.stat(name);
    } catch (error) {
      throw new FocusFolderError(`Cannot read ${name}: ${reasonOf(error)}.`);
    }
    inputs.push(
      stat.isDirectory()
        ? { kind: "folder", path: name, plan: await planFocusFolder(name) }
        : { kind: "file", path: name }
    );
  }
  refuseRepeatedExports(inputs);
  return markCopies(inputs);
}

/** Why a file or folder cannot be read, in words (Node's error codes mean nothing to most readers). */
export function reasonOf(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  switch (code) {
    case "ENOENT":
      return "there is no such file or folder";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "its symbolic links form a loop";
    case "ENOTDIR":
      return "a part of its path is a file, not a folder";
    case "ENAMETOOLONG":
      return "the name is too long";
    case "EISDIR":
      return "it is a folder";
    case "EIO":
      return "the disk reported a read error";
    case "EMFILE":
    case "ENFILE":
      return "too many files are open";
    case "EBUSY":
      return "it is busy or locked";
    default:
      return "it cannot be read";
  }
}

/**
 * The same export's period planned from two folders (the export and a copy of it, or the same export
 * named twice) would be counted twice: refused, naming both folders. An export is its exportArn or
 * resourceId (two accounts' exports may share a name), else its name. Two names of one folder read
 * the same files, which inputFiles reads once.
 */
function refuseRepeatedExports(inputs: readonly FocusInput[]): void {
  const seen = new Map<string, { folder: string; files: string }>();
  for (const input of inputs) {
    if (input.kind !== "folder") continue;
    for (const { delivery, files } of input.plan.deliveries) {
      const read = files.map((f) => resolve(input.path, ...f.split("/"))).join("\n");
      for (const month of delivery.periods) {
        const key = [delivery.provider, delivery.exportId ?? delivery.exportName, month].join("\n");
        const other = seen.get(key);
        if (other && other.files !== read)
          throw new FocusFolderError(
            `${other.folder} and ${input.path} both hold ${month} of ${exportLabel(delivery)}: reading both would count it twice. Name the export's folder once (a copy of an export is the same export).`
          );
        seen.set(key, { folder: input.path, files: read });
      }
    }
  }
}

/** Files named directly with the same bytes as a file a folder plan reads: read once, as the folder's. */
async function markCopies(inputs: readonly FocusInput[]): Promise<FocusInput[]> {
  const planned = inputs.flatMap((input) =>
    input.kind === "folder" ? input.plan.read.map((p) => join(input.path, ...p.split("/"))) : []
  );
  const direct = inputs.filter((input) => input.kind === "file");
  if (planned.length === 0 || direct.length === 0) return [...inputs];
  const size = async (path: string) => (await fs.stat(path).catch(() => undefined))?.size;
  const bySize = new Map<number, string[]>();
  for (const path of planned) {
    const bytes = await size(path);
    if (bytes !== undefined) bySize.set(bytes, [...(bySize.get(bytes) ?? []), path]);
  }
  const hashes = new Map<string, Promise<string>>();
  const hashOf = (path: string) => {
    const key = resolve(path);
    if (!hashes.has(key)) hashes.set(key, sha256(path));
    return hashes.get(key)!;
  };
  const marked: FocusInput[] = [];
  for (const input of inputs) {
    if (input.kind !== "file") {
      marked.push(input);
      continue;
    }
    const bytes = await size(input.path);
    let sameAs: string | undefined;
    for (const path of bytes === undefined ? [] : (bySize.get(bytes) ?? []))
      if (
        resolve(path) !== resolve(input.path) &&
        (await hashOf(path)) === (await hashOf(input.path))
      ) {
        sameAs = path;
        break;
      }
    marked.push(sameAs ? { ...input, sameAs } : input);
  }
  return marked;
}

/** The files an import reads, full paths, each once (a file named twice, or also in a folder, is read once). */
export function inputFiles(inputs: readonly FocusInput[]): string[] {
  const files = inputs.flatMap((input) =>
    input.kind === "file"
      ? input.sameAs
        ? []
        : [input.path]
      : input.plan.read.map((p) => join(input.path, ...p.split("/")))
  );
  const seen = new Set<string>();
  return files.filter((file) => {
    const key = resolve(file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Lists the folder, reads its manifests, compares files of equal size, and plans the import. */
export async function planFocusFolder(dir: string): Promise<FolderPlan> {
  let entries: FolderEntry[];
  try {
    entries = await walk(dir, dir);
  } catch (error) {
    const where = (error as { path?: string }).path ?? dir;
    throw new FocusFolderError(`Cannot read the folder ${where}: ${reasonOf(error)}.`);
  }
  const manifests = await Promise.all(
    manifestPaths(entries).map(async (path) => ({
      path,
      text: await fs.readFile(join(dir, path), "utf8").catch((error: unknown) => {
        throw new FocusFolderError(`Cannot read ${join(dir, path)}: ${reasonOf(error)}.`);
      }),
    }))
  );
  const identical: string[][] = [];
  for (const group of duplicateCandidates(entries, manifests))
    identical.push(...(await sameContent(dir, group)));
  const planned = planExportFolder({ entries, manifests, identical });
  if (!planned.ok) throw new FocusFolderError(`${dir}: ${planned.message}`);
  return planned.plan;
}

/**
 * Every file under the folder, paths relative with "/". Links to files are followed; links to
 * folders are not, so a link to a parent cannot make the walk endless.
 */
async function walk(root: string, dir: string): Promise<FolderEntry[]> {
  const found: FolderEntry[] = [];
  for (const item of await fs.readdir(dir, { withFileTypes: true })) {
    const full = join(dir, item.name);
    if (item.isDirectory()) {
      found.push(...(await walk(root, full)));
      continue;
    }
    const stat = await fs.stat(full).catch(() => undefined);
    if (!stat?.isFile()) continue;
    found.push({
      path: relative(root, full).split(sep).join("/"),
      size: stat.size,
      modified: stat.mtimeMs,
    });
  }
  return found;
}

/** Files of one size grouped by content (SHA-256 of the bytes); only groups of two or more. */
async function sameContent(dir: string, group: readonly string[]): Promise<string[][]> {
  const byHash = new Map<string, string[]>();
  for (const path of group) {
    const hash = await sha256(join(dir, path));
    const same = byHash.get(hash);
    if (same) same.push(path);
    else byHash.set(hash, [path]);
  }
  return [...byHash.values()].filter((g) => g.length > 1);
}

async function sha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 22 }))
      hash.update(chunk as Buffer);
  } catch (error) {
    throw new FocusFolderError(`Cannot read ${path}: ${reasonOf(error)}.`);
  }
  return hash.digest("hex");
}

/** Skipped files printed per folder; the rest are counted. */
const SKIPPED_SHOWN = 20;

/** Each folder's plan in words, for the command line (stderr, before reading). */
export function planLines(inputs: readonly FocusInput[]): string[] {
  return inputs.flatMap((input) => {
    if (input.kind === "file")
      return input.sameAs ? [`${input.path}: the same content as ${input.sameAs}, read once.`] : [];
    const words = describeFolderPlan(input.plan);
    const more = words.skipped.length - SKIPPED_SHOWN;
    return [
      `${input.path}: ${words.summary}`,
      ...words.periods.map((p) => `  ${p}`),
      ...words.skipped.slice(0, SKIPPED_SHOWN).map((s) => `  ${s}`),
      ...(more > 0 ? [`  ... and ${more} more skipped.`] : []),
    ];
  });
}
