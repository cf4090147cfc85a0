import { cellPosition, rangeAddress, rangeBounds } from "../addresses";
import { numberFormatFor } from "../formats";
import {
  PlannedCell,
  PlannedConditionalFormat,
  PlannedSheet,
  PlannedTable,
  PlannedValidation,
} from "../plan";
import { ColumnSpec, TableBlock, ValueType } from "../spec";
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
  readonly numberFormat: string;
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
}

export interface TemplateFigure {
  readonly templateId: string;
  readonly key: string;
  readonly name: string;
  readonly sheet: string;
  /** Where generation put it, e.g. "B12". */
  readonly address: string;
  readonly formula?: string;
}

/** The planned cell at an address of a planned sheet, if the plan writes one there. */
export function plannedCell(sheet: PlannedSheet, address: string): PlannedCell | undefined {
  const { row, column } = cellPosition(address);
  for (const range of sheet.ranges) {
    const top = cellPosition(range.address);
    const cell = range.rows[row - top.row]?.[column - top.column];
    if (cell) return cell;
  }
  return undefined;
}

function tableBlock(expected: ExpectedTemplate, key: string): TableBlock {
  const block = expected.spec.sheets
    .flatMap((s) => s.blocks)
    .find((b): b is TableBlock => b.kind === "table" && b.key === key);
  if (!block) throw new Error(`The spec of ${expected.record.templateId} has no table ${key}`);
  return block;
}

function templateColumns(
  expected: ExpectedTemplate,
  sheet: PlannedSheet,
  table: PlannedTable
): TemplateColumn[] {
  const { top, left, bottom } = rangeBounds(table.address);
  const columnAddress = (c: number) => rangeAddress(top + 1, left + c, bottom, left + c);
  return tableBlock(expected, table.key).columns.map((column, c) => {
    const strip = <T extends { address: string }>(planned: T): Omit<T, "address"> => {
      const rest: Partial<T> = { ...planned };
      delete rest.address;
      return rest as Omit<T, "address">;
    };
    const validation = sheet.validations.find((v) => v.address === columnAddress(c));
    return {
      key: column.key,
      header: column.header,
      kind: column.kind,
      type: column.type,
      formula: plannedCell(sheet, rangeAddress(top + 1, left + c, top + 1, left + c))?.formula,
      numberFormat: numberFormatFor(column.type, expected.record.options),
      validation: validation && strip(validation),
      conditionalFormats: sheet.conditionalFormats
        .filter((f) => f.address === columnAddress(c))
        .map(strip),
      total: table.totals?.find((t) => t.header === column.header)?.formula,
    };
  });
}

export function templateTables(expected: ExpectedTemplate): TemplateTable[] {
  return expected.sheets.flatMap((sheet) =>
    sheet.tables.map((table) => ({
      templateId: expected.record.templateId,
      key: table.key,
      name: table.name,
      sheet: sheet.name,
      columns: templateColumns(expected, sheet, table),
    }))
  );
}

export function templateFigures(expected: ExpectedTemplate): TemplateFigure[] {
  return expected.sheets.flatMap((sheet) =>
    sheet.names.map((name) => {
      const address = name.address.replace(/\$/g, "");
      return {
        templateId: expected.record.templateId,
        key: name.key,
        name: name.name,
        sheet: sheet.name,
        address,
        formula: plannedCell(sheet, address)?.formula,
      };
    })
  );
}
