import {
  METADATA_HEADERS,
  MetadataRow,
  METADATA_SHEET,
  OPTIONS_COLUMN,
} from "../../workbook/metadata";
import { REL, tags } from "../charts/xlsxPackage";
import { withSheetAt } from "./workbookSheets";
import { CellWrite } from "./cellWrites";
import { PackageEdit } from "./packageEdit";

/**
 * The metadata store's rows in a file, written as src/excel/writePlan.ts queueMetadata and
 * queueStoreCells write them in the open workbook: as text, never parsed. The store of a file this
 * tool or the add-in made is there already; only its cells change.
 */
export async function appendStoreRows(
  edit: PackageEdit,
  storeRows: number,
  rows: readonly MetadataRow[]
): Promise<void> {
  const writes = rows.flatMap((row, r): CellWrite[] =>
    row.map((value, column) => ({ row: storeRows + r, column, value }))
  );
  await edit.writeCells(METADATA_SHEET, writes);
}

/** The recorded options of store rows, as rolling forward and converting change them. */
export async function setStoreOptions(
  edit: PackageEdit,
  changes: readonly { readonly row: number; readonly value: string }[]
): Promise<void> {
  await edit.writeCells(
    METADATA_SHEET,
    changes.map(({ row, value }) => ({ row, column: OPTIONS_COLUMN, value }))
  );
}

const WORKBOOK = "xl/workbook.xml";
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const EMPTY_STORE =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<dimension ref="A1"/><sheetData/>' +
  // Protected without a password, as Office.js protect() leaves it: a guard against slips.
  '<sheetProtection sheet="1" objects="1" scenarios="1"/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
  "</worksheet>";

/**
 * The metadata store of a workbook that has none yet (a user's own file the practice is added to):
 * a very hidden, protected sheet after the others, with its headers and `rows`, as queueMetadata
 * creates it in the open workbook.
 */
export async function createStore(edit: PackageEdit, rows: readonly MetadataRow[]): Promise<void> {
  const path = edit.pkg.freePart("worksheets", "sheet");
  edit.pkg.write(path, EMPTY_STORE);
  edit.pkg.override(path, WORKSHEET_TYPE);
  const relId = await edit.pkg.relate(WORKBOOK, `${REL}/worksheet`, path);
  const workbook = (await edit.pkg.text(WORKBOOK)) ?? "";
  const at = tags(workbook, "sheet").length;
  const added = withSheetAt(workbook, { name: METADATA_SHEET, relId }, at, []);
  edit.pkg.write(
    WORKBOOK,
    added.replace(
      /<sheet name="FinOps metadata"/,
      '<sheet name="FinOps metadata" state="veryHidden"'
    )
  );
  edit.sheetAdded(METADATA_SHEET, path);
  await edit.pkg.finishContentTypes();
  await appendStoreRows(edit, 0, [[...METADATA_HEADERS] as unknown as MetadataRow, ...rows]);
}
