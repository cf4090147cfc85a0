import ExcelJS from "exceljs";
import { METADATA_HEADERS, METADATA_SHEET, MetadataRow } from "../workbook/metadata";

/**
 * The metadata store as src/excel/writePlan.ts queueMetadata creates it in a workbook without one:
 * headers and one row per template, very hidden (only code can show it again) and protected.
 */
export async function writeMetadata(
  workbook: ExcelJS.Workbook,
  rows: MetadataRow[]
): Promise<void> {
  const sheet = workbook.addWorksheet(METADATA_SHEET, { state: "veryHidden" });
  sheet.addRow([...METADATA_HEADERS]);
  // Strings stay strings (a file has no typing step), so the JSON and ISO timestamps are never parsed.
  for (const row of rows) sheet.addRow(row);
  // No password, as Office.js protect(): the store is guarded against slips, not against its owner.
  await sheet.protect("", {});
}
