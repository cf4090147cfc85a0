import { tags } from "../xmlText";

/**
 * The add-in's own settings (Office.js workbook.settings) as Excel keeps them in a file: a web
 * extension part (xl/webextensions/webextensionN.xml, [MS-OWEXML] 2.3.1) whose reference is the
 * add-in's manifest id, each setting a <we:property> whose value is the setting as JSON. A workbook
 * the add-in never ran in has none.
 */

/** manifest.xml's <Id> (test/manifest holds the two to one value). */
export const ADDIN_ID = "fa695057-18d4-4079-8526-32cceba52e53";

export interface AddinSettings {
  /** The web extension part, when the workbook has one for this add-in. */
  readonly path?: string;
  readonly values: ReadonlyMap<string, unknown>;
}

export async function readAddinSettings(
  parts: readonly string[],
  text: (path: string) => Promise<string | undefined>
): Promise<AddinSettings> {
  for (const path of parts.filter((p) => /^xl\/webextensions\/webextension\d*\.xml$/.test(p))) {
    const xml = (await text(path)) ?? "";
    const reference = tags(xml, "we:reference")[0];
    if (reference?.id?.toLowerCase() !== ADDIN_ID) continue;
    const values = new Map<string, unknown>();
    for (const property of tags(xml, "we:property")) {
      try {
        values.set(property.name, JSON.parse(property.value));
      } catch {
        // A value that is not JSON is not one Office.js wrote: left out rather than trusted.
      }
    }
    return { path, values };
  }
  return { values: new Map() };
}

/** The part with the setting set to `value` as JSON, or removed when `value` is undefined. */
export function withSetting(xml: string, name: string, value: unknown): string {
  const escape = (s: string) =>
    s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const pattern = /<we:property\b[^>]*\/>/g;
  const kept = xml.replace(pattern, (element) =>
    tags(element, "we:property")[0]?.name === name ? "" : element
  );
  if (value === undefined) return kept;
  const element = `<we:property name="${escape(name)}" value="${escape(JSON.stringify(value))}"/>`;
  if (/<we:properties\s*\/>/.test(kept))
    return kept.replace(/<we:properties\s*\/>/, () => `<we:properties>${element}</we:properties>`);
  if (kept.includes("</we:properties>"))
    return kept.replace("</we:properties>", () => `${element}</we:properties>`);
  return kept.replace(
    /(<we:reference\b[^>]*\/>(?:<we:alternateReferences\b[\s\S]*?(?:\/>|<\/we:alternateReferences>))?)/,
    (reference) => `${reference}<we:properties>${element}</we:properties>`
  );
}
