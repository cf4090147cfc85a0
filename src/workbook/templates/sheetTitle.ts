import type { TemplateOptions } from "../options";

/**
 * A sheet's title: who the figures are for and what the sheet is. A department's workbook names the
 * department after the organisation ("Contoso Retail, Payments: FinOps team budget FY2026"), so a
 * printed page is never mistaken for the whole organisation's. A file made with sample figures says
 * so in every sheet's title, so a printout of invented figures is never taken for the real ones.
 */
export function sheetTitle(options: TemplateOptions, what: string): string {
  const whose = options.department
    ? `${options.organisation}, ${options.department}`
    : options.organisation;
  return `${whose}: ${what}${options.sampleData ? " (sample figures)" : ""}`;
}
