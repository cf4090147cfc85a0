import { planUpgrade, TemplateUpgrade, UpgradePlan } from "../workbook/maintain/upgradePlan";
import { queueRefresh, undoRefresh } from "./applyRefresh";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { readWorkbook } from "./readWorkbook";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";

export type { TemplateUpgrade } from "../workbook/maintain/upgradePlan";

export interface UpgradePreview {
  /** Templates the workbook holds at an earlier version ([]: nothing to upgrade). */
  readonly upgrades: readonly TemplateUpgrade[];
  /** What the upgrade would change, one line per change. */
  readonly changes: readonly string[];
}

/** The upgrade preview: which templates would move to which version and what changes. Changes nothing. */
export async function previewUpgrade(host: ExcelHost = officeHost()): Promise<UpgradePreview> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(async (context) => {
      const plan = planUpgrade(await readWorkbook(context));
      return { upgrades: plan.upgrades, changes: plan.refresh.preview };
    });
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

export interface UpgradeResult {
  readonly upgrades: readonly TemplateUpgrade[];
  /** What was changed, one line per change (empty: nothing needed upgrading). */
  readonly changes: readonly string[];
}

/**
 * Upgrade: reads the workbook again (the user may have typed since the preview), plans, writes the
 * plan in one sync with calculation suspended and recalculates: five syncs whatever the size, as
 * refresh. On failure the write is undone as a refresh's is (undoRefresh), versions included.
 */
export async function upgradeWorkbook(
  host: ExcelHost = officeHost()
): Promise<WithUndo<UpgradeResult>> {
  checkHost(host.requirements);
  return asOneUndoStep(host, upgrade);
}

async function upgrade(host: ExcelHost): Promise<Reverting<UpgradeResult>> {
  let plan: UpgradePlan | undefined;
  let writing = false;
  try {
    return await host.excel.run(async (context) => {
      plan = planUpgrade(await readWorkbook(context));
      if (plan.upgrades.length === 0) return { upgrades: [], changes: [] };
      const workbook = context.workbook;
      workbook.application.suspendApiCalculationUntilNextSync();
      writing = true;
      queueRefresh(workbook, plan.refresh, nowOf(host).toISOString());
      await context.sync();
      workbook.application.calculate("Full");
      await context.sync();
      const written = plan.refresh;
      return {
        upgrades: plan.upgrades,
        changes: plan.refresh.preview,
        revert: () => undoRefresh(host, written),
      };
    });
  } catch (error) {
    const failure = explain(error, "Upgrading the workbook");
    if (!writing || !plan) throw failure;
    const undone = await undoRefresh(rollbackHost(host), plan.refresh).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: what the upgrade had started is undone.`
        : `${failure.message} Part of the upgrade may have been applied; run Check workbook to see the workbook's state.`,
      failure.code,
      !undone
    );
  }
}
