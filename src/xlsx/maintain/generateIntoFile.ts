import { planTemplates, PracticePlan } from "../../workbook/generate";
import {
  latestPerTemplate,
  METADATA_HEADERS,
  METADATA_SHEET,
  MetadataRow,
  metadataRows,
} from "../../workbook/metadata";
import { TemplateOptions } from "../../workbook/options";
import { addSheets } from "../edit/addSheets";
import { appendStoreRows, createStore } from "../edit/metadataStore";
import { PackageEdit } from "../edit/packageEdit";
import { WorkbookFile } from "../read/readWorkbookFile";
import { withCachedValues } from "./cachedValues";

/**
 * Templates added to a workbook someone already has, as the add-in's Create adds them to the open
 * workbook (src/excel/generateWorkbooks.ts): free names where the chosen ones are taken, links to
 * templates already there, the new sheets after the others, the store created or extended.
 * Everything already in the file stays as it was.
 */
export async function generateIntoFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  ids: readonly string[],
  options: TemplateOptions,
  now: Date
): Promise<{ practice: PracticePlan; bytes: Uint8Array }> {
  const { readBack } = file;
  const installed = latestPerTemplate(
    readBack.templates.map((t) => t.record),
    (r) => r
  );
  const practice = planTemplates(
    ids,
    options,
    {
      sheets: readBack.sheetNames,
      tablesAndNames: [...readBack.tableNames, ...readBack.names.map((n) => n.name)],
    },
    installed
  );
  const edit = await PackageEdit.open(bytes);
  await addSheets(
    edit,
    practice.plan.sheets.map((planned) => ({ planned }))
  );
  const rows = metadataRows(practice.plan, now);
  if (readBack.storeRows) await appendStoreRows(edit, readBack.storeRows, rows);
  else if (file.sheets.has(METADATA_SHEET.toLowerCase()))
    await appendStoreRows(edit, 0, [[...METADATA_HEADERS] as unknown as MetadataRow, ...rows]);
  else await createStore(edit, rows);
  // A linked template's figures are the workbook's own, not the template's: computed from them.
  const done = await withCachedValues(new Uint8Array(await edit.bytes()));
  return { practice, bytes: done.bytes };
}
