import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "../../scripts/libreoffice";

/** Writes `workbook`, has LibreOffice (a real spreadsheet engine) recalculate it, and reads the result back. */
export async function recalculate(workbook: ExcelJS.Workbook): Promise<ExcelJS.Workbook> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-recalc-"));
  try {
    const input = path.join(dir, "input.xlsx");
    await workbook.xlsx.writeFile(input);
    const output = convertWithLibreOffice(input, path.join(dir, "out"), "xlsx", {
      timeoutMs: 180_000,
    });
    const result = new ExcelJS.Workbook();
    await result.xlsx.readFile(output);
    return result;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The value LibreOffice computed for a cell: number, text, boolean or { error }. Read through
 * cell.result: ExcelJS's cell.value drops falsy results (a formula that computes 0 loses its 0).
 */
export function computedValue(cell: ExcelJS.Cell): unknown {
  return cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
}
