import { planAdditions } from "./blockAdditions";
import { Finding } from "./findings";
import { Survey, SurveyedTemplate } from "./survey";

/** Template charts gone from a sheet that is there: refresh draws each again over its table. */
export function checkCharts(survey: Survey, t: SurveyedTemplate): Finding[] {
  const templateId = t.expected.record.templateId;
  return planAdditions(survey, t).charts.map(({ sheet, chart }) => ({
    severity: "warning",
    kind: "missingChart",
    templateId,
    sheet,
    address: chart.from,
    what: `The chart "${chart.title}" is gone from "${sheet}".`,
    fix: "Repair draws it again over its table's current rows (your own charts are never touched).",
    repairable: true,
  }));
}
