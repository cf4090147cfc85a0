import { ExcelHost, officeHost } from "./host";
import { explain, GenerationError } from "./hostErrors";

const codeOf = (error: unknown) =>
  typeof error === "object" && error !== null && "code" in error
    ? String((error as { code: unknown }).code)
    : undefined;

/** Shows a sheet (the result panel's "Go to"), and selects a range on it when given: one sync. */
export async function activateSheet(
  name: string,
  host: ExcelHost = officeHost(),
  address?: string
): Promise<void> {
  try {
    await host.excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      sheet.activate();
      if (address) sheet.getRange(address).select();
      await context.sync();
    });
  } catch (error) {
    if (codeOf(error) === "ItemNotFound")
      throw new GenerationError(
        `There is no sheet "${name}" any more: it was renamed or deleted.`,
        "ItemNotFound"
      );
    throw explain(error, `Going to "${name}"`);
  }
}

export interface Inserted {
  /** e.g. "Sheet1!C4". */
  readonly address: string;
}

/**
 * Writes a formula into the active cell, in two syncs: read the cell, then write it. Refuses a cell that
 * already holds something (nothing the user typed is ever overwritten).
 */
export async function insertIntoActiveCell(
  formula: string,
  host: ExcelHost = officeHost()
): Promise<Inserted> {
  try {
    return await host.excel.run(async (context) => {
      const cell = context.workbook.getActiveCell();
      cell.load("address,formulas");
      await context.sync();
      const current = cell.formulas[0]?.[0];
      if (current !== "" && current !== null && current !== undefined) {
        throw new GenerationError(
          `${cell.address} is not empty. Select an empty cell, then choose Insert again.`,
          "CellNotEmpty"
        );
      }
      cell.formulas = [[formula]];
      await context.sync();
      return { address: cell.address };
    });
  } catch (error) {
    throw explain(error, "Inserting the function");
  }
}
