import { FormulaMode } from "../workbook/expr/renderFormula";
import { OPTIONS_COLUMN, UPDATED_COLUMN } from "../workbook/metadata";
import { ConversionPlan, planConversion } from "../workbook/maintain/conversionPlan";
import {
  CONVERTED_SETTING,
  readConverted,
  writeConverted,
} from "../workbook/maintain/convertedFormulas";
import { RefreshPlan } from "../workbook/maintain/refreshPlan";
import { queueRefresh, undoRefresh } from "./applyRefresh";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { readWorkbook } from "./readWorkbook";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";
import { queueStoreCells } from "./writePlan";

interface Read {
  readonly plan: ConversionPlan;
  /** The setting's value before (undefined when the workbook had none), for undo. */
  readonly setting: unknown;
}

/** Reads in readWorkbook's three syncs: the recorded user formulas load with its first. */
async function readAndPlan(context: Excel.RequestContext, mode: FormulaMode): Promise<Read> {
  const setting = context.workbook.settings.getItemOrNullObject(CONVERTED_SETTING);
  setting.load("value");
  const readBack = await readWorkbook(context);
  // readWorkbook synced (three times), which the lint rules cannot see across the call.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
  const value = setting.isNullObject ? undefined : setting.value;
  return { plan: planConversion(readBack, mode, readConverted(value)), setting: value };
}

/** The plan's cells as a refresh of cells only: the refresh writer and its undo do the rest. */
const asRefresh = (plan: ConversionPlan): RefreshPlan => ({
  sheets: [],
  blocks: [],
  charts: [],
  columns: [],
  cells: plan.cells,
  names: [],
  formats: [],
  stamps: [],
  preview: [],
});

function queueStore(
  workbook: Excel.Workbook,
  rows: readonly { row: number; options: string; updated: string }[]
): void {
  queueStoreCells(
    workbook,
    rows.flatMap(({ row, options, updated }) => [
      { row, column: OPTIONS_COLUMN, value: options },
      { row, column: UPDATED_COLUMN, value: updated },
    ])
  );
}

/**
 * What converting to `mode` would change now (per sheet and template), and apart from that what it
 * leaves alone and why. Three syncs; changes nothing.
 */
export async function previewConversion(
  mode: FormulaMode,
  host: ExcelHost = officeHost()
): Promise<{ readonly changes: readonly string[]; readonly left: readonly string[] }> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(async (context) => {
      const { plan } = await readAndPlan(context, mode);
      return { changes: plan.changes, left: plan.left };
    });
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

export interface ConversionResult {
  /** What was changed (empty: nothing to convert). */
  readonly changes: readonly string[];
  /** What was left as it is, and why (formulas it cannot convert faithfully, cells changed since). */
  readonly left: readonly string[];
}

/**
 * "Make portable" (mode "portable") or "Use add-in functions" (mode "addin"): reads again, then
 * writes every conversion, the recorded mode and the record of user formulas in one sync with
 * calculation suspended, and recalculates: five syncs whatever the size. On failure the write is
 * undone (undoRefresh for the cells, then the store row and the setting).
 */
export async function convertFormulas(
  mode: FormulaMode,
  host: ExcelHost = officeHost()
): Promise<WithUndo<ConversionResult>> {
  checkHost(host.requirements);
  return asOneUndoStep(host, (h) => convert(mode, h));
}

async function convert(mode: FormulaMode, host: ExcelHost): Promise<Reverting<ConversionResult>> {
  let read: Read | undefined;
  let writing = false;
  try {
    return await host.excel.run(async (context) => {
      read = await readAndPlan(context, mode);
      const { plan } = read;
      if (plan.cells.length === 0 && plan.options.length === 0 && !plan.recordChanged)
        return { changes: [], left: plan.left };
      const workbook = context.workbook;
      workbook.application.suspendApiCalculationUntilNextSync();
      writing = true;
      queueRefresh(workbook, asRefresh(plan), "");
      const stamp = nowOf(host).toISOString();
      queueStore(
        workbook,
        plan.options.map((o) => ({ row: o.row, options: o.options, updated: stamp }))
      );
      if (plan.recordChanged)
        queueRecord(
          workbook,
          plan.recorded.length > 0 ? writeConverted(plan.recorded) : undefined,
          read.setting !== undefined
        );
      await context.sync();
      workbook.application.calculate("Full");
      await context.sync();
      const written = read;
      return {
        changes: plan.changes,
        left: plan.left,
        revert: () => undoConversion(host, written),
      };
    });
  } catch (error) {
    const failure = explain(error, "Converting the formulas");
    if (!writing || !read) throw failure;
    const undone = await undoConversion(rollbackHost(host), read).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: every formula is back as it was.`
        : `${failure.message} Part of the conversion may have been applied; run Check workbook to see the workbook's state.`,
      failure.code,
      !undone
    );
  }
}

/** Sets the record of user formulas, or removes it (`exists`: the workbook has one now). */
function queueRecord(workbook: Excel.Workbook, value: string | undefined, exists: boolean): void {
  if (value !== undefined) workbook.settings.add(CONVERTED_SETTING, value);
  else if (exists) workbook.settings.getItem(CONVERTED_SETTING).delete();
}

/** Puts back the cells (undoRefresh), then the store rows and the record as they were. */
async function undoConversion(host: ExcelHost, { plan, setting }: Read): Promise<void> {
  await undoRefresh(host, asRefresh(plan));
  await host.excel.run(async (context) => {
    const workbook = context.workbook;
    const now = workbook.settings.getItemOrNullObject(CONVERTED_SETTING);
    now.load("value");
    await context.sync();
    const current = now.isNullObject ? undefined : now.value;
    queueStore(
      workbook,
      plan.options.map((o) => ({
        row: o.row,
        options: o.previousOptions,
        updated: o.previousUpdated,
      }))
    );
    if (plan.recordChanged && current !== setting)
      queueRecord(workbook, setting === undefined ? undefined : String(setting), !now.isNullObject);
    await context.sync();
  });
}
