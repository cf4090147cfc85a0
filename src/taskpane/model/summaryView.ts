import type { PracticeSummary } from "../../excel/practiceSummary";
import { ACTIONS, availableActions, MaintenanceAction } from "./maintenanceActions";

/** What the summary needs to know of the add-in's templates (templateCards.ts; passed in so the first screen loads without them). */
export interface TemplateLookup {
  titleOf(id: string): string;
  currentVersion(id: string): number | undefined;
}

export interface InstalledRow {
  readonly templateId: string;
  readonly title: string;
  readonly version: string;
  /** Set when the add-in has a newer version of the template. */
  readonly update?: string;
  readonly sheets: string;
}

export interface SummaryView {
  readonly rows: readonly InstalledRow[];
  /** "Walk (62%)", "Not available..." or null when there is no maturity scorecard. */
  readonly maturity: string | null;
  readonly kpis: PracticeSummary["kpis"];
  /** The KPI tracker is there but its counts cannot be read (not calculated yet, or names deleted). */
  readonly kpisUnknown: boolean;
  /** What can be done to these workbooks (besides Check and Add templates). */
  readonly actions: readonly { readonly action: MaintenanceAction; readonly label: string }[];
}

export function summaryView(
  summary: PracticeSummary,
  { titleOf, currentVersion }: TemplateLookup
): SummaryView {
  const rows = summary.templates.map((t) => {
    const latest = currentVersion(t.templateId);
    return {
      templateId: t.templateId,
      title: titleOf(t.templateId),
      version: `v${t.version}`,
      update: latest !== undefined && latest > t.version ? `v${latest} available` : undefined,
      sheets: t.sheets.join(", "),
    };
  });
  let maturity: string | null = null;
  if (summary.maturity) {
    const { level, score } = summary.maturity;
    const percent = score === null ? "" : ` (${Math.round(score * 100)}%)`;
    maturity = level
      ? `${level}${percent}`
      : "Not available: open the maturity scorecard to check it";
  }
  return {
    rows,
    maturity,
    kpis: summary.kpis,
    kpisUnknown:
      summary.kpis === null && summary.templates.some((t) => t.templateId === "kpi-tracker"),
    actions: availableActions(
      summary,
      rows.some((row) => row.update)
    ).map((action) => ({ action, label: ACTIONS[action].label })),
  };
}
