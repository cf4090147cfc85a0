import { WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { ReadTable } from "../../../src/workbook/maintain/readBack";

/** Conditional format ids are each host's own: compared by count. */
export function sameIds(table: ReadTable): ReadTable {
  const columnRules = Object.fromEntries(
    Object.entries(table.columnRules).map(([header, rules]) => [
      header,
      { ...rules, conditionalFormatIds: rules.conditionalFormatIds?.map(() => "id") },
    ])
  );
  return { ...table, columnRules };
}

/**
 * A read-back as both hosts must agree on it after the same operation: every cell's formula or
 * constant, tables, names, charts and the store's records. What a formula shows is left out: the
 * in-memory Excel never calculates (the file's values are held to LibreOffice in test/engine).
 */
export function comparable(readBack: WorkbookReadBack) {
  return {
    // The in-memory Excel starts with a "Sheet1" the file never had.
    sheetNames: readBack.sheetNames.filter((name) => name !== "Sheet1"),
    // Excel lists tables in the order they were made, a file in the order of its sheets.
    tableNames: [...readBack.tableNames].sort(),
    storeRows: readBack.storeRows,
    templates: readBack.templates,
    names: readBack.names,
    tables: readBack.tables.map(sameIds),
    sheets: readBack.sheets.map((s) => ({
      name: s.name,
      address: s.used?.address,
      formulas: s.used?.formulas,
      charts: s.charts,
    })),
  };
}
