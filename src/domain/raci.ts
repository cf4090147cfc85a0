import { CellMatrix, CellValue, describeValue, excelTrim, isBlank } from "./cellValue";
import { cellPosition, passErrors, rowsOf } from "./arguments";
import { valueError } from "./formulaError";

// Decision and accountability model: each decision needs exactly one Accountable and at least one
// Responsible (FinOps Practice Operations: "Ensure the FinOps decision and accountability structure is clear").

export const RACI_OK = "OK";

/**
 * "OK" when the row has exactly one A and at least one R, else what is wrong. Cells hold R, A, C or I
 * (any case, surrounding spaces ignored) or are blank.
 */
export function raciCheck(row: CellValue | CellMatrix): string {
  const rows = rowsOf(row);
  passErrors("row", rows);
  let accountable = 0;
  let responsible = 0;
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < rows[r].length; c++) {
      const value = rows[r][c];
      if (isBlank(value)) continue;
      const letter = typeof value === "string" ? excelTrim(value).toUpperCase() : null;
      if (letter === "") continue;
      if (letter === "A") accountable++;
      else if (letter === "R") responsible++;
      else if (letter !== "C" && letter !== "I") {
        throw valueError(
          `RACI cells hold R, A, C or I; ${cellPosition(r, c)} is ${describeValue(value)}.`
        );
      }
    }
  }
  const problems: string[] = [];
  if (accountable !== 1) problems.push(`needs exactly one A, found ${accountable}`);
  if (responsible < 1) problems.push("needs at least one R");
  return problems.length === 0 ? RACI_OK : problems.join("; ");
}
