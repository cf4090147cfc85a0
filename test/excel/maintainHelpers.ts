import { columnLetter } from "../../src/workbook/addresses";
import { ExcelFake } from "../fakes/excel";

/** Where a table column's data cells are in the fake now: letter, first and last data row (1-based). */
export function columnOf(
  fake: ExcelFake,
  table: string,
  header: string
): { sheet: string; letter: string; first: number; last: number; cell: (row: number) => string } {
  const found = fake.state.tables().find((t) => t.name === table);
  if (!found) throw new Error(`No table ${table}`);
  const [start, end] = found.address.split(":");
  const left = [...(/^[A-Z]+/.exec(start) as RegExpExecArray)[0]].reduce(
    (n, ch) => n * 26 + ch.charCodeAt(0) - 64,
    0
  );
  const top = Number(/\d+$/.exec(start)?.[0]);
  const bottom = Number(/\d+$/.exec(end)?.[0]) - (found.showTotals ? 1 : 0);
  const index = found.headers.indexOf(header);
  if (index < 0) throw new Error(`No column ${header} in ${table}`);
  const letter = columnLetter(left - 1 + index);
  return {
    sheet: found.sheet,
    letter,
    first: top + 1,
    last: bottom,
    cell: (row) => `${letter}${top + 1 + row}`,
  };
}

/** Runs a batch on the fake (an edit a user makes). */
export function edit(fake: ExcelFake, change: (workbook: Excel.Workbook) => void): Promise<void> {
  return fake.asOfficeExcel().run(async (context) => {
    change(context.workbook);
    await context.sync();
  });
}
