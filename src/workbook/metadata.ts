import { RenderPlan } from "./plan";
import { TemplateOptions } from "./options";

/**
 * The hidden metadata store: one row per generated template instance (a template generated twice, or
 * rolled into the next fiscal year, has a row per copy), so that later work (the executive summary
 * linking to existing workbooks, refresh, upgrade, health check) knows which sheets, tables and names
 * hold which template, at which version, with which options.
 */
export const METADATA_SHEET = "FinOps metadata";
export const METADATA_HEADERS = [
  "Template",
  "Version",
  "Sheets",
  "Options",
  "Names",
  "Created",
  "Updated",
] as const;

export type MetadataRow = [string, number, string, string, string, string, string];

/** A template already in the workbook, as the store records it. */
export interface InstalledTemplate {
  readonly templateId: string;
  readonly version: number;
  readonly sheets: readonly string[];
  readonly options: TemplateOptions;
  /** Table and defined names by key, as chosen when it was generated. */
  readonly tables: Readonly<Record<string, string>>;
  readonly names: Readonly<Record<string, string>>;
}

export function metadataRows(plan: RenderPlan, now: Date): MetadataRow[] {
  const stamp = now.toISOString();
  return plan.templates.map((t) => [
    t.templateId,
    t.version,
    JSON.stringify(t.sheets),
    plan.options,
    namesCell(t),
    stamp,
    stamp,
  ]);
}

/** The Names cell of a record: its table and defined names by key. */
export function namesCell(record: Pick<InstalledTemplate, "tables" | "names">): string {
  return JSON.stringify({ tables: record.tables, names: record.names });
}

/** Column of the table and defined names, which upgrade extends with the names a version adds. */
export const NAMES_COLUMN = METADATA_HEADERS.indexOf("Names");

/** Column of the template version, which upgrade rewrites. */
export const VERSION_COLUMN = METADATA_HEADERS.indexOf("Version");

/** Column of the options, which roll forward and formula conversion rewrite. */
export const OPTIONS_COLUMN = METADATA_HEADERS.indexOf("Options");

/** Column of the Updated stamp, which refresh rewrites. */
export const UPDATED_COLUMN = METADATA_HEADERS.indexOf("Updated");

/**
 * One template id's newest record (the last row written for it), for what means "the current one": the
 * executive summary links to it, generation links to it instead of adding a copy, the pane's headline
 * figures are read from it, and rolling forward starts from it.
 */
export function latestPerTemplate<T>(
  instances: readonly T[],
  record: (instance: T) => InstalledTemplate
): T[] {
  const latest = new Map<string, T>();
  for (const instance of instances) latest.set(record(instance).templateId, instance);
  return [...latest.values()];
}

/** The latest record per template id (see latestPerTemplate); every instance is readInstances. */
export function readInstalled(values: readonly (readonly unknown[])[]): InstalledTemplate[] {
  return latestPerTemplate(
    readInstances(values).map((r) => r.template),
    (t) => t
  );
}

/**
 * Every template instance the store lists, in store order, with the 0-based store row it was read from
 * (maintenance writes that row). An instance is its sheets: a second copy of a template (another
 * department's adoption plan) or the next fiscal year's budget is another instance, and all of them are
 * maintained. A row whose sheets a later row also records (a template generated again after its sheet
 * was deleted, under the same free sheet name) is superseded by it. Rows that do not parse (edited by
 * hand, written by a future version) are skipped rather than trusted. The row format is unchanged, so a
 * store written before instances were kept apart reads the same way.
 */
export function readInstances(
  values: readonly (readonly unknown[])[]
): { template: InstalledTemplate; row: number }[] {
  const parsed: { template: InstalledTemplate; row: number }[] = [];
  for (const [index, row] of values.entries()) {
    if (index === 0) continue;
    try {
      const [templateId, version, sheets, options, names] = row;
      if (typeof templateId !== "string" || typeof version !== "number") continue;
      const recorded = JSON.parse(String(names)) as {
        tables?: Record<string, string>;
        names?: Record<string, string>;
      };
      const template: InstalledTemplate = {
        templateId,
        version,
        sheets: JSON.parse(String(sheets)),
        options: JSON.parse(String(options)),
        tables: recorded.tables ?? {},
        names: recorded.names ?? {},
      };
      parsed.push({ template, row: index });
    } catch {
      continue;
    }
  }
  // Newest first, so a sheet is claimed by the last row that records it.
  const claimed = new Set<string>();
  const kept = [...parsed].reverse().filter(({ template }) => {
    const sheets = template.sheets.map((s) => String(s).toLowerCase());
    if (sheets.some((s) => claimed.has(s))) return false;
    for (const s of sheets) claimed.add(s);
    return true;
  });
  return kept.reverse();
}
