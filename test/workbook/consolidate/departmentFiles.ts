import { CellValue } from "../../../src/domain/cellValue";
import { Sourced } from "../../../src/workbook/consolidate/submission";
import { cellAddress, cellPosition, rangeBounds } from "../../../src/workbook/addresses";
import { planTemplates } from "../../../src/workbook/generate";
import { planWorkbook } from "../../../src/workbook/layout";
import { RawCell, ReadSheet, WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { chooseNames } from "../../../src/workbook/names";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { PlannedSheet, RenderPlan } from "../../../src/workbook/plan";
import { TEMPLATES } from "../../../src/workbook/templates";
import { buildAt } from "../../../src/workbook/templateVersions";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { NOW } from "../../excel/hostFor";
import { cellAt, shown, tableRows } from "../planLookup";

/**
 * Department workbooks for the consolidation tests, made by the project's own code: planned like
 * `generate` plans them (or at chosen earlier template versions, as an add-in of that time wrote
 * them), written by the file adapter and read back by the file host.
 */
export interface DepartmentFile {
  readonly file: string;
  readonly plan: RenderPlan;
  readonly bytes: Uint8Array;
  readonly readBack: WorkbookReadBack;
}

export { NOW };

export const departmentOptions = (overrides: Partial<TemplateOptions>): TemplateOptions => ({
  ...DEFAULT_OPTIONS,
  ...overrides,
});

/** The practice set (or `ids`) at the current versions. */
export async function departmentFile(
  file: string,
  options: TemplateOptions,
  ids: readonly string[] = TEMPLATES.map((t) => t.id)
): Promise<DepartmentFile> {
  const { plan } = planTemplates(ids, options, { sheets: ["Sheet1"], tablesAndNames: [] });
  return written(file, plan);
}

/** Templates at chosen versions (template id -> version), as generateAtVersion makes them. */
export async function departmentFileAt(
  file: string,
  options: TemplateOptions,
  versions: Readonly<Record<string, number>>
): Promise<DepartmentFile> {
  const specs = TEMPLATES.filter((t) => t.id in versions).map((t) => {
    const spec = buildAt(t, versions[t.id], options);
    if (!spec) throw new Error(`${t.id} has no version ${versions[t.id]}`);
    return spec;
  });
  const names = chooseNames(specs, { sheets: ["Sheet1"], tablesAndNames: [] });
  return written(file, planWorkbook(specs, options, names, []));
}

async function written(file: string, plan: RenderPlan): Promise<DepartmentFile> {
  const { buffer } = await writeXlsxBuffer(plan, NOW);
  const bytes = new Uint8Array(buffer);
  return { file, plan, bytes, readBack: (await readWorkbookFile(bytes)).readBack };
}

/** The planned sheet holding the named figure with this key, and the figure's cell ("B12"). */
export function namedAt(plan: RenderPlan, key: string): { sheet: PlannedSheet; cell: string } {
  for (const sheet of plan.sheets) {
    const name = sheet.names.find((n) => n.key === key);
    if (name) return { sheet, cell: name.address.replace(/\$/g, "") };
  }
  throw new Error(`No named figure ${key}`);
}

/** The data cells of a planned table's column, "H5:H20" (or "H5" for one row). */
export function plannedColumn(plan: RenderPlan, table: string, header: string): string {
  for (const sheet of plan.sheets) {
    const planned = sheet.tables.find((t) => t.key === table || t.name === table);
    if (!planned) continue;
    const { top, left, bottom } = rangeBounds(planned.address);
    const column = left + planned.headers.indexOf(header);
    const first = cellAddress(top + 1, column);
    return bottom === top + 1 ? first : `${first}:${cellAddress(bottom, column)}`;
  }
  throw new Error(`No table ${table}`);
}

/** The cell of data row `row` (0-based) under `header` in a planned table, "H7". */
export function plannedCellAddress(
  plan: RenderPlan,
  table: string,
  row: number,
  header: string
): string {
  for (const sheet of plan.sheets) {
    const planned = sheet.tables.find((t) => t.key === table || t.name === table);
    if (!planned) continue;
    const { top, left } = rangeBounds(planned.address);
    return cellAddress(top + 1 + row, left + planned.headers.indexOf(header));
  }
  throw new Error(`No table ${table}`);
}

export const num = (value: unknown): number => (typeof value === "number" ? value : 0);

/** A planned table's data rows, header -> what the cell shows. */
export const rows = (plan: RenderPlan, table: string): Record<string, CellValue>[] =>
  tableRows(plan, table).map((row) =>
    Object.fromEntries(Object.entries(row).map(([header, cell]) => [header, shown(cell)]))
  );

/**
 * The in-year value of the ledger's validated rows of one kind ("Savings" or "Avoidance"), worked out
 * from the ledger's inputs: (baseline - new cost per month) x months in the fiscal year.
 */
export function validatedInYear(plan: RenderPlan, kind: string): number {
  return rows(plan, "SavingsLedger")
    .filter((r) => r["Savings or avoidance"] === kind && r["Validated by finance"] === "Y")
    .reduce(
      (sum, r) =>
        sum +
        (num(r["Baseline cost per month"]) - num(r["New cost per month"])) *
          num(r["Months in fiscal year"]),
      0
    );
}

/** What the plan shows at a sheet's cell. */
export function shownAt(plan: RenderPlan, sheetName: string, cell: string): CellValue {
  const sheet = plan.sheets.find((s) => s.name === sheetName);
  const planned = sheet && cellAt(sheet, cell);
  if (!planned) throw new Error(`Nothing planned at ${sheetName}!${cell}`);
  return shown(planned);
}

/** A named figure read: the value the plan computed for its cell, from the cell its name points at. */
export function expectNamedIn(
  made: DepartmentFile,
  figure: Sourced<unknown> | undefined,
  key: string
): void {
  const { sheet, cell } = namedAt(made.plan, key);
  expect(figure?.source).toEqual({ file: made.file, sheet: sheet.name, cell });
  const expected = shownAt(made.plan, sheet.name, cell);
  if (typeof expected === "number") expect(figure?.value).toBeCloseTo(expected, 9);
  else expect(figure?.value).toBe(expected === "" || expected === null ? null : expected);
}

/** The read-back with one cell's formula and value replaced, as typing over it does. */
export function typedOver(
  readBack: WorkbookReadBack,
  sheet: string,
  address: string,
  value: RawCell
): WorkbookReadBack {
  const sheets = readBack.sheets.map((s): ReadSheet => {
    if (s.name !== sheet || !s.used) return s;
    const origin = cellPosition(s.used.address.split(":")[0]);
    const { row, column } = cellPosition(address);
    const replace = (grid: readonly (readonly RawCell[])[]) =>
      grid.map((cells, r) =>
        r === row - origin.row
          ? cells.map((c, i) => (i === column - origin.column ? value : c))
          : cells
      );
    return {
      ...s,
      used: { ...s.used, formulas: replace(s.used.formulas), values: replace(s.used.values) },
    };
  });
  return { ...readBack, sheets };
}
