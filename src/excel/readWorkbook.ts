import { METADATA_SHEET, readInstances, UPDATED_COLUMN } from "../workbook/metadata";
import { readRequest } from "../workbook/maintain/expected";
import {
  ReadColumnRules,
  ReadSheet,
  ReadTable,
  WorkbookReadBack,
} from "../workbook/maintain/readBack";

/** "'Team budget'!A12:J30" -> "A12:J30". */
const local = (address: string) => address.slice(address.lastIndexOf("!") + 1);
const sheetOf = (address: string) =>
  address
    .slice(0, address.lastIndexOf("!"))
    .replace(/^'(.*)'$/, "$1")
    .replace(/''/g, "'");

/**
 * Reads what maintenance compares with the templates, in three syncs whatever the workbook's size:
 * (1) sheet, table and defined names and the metadata store; (2) the used range and charts of every
 * recorded sheet and the geometry, headers and number formats of every recorded table; (3) the
 * validation and conditional formats of the template columns that carry them, and the charts' titles. Runs inside the caller's batch.
 */
export async function readWorkbook(context: Excel.RequestContext): Promise<WorkbookReadBack> {
  const workbook = context.workbook;
  const sheets = workbook.worksheets.load("items/name");
  const tables = workbook.tables.load("items/name");
  const names = workbook.names.load("items/name,items/formula");
  const store = workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
  const storeUsed = store.getUsedRangeOrNullObject(true);
  storeUsed.load("values");
  await context.sync();

  const storeValues = store.isNullObject || storeUsed.isNullObject ? [] : storeUsed.values;
  const rows = readInstances(storeValues);
  const sheetNames = sheets.items.map((s) => s.name);
  const tableNames = tables.items.map((t) => t.name);
  const base = {
    templates: rows.map(({ template, row }) => ({
      record: template,
      metadataRow: row,
      updated: String(storeValues[row]?.[UPDATED_COLUMN] ?? ""),
    })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula) })),
    sheetNames,
    tableNames,
    storeRows: storeValues.length,
  };
  if (rows.length === 0) return { ...base, sheets: [], tables: [] };

  const request = readRequest(rows.map((r) => r.template));
  const exists = (list: string[], name: string) =>
    list.find((n) => n.toLowerCase() === name.toLowerCase());
  const used = request.sheets.map((name) => {
    const found = exists(sheetNames, name);
    const range = found ? workbook.worksheets.getItem(found).getUsedRangeOrNullObject() : null;
    range?.load("address,formulas,values");
    const charts = found ? workbook.worksheets.getItem(found).charts.load("items/name") : null;
    return { name, range, charts };
  });
  const read = request.tables.flatMap((wanted) => {
    const found = exists(tableNames, wanted.name);
    if (!found) return [];
    const table = workbook.tables.getItem(found).load("name,showTotals");
    const header = table.getHeaderRowRange().load("address,values");
    const body = table.getDataBodyRange().load("address,numberFormat");
    return [{ wanted, table, header, body }];
  });
  await context.sync();

  // Chart titles are read in the same sync as the rules: one title object per chart found.
  const titles = used.map(({ charts }) =>
    (charts?.items ?? []).map((chart) => chart.title.load("text"))
  );
  const rules = read.map(({ wanted, table, header }) => {
    const headers = (header.values[0] ?? []).map(String);
    return wanted.ruleColumns
      .filter((h) => headers.some((x) => x.toLowerCase() === h.toLowerCase()))
      .map((h) => {
        const range = table.columns.getItem(h).getDataBodyRange();
        return {
          header: h,
          validation: range.dataValidation.load("type,rule,prompt"),
          formats: range.conditionalFormats.load("items/id"),
        };
      });
  });
  await context.sync();

  return {
    ...base,
    sheets: used.map(({ name, range }, i): ReadSheet => ({
      name,
      used: !range
        ? null
        : range.isNullObject
          ? { address: "A1", formulas: [[""]], values: [[""]] }
          : { address: local(range.address), formulas: range.formulas, values: range.values },
      charts: range ? titles[i].map((title) => title.text) : undefined,
      chartNames: range ? used[i].charts?.items.map((chart) => chart.name) : undefined,
    })),
    tables: read.map(({ table, header, body }, i): ReadTable => {
      const columnRules: Record<string, ReadColumnRules> = {};
      for (const rule of rules[i])
        columnRules[rule.header] = {
          validation: {
            type: rule.validation.type,
            rule: rule.validation.rule,
            prompt: rule.validation.prompt,
          },
          conditionalFormatIds: rule.formats.items.map((f) => f.id),
        };
      return {
        name: table.name,
        sheet: sheetOf(header.address),
        address: `${local(header.address).split(":")[0]}:${local(body.address).split(":").pop()}`,
        headers: (header.values[0] ?? []).map(String),
        showTotals: table.showTotals,
        numberFormats: body.numberFormat,
        columnRules,
      };
    }),
  };
}
