import { formulaTokens, qualifierParts } from "../read/formulaReferences";

/**
 * Stored formula text (no leading "=") as Excel leaves it when a sheet is deleted: a reference
 * qualified with the sheet's name keeps its cells after #REF! ('Cost data'!$B$5 becomes
 * #REF!$B$5, the form Excel saves, which evaluates to #REF!), a name scoped to the sheet
 * ('Cost data'!LocalName) and a structured reference to one of its tables (FocusCostData[Billed
 * cost], FocusCostData[[#Totals],[Rows]], or the table's name alone) become #REF!. Strings
 * (INDIRECT("'Cost data'!A1")), other books' references and 3-D spans (Jan:Mar!A1, which Excel
 * narrows) stay as they are. Names compare case-insensitively, as in Excel.
 */
export function withoutReferencesTo(
  sheet: string,
  tables: readonly string[]
): (formula: string) => string {
  const deleted = sheet.toLowerCase();
  const deletedTables = new Set(tables.map((t) => t.toLowerCase()));
  return (formula) => {
    const tokens = formulaTokens(formula);
    let out = "";
    for (let k = 0; k < tokens.length; k += 1) {
      const token = tokens[k];
      const next = tokens[k + 1];
      if (token.kind === "qualifier") {
        const { book, sheets } = qualifierParts(token.text);
        const ours = book === "" && sheets.length === 1 && sheets[0].toLowerCase() === deleted;
        if (!ours) out += token.text;
        else {
          out += "#REF!";
          // A reference keeps its cells after #REF!; a name of the sheet goes with it.
          if (next?.kind === "name") k += 1;
        }
      } else if (
        token.kind === "name" &&
        deletedTables.has(token.text.toLowerCase()) &&
        tokens[k - 1]?.kind !== "qualifier" &&
        tokens[k - 1]?.text !== "!" &&
        next?.text !== "("
      ) {
        out += "#REF!";
        if (next?.kind === "bracket") k += 1;
      } else out += token.text;
    }
    return out;
  };
}
