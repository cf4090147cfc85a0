import { cellPosition, rangeBounds } from "../addresses";
import { Template } from "../spec";
import { UpgradeStep } from "../templateVersions";
import { indexOf } from "./boundTable";
import { ReadGrid, WorkbookReadBack } from "./readBack";
import { ColumnRename } from "./refreshPlan";
import { SurveyedTemplate } from "./survey";

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/**
 * The template columns an upgrade renames: columns the workbook has under their old header, which
 * the next version heads differently. A column users already have under the new header is left as
 * it is (renaming would clash), and so is one they renamed themselves.
 */
export function columnRenames(
  before: SurveyedTemplate,
  template: Template,
  steps: readonly UpgradeStep[]
): ColumnRename[] {
  const spec = template.build(before.expected.record.options);
  const renames: ColumnRename[] = [];
  for (const step of steps.flatMap((s) => s.migration)) {
    if (step.kind !== "renameColumn") continue;
    const bound = before.tables.find((t) => t.template.key === step.table)?.bound;
    const index = bound ? indexOf(bound, step.column) : -1;
    const table = spec.sheets
      .flatMap((s) => s.blocks)
      .find((b) => b.kind === "table" && b.key === step.table);
    const to =
      table?.kind === "table"
        ? table.columns.find((c) => c.key === step.column)?.header
        : undefined;
    if (!bound || index < 0 || !to) continue;
    const from = bound.read.headers[index];
    if (!same(from, step.from) || bound.read.headers.some((h) => same(h, to))) continue;
    renames.push({ table: bound.read.name, from, to });
  }
  return renames;
}

/** The workbook as read back with the renames made: headers and header cells read the new names. */
export function withRenames(
  readBack: WorkbookReadBack,
  renames: readonly ColumnRename[]
): WorkbookReadBack {
  if (renames.length === 0) return readBack;
  const headerCells: { sheet: string; row: number; column: number; to: string }[] = [];
  const tables = readBack.tables.map((table) => {
    const mine = renames.filter((r) => same(r.table, table.name));
    if (mine.length === 0) return table;
    const { top, left } = rangeBounds(table.address);
    const headers = table.headers.map((h, c) => {
      const rename = mine.find((r) => same(r.from, h));
      if (rename)
        headerCells.push({ sheet: table.sheet, row: top, column: left + c, to: rename.to });
      return rename ? rename.to : h;
    });
    // Rules read back are keyed by header: the renamed column keeps its own.
    const columnRules = Object.fromEntries(
      Object.entries(table.columnRules).map(([header, rules]) => [
        mine.find((r) => same(r.from, header))?.to ?? header,
        rules,
      ])
    );
    return { ...table, headers, columnRules };
  });
  const sheets = readBack.sheets.map((sheet) => {
    const cells = headerCells.filter((h) => same(h.sheet, sheet.name));
    if (!sheet.used || cells.length === 0) return sheet;
    return { ...sheet, used: rewritten(sheet.used, cells) };
  });
  return { ...readBack, tables, sheets };
}

function rewritten(
  grid: ReadGrid,
  cells: readonly { row: number; column: number; to: string }[]
): ReadGrid {
  const origin = cellPosition(grid.address.split(":")[0]);
  const copy = (rows: ReadGrid["formulas"]) => rows.map((row) => [...row]);
  const formulas = copy(grid.formulas);
  const values = copy(grid.values);
  for (const { row, column, to } of cells) {
    const r = row - origin.row;
    const c = column - origin.column;
    if (formulas[r]?.[c] === undefined) continue;
    formulas[r][c] = to;
    values[r][c] = to;
  }
  return { ...grid, formulas, values };
}
