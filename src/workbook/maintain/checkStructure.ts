import { Finding } from "./findings";
import { isPeriodColumn } from "./periods";
import { SurveyedTemplate } from "./survey";

/**
 * Sheets, tables, columns and names the template has and the workbook lost. Refresh recreates a
 * deleted sheet from the plan and adds back columns and names. A table deleted from a sheet that is
 * still there comes back (below the sheet's content) only when the template fills it itself; one
 * users fill in is not recreated, since their entries went with it.
 */
export function checkStructure(t: SurveyedTemplate): Finding[] {
  const templateId = t.expected.record.templateId;
  const findings: Finding[] = t.missingSheets.map((sheet) => ({
    severity: "error",
    kind: "missingSheet",
    templateId,
    sheet,
    address: "",
    what: `The sheet "${sheet}" was deleted.`,
    fix: "Repair recreates it from the template, with the template's content (your entries on it are gone with it).",
    repairable: true,
  }));
  for (const { template, bound } of t.tables) {
    if (t.missingSheets.includes(template.sheet)) continue;
    if (!bound) {
      findings.push({
        severity: "error",
        kind: "missingTable",
        templateId,
        sheet: template.sheet,
        address: "",
        what: `The table ${template.name} is gone from "${template.sheet}".`,
        // A table the template fills itself comes back; one users fill in took their entries with it.
        fix: template.fixedRows
          ? "Repair adds it again below the sheet's content, with its chart."
          : "Undo the change that removed it, or generate the template again into this workbook.",
        repairable: template.fixedRows,
      });
      continue;
    }
    for (const column of bound.missing) {
      const period = isPeriodColumn(templateId, template.key, column.key);
      findings.push({
        severity: "error",
        kind: period ? "missingPeriod" : "missingColumn",
        templateId,
        sheet: bound.read.sheet,
        address: bound.read.address,
        what: `${period ? "The period" : "The column"} "${column.header}" is missing from table ${template.name}.`,
        fix:
          column.kind === "computed"
            ? "Repair adds the column back with its formula."
            : "Repair adds the column back, empty, for you to fill in.",
        repairable: true,
      });
    }
  }
  for (const at of t.figures) {
    const { figure } = at;
    if (t.missingSheets.includes(figure.sheet)) continue;
    const broken = at.nameFormula?.includes("#REF!");
    if (at.nameFormula === undefined || broken) {
      findings.push({
        severity: "error",
        kind: broken ? "brokenName" : "missingName",
        templateId,
        sheet: figure.sheet,
        address: figure.address,
        what: broken
          ? `The name ${figure.name} refers to a deleted cell (${at.nameFormula}).`
          : `The name ${figure.name} was deleted.`,
        fix: `Repair points ${figure.name} at ${figure.address} again; formulas that use it then work.`,
        repairable: true,
      });
    } else if (at.sheet.toLowerCase() !== figure.sheet.toLowerCase()) {
      // Within its sheet a name may sit anywhere: an upgrade writes a version's new figures below
      // the sheet's content, and users move blocks; the checks follow the name.
      findings.push({
        severity: "info",
        kind: "movedName",
        templateId,
        sheet: at.sheet,
        address: at.address,
        what: `The name ${figure.name} now refers to ${at.sheet}!${at.address}, not to the sheet "${figure.sheet}" where the template put it.`,
        fix: "Nothing to do if you moved it on purpose; the checks follow the name.",
        repairable: false,
      });
    }
  }
  return findings;
}
