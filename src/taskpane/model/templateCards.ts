import { templateTitle, TEMPLATES } from "../../workbook/templates";

export interface TemplateCardModel {
  readonly id: string;
  readonly title: string;
  readonly purpose: string;
  readonly audience: string;
  readonly version: number;
  /** Copied by webpack from assets/preview-<id>.png. */
  readonly preview: string;
  readonly previewAlt: string;
  /** Titles of the workbooks this one's figures come from (added or linked when it is created). */
  readonly needs: readonly string[];
}

export const titleOf = templateTitle;

export const currentVersion = (id: string): number | undefined =>
  TEMPLATES.find((t) => t.id === id)?.version;

/** One card per template, in gallery order. */
export function templateCards(): TemplateCardModel[] {
  return TEMPLATES.map((t) => ({
    id: t.id,
    title: t.title,
    purpose: t.purpose,
    audience: t.audience,
    version: t.version,
    preview: `assets/preview-${t.id}.png`,
    previewAlt: `Preview of the ${t.title.toLowerCase()} sheet with sample data`,
    needs: (t.needs ?? []).map(titleOf),
  }));
}

export const ALL_TEMPLATE_IDS: readonly string[] = TEMPLATES.map((t) => t.id);

/** "Team budget", or "the full practice set (7 templates)". */
export function selectionTitle(ids: readonly string[]): string {
  if (ids.length === ALL_TEMPLATE_IDS.length && ALL_TEMPLATE_IDS.every((id) => ids.includes(id)))
    return `The full practice set (${ids.length} templates)`;
  return ids.map(titleOf).join(", ");
}
