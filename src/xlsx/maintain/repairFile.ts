import { planRefresh } from "../../workbook/maintain/refreshPlan";
import { PackageEdit } from "../edit/packageEdit";
import { WorkbookFile } from "../read/readWorkbookFile";
import { applyRefreshToFile } from "./applyRefreshToFile";
import { withCachedValues } from "./cachedValues";

/** What a maintenance operation on a file would do, and the file once done (none for a dry run). */
export interface FileOperation {
  /** One line per change, as the pane's preview and summary list them. */
  readonly changes: readonly string[];
  /** What only Excel with the add-in can do for this change (nothing is written when there is any). */
  readonly notOnFiles?: readonly string[];
  /** What is left as it is and why, as the pane says it. */
  readonly notes?: readonly string[];
  readonly bytes?: Uint8Array;
}

/** Repair (the pane's Repair): the same plan, written into the file in place. */
export async function repairFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  now: Date,
  dryRun: boolean
): Promise<FileOperation> {
  const plan = planRefresh(file.readBack);
  if (dryRun || plan.preview.length === 0) return { changes: plan.preview };
  const edit = await PackageEdit.open(bytes);
  await applyRefreshToFile(edit, file, plan, now.toISOString());
  const written = await withCachedValues(new Uint8Array(await edit.bytes()));
  return { changes: plan.preview, bytes: written.bytes };
}
