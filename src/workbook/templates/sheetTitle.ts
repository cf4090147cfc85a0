import type { TemplateOptions } from "../options";

/**
 * A sheet's title: the organisation and what the sheet is. A file made with sample figures says so in
 * every sheet's title, so a printout of invented figures is never taken for the real ones.
 */
export function sheetTitle(options: TemplateOptions, what: string): string {
  return `${options.organisation}: ${what}${options.sampleData ? " (sample figures)" : ""}`;
}
