import { walk } from "./expr/expr";
import { ColumnSpec, ComputedColumn } from "./spec";

/**
 * A table's computed columns in an order in which each follows the computed columns of its own row
 * that it reads (this-row references and spans), left to right where nothing says otherwise. Excel
 * needs no order; the pure evaluators do. Lets a table put a column that prints (the score) left of
 * the ones it reads that do not (the lens weights). Throws on a cycle, which Excel would also refuse.
 */
export function computeOrder(columns: readonly ColumnSpec[]): ComputedColumn[] {
  const index = new Map(columns.map((c, i) => [c.key, i]));
  const reads = (column: ComputedColumn): number[] => {
    const read = new Set<number>();
    for (const node of walk(column.expr)) {
      if (node.k === "col") read.add(index.get(node.col) ?? -1);
      if (node.k === "span") {
        const from = index.get(node.from) ?? -1;
        const to = index.get(node.to) ?? -1;
        for (let i = Math.min(from, to); i <= Math.max(from, to); i++) read.add(i);
      }
    }
    return [...read].filter((i) => columns[i]?.kind === "computed");
  };
  const ordered: ComputedColumn[] = [];
  const state = new Map<number, "visiting" | "done">();
  const visit = (i: number, path: readonly string[]) => {
    const column = columns[i] as ComputedColumn;
    if (state.get(i) === "done") return;
    if (state.get(i) === "visiting")
      throw new Error(
        `Computed columns read each other in a cycle: ${[...path, column.key].join(" -> ")}`
      );
    state.set(i, "visiting");
    for (const j of reads(column)) if (j !== i) visit(j, [...path, column.key]);
    if (reads(column).includes(i)) throw new Error(`Computed column "${column.key}" reads itself`);
    state.set(i, "done");
    ordered.push(column);
  };
  columns.forEach((c, i) => {
    if (c.kind === "computed") visit(i, []);
  });
  return ordered;
}
