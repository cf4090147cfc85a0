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

/**
 * The templates the store lists, the latest row per template id. Rows that do not parse (edited by
 * hand, written by a future version) are skipped rather than trusted.
 */
export function readInstalled(values: readonly (readonly unknown[])[]): InstalledTemplate[] {
  const latest = new Map<string, InstalledTemplate>();
  for (const row of values.slice(1)) {
    try {
      const [templateId, version, sheets, options, names] = row;
      if (typeof templateId !== "string" || typeof version !== "number") continue;
      const parsed = JSON.parse(String(names)) as {
        tables?: Record<string, string>;
        names?: Record<string, string>;
      };
      latest.set(templateId, {
        templateId,
        version,
        sheets: JSON.parse(String(sheets)),
        options: JSON.parse(String(options)),
        tables: parsed.tables ?? {},
        names: parsed.names ?? {},
      });
    } catch {
      continue;
    }
  }
  return [...latest.values()];
}
