import { CellMatrix, CellValue, isBlank } from "./cellValue";
import { cellPosition, notANumber, orDefault, passErrors, rejectArgs, rowsOf } from "./arguments";
import { finite, valueError } from "./formulaError";
import { greater } from "./compare";

// Staffing measures for the FinOps team (FinOps Practice Operations: "appropriate structure and staffing").

export const DEFAULT_COST_MONTHS = 12;

/** Full-time equivalents: the sum of allocations, each a fraction of one person between 0 and 1. Blanks are skipped. */
export function fte(allocations: CellValue | CellMatrix): number {
  const rows = rowsOf(allocations);
  passErrors("allocations", rows);
  let total = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    for (let c = 0; c < row.length; c++) {
      const allocation = row[c];
      if (typeof allocation !== "number") {
        if (isBlank(allocation)) continue;
        notANumber("allocations", allocation, r, c);
      }
      if (allocation < 0 || greater(allocation, 1)) {
        throw valueError(
          `Each allocation must be between 0 and 1 (a fraction of one person); ${cellPosition(r, c)} is ${allocation}.`
        );
      }
      total += allocation;
    }
  }
  return total;
}

/** Loaded cost of one person for a number of months: salary x (1 + overhead) x allocation x months / 12. */
export function loadedCost(
  salary: CellValue,
  overheadRate: CellValue,
  allocation: CellValue,
  months?: CellValue
): number {
  const monthCount = orDefault(months, DEFAULT_COST_MONTHS);
  if (
    typeof salary !== "number" ||
    typeof overheadRate !== "number" ||
    typeof allocation !== "number" ||
    typeof monthCount !== "number"
  ) {
    rejectArgs([
      { name: "salary", value: salary },
      { name: "overheadRate", value: overheadRate },
      { name: "allocation", value: allocation },
      { name: "months", value: months, kind: "optional number" },
    ]);
  }
  if (salary < 0) throw valueError("salary must be zero or more (the annual salary).");
  if (overheadRate < 0)
    throw valueError("overheadRate must be zero or more, for example 0.3 for 30%.");
  if (allocation < 0 || greater(allocation, 1))
    throw valueError("allocation must be between 0 and 1 (a fraction of one person).");
  if (monthCount < 0) throw valueError("months must be zero or more.");
  return finite((salary * (1 + overheadRate) * allocation * monthCount) / 12);
}
