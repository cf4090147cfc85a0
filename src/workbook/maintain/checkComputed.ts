import { ComputedCell } from "./computedCells";
import { Finding } from "./findings";
import { usesAddinFunctions } from "./formulaText";

const shown = (value: unknown) => (typeof value === "string" ? `"${value}"` : String(value));

/** Template-owned cells whose formula was typed over, changed or broken. */
export function checkComputed(cells: readonly ComputedCell[], portable: boolean): Finding[] {
  return cells.flatMap((cell): Finding[] => {
    if (!cell.problem) return [];
    const base = { templateId: cell.templateId, sheet: cell.sheet, address: cell.address };
    const blocked =
      cell.blockedBy.length > 0
        ? ` It uses ${cell.blockedBy.join(", ")}, which is gone: bring that table back first.`
        : "";
    const repairable = cell.blockedBy.length === 0;
    switch (cell.problem) {
      case "overwritten":
        return [
          {
            ...base,
            severity: "error",
            kind: "overwritten",
            what:
              cell.now.formula === ""
                ? `The formula of ${cell.label} was cleared.`
                : `${shown(cell.now.value)} was typed over the formula of ${cell.label}.`,
            fix: `Repair puts the formula back (${cell.formula}).${blocked}`,
            repairable,
          },
        ];
      case "formulaChanged": {
        const addin = portable && usesAddinFunctions(String(cell.now.formula));
        return [
          {
            ...base,
            severity: "error",
            kind: addin ? "addinFunction" : "formulaChanged",
            what: addin
              ? `${cell.label} uses add-in functions in a workbook made portable: ${cell.now.formula}`
              : `The formula of ${cell.label} is not the template's: ${cell.now.formula}`,
            fix: `Repair writes the template's formula again (${cell.formula}).${blocked}`,
            repairable,
          },
        ];
      }
      case "outdated":
        return [
          {
            ...base,
            severity: "warning",
            kind: "outdatedFormula",
            what: `${cell.label} still has the formula an earlier version of the add-in wrote, which computes differently: ${cell.change}.`,
            fix: `Repair writes the current formula (${cell.formula}).${blocked}`,
            repairable,
          },
        ];
      case "errorValue":
        return [
          {
            ...base,
            severity: "error",
            kind: "errorValue",
            what: `${cell.label} shows ${cell.now.value}.`,
            fix:
              cell.now.value === "#NAME?"
                ? "A function or name it uses is unknown here: open the workbook with the FinOps add-in, or run Repair (Check workbook) to restore deleted names."
                : "A cell, column or name it refers to was deleted: run Repair (Check workbook) to restore them.",
            repairable: false,
          },
        ];
    }
  });
}
