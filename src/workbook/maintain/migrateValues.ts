import { MigratedCell, sameListValue } from "../migration";
import { UpgradeStep } from "../templateVersions";
import { BoundTable } from "./boundTable";
import { isFormula } from "./grid";

/** A table's values after an upgrade's migrations, and what they changed. */
export interface MigratedTable {
  readonly bound: BoundTable;
  /** Every data row's value by column key after the last step, columns the upgrade adds included. */
  readonly columns: ReadonlyMap<string, readonly MigratedCell[]>;
  /** Rows whose value changed, by key of a column the workbook has now. */
  readonly changed: ReadonlyMap<string, readonly number[]>;
  /** One line per step that changes something, e.g. `Status "Blocked" becomes "Needs escalation" in 4 rows`. */
  readonly notes: readonly string[];
}

const rows = (n: number) => (n === 1 ? "1 row" : `${n} rows`);

/**
 * Applies the migrations of `steps` (in order) to the values of a bound table, as read back. Pure: the
 * caller turns the changes into writes. Cells holding a formula are the user's and are left alone,
 * as are columns users added. `header` names a template column by key for the notes.
 */
export function migrateTable(
  bound: BoundTable,
  steps: readonly UpgradeStep[],
  header: (key: string) => string
): MigratedTable {
  const formulaRows = new Map<string, Set<number>>();
  const columns = new Map<string, MigratedCell[]>();
  for (const { column, index } of bound.present) {
    const cells = Array.from({ length: bound.rows }, (_, row) => bound.cell(row, index));
    columns.set(
      column.key,
      cells.map((c) => c.value)
    );
    formulaRows.set(column.key, new Set(cells.flatMap((c, row) => (isFormula(c) ? [row] : []))));
  }
  const original = new Map([...columns].map(([key, values]) => [key, [...values]]));
  const notes: string[] = [];
  for (const step of steps.flatMap((s) => s.migration)) {
    if (step.table !== bound.template.key) continue;
    if (step.kind === "renameValue") {
      const values = columns.get(step.column);
      if (!values) continue;
      const typed = formulaRows.get(step.column) ?? new Set<number>();
      let count = 0;
      values.forEach((value, row) => {
        if (typed.has(row) || !sameListValue(value, step.from)) return;
        values[row] = step.to;
        count += 1;
      });
      if (count > 0)
        notes.push(`${header(step.column)} "${step.from}" becomes "${step.to}" in ${rows(count)}.`);
    } else if (step.kind === "addColumn") {
      const record = (row: number) =>
        Object.fromEntries([...columns].map(([key, values]) => [key, values[row]]));
      const values = Array.from({ length: bound.rows }, (_, row) => step.value(record(row)) ?? "");
      columns.set(step.column, values);
    }
  }
  const changed = new Map<string, number[]>();
  for (const [key, before] of original) {
    const after = columns.get(key) ?? before;
    const rowsChanged = before.flatMap((value, row) => (after[row] !== value ? [row] : []));
    if (rowsChanged.length > 0) changed.set(key, rowsChanged);
  }
  return { bound, columns, changed, notes };
}
