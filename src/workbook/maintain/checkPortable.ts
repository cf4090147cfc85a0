import { Finding } from "./findings";
import { usesAddinFunctions } from "./formulaText";
import { gridReader, isFormula } from "./grid";
import { cellAddress, cellPosition } from "../addresses";
import { Survey, SurveyedTemplate } from "./survey";

/**
 * FINOPS.* calls in the sheets of a template generated portable (for readers without the add-in),
 * outside the template's own computed cells (which checkComputed reports and refresh rewrites).
 */
export function checkPortable(
  survey: Survey,
  t: SurveyedTemplate,
  templateCells: ReadonlySet<string>
): Finding[] {
  if (t.expected.record.options.formulaMode !== "portable") return [];
  const findings: Finding[] = [];
  for (const name of t.presentSheets) {
    const used = survey.readBack.sheets.find((s) => s.name === name)?.used;
    if (!used) continue;
    const at = gridReader(used);
    const [origin] = used.address.split(":");
    const start = cellPosition(origin);
    used.formulas.forEach((row, r) =>
      row.forEach((_, c) => {
        const cell = at(start.row + r, start.column + c);
        if (!isFormula(cell)) return;
        const address = cellAddress(start.row + r, start.column + c);
        if (templateCells.has(`${name}!${address}`)) return;
        if (!usesAddinFunctions(String(cell.formula))) return;
        findings.push({
          severity: "warning",
          kind: "addinFunction",
          templateId: t.expected.record.templateId,
          sheet: name,
          address,
          what: `${cell.formula} uses add-in functions, but this workbook was made portable: readers without the add-in see #NAME?.`,
          fix: "Run Make portable again: it rewrites FINOPS calls with native Excel functions (same values) and keeps your formula to give back when you switch to add-in functions.",
          repairable: false,
        });
      })
    );
  }
  return findings;
}
