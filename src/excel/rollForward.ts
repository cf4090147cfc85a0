import { metadataRows, OPTIONS_COLUMN } from "../workbook/metadata";
import { WorkbookReadBack } from "../workbook/maintain/readBack";
import { ColumnAddition } from "../workbook/maintain/refreshPlan";
import { planFiscalYearRollForward } from "../workbook/maintain/rollFiscalYear";
import { planPeriodRollForward } from "../workbook/maintain/rollPeriods";
import { CELL_LOOKS } from "../workbook/styles";
import { queueRefresh, undoRefresh } from "./applyRefresh";
import { removeCreated } from "./generateWorkbooks";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { readWorkbook } from "./readWorkbook";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";
import {
  applyLook,
  queueFormulasAndFormats,
  queueMetadata,
  queueNames,
  queueSheet,
  queueStoreCells,
} from "./writePlan";

/** "period": the KPI tracker's next month (or quarter); "fiscalYear": the budget's and staffing plan's next year. */
export type RollForwardKind = "period" | "fiscalYear";

export interface RollForwardResult {
  /** What changes (preview) or changed (after rolling), one line each; empty: nothing to roll. */
  readonly changes: readonly string[];
  /** What is not rolled and why, e.g. a budget whose twelve months are all there. */
  readonly notes: readonly string[];
}

/** A planned roll forward: its lines, how to queue its one write, and how to undo it. */
interface Work extends RollForwardResult {
  queue(workbook: Excel.Workbook, stamp: string): void;
  undo(host: ExcelHost): Promise<void>;
}

async function run(host: ExcelHost, batch: (workbook: Excel.Workbook) => void): Promise<void> {
  await host.excel.run(async (context) => {
    batch(context.workbook);
    await context.sync();
  });
}

function queueOptions(workbook: Excel.Workbook, cells: readonly { row: number; value: string }[]) {
  queueStoreCells(
    workbook,
    cells.map(({ row, value }) => ({ row, column: OPTIONS_COLUMN, value }))
  );
}

/** New period columns look like the template's: shaded and unlocked for input, plain for formulas. */
function queueLooks(workbook: Excel.Workbook, columns: readonly ColumnAddition[]) {
  for (const added of columns) {
    const body = workbook.tables
      .getItem(added.table)
      .columns.getItem(added.header)
      .getDataBodyRange();
    // Range.format is a navigation property: nothing is read, so no load or sync is needed.
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    applyLook(body.format, CELL_LOOKS[added.formula ? "computed" : "input"]);
  }
}

function periodWork(readBack: WorkbookReadBack, months: number): Work {
  const plan = planPeriodRollForward(readBack, months);
  return {
    changes: plan.preview,
    notes: plan.notes,
    queue: (workbook, stamp) => {
      queueOptions(
        workbook,
        plan.options.map((o) => ({ row: o.row, value: o.next }))
      );
      queueRefresh(workbook, plan.refresh, stamp);
      queueLooks(workbook, plan.refresh.columns);
    },
    undo: async (host) => {
      await undoRefresh(host, plan.refresh);
      await run(host, (workbook) =>
        queueOptions(
          workbook,
          plan.options.map((o) => ({ row: o.row, value: o.previous }))
        )
      );
    },
  };
}

function fiscalYearWork(readBack: WorkbookReadBack, now: Date): Work {
  const plan = planFiscalYearRollForward(readBack);
  const sheets = plan.plans.flatMap((p) => p.sheets);
  return {
    changes: plan.preview,
    notes: plan.notes,
    queue: (workbook, stamp) => {
      const written = sheets.map((planned) => ({ planned, sheet: queueSheet(workbook, planned) }));
      for (const { planned } of written) queueNames(workbook, planned);
      for (const { planned, sheet } of written) queueFormulasAndFormats(sheet, planned);
      queueMetadata(
        workbook,
        readBack.storeRows ?? 0,
        plan.plans.flatMap((p) => metadataRows(p, now))
      );
      queueRefresh(workbook, plan.relink, stamp);
      queueOptions(
        workbook,
        plan.options.map((o) => ({ row: o.row, value: o.next }))
      );
    },
    undo: async (host) => {
      await undoRefresh(host, plan.relink);
      await run(host, (workbook) =>
        queueOptions(
          workbook,
          plan.options.map((o) => ({ row: o.row, value: o.previous }))
        )
      );
      await removeCreated(host, {
        sheets: sheets.map((s) => s.name),
        names: sheets.flatMap((s) => s.names.map((n) => n.name)),
        metadataCreated: false,
        metadataRows: readBack.storeRows ?? 0,
      });
    },
  };
}

function plan(kind: RollForwardKind, readBack: WorkbookReadBack, host: ExcelHost, months: number) {
  return kind === "period" ? periodWork(readBack, months) : fiscalYearWork(readBack, nowOf(host));
}

/**
 * What rolling forward would do now, changing nothing: three syncs. `months` is 1 for the next month,
 * 3 for the next quarter (period only).
 */
export async function previewRollForward(
  kind: RollForwardKind,
  host: ExcelHost = officeHost(),
  months = 1
): Promise<RollForwardResult> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(async (context) => {
      const { changes, notes } = plan(kind, await readWorkbook(context), host, months);
      return { changes, notes };
    });
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

/**
 * Rolls forward: reads the workbook again (three syncs), writes everything in one sync with
 * calculation suspended, then recalculates: five syncs whatever the size. Input cells are never
 * written. On failure a second batch puts the workbook back as it was.
 */
export async function rollForward(
  kind: RollForwardKind,
  host: ExcelHost = officeHost(),
  months = 1
): Promise<WithUndo<RollForwardResult>> {
  checkHost(host.requirements);
  return asOneUndoStep(host, (h) => roll(kind, h, months));
}

async function roll(
  kind: RollForwardKind,
  host: ExcelHost,
  months: number
): Promise<Reverting<RollForwardResult>> {
  let work: Work | undefined;
  try {
    return await host.excel.run(async (context) => {
      const planned = plan(kind, await readWorkbook(context), host, months);
      if (planned.changes.length === 0) return { changes: [], notes: planned.notes };
      const workbook = context.workbook;
      workbook.application.suspendApiCalculationUntilNextSync();
      work = planned;
      planned.queue(workbook, nowOf(host).toISOString());
      await context.sync();
      workbook.application.calculate("Full");
      await context.sync();
      return {
        changes: planned.changes,
        notes: planned.notes,
        revert: () => planned.undo(host),
      };
    });
  } catch (error) {
    const failure = explain(error, "Rolling forward");
    if (!work) throw failure;
    const undone = await work.undo(rollbackHost(host)).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: what the roll forward had started is undone.`
        : `${failure.message} Part of the roll forward may have been applied; run Check workbook to see the workbook's state.`,
      failure.code,
      !undone
    );
  }
}
