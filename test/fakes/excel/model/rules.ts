/** Excel's naming rules, each returning what is wrong (or null), so errors can say why. */
import { looksLikeCellReference } from "../addresses";

/** Sheet names: 1-31 characters, none of [ ] : * ? / \, no leading/trailing apostrophe. */
export function sheetNameProblem(name: unknown): string | null {
  if (typeof name !== "string") return `A sheet name must be text, not ${typeof name}.`;
  if (name.length === 0) return "A sheet name can't be blank.";
  if (name.length > 31) {
    return `Sheet name "${name}" has ${name.length} characters; Excel allows at most 31.`;
  }
  const bad = /[[\]:*?/\\]/.exec(name);
  if (bad)
    return `Sheet name "${name}" contains "${bad[0]}"; a sheet name can't contain [ ] : * ? / \\.`;
  if (name.startsWith("'") || name.endsWith("'")) {
    return `Sheet name "${name}" begins or ends with an apostrophe, which Excel doesn't allow.`;
  }
  // Excel reserves "History" for the change-tracking sheet.
  if (name.toLowerCase() === "history") return `Sheet name "History" is reserved by Excel.`;
  return null;
}

/**
 * Defined names and table names: start with a letter, "_" or "\", then letters, digits, ".", "_",
 * "\" or "?"; no spaces; at most 255 characters; not a cell reference (A1, ABC123, R1C1, R, C).
 */
export function definedNameProblem(name: unknown, what = "Name"): string | null {
  if (typeof name !== "string") return `${what} must be text, not ${typeof name}.`;
  if (name.length === 0) return `${what} can't be blank.`;
  if (name.length > 255) return `${what} "${name}" has ${name.length} characters; at most 255.`;
  if (/\s/.test(name)) return `${what} "${name}" contains a space; names can't contain spaces.`;
  if (!/^[\p{L}_\\]/u.test(name)) {
    return `${what} "${name}" must begin with a letter, an underscore or a backslash.`;
  }
  const bad = /[^\p{L}\p{N}_.\\?]/u.exec(name);
  if (bad) return `${what} "${name}" contains "${bad[0]}", which names can't contain.`;
  if (looksLikeCellReference(name)) {
    return `${what} "${name}" looks like a cell reference, which Excel doesn't allow as a name.`;
  }
  return null;
}

export const sameName = (a: string, b: string): boolean => a.toUpperCase() === b.toUpperCase();
