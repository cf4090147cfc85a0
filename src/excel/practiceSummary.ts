import { COST_DATA_MARKER, ImportStamp, readImportStamp } from "../workbook/costData/costDataSheet";
import { latestPerTemplate, METADATA_SHEET, readInstances } from "../workbook/metadata";
import { ExcelHost, officeHost } from "./host";
import { explain } from "./hostErrors";

/** A template instance the workbook's metadata store lists (a template can have several: sheets differ). */
export interface InstalledSummary {
  readonly templateId: string;
  readonly version: number;
  readonly sheets: readonly string[];
  /** How its formulas are written: FINOPS functions or their portable twins. */
  readonly formulaMode: "addin" | "portable";
}

/** The practice at a glance: what the open workbook holds and its headline figures (null when not there). */
export interface PracticeSummary {
  readonly templates: readonly InstalledSummary[];
  readonly maturity: { readonly level: string | null; readonly score: number | null } | null;
  readonly kpis: { readonly green: number; readonly amber: number; readonly red: number } | null;
  /** The team budget's year to date, in its currency (null without a calculated budget). */
  readonly budget: {
    readonly currency: string;
    readonly budgetYtd: number;
    readonly actualYtd: number;
    readonly budgetFy: number | null;
    /** "On budget", "Over budget"... as the sheet says it. */
    readonly status: string | null;
  } | null;
  /** The savings ledger's savings and cost avoidance validated by finance, annualised. */
  readonly validated: {
    readonly currency: string;
    readonly savings: number;
    readonly avoidance: number;
  } | null;
  /** When the Cost data sheet was imported and which months it holds. */
  readonly lastImport: ImportStamp | null;
}

/** How many cells down the Cost data sheet's first column its title and notes reach. */
const IMPORT_NOTES_ROWS = 16;

/** The defined names the summary reads, by the key the metadata store records them under. */
const FIGURES = {
  maturityLevel: { templateId: "maturity-scorecard", wanted: "PracticeMaturityLevel" },
  maturityScore: { templateId: "maturity-scorecard", wanted: "PracticeMaturityScore" },
  kpiGreen: { templateId: "kpi-tracker", wanted: "KpiGreen" },
  kpiAmber: { templateId: "kpi-tracker", wanted: "KpiAmber" },
  kpiRed: { templateId: "kpi-tracker", wanted: "KpiRed" },
  teamBudgetYtd: { templateId: "team-budget", wanted: "TeamBudgetYTD" },
  teamActualYtd: { templateId: "team-budget", wanted: "TeamActualYTD" },
  teamBudgetFy: { templateId: "team-budget", wanted: "TeamBudgetFY" },
  teamBudgetStatus: { templateId: "team-budget", wanted: "TeamBudgetStatus" },
  savingsValidatedTotal: { templateId: "kpi-tracker", wanted: "SavingsValidatedTotal" },
  avoidanceValidatedTotal: { templateId: "kpi-tracker", wanted: "AvoidanceValidatedTotal" },
} as const;
type FigureKey = keyof typeof FIGURES;

/** A workbook without FinOps templates or cost data. */
export const NO_PRACTICE: PracticeSummary = {
  templates: [],
  maturity: null,
  kpis: null,
  budget: null,
  validated: null,
  lastImport: null,
};

/**
 * Reads the metadata store and the headline figures in at most two syncs: (1) the store's rows and the
 * workbook's defined names; (2) the values of the figures' names that still refer to a range. A template
 * generated under a free name (KpiGreen_2) is read under the name its store row records.
 */
export async function readPracticeSummary(
  host: ExcelHost = officeHost()
): Promise<PracticeSummary> {
  try {
    return await host.excel.run(async (context) => {
      const workbook = context.workbook;
      const store = workbook.worksheets.getItemOrNullObject(METADATA_SHEET);
      const used = store.getUsedRangeOrNullObject(true);
      used.load("values");
      const names = workbook.names.load("items/name,type");
      await context.sync();

      const instances =
        store.isNullObject || used.isNullObject
          ? []
          : readInstances(used.values).map((r) => r.template);
      const ranges = new Set(
        names.items.filter((n) => n.type === "Range").map((n) => n.name.toLowerCase())
      );
      // The Cost data sheet stands alone: its notes say when it was imported, with or without templates.
      const importNotes = ranges.has(COST_DATA_MARKER.toLowerCase())
        ? workbook.names
            .getItem(COST_DATA_MARKER)
            .getRange()
            .worksheet.getRangeByIndexes(0, 0, IMPORT_NOTES_ROWS, 1)
            .load("values")
        : undefined;
      if (instances.length === 0) {
        if (importNotes) await context.sync();
        return {
          ...NO_PRACTICE,
          lastImport: importNotes ? readImportStamp(importNotes.values.map((r) => r[0])) : null,
        };
      }
      // Headline figures come from the newest copy of a template (this year's tracker, not last year's).
      const installed = latestPerTemplate(instances, (t) => t);
      const wanted = new Map<FigureKey, string>();
      for (const [key, figure] of Object.entries(FIGURES) as [
        FigureKey,
        (typeof FIGURES)[FigureKey],
      ][]) {
        const record = installed.find((t) => t.templateId === figure.templateId);
        const name = record ? (record.names[key] ?? figure.wanted) : undefined;
        if (name && ranges.has(name.toLowerCase())) wanted.set(key, name);
      }
      const loaded = new Map(
        [...wanted].map(([key, name]) => [
          key,
          // A name of the type Range can still fail getRange (several areas): one bad name must not
          // take the whole summary down.
          workbook.names.getItem(name).getRangeOrNullObject().load("values"),
        ])
      );
      if (loaded.size > 0 || importNotes) await context.sync();
      const value = (key: FigureKey): unknown => {
        const range = loaded.get(key);
        return range && !range.isNullObject ? range.values[0]?.[0] : undefined;
      };
      const text = (key: FigureKey) => {
        const v = value(key);
        return typeof v === "string" && v !== "" && !v.startsWith("#") ? v : null;
      };
      const number = (key: FigureKey) => {
        const v = value(key);
        return typeof v === "number" && Number.isFinite(v) ? v : null;
      };
      const has = (id: string) => installed.some((t) => t.templateId === id);
      const green = number("kpiGreen");
      const amber = number("kpiAmber");
      const red = number("kpiRed");
      const currencyOf = (id: string) =>
        String(installed.find((t) => t.templateId === id)?.options.currency ?? "");
      const budgetYtd = number("teamBudgetYtd");
      const actualYtd = number("teamActualYtd");
      const savings = number("savingsValidatedTotal");
      const avoidance = number("avoidanceValidatedTotal");
      return {
        templates: instances.map(({ templateId, version, sheets, options }) => ({
          templateId,
          version,
          sheets,
          formulaMode: options.formulaMode === "portable" ? "portable" : "addin",
        })),
        maturity: has("maturity-scorecard")
          ? { level: text("maturityLevel"), score: number("maturityScore") }
          : null,
        kpis:
          has("kpi-tracker") && green !== null && amber !== null && red !== null
            ? { green, amber, red }
            : null,
        budget:
          budgetYtd !== null && actualYtd !== null
            ? {
                currency: currencyOf("team-budget"),
                budgetYtd,
                actualYtd,
                budgetFy: number("teamBudgetFy"),
                status: text("teamBudgetStatus"),
              }
            : null,
        validated:
          savings !== null && avoidance !== null
            ? { currency: currencyOf("kpi-tracker"), savings, avoidance }
            : null,
        lastImport: importNotes ? readImportStamp(importNotes.values.map((r) => r[0])) : null,
      };
    });
  } catch (error) {
    throw explain(error, "Reading the workbook");
  }
}
