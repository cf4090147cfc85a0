import { checkWorkbook, HealthReport } from "../workbook/maintain/healthCheck";
import { planRefresh, RefreshPlan } from "../workbook/maintain/refreshPlan";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { queueRefresh, undoRefresh } from "./applyRefresh";
import { readWorkbook } from "./readWorkbook";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";

export type { HealthReport } from "../workbook/maintain/healthCheck";
export type { Finding } from "../workbook/maintain/findings";

/** "Check workbook": reads the workbook (three syncs) and compares it with its templates. Changes nothing. */
export async function checkWorkbookHealth(host: ExcelHost = officeHost()): Promise<HealthReport> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(async (context) => checkWorkbook(await readWorkbook(context)));
  } catch (error) {
    throw explain(error, "Checking the workbook");
  }
}

/** The refresh preview: what refresh would change now, one line per change. Changes nothing. */
export async function previewRefresh(host: ExcelHost = officeHost()): Promise<readonly string[]> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(
      async (context) => planRefresh(await readWorkbook(context)).preview
    );
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

export interface RefreshResult {
  /** What was changed, one line per change (empty: nothing needed refreshing). */
  readonly changes: readonly string[];
}

/**
 * Refresh: reads the workbook again (the user may have typed since the preview), plans, and writes
 * the plan in one sync with calculation suspended, then recalculates: five syncs whatever the size.
 * On failure a second batch undoes what the write did (see undoRefresh for what it restores).
 */
export async function refreshWorkbook(
  host: ExcelHost = officeHost()
): Promise<WithUndo<RefreshResult>> {
  checkHost(host.requirements);
  return asOneUndoStep(host, refresh);
}

async function refresh(host: ExcelHost): Promise<Reverting<RefreshResult>> {
  let plan: RefreshPlan | undefined;
  let writing = false;
  try {
    return await host.excel.run(async (context) => {
      plan = planRefresh(await readWorkbook(context));
      if (plan.preview.length === 0) return { changes: [] };
      const workbook = context.workbook;
      workbook.application.suspendApiCalculationUntilNextSync();
      writing = true;
      queueRefresh(workbook, plan, nowOf(host).toISOString());
      await context.sync();
      workbook.application.calculate("Full");
      await context.sync();
      const written = plan;
      return { changes: plan.preview, revert: () => undoRefresh(host, written) };
    });
  } catch (error) {
    const failure = explain(error, "Repairing the workbook");
    if (!writing || !plan) throw failure;
    const undone = await undoRefresh(rollbackHost(host), plan).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: what the repair had started is undone.`
        : `${failure.message} Part of the repair may have been applied; run Check workbook to see the workbook's state.`,
      failure.code,
      !undone
    );
  }
}
