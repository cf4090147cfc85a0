import { planTemplates } from "../../src/workbook/generate";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { TemplateOptions } from "../../src/workbook/options";
import { ExcelFake } from "../fakes/excel";

/** Headers and computed formulas of a table as a fresh generation with `options` writes it. */
export function freshTable(
  ids: readonly string[],
  options: TemplateOptions,
  table: string
): { headers: readonly string[]; formulas: ReadonlyMap<string, string> } {
  const { plan } = planTemplates(ids, options, { sheets: ["Sheet1"], tablesAndNames: [] });
  for (const sheet of plan.sheets)
    for (const t of sheet.tables) {
      if (t.name !== table) continue;
      const range = sheet.ranges.find((r) => r.address === t.address.split(":")[0]);
      const formulas = new Map(
        t.headers.flatMap((h, c) => {
          const formula = range?.rows[1][c].formula;
          return formula ? [[h, formula] as const] : [];
        })
      );
      return { headers: t.headers, formulas };
    }
  throw new Error(`No table ${table}`);
}

/** A table in the fake now: headers and data rows (formulas as written, constants as typed). */
export function tableNow(
  fake: ExcelFake,
  name: string
): { sheet: string; headers: string[]; rows: unknown[][] } {
  const table = fake.state.tables().find((t) => t.name === name);
  if (!table) throw new Error(`No table ${name}`);
  const all = fake.state.formulas(table.sheet, table.address);
  return {
    sheet: table.sheet,
    headers: table.headers,
    rows: all.slice(1, table.showTotals ? -1 : undefined),
  };
}

/** Every input cell of a table by "row|header" (computed headers left out). */
export function inputCells(
  fake: ExcelFake,
  name: string,
  computed: ReadonlyMap<string, string>
): Map<string, unknown> {
  const { headers, rows } = tableNow(fake, name);
  const cells = new Map<string, unknown>();
  rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (!computed.has(headers[c])) cells.set(`${r}|${headers[c]}`, cell);
    })
  );
  return cells;
}

/** The options the metadata store records for a template (its latest row). */
export function recordedOptions(fake: ExcelFake, templateId: string): TemplateOptions {
  const rows = fake.state.values(METADATA_SHEET, "A1:G40") as unknown[][];
  const row = rows.filter((r) => r[0] === templateId).pop();
  if (!row) throw new Error(`No record of ${templateId}`);
  return JSON.parse(String(row[3])) as TemplateOptions;
}
