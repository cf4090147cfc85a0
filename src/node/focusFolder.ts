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

/** A folder (or a name given for one) that cannot be imported; the message is the user's. */
export class FocusFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FocusFolderError";
  }
}

/** A FOCUS input as given: a file, or a folder and what is read from it. */
export type FocusInput =
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "folder"; readonly path: string; readonly plan: FolderPlan };

/**
 * The files and folders named for an import, in order: a folder is planned (planExportFolder), a file
 * stays itself. Throws FocusFolderError for a name that does not exist or a folder that cannot be read.
 */
export async function focusInputs(names: readonly string[]): Promise<FocusInput[]> {
  const inputs: FocusInput[] = [];
  for (const name of names) {
    const stat = await fs.stat(name).catch(() => undefined);
    if (!stat) throw new FocusFolderError(`Cannot read ${name}: there is no such file or folder.`);
    inputs.push(
      stat.isDirectory()
        ? { kind: "folder", path: name, plan: await planFocusFolder(name) }
        : { kind: "file", path: name }
    );
  }
  return inputs;
}

/** The files an import reads, full paths, each once (a file named twice, or also in a folder, is read once). */
export function inputFiles(inputs: readonly FocusInput[]): string[] {
  const files = inputs.flatMap((input) =>
    input.kind === "file"
      ? [input.path]
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
    throw new FocusFolderError(`Cannot read the folder ${dir}: ${(error as Error).message}`);
  }
  const manifests = await Promise.all(
    manifestPaths(entries).map(async (path) => ({
      path,
      text: await fs.readFile(join(dir, path), "utf8").catch((error: Error) => {
        throw new FocusFolderError(`Cannot read ${join(dir, path)}: ${error.message}`);
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
    throw new FocusFolderError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  return hash.digest("hex");
}

/** Skipped files printed per folder; the rest are counted. */
const SKIPPED_SHOWN = 20;

/** Each folder's plan in words, for the command line (stderr, before reading). */
export function planLines(inputs: readonly FocusInput[]): string[] {
  return inputs.flatMap((input) => {
    if (input.kind === "file") return [];
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
