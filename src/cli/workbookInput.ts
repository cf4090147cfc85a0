import { promises as fs } from "node:fs";
import { dirname, resolve } from "node:path";
import { findTemplate, templateTitle } from "../workbook/templates";
import type { WorkbookFile } from "../xlsx/read/readWorkbookFile";
import { isDamagedPackage } from "../xlsx/read/packageKind";
import { unusableWorkbook } from "./workbookFile";

/**
 * A workbook file a maintenance command works on, read and judged before anything else happens:
 * every reason it cannot be used is one plain sentence (exit 5), never an unexpected failure.
 */
export type WorkbookInput =
  | {
      readonly ok: true;
      readonly path: string;
      readonly bytes: Uint8Array;
      readonly file: WorkbookFile;
    }
  | { readonly ok: false; readonly message: string };

/**
 * `templates`: "optional" for a command that also works on a workbook holding none (import-focus,
 * as the add-in imports into any open workbook); the maintenance commands need them.
 */
export async function readWorkbookInput(
  name: string,
  bin: string,
  templates: "required" | "optional" = "required"
): Promise<WorkbookInput> {
  const path = resolve(name);
  const refuse = (message: string): WorkbookInput => ({ ok: false, message });
  let bytes: Uint8Array;
  try {
    const stat = await fs.stat(path);
    if (stat.isDirectory()) return refuse(`${name} is a folder; name an .xlsx workbook.`);
    bytes = new Uint8Array(await fs.readFile(path));
  } catch {
    return refuse(`Cannot read ${name}: there is no such file (make one with "${bin} generate").`);
  }
  const siblings = await fs.readdir(dirname(path)).catch(() => [] as string[]);
  const unusable = unusableWorkbook(name, bytes, siblings);
  if (unusable) return refuse(unusable);
  const { readWorkbookFile } = await import("../xlsx/read/readWorkbookFile");
  let file: WorkbookFile;
  try {
    file = await readWorkbookFile(bytes);
  } catch (error) {
    // A damaged zip or a zip that holds no workbook; anything else is a bug, reported as one.
    if (!isDamagedPackage(error)) throw error;
    return refuse(
      `${name} is not a readable .xlsx workbook: it is damaged or not a workbook (if it was being copied or downloaded, try again; else open it in Excel and save it again).`
    );
  }
  if (templates === "required" && file.readBack.templates.length === 0)
    return refuse(
      `${name} holds no practice templates made by this tool or the add-in (it has no FinOps metadata sheet).`
    );
  const newer = newerThanKnown(file);
  if (newer.length > 0)
    return refuse(
      `${name} was made by a newer version of this tool (${newer.join("; ")}): update ${bin} and run this again.`
    );
  return { ok: true, path, bytes, file };
}

/** Templates recorded at a version, or of an id, this tool does not know. */
function newerThanKnown(file: WorkbookFile): string[] {
  return file.readBack.templates.flatMap(({ record }) => {
    const known = findTemplate(record.templateId);
    if (!known) return [`the template "${record.templateId}" is not known here`];
    return record.version > known.version
      ? [
          `${templateTitle(known.id)} is at version ${record.version}, this tool knows ${known.version}`,
        ]
      : [];
  });
}
