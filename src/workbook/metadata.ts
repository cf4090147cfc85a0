import { RenderPlan } from "./plan";
import { TemplateOptions } from "./options";

/**
 * The hidden metadata store: one row per generated template, so that later work (the executive
 * summary linking to existing workbooks, refresh, upgrade, health check) knows which sheets, tables and
 * names hold which template, at which version, with which options.
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
    JSON.stringify({ tables: t.tables, names: t.names }),
    stamp,
    stamp,
  ]);
}

/** Column of the template version, which upgrade rewrites. */
export const VERSION_COLUMN = METADATA_HEADERS.indexOf("Version");

/** Column of the Updated stamp, which refresh rewrites. */
export const UPDATED_COLUMN = METADATA_HEADERS.indexOf("Updated");

/**
 * The templates the store lists, the latest row per template id. Rows that do not parse (edited by
 * hand, written by a future version) are skipped rather than trusted.
 */
export function readInstalled(values: readonly (readonly unknown[])[]): InstalledTemplate[] {
  return readInstalledRows(values).map((r) => r.template);
}

/** readInstalled with the 0-based store row each template was read from (maintenance stamps it). */
export function readInstalledRows(
  values: readonly (readonly unknown[])[]
): { template: InstalledTemplate; row: number }[] {
  const latest = new Map<string, { template: InstalledTemplate; row: number }>();
  for (const [index, row] of values.entries()) {
    if (index === 0) continue;
    try {
      const [templateId, version, sheets, options, names] = row;
      if (typeof templateId !== "string" || typeof version !== "number") continue;
      const parsed = JSON.parse(String(names)) as {
        tables?: Record<string, string>;
        names?: Record<string, string>;
      };
      const template: InstalledTemplate = {
        templateId,
        version,
        sheets: JSON.parse(String(sheets)),
        options: JSON.parse(String(options)),
        tables: parsed.tables ?? {},
        names: parsed.names ?? {},
      };
      latest.set(templateId, { template, row: index });
    } catch {
      continue;
    }
  }
  return [...latest.values()];
}
