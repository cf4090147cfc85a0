import { cellPosition, rangeAddress, rangeBounds } from "../addresses";
import { numberFormatFor } from "../formats";
import {
  PlannedCell,
  PlannedConditionalFormat,
  PlannedSheet,
  PlannedTable,
  PlannedValidation,
} from "../plan";
import { Expr, walk } from "../expr/expr";
import { ColumnSpec, TableBlock, ValueType } from "../spec";
import { TWIN_REVISIONS } from "../twins/nativeTwins";
import { ExpectedTemplate } from "./expectedTemplate";

/**
 * A template's tables and named cells in the terms maintenance needs, taken from the plan a fresh
 * generation writes (so a repair writes the very same formula, format, validation and rules).
 */
export interface TemplateColumn {
  readonly key: string;
  readonly header: string;
  readonly kind: ColumnSpec["kind"];
  readonly type: ValueType;
  /** Computed columns: the formula every data row holds (structured references, same in each row). */
  readonly formula?: string;
  /** The formula an earlier add-in version wrote, where a function's definition changed since. */
  readonly earlier?: EarlierFormula;
  readonly numberFormat: string;
  /** Formats the template gives some of the column's rows (a KPI's unit): also right. */
  readonly rowFormats: readonly string[];
  readonly validation?: Omit<PlannedValidation, "address">;
  readonly conditionalFormats: readonly Omit<PlannedConditionalFormat, "address">[];
  /** The totals-row formula, if the column has one. */
  readonly total?: string;
}

export interface TemplateTable {
  readonly templateId: string;
  readonly key: string;
  readonly name: string;
  readonly sheet: string;
  readonly columns: readonly TemplateColumn[];
  /**
   * The template fills every row itself (each input column holds the template's value, such as a
   * month or a lens): nothing of the user's is in it, so refresh may write it again.
   */
  readonly fixedRows: boolean;
}

export interface TemplateFigure {
  readonly templateId: string;
  readonly key: string;
  readonly name: string;
  readonly sheet: string;
  /** Where generation put it, e.g. "B12". */
  readonly address: string;
  readonly formula?: string;
  readonly earlier?: EarlierFormula;
}

/** A template formula as an earlier version of the add-in wrote it, and what changed since. */
export interface EarlierFormula {
  readonly formula: string;
  /** What changed, one sentence per revised function the formula uses (TWIN_REVISIONS). */
  readonly change: string;
}

/**
 * The earlier form of the formula planned at `address`, when the workbook is portable and one of the
 * functions its expression calls has a revised twin; undefined otherwise.
 */
function earlierFormula(
  expected: ExpectedTemplate,
  sheet: PlannedSheet,
  address: string,
  expr: Expr | undefined
): EarlierFormula | undefined {
  const earlierSheet = expected.earlierSheets?.find((s) => s.name === sheet.name);
  if (!earlierSheet || !expr) return undefined;
  const changes = [...walk(expr)].flatMap((e) =>
    e.k === "fn" && TWIN_REVISIONS[e.fn] ? [TWIN_REVISIONS[e.fn]!.change] : []
  );
  if (changes.length === 0) return undefined;
  const formula = formulaAt(earlierSheet, address);
  if (!formula || formula === formulaAt(sheet, address)) return undefined;
  return { formula, change: [...new Set(changes)].join("; ") };
}

/**
 * The formula the plan writes at an address, as plannedCell finds it (the first range with a cell
 * there), from an index of the sheet's cells built once: a sheet is asked for each of its columns
 * and named cells, and a figures block writes a range per row.
 */
function formulaAt(sheet: PlannedSheet, address: string): string | undefined {
  let cells = plannedCells.get(sheet);
  if (!cells) {
    cells = new Map();
    for (const range of sheet.ranges) {
      const top = cellPosition(range.address);
      range.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const at = cellKey(top.row + r, top.column + c);
          if (cell && !cells!.has(at)) cells!.set(at, cell);
        })
      );
    }
    plannedCells.set(sheet, cells);
  }
  const { row, column } = cellPosition(address);
  return cells.get(cellKey(row, column))?.formula;
}

const plannedCells = new WeakMap<PlannedSheet, Map<number, PlannedCell>>();
/** Excel's columns end at XFD, the 16,384th. */
const cellKey = (row: number, column: number) => row * 16384 + column;

function tableBlock(expected: ExpectedTemplate, key: string): TableBlock {
  const block = expected.spec.sheets
    .flatMap((s) => s.blocks)
    .find((b): b is TableBlock => b.kind === "table" && b.key === key);
  if (!block) throw new Error(`The spec of ${expected.record.templateId} has no table ${key}`);
  return block;
}

function fixedRows(block: TableBlock): boolean {
  const inputs = block.columns.filter((c) => c.kind === "input");
  return block.rows.every((row) =>
    inputs.every((c) => row.values[c.key] !== undefined && row.values[c.key] !== null)
  );
}

function templateColumns(
  expected: ExpectedTemplate,
  sheet: PlannedSheet,
  table: PlannedTable
): TemplateColumn[] {
  const { top, left, bottom } = rangeBounds(table.address);
  const block = tableBlock(expected, table.key);
  return block.columns.map((column, c) => {
    const strip = <T extends { address: string }>(planned: T): Omit<T, "address"> => {
      const rest: Partial<T> = { ...planned };
      delete rest.address;
      return rest as Omit<T, "address">;
    };
    const columnAddress = rangeAddress(top + 1, left + c, bottom, left + c);
    const validation = sheet.validations.find((v) => v.address === columnAddress);
    const first = rangeAddress(top + 1, left + c, top + 1, left + c);
    return {
      key: column.key,
      header: column.header,
      kind: column.kind,
      type: column.type,
      formula: formulaAt(sheet, first),
      earlier: earlierFormula(
        expected,
        sheet,
        first,
        column.kind === "computed" ? column.expr : undefined
      ),
      numberFormat: numberFormatFor(column.type, expected.record.options),
      rowFormats: [
        ...new Set(
          block.rows.flatMap((row) => {
            const own = row.numberFormats?.[column.key];
            return own ? [own] : [];
          })
        ),
      ],
      validation: validation && strip(validation),
      conditionalFormats: sheet.conditionalFormats
        .filter((f) => f.address === columnAddress)
        .map(strip),
      total: table.totals?.find((t) => t.header === column.header)?.formula,
    };
  });
}

export function templateTables(expected: ExpectedTemplate): readonly TemplateTable[] {
  // Reading and surveying a workbook both ask; a remembered plan keeps its sheets (expected.ts).
  const known = tablesOf.get(expected.sheets);
  if (known) return known;
  const tables = expected.sheets.flatMap((sheet) =>
    sheet.tables.map((table) => ({
      templateId: expected.record.templateId,
      key: table.key,
      name: table.name,
      sheet: sheet.name,
      columns: templateColumns(expected, sheet, table),
      fixedRows: fixedRows(tableBlock(expected, table.key)),
    }))
  );
  tablesOf.set(expected.sheets, tables);
  return tables;
}

const tablesOf = new WeakMap<readonly PlannedSheet[], readonly TemplateTable[]>();

export function templateFigures(expected: ExpectedTemplate): TemplateFigure[] {
  const figures = new Map(
    expected.spec.sheets
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === "figures" ? b.items : []))
      .map((f) => [f.key, f])
  );
  return expected.sheets.flatMap((sheet) =>
    sheet.names.map((name) => {
      const address = name.address.replace(/\$/g, "");
      const figure = figures.get(name.key);
      return {
        templateId: expected.record.templateId,
        key: name.key,
        name: name.name,
        sheet: sheet.name,
        address,
        formula: formulaAt(sheet, address),
        earlier: earlierFormula(
          expected,
          sheet,
          address,
          figure?.kind === "computed" ? figure.expr : undefined
        ),
      };
    })
  );
}
