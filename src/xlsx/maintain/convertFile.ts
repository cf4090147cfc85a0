import { FormulaMode } from "../../workbook/expr/renderFormula";
import {
  CONVERTED_SETTING,
  readConverted,
  writeConverted,
} from "../../workbook/maintain/convertedFormulas";
import { planConversion } from "../../workbook/maintain/conversionPlan";
import { RefreshPlan } from "../../workbook/maintain/refreshPlan";
import { METADATA_SHEET, OPTIONS_COLUMN, UPDATED_COLUMN } from "../../workbook/metadata";
import { PackageEdit } from "../edit/packageEdit";
import { readAddinSettings, withSetting } from "../read/addinSettings";
import { WorkbookFile } from "../read/readWorkbookFile";
import { applyRefreshToFile } from "./applyRefreshToFile";
import { withCachedValues } from "./cachedValues";
import { FileOperation } from "./repairFile";

/**
 * Make portable (--to portable) and Use add-in functions (--to addin), in place, as
 * src/excel/convertFormulas.ts converts the open workbook: template formulas rewritten, the formulas
 * users typed rewritten and recorded (in the add-in's settings, so the way back can restore them),
 * the recorded mode in the store.
 */
export async function convertFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  mode: FormulaMode,
  now: Date,
  dryRun: boolean
): Promise<FileOperation> {
  const settings = await readAddinSettings(
    file.pkg.zip.file(/.*/).map((f) => f.name),
    file.pkg.text
  );
  const plan = planConversion(
    file.readBack,
    mode,
    readConverted(settings.values.get(CONVERTED_SETTING))
  );
  const changes = plan.changes;
  const notes = plan.left;
  // The record of users' formulas lives in the add-in's settings, which only Excel creates.
  const missing =
    plan.recordChanged && plan.recorded.length > 0 && !settings.path
      ? [
          `keep the ${plan.recorded.length} formulas you typed that are rewritten, to give them back later (the add-in keeps them in the workbook's settings, which only Excel with the add-in creates)`,
        ]
      : [];
  if (dryRun || changes.length === 0 || missing.length > 0)
    return { changes, notes, notOnFiles: missing };
  const edit = await PackageEdit.open(bytes);
  await applyRefreshToFile(edit, file, cellsOnly(plan.cells), "");
  const stamp = now.toISOString();
  await edit.writeCells(
    METADATA_SHEET,
    plan.options.flatMap((o) => [
      { row: o.row, column: OPTIONS_COLUMN, value: o.options },
      { row: o.row, column: UPDATED_COLUMN, value: stamp },
    ])
  );
  const path = settings.path;
  if (plan.recordChanged && path)
    await edit.changePart(path, (xml) =>
      withSetting(
        xml,
        CONVERTED_SETTING,
        plan.recorded.length > 0 ? writeConverted(plan.recorded) : undefined
      )
    );
  const done = await withCachedValues(new Uint8Array(await edit.bytes()));
  return { changes, notes, notOnFiles: [], bytes: done.bytes };
}

const cellsOnly = (cells: RefreshPlan["cells"]): RefreshPlan => ({
  sheets: [],
  blocks: [],
  charts: [],
  columns: [],
  cells,
  names: [],
  formats: [],
  stamps: [],
  preview: [],
});
