import { MetadataRow, METADATA_SHEET, OPTIONS_COLUMN } from "../../workbook/metadata";
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
