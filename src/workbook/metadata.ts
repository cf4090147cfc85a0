import { RenderPlan } from "./plan";

/**
 * The hidden metadata store: one row per generated template, so that later maintenance (refresh,
 * upgrade, health check) knows which sheets hold which template, at which version, with which options.
 */
export const METADATA_SHEET = "FinOps metadata";
export const METADATA_HEADERS = [
  "Template",
  "Version",
  "Sheets",
  "Options",
  "Created",
  "Updated",
] as const;

export type MetadataRow = [string, number, string, string, string, string];

export function metadataRows(plan: RenderPlan, now: Date): MetadataRow[] {
  const stamp = now.toISOString();
  return plan.templates.map((t) => [
    t.templateId,
    t.version,
    JSON.stringify(t.sheets),
    plan.options,
    stamp,
    stamp,
  ]);
}
