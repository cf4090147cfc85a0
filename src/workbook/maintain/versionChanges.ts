import { CellValue } from "../../domain/cellValue";
import { cellAddress, cellPosition, rangeBounds } from "../addresses";
import { PlannedSheet } from "../plan";
import { isFormula, ReadCell } from "./grid";
import { Survey, SurveyedTemplate } from "./survey";
import { plannedCell } from "../plannedCells";
import { TemplateColumn, TemplateTable } from "./templateParts";

/**
 * What the next version of a template writes differently from the version a workbook holds, found
 * by comparing the two plans (so no template has to list it by hand): new columns, changed drop-down
 * lists and highlighting, changed formulas and changed template text.
 */
export interface VersionChanges {
  /** Columns the new version has and the old one had not. */
  readonly newColumns: readonly {
    readonly table: TemplateTable;
    readonly column: TemplateColumn;
  }[];
  /** Columns of both versions whose validation or highlighting changed. */
  readonly rules: readonly {
    readonly table: TemplateTable;
    readonly column: TemplateColumn;
    readonly validation: boolean;
    /** Highlight rules the new version adds to the column. */
    readonly highlights: TemplateColumn["conditionalFormats"];
  }[];
  /** Headers of computed columns and names of named cells whose formula changed. */
  readonly formulas: readonly string[];
  /** Columns (by table) and named cells the old version had and the new one has not: left as they are. */
  readonly dropped: readonly string[];
  /** Template text (notes, labels) still as the old version wrote it, and the new text. */
  readonly text: readonly {
    readonly sheet: string;
    readonly address: string;
    readonly now: ReadCell;
    readonly value: CellValue;
  }[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
const json = (value: unknown) => JSON.stringify(value ?? null);
const text = (value: CellValue | undefined): value is string => typeof value === "string";

export function versionChanges(
  survey: Survey,
  before: SurveyedTemplate,
  after: SurveyedTemplate
): VersionChanges {
  const newColumns: { table: TemplateTable; column: TemplateColumn }[] = [];
  const rules: VersionChanges["rules"][number][] = [];
  const formulas: string[] = [];
  for (const { template: table } of after.tables) {
    const old = before.tables.find((t) => t.template.key === table.key)?.template;
    // A table the new version adds comes whole, with refresh's additions.
    if (!old) continue;
    for (const column of table.columns) {
      // A column a version renames is the same column (matched by its key).
      const was =
        old?.columns.find((c) => same(c.header, column.header)) ??
        old?.columns.find((c) => c.key === column.key);
      if (!was) {
        newColumns.push({ table, column });
        continue;
      }
      if (column.formula !== was.formula) formulas.push(column.header);
      const known = new Set(was.conditionalFormats.map(json));
      const highlights = column.conditionalFormats.filter((f) => !known.has(json(f)));
      const validation = json(column.validation) !== json(was.validation);
      if (validation || highlights.length > 0)
        rules.push({ table, column, validation, highlights });
    }
  }
  for (const { figure } of after.figures) {
    const was = before.figures.find((f) => f.figure.key === figure.key)?.figure;
    if (was && was.formula !== figure.formula) formulas.push(figure.name);
  }
  const dropped: string[] = [];
  for (const { template: table, bound } of before.tables) {
    const next = after.tables.find((t) => t.template.key === table.key)?.template;
    const gone = table.columns.filter(
      (c) =>
        next &&
        !next.columns.some((n) => n.key === c.key) &&
        bound?.present.some((p) => p.column.key === c.key)
    );
    if (gone.length > 0)
      dropped.push(
        `${gone.map((c) => `"${c.header}"`).join(", ")} in table ${bound?.read.name ?? table.name}`
      );
  }
  const goneNames = before.figures.filter(
    (f) => f.nameFormula !== undefined && !after.figures.some((a) => a.figure.key === f.figure.key)
  );
  if (goneNames.length > 0)
    dropped.push(`the named cells ${goneNames.map((f) => f.figure.name).join(", ")}`);
  return { newColumns, rules, formulas, dropped, text: changedText(survey, before, after) };
}

/** Rows a sheet's tables (header to totals) cover: text there belongs to the tables. */
function tableRows(sheet: PlannedSheet): (row: number) => boolean {
  const spans = sheet.tables.map((t) => rangeBounds(t.address));
  return (row) => spans.some((s) => row >= s.top && row <= s.bottom + 1);
}

/**
 * Template text the new version words differently, where the workbook still shows the old words. The
 * same block (by id) of both versions' plans lines the cells up, so a version that inserts a block
 * still rewords the blocks both have; each cell is rewritten where the old version put it, and only
 * while it holds exactly the old words.
 */
function changedText(
  survey: Survey,
  before: SurveyedTemplate,
  after: SurveyedTemplate
): VersionChanges["text"] {
  const oldSheets = before.expected.sheets;
  const newSheets = after.expected.sheets;
  if (oldSheets.length !== newSheets.length) return [];
  return newSheets.flatMap((sheet, i) => {
    if (!after.presentSheets.includes(sheet.name)) return [];
    const old = oldSheets[i];
    const inTables = [tableRows(old), tableRows(sheet)];
    const named = new Set([...sheet.names, ...old.names].map((n) => n.address.replace(/\$/g, "")));
    // The old row of a new row: a named cell's row where the old version put the same name (a
    // version may reorder a block's figures), else the same offset in the same block.
    const rowOf = (address: string) => cellPosition(address.replace(/\$/g, "")).row;
    const newKeys = new Map(sheet.names.map((n) => [rowOf(n.address), n.key]));
    const oldRows = new Map(old.names.map((n) => [n.key, rowOf(n.address)]));
    const oldRow = (row: number): number | undefined => {
      if (newKeys.has(row)) return oldRows.get(newKeys.get(row) as string);
      const block = sheet.blocks.find((b) => row >= b.top && row <= b.bottom);
      const was = block && old.blocks.find((b) => b.id === block.id);
      const at = block && was ? was.top + row - block.top : undefined;
      return at !== undefined && at <= (was as { bottom: number }).bottom ? at : undefined;
    };
    return sheet.ranges.flatMap((range) => {
      const origin = cellPosition(range.address);
      return range.rows.flatMap((cells, r) =>
        cells.flatMap((cell, c) => {
          const row = origin.row + r;
          const from = oldRow(row);
          if (from === undefined) return [];
          const at = cellAddress(from, origin.column + c);
          const was = plannedCell(old, at);
          if (inTables[0](from) || inTables[1](row) || named.has(at)) return [];
          if (!text(cell.value) || !text(was?.value) || cell.value === was.value) return [];
          const now = survey.cellAt(sheet.name, at);
          if (isFormula(now) || now.value !== was.value) return [];
          return [{ sheet: sheet.name, address: at, now, value: cell.value }];
        })
      );
    });
  });
}
