import { describeFolderPlan } from "../../domain/focus/exportFolder/describeFolderPlan";
import type { FolderSelection } from "../focus/folderSelection";

/** Skipped files listed under a folder; the rest are counted, so a long list does not push the buttons away. */
export const SKIPPED_LISTED = 12;

/** A chosen folder as the file step shows it: what is read per period, what is skipped and why. */
export interface FolderView {
  readonly title: string;
  /** Set when nothing can be read from the folder: the reason, and the Read button stays off. */
  readonly error?: string;
  readonly summary?: string;
  readonly periods: readonly string[];
  readonly skipped: readonly string[];
  /** "... and 30 more files skipped." when the list is cut. */
  readonly more?: string;
}

export function folderView(selection: FolderSelection): FolderView {
  const title = selection.folder ? `Folder ${selection.folder}` : "The chosen folder";
  if (!selection.ok) return { title, error: selection.message, periods: [], skipped: [] };
  const words = describeFolderPlan(selection.plan);
  const hidden = words.skipped.length - SKIPPED_LISTED;
  return {
    title,
    summary: words.summary,
    periods: words.periods,
    skipped: words.skipped.slice(0, SKIPPED_LISTED),
    ...(hidden > 0 ? { more: `... and ${hidden} more skipped.` } : {}),
  };
}
