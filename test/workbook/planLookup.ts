import { CellValue, isErrorValue } from "../../src/domain/cellValue";
import { cellAddress, rangeSize } from "../../src/workbook/addresses";
import { planWorkbook } from "../../src/workbook/layout";
import { chooseNames } from "../../src/workbook/names";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import {
  PlannedCell,
  PlannedName,
  PlannedSheet,
  PlannedTable,
  RenderPlan,
} from "../../src/workbook/plan";
import { Template, WorkbookSpec } from "../../src/workbook/spec";

/**
 * Reading a RenderPlan (src/workbook/plan.ts) the way one reads a worksheet, for the workbook
 * tests: plan a template on its own, find the cell at an A1 address, read a table's data rows by
 * header, and read named figures by key or by defined name.
 *
 * Lookups that name something (a sheet, table or figure) throw when it is missing, so a test fails
 * on the lookup rather than on an undefined further on; `cellAt` returns undefined, as an address
 * may hold nothing.
 */

/** Where a lookup searches: a whole plan (every sheet, in order) or one of its sheets. */
export type PlanOrSheet = RenderPlan | PlannedSheet;

/** A planned cell that holds a formula. */
export type FormulaCell = PlannedCell & { readonly formula: string };

/** One template's build and plan. */
export interface TemplatePlan {
  readonly options: TemplateOptions;
  readonly spec: WorkbookSpec;
  readonly plan: RenderPlan;
}

const sheetsIn = (where: PlanOrSheet): readonly PlannedSheet[] =>
  "sheets" in where ? where.sheets : [where];

/** Plans specs into a workbook where no sheet, table or defined name is in use yet. */
export function planSpecs(specs: readonly WorkbookSpec[], options: TemplateOptions): RenderPlan {
  return planWorkbook(specs, options, chooseNames(specs, { sheets: [], tablesAndNames: [] }));
}

/** Builds one template with DEFAULT_OPTIONS and `overrides`, and plans it on its own. */
export function planTemplate(
  template: Template,
  overrides: Partial<TemplateOptions> = {}
): TemplatePlan {
  const options: TemplateOptions = { ...DEFAULT_OPTIONS, ...overrides };
  const spec = template.build(options);
  return { options, spec, plan: planSpecs([spec], options) };
}

/** A cell address, "C12" or "$C$12", as its 0-based row and column: { row: 11, column: 2 }. */
export function parseCell(address: string): { row: number; column: number } {
  if (address.includes(":")) throw new Error(`Not a single cell: ${address}`);
  // The range from A1 to a cell is as many rows and columns as the cell's 1-based row and column.
  const { rows, columns } = rangeSize(`A1:${address}`);
  return { row: rows - 1, column: columns - 1 };
}

/** The cell planned at an address of the sheet, or undefined where nothing is planned. */
export function cellAt(sheet: PlannedSheet, address: string): PlannedCell | undefined {
  const { row, column } = parseCell(address);
  for (const range of sheet.ranges) {
    const topLeft = parseCell(range.address);
    const cell = range.rows[row - topLeft.row]?.[column - topLeft.column];
    if (cell) return cell;
  }
  return undefined;
}

/** Every planned cell, sheet by sheet and range by range. */
export function allCells(where: PlanOrSheet): PlannedCell[] {
  return sheetsIn(where).flatMap((sheet) => sheet.ranges.flatMap((range) => range.rows.flat()));
}

/** The planned cells that hold a formula. */
export function formulaCells(where: PlanOrSheet): FormulaCell[] {
  return allCells(where).filter((cell): cell is FormulaCell => cell.formula !== undefined);
}

/** What a cell shows: a formula's expected value, otherwise its constant. */
export function shown(cell: PlannedCell | undefined): CellValue {
  if (cell === undefined) return undefined;
  return cell.formula !== undefined ? cell.expected : cell.value;
}

/** The plan's sheet with this key. */
export function sheetOf(plan: RenderPlan, key: string): PlannedSheet {
  const sheet = plan.sheets.find((s) => s.key === key);
  if (!sheet) throw new Error(`No sheet ${key}`);
  return sheet;
}

/** The first table whose key or name (as chosen for this run) is `table`, with its sheet. */
function locateTable(
  where: PlanOrSheet,
  table: string
): { sheet: PlannedSheet; planned: PlannedTable } {
  for (const sheet of sheetsIn(where)) {
    const planned = sheet.tables.find((t) => t.key === table || t.name === table);
    if (planned) return { sheet, planned };
  }
  throw new Error(`No table ${table}`);
}

/** The table whose key or name is `table`. */
export function tableOf(where: PlanOrSheet, table: string): PlannedTable {
  return locateTable(where, table).planned;
}

/**
 * The data rows of the table whose key or name is `table` (not its header or totals row), each as
 * header -> cell.
 */
export function tableRows(where: PlanOrSheet, table: string): Record<string, PlannedCell>[] {
  const { sheet, planned } = locateTable(where, table);
  const header = parseCell(planned.address.split(":")[0]);
  const dataRows = rangeSize(planned.address).rows - 1;
  return Array.from({ length: dataRows }, (_, r) =>
    Object.fromEntries(
      planned.headers.map((name, c) => {
        const address = cellAddress(header.row + 1 + r, header.column + c);
        const cell = cellAt(sheet, address);
        if (!cell) throw new Error(`Nothing planned at ${address} in table ${planned.name}`);
        return [name, cell];
      })
    )
  );
}

/** What one column of a table shows, row by row. */
export function tableColumn(where: PlanOrSheet, table: string, header: string): CellValue[] {
  return tableRows(where, table).map((row) => shown(row[header]));
}

/** The cell behind the first of the names that `matches`; `what` describes it for the error. */
function namedCell(
  where: PlanOrSheet,
  matches: (name: PlannedName) => boolean,
  what: string
): PlannedCell {
  for (const sheet of sheetsIn(where)) {
    const name = sheet.names.find(matches);
    if (!name) continue;
    const cell = cellAt(sheet, name.address);
    if (!cell) throw new Error(`Nothing planned at ${name.address}, the ${what}`);
    return cell;
  }
  throw new Error(`No ${what}`);
}

/** The cell of the named figure with this key (the template's key, not the defined name). */
export function figure(where: PlanOrSheet, key: string): PlannedCell {
  return namedCell(where, (n) => n.key === key, `named cell with key ${key}`);
}

/** What the named figure with this key shows. */
export function figureValue(where: PlanOrSheet, key: string): CellValue {
  return shown(figure(where, key));
}

/** What the cell behind a defined name, as chosen for this run (e.g. "TeamBudgetFY"), shows. */
export function named(where: PlanOrSheet, definedName: string): CellValue {
  return shown(namedCell(where, (n) => n.name === definedName, `defined name ${definedName}`));
}

/** Every formula mode with and without sample data: the variants each template must plan in. */
export const MODE_AND_SAMPLE_VARIANTS = [
  ["addin", true],
  ["addin", false],
  ["portable", true],
  ["portable", false],
] as const;

/** Asserts that every formula cell has a known value that is not an error. */
export function expectNoErrorValues(where: PlanOrSheet, atLeast = 1): void {
  const computed = formulaCells(where);
  expect(computed.length).toBeGreaterThanOrEqual(atLeast);
  for (const cell of computed) {
    expect(isErrorValue(cell.expected)).toBe(false);
    expect(cell.expected).not.toBeUndefined();
    expect(cell.expected).not.toBeNull();
  }
}
