import { planTemplates } from "../workbook/generate";
import {
  METADATA_HEADERS,
  METADATA_SHEET,
  metadataRows,
  readInstalled,
} from "../workbook/metadata";
import { TemplateOptions, withReportingDate } from "../workbook/options";
import { ChosenNames } from "../workbook/names";
import { ExcelHost, nowOf, officeHost, rollbackHost } from "./host";
import { explain, GenerationCancelled, GenerationError } from "./hostErrors";
import { checkHost } from "./hostSupport";
import { asOneUndoStep, Reverting, WithUndo } from "./undoStep";
import { queueFormulasAndFormats, queueMetadata, queueNames, queueSheet } from "./writePlan";

export type { ExcelHost } from "./host";
export { officeHost } from "./host";

export interface GenerationResult {
  /** Sheets created, in order, by template. */
  readonly sheets: readonly { readonly templateId: string; readonly name: string }[];
  readonly renamed: ChosenNames["renamed"];
  readonly addedForLinks: readonly string[];
  /** Templates already in the workbook that the new ones link to. */
  readonly linkedTo: readonly string[];
}

/** How many named steps a run reports: checking Excel, reading the workbook, writing N sheets, recalculating. */
export const GENERATION_STEP_COUNT = 4;

export interface GenerationProgress {
  /** Called as each step starts: "Checking Excel", "Reading the workbook", "Writing 9 sheets", "Recalculating". */
  readonly onStep?: (step: string) => void;
  /**
   * Cancels the run if aborted before the write starts (the only point where stopping leaves nothing
   * behind): the run then rejects with GenerationCancelled and the workbook is untouched. Once writing
   * has started the run completes (or fails and removes what it wrote) as usual.
   */
  readonly signal?: AbortSignal;
}

/**
 * Generates templates into the open workbook: three syncs on success (read the names in use, write
 * everything, recalculate), all or nothing (a failure removes whatever this run created and says what failed),
 * and never over an existing sheet, table or name (free names are chosen and reported).
 */
export async function generateWorkbooks(
  ids: readonly string[],
  options: TemplateOptions,
  host: ExcelHost = officeHost(),
  progress: GenerationProgress = {}
): Promise<WithUndo<GenerationResult>> {
  progress.onStep?.("Checking Excel");
  checkHost(host.requirements);
  return asOneUndoStep(host, (h) => generate(ids, options, h, progress));
}

async function generate(
  ids: readonly string[],
  options: TemplateOptions,
  host: ExcelHost,
  progress: GenerationProgress
): Promise<Reverting<GenerationResult>> {
  const step = progress.onStep ?? (() => undefined);
  const cancelled = () => progress.signal?.aborted === true;
  if (cancelled()) throw new GenerationCancelled();
  let created:
    | { sheets: string[]; names: string[]; metadataCreated: boolean; metadataRows: number | null }
    | undefined;
  try {
    return await host.excel.run(async (context) => {
      step("Reading the workbook");
      const workbook = context.workbook;
      const sheets = workbook.worksheets.load("items/name");
      const tables = workbook.tables.load("items/name");
      const names = workbook.names.load("items/name");
      const metadata = workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
      const used = metadata.getUsedRangeOrNullObject(true);
      used.load("values");
      await context.sync();

      const storeValues = metadata.isNullObject || used.isNullObject ? [] : used.values;
      const existingMetadataRows = metadata.isNullObject ? null : storeValues.length;
      const { plan, renamed, addedForLinks, linkedTo } = planTemplates(
        ids,
        withReportingDate(options, nowOf(host)),
        {
          sheets: sheets.items.map((s) => s.name),
          tablesAndNames: [...tables.items.map((t) => t.name), ...names.items.map((n) => n.name)],
        },
        readInstalled(storeValues)
      );
      // The last safe point: nothing is queued yet, so stopping here leaves the workbook as it was.
      if (cancelled()) throw new GenerationCancelled();
      created = {
        sheets: plan.sheets.map((s) => s.name),
        names: plan.sheets.flatMap((s) => s.names.map((n) => n.name)),
        metadataCreated: existingMetadataRows === null,
        metadataRows: existingMetadataRows,
      };

      step(`Writing ${plan.sheets.length} ${plan.sheets.length === 1 ? "sheet" : "sheets"}`);
      workbook.application.suspendApiCalculationUntilNextSync();
      const written = plan.sheets.map((planned) => ({
        planned,
        sheet: queueSheet(workbook, planned),
      }));
      for (const { planned } of written) queueNames(workbook, planned);
      for (const { planned, sheet } of written) queueFormulasAndFormats(sheet, planned);
      queueMetadata(workbook, existingMetadataRows, metadataRows(plan, nowOf(host)));
      written[0]?.sheet.activate();
      await context.sync();
      // Calculation was suspended for the write: recalculate so every dependency is up to date.
      step("Recalculating");
      workbook.application.calculate("Full");
      await context.sync();

      const made = created;
      return {
        revert: () => removeCreated(host, made),
        sheets: plan.templates.flatMap((t) =>
          t.sheets.map((name) => ({ templateId: t.templateId, name }))
        ),
        renamed,
        addedForLinks,
        linkedTo,
      };
    });
  } catch (error) {
    const failure = explain(error, "Creating the sheets");
    if (!created) throw failure;
    const sheets = created.sheets;
    const cleaned = await removeCreated(rollbackHost(host), created).then(
      () => true,
      () => false
    );
    throw new GenerationError(
      cleaned
        ? `${failure.message} Nothing was changed: the sheets this run had started are removed.`
        : `${failure.message} Some sheets this run started could not be removed: delete ${sheets.map((s) => `"${s}"`).join(", ")} if you see them.`,
      failure.code,
      !cleaned
    );
  }
}

/** Undoes a failed run (or roll forward): its sheets with their tables and charts, names and store rows. */
export async function removeCreated(
  host: ExcelHost,
  created: {
    sheets: string[];
    names: string[];
    metadataCreated: boolean;
    metadataRows: number | null;
  }
): Promise<void> {
  await host.excel.run(async (context) => {
    const workbook = context.workbook;
    const sheets = workbook.worksheets.load("items/name");
    const names = workbook.names.load("items/name");
    await context.sync();
    const ours = new Set(created.sheets.map((n) => n.toLowerCase()));
    if (created.metadataCreated) ours.add(METADATA_SHEET.toLowerCase());
    for (const name of names.items) if (created.names.includes(name.name)) name.delete();
    for (const sheet of sheets.items) {
      if (!ours.has(sheet.name.toLowerCase())) continue;
      // Excel refuses to delete a very hidden sheet (the metadata store): make it visible first.
      sheet.visibility = "Visible";
      sheet.delete();
    }
    if (!created.metadataCreated && created.metadataRows !== null) {
      // Rows this run appended to an existing store: clear them, keep the earlier ones.
      const store = workbook.worksheets.getItem(METADATA_SHEET);
      store.protection.unprotect();
      store.getRangeByIndexes(created.metadataRows, 0, 1000, METADATA_HEADERS.length).clear();
      store.protection.protect();
    }
    await context.sync();
  });
}
