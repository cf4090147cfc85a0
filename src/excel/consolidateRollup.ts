import type { DepartmentSubmission } from "../workbook/consolidate/submission";
import { planRollup } from "../workbook/consolidate/planRollup";
import { carriedRates, missingRatesNote } from "../workbook/consolidate/rates";
import { readRollupHistory } from "../workbook/consolidate/rollupHistory";
import { freeName } from "../workbook/costData/costImportTarget";
import type { WorkbookReadBack } from "../workbook/maintain/readBack";
import { METADATA_HEADERS, METADATA_SHEET, metadataRows } from "../workbook/metadata";
import type { RenderPlan } from "../workbook/plan";
import { ROLLUP_TEMPLATE_ID, rollupOptions } from "../workbook/templates/enterpriseRollup";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { readWorkbook } from "./readWorkbook";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";
import { removeCreated } from "./generateWorkbooks";
import { queueFormulasAndFormats, queueMetadata, queueNames, queueSheet } from "./writePlan";

/** What the pane asks for: the departments to roll up and the roll-up's own settings. */
export interface RollupRequest {
  /** Duplicates already resolved (gatherSubmissions), in the order the files were picked. */
  readonly submissions: readonly DepartmentSubmission[];
  /** Given by the user; else rollupOptions chooses (the departments' common organisation, their most used currency). */
  readonly organisation?: string;
  readonly currency?: string;
  /** "YYYY-MM-DD": the consolidation's date, the history rows' date. */
  readonly date: string;
}

/** What the open workbook holds of an earlier roll-up, for the preview. */
export interface RollupTarget {
  /** The earlier roll-up's sheets, which writing replaces; empty when there is none. */
  readonly replaces: readonly string[];
  /** History rows the earlier roll-up holds, all kept. */
  readonly historyRows: number;
}

export interface RollupResult {
  /** The roll-up's sheets as written, the first one its front page. */
  readonly sheets: readonly string[];
  readonly replaced: readonly string[];
  /** History rows kept from the earlier roll-up (this consolidation adds one per department). */
  readonly historyKept: number;
  /** Departments no rate converts yet (missingRatesNote), said after the report. */
  readonly ratesNote?: string;
}

/** The earlier roll-up: its sheets, tables and defined names as they are in the workbook now. */
interface Earlier {
  readonly sheets: readonly string[];
  readonly tables: readonly string[];
  readonly names: readonly { readonly name: string; readonly formula: string }[];
}

/** Everything a rollback needs: what was there, the names the earlier roll-up stepped aside to, what was added. */
interface Written {
  readonly sheetsBefore: readonly string[];
  /** The sheet the user was on, shown again when the write is taken back. */
  readonly active: string;
  readonly earlier: Earlier;
  readonly tempSheets: readonly string[];
  readonly tempTables: readonly string[];
  readonly plan: RenderPlan;
  /** Store rows before the write; null when the store did not exist. */
  readonly storeRows: number | null;
}

const lower = (list: readonly string[]) => new Set(list.map((n) => n.toLowerCase()));

/** The newest roll-up instance's sheets, tables and names still in the workbook. */
function earlierRollup(readBack: WorkbookReadBack): Earlier {
  const records = readBack.templates.filter((t) => t.record.templateId === ROLLUP_TEMPLATE_ID);
  const record = records[records.length - 1]?.record;
  if (!record) return { sheets: [], tables: [], names: [] };
  const sheets = lower(record.sheets);
  const tables = lower(Object.values(record.tables));
  const names = lower(Object.values(record.names));
  return {
    sheets: readBack.sheetNames.filter((s) => sheets.has(s.toLowerCase())),
    tables: readBack.tableNames.filter((t) => tables.has(t.toLowerCase())),
    names: readBack.names.filter((n) => names.has(n.name.toLowerCase())),
  };
}

/** The roll-up planned for this workbook: the earlier roll-up's names are free again, its history and rates kept. */
function planFor(readBack: WorkbookReadBack, request: RollupRequest, earlier: Earlier) {
  const previous = readRollupHistory(readBack);
  const options = rollupOptions(request.submissions, {
    organisation: request.organisation,
    currency: request.currency,
    date: request.date,
  });
  const rates = carriedRates(previous, options.currency);
  const ratesNote = missingRatesNote(request.submissions, options.currency, rates);
  const ownSheets = lower(earlier.sheets);
  const ownNames = lower([...earlier.tables, ...earlier.names.map((n) => n.name)]);
  const plan = planRollup(
    {
      submissions: request.submissions,
      history: previous.history,
      date: request.date,
      rates,
    },
    options,
    {
      sheets: readBack.sheetNames.filter((s) => !ownSheets.has(s.toLowerCase())),
      tablesAndNames: [...readBack.tableNames, ...readBack.names.map((n) => n.name)].filter(
        (n) => !ownNames.has(n.toLowerCase())
      ),
    }
  );
  return { plan, historyKept: previous.history.length, ratesNote };
}

/** Reads what writing would replace: readWorkbook's syncs (one without a metadata store, else three). */
export async function readRollupTarget(host: ExcelHost = officeHost()): Promise<RollupTarget> {
  checkHost(host.requirements);
  try {
    return await host.excel.run(async (context) => {
      const readBack = await readWorkbook(context);
      return {
        replaces: earlierRollup(readBack).sheets,
        historyRows: readRollupHistory(readBack).history.length,
      };
    });
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}

/**
 * Writes the enterprise roll-up into the open workbook: values only, never links to the department
 * files. An earlier roll-up's own sheets are replaced (its history and typed rates carried into the new
 * one); nothing else is touched. The same syncs whatever the number of departments: readWorkbook's
 * (one in a workbook without a metadata store, else three), one write with calculation suspended, and
 * one to recalculate, put the new sheets where the old ones were and delete the old ones. A failure at
 * any point puts the workbook back as it was.
 */
export async function writeRollup(
  request: RollupRequest,
  host: ExcelHost = officeHost()
): Promise<WithUndo<RollupResult>> {
  checkHost(host.requirements);
  if (request.submissions.length === 0)
    throw new GenerationError("There is no department to roll up: choose at least one file.");
  return asOneUndoStep(host, (h) => consolidate(request, h));
}

async function consolidate(
  request: RollupRequest,
  host: ExcelHost
): Promise<Reverting<RollupResult>> {
  let written: Written | undefined;
  try {
    return await host.excel.run(async (context) => {
      // Loaded with readWorkbook's first sync.
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      const readBack = await readWorkbook(context);
      const earlier = earlierRollup(readBack);
      const { plan, historyKept, ratesNote } = planFor(readBack, request, earlier);
      const sheetsInUse = [...readBack.sheetNames, ...plan.sheets.map((s) => s.name)];
      const namesInUse = [
        ...readBack.tableNames,
        ...readBack.names.map((n) => n.name),
        ...plan.sheets.flatMap((s) => [
          ...s.tables.map((t) => t.name),
          ...s.names.map((n) => n.name),
        ]),
      ];
      const tempSheets: string[] = [];
      for (const sheet of earlier.sheets)
        tempSheets.push(freeName(sheet, [...sheetsInUse, ...tempSheets], "sheet"));
      const tempTables: string[] = [];
      for (const table of earlier.tables)
        tempTables.push(freeName(table, [...namesInUse, ...tempTables], "table"));
      const hasStore = readBack.sheetNames.some(
        (s) => s.toLowerCase() === METADATA_SHEET.toLowerCase()
      );
      const storeRows = hasStore ? (readBack.storeRows ?? 0) : null;
      written = {
        sheetsBefore: readBack.sheetNames,
        active: active.name,
        earlier,
        tempSheets,
        tempTables,
        plan,
        storeRows,
      };

      const workbook = context.workbook;
      workbook.application.suspendApiCalculationUntilNextSync();
      // The earlier roll-up steps aside (its names deleted, its tables and sheets renamed) so the new
      // one takes the same names; it is deleted only once the new one is written.
      for (const { name } of earlier.names) workbook.names.getItem(name).delete();
      earlier.tables.forEach((table, i) => (workbook.tables.getItem(table).name = tempTables[i]));
      earlier.sheets.forEach(
        (sheet, i) => (workbook.worksheets.getItem(sheet).name = tempSheets[i])
      );
      const old = tempSheets.map((temp) => workbook.worksheets.getItem(temp).load("position"));
      const sheets = plan.sheets.map((planned) => ({
        planned,
        sheet: queueSheet(workbook, planned),
      }));
      for (const { planned } of sheets) queueNames(workbook, planned);
      for (const { planned, sheet } of sheets) queueFormulasAndFormats(sheet, planned);
      queueMetadata(workbook, storeRows, metadataRows(plan, nowOf(host)));
      sheets[0]?.sheet.activate();
      await context.sync();

      workbook.application.calculate("Full");
      if (old.length > 0) {
        const first = Math.min(...old.map((s) => s.position));
        sheets.forEach(({ sheet }, i) => (sheet.position = first + i));
      }
      for (const sheet of old) sheet.delete();
      await context.sync();

      const made = {
        sheets: plan.sheets.map((s) => s.name),
        names: plan.sheets.flatMap((s) => s.names.map((n) => n.name)),
        metadataCreated: storeRows === null,
        metadataRows: storeRows,
      };
      return {
        // Replacing deleted the earlier roll-up's sheets: only Excel's own undo could bring them back.
        revert: earlier.sheets.length > 0 ? null : () => removeCreated(host, made),
        sheets: made.sheets,
        replaced: earlier.sheets,
        historyKept,
        ...(ratesNote ? { ratesNote } : {}),
      };
    });
  } catch (error) {
    const failure = explain(error, "Writing the roll-up");
    if (!written) throw failure;
    const undone = await undoWrite(rollbackHost(host), written).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      undone
        ? `${failure.message} Nothing was changed: the workbook is as it was before.`
        : `${failure.message} The roll-up could not be fully taken back: check the sheets ${written.plan.sheets
            .map((s) => `"${s.name}"`)
            .join(", ")} and the earlier roll-up's.`,
      failure.code,
      !undone
    );
  }
}

/**
 * Puts back what a failed write changed. The write may have stopped anywhere, so each step looks at
 * what is there: a sheet with a new name is removed only when it was not there before or its earlier
 * namesake has stepped aside; the earlier roll-up's sheets, tables and names get their names back.
 */
async function undoWrite(host: ExcelHost, written: Written): Promise<void> {
  const { earlier, tempSheets, tempTables, plan, storeRows } = written;
  await host.excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const tables = workbook.tables.load("items/name");
    const names = workbook.names.load("items/name");
    const store = workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
    await context.sync();
    const nowSheets = lower(sheets.items.map((s) => s.name));
    const nowTables = lower(tables.items.map((t) => t.name));
    const before = lower(written.sheetsBefore);
    const aside = new Set(
      earlier.sheets
        .filter((_, i) => nowSheets.has(tempSheets[i].toLowerCase()))
        .map((s) => s.toLowerCase())
    );
    const planned = new Set([
      ...plan.sheets.flatMap((s) => s.names.map((n) => n.name.toLowerCase())),
      ...earlier.names.map((n) => n.name.toLowerCase()),
    ]);
    for (const name of names.items) if (planned.has(name.name.toLowerCase())) name.delete();
    for (const sheet of sheets.items) {
      const key = sheet.name.toLowerCase();
      const isNew = plan.sheets.some((s) => s.name.toLowerCase() === key);
      if (isNew && (!before.has(key) || aside.has(key))) sheet.delete();
    }
    earlier.sheets.forEach((sheet, i) => {
      if (aside.has(sheet.toLowerCase())) workbook.worksheets.getItem(tempSheets[i]).name = sheet;
    });
    earlier.tables.forEach((table, i) => {
      if (nowTables.has(tempTables[i].toLowerCase()))
        workbook.tables.getItem(tempTables[i]).name = table;
    });
    for (const { name, formula } of earlier.names) workbook.names.add(name, formula);
    if (nowSheets.has(written.active.toLowerCase()) || aside.has(written.active.toLowerCase()))
      workbook.worksheets.getItem(written.active).activate();
    if (!store.isNullObject && storeRows === null) {
      // A store this write created; Excel refuses to delete a very hidden sheet: make it visible first.
      store.visibility = "Visible";
      store.delete();
    } else if (!store.isNullObject && storeRows !== null) {
      // The rows this write appended; the earlier ones stay.
      store.protection.unprotect();
      store.getRangeByIndexes(storeRows, 0, 1000, METADATA_HEADERS.length).clear();
      store.protection.protect();
    }
    await context.sync();
  });
}
