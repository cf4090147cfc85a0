import { ColumnSpec } from "../spec";

/**
 * A table's columns in print order: `printed` (keys, left to right) first, then `reference`, the
 * columns that stay on the sheet but off the printout (TableBlock.printedColumns is `printed.length`).
 * Every column is named exactly once, so a version that reorders loses none. The last column, with
 * nothing to its right, runs on unwrapped (put the longest text there): rows stay one line high.
 */
export function inPrintOrder(
  columns: readonly ColumnSpec[],
  printed: readonly string[],
  reference: readonly string[]
): { columns: ColumnSpec[]; printedColumns: number } {
  const order = [...printed, ...reference];
  const byKey = new Map(columns.map((c) => [c.key, c]));
  if (order.length !== columns.length || order.some((key) => !byKey.has(key)))
    throw new Error(
      `Print order ${order.join(", ")} does not name each of ${columns.map((c) => c.key).join(", ")} once`
    );
  const ordered = order.map((key) => byKey.get(key) as ColumnSpec);
  const last = ordered[ordered.length - 1];
  if (reference.length > 0 && last.wrap === undefined)
    ordered[ordered.length - 1] = { ...last, wrap: false };
  return { columns: ordered, printedColumns: printed.length };
}
