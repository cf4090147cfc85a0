import { planUpgrade } from "../../workbook/maintain/upgradePlan";
import { PackageEdit } from "../edit/packageEdit";
import { WorkbookFile } from "../read/readWorkbookFile";
import { applyRefreshToFile } from "./applyRefreshToFile";
import { withCachedValues } from "./cachedValues";
import { FileOperation } from "./repairFile";

/**
 * Upgrade templates (the pane's): every template an earlier version made moved to the current
 * version, keeping what users typed, as src/excel/upgradeWorkbook.ts does in the open workbook.
 */
export async function upgradeFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  now: Date,
  dryRun: boolean
): Promise<FileOperation> {
  const plan = planUpgrade(file.readBack);
  const changes = plan.refresh.preview;
  if (plan.upgrades.length === 0) return { changes: [] };
  if (dryRun) return { changes };
  const edit = await PackageEdit.open(bytes);
  await applyRefreshToFile(edit, file, plan.refresh, now.toISOString());
  const done = await withCachedValues(new Uint8Array(await edit.bytes()));
  return { changes, bytes: done.bytes };
}
