import { UpgradeStep } from "../templateVersions";
import { MigratedTable } from "./migrateValues";
import { ColumnFormatting } from "./refreshPlan";

/**
 * The `rowFormat` migrations of an upgrade on one table: per column, each row's new number format
 * where the cell still shows the old version's column format (any other format is the user's choice
 * and stays). Returns the formatting to write and one preview line per step that changes a cell.
 */
export function migratedFormats(
  migrated: MigratedTable,
  steps: readonly UpgradeStep[]
): { formats: ColumnFormatting[]; notes: string[] } {
  const { bound } = migrated;
  const record = (row: number) =>
    Object.fromEntries([...migrated.columns].map(([key, values]) => [key, values[row]]));
  const formats: ColumnFormatting[] = [];
  const notes: string[] = [];
  for (const step of steps.flatMap((s) => s.migration)) {
    if (step.kind !== "rowFormat" || step.table !== bound.template.key) continue;
    const rowsChanged = new Set<number>();
    for (const { column, index } of bound.present) {
      if (!step.columns(column.key)) continue;
      const now = bound.read.numberFormats.map((row) => row[index]);
      const next = now.map((format, row) => {
        const wanted = format === column.numberFormat ? step.format(record(row)) : null;
        if (wanted === null || wanted === format) return format;
        rowsChanged.add(row);
        return wanted;
      });
      if (next.every((format, row) => format === now[row])) continue;
      formats.push({
        sheet: bound.read.sheet,
        table: bound.read.name,
        header: bound.read.headers[index],
        rows: bound.rows,
        added: false,
        rowNumberFormats: next.map((format) => [format]),
        previousNumberFormats: now.map((format) => [format]),
      });
    }
    if (rowsChanged.size > 0)
      notes.push(
        `${step.says} in ${rowsChanged.size === 1 ? "1 row" : `${rowsChanged.size} rows`} of table ${bound.read.name}.`
      );
  }
  return { formats, notes };
}
