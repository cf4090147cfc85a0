import { metadataRows } from "../../workbook/metadata";
import { planFiscalYearRollForward } from "../../workbook/maintain/rollFiscalYear";
import { planPeriodRollForward } from "../../workbook/maintain/rollPeriods";
import { addSheets } from "../edit/addSheets";
import { appendStoreRows, setStoreOptions } from "../edit/metadataStore";
import { PackageEdit } from "../edit/packageEdit";
import { WorkbookFile } from "../read/readWorkbookFile";
import { applyRefreshToFile } from "./applyRefreshToFile";
import { withCachedValues } from "./cachedValues";
import { FileOperation } from "./repairFile";

export type RollForwardBy = "month" | "quarter" | "fiscal-year";

/**
 * Next month / Next quarter / Next fiscal year (the pane's Year end and Month end menus), in place:
 * src/excel/rollForward.ts's work, written into the file.
 */
export async function rollForwardFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  by: RollForwardBy,
  now: Date,
  dryRun: boolean
): Promise<FileOperation> {
  const stamp = now.toISOString();
  if (by === "fiscal-year") {
    const plan = planFiscalYearRollForward(file.readBack);
    if (dryRun || plan.preview.length === 0) return { changes: plan.preview, notes: plan.notes };
    const edit = await PackageEdit.open(bytes);
    await addSheets(
      edit,
      plan.plans.flatMap((p) => p.sheets).map((planned) => ({ planned }))
    );
    await appendStoreRows(
      edit,
      file.readBack.storeRows ?? 0,
      plan.plans.flatMap((p) => metadataRows(p, now))
    );
    await applyRefreshToFile(edit, file, plan.relink, stamp);
    await setStoreOptions(
      edit,
      plan.options.map((o) => ({ row: o.row, value: o.next }))
    );
    const done = await withCachedValues(new Uint8Array(await edit.bytes()));
    return { changes: plan.preview, notes: plan.notes, bytes: done.bytes };
  }
  const plan = planPeriodRollForward(file.readBack, by === "month" ? 1 : 3);
  if (dryRun || plan.preview.length === 0) return { changes: plan.preview, notes: plan.notes };
  const edit = await PackageEdit.open(bytes);
  await setStoreOptions(
    edit,
    plan.options.map((o) => ({ row: o.row, value: o.next }))
  );
  await applyRefreshToFile(edit, file, plan.refresh, stamp);
  const done = await withCachedValues(new Uint8Array(await edit.bytes()));
  return { changes: plan.preview, notes: plan.notes, bytes: done.bytes };
}
