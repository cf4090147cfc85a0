import { templateTitle } from "../templates";
import { departmentKey, Gathered } from "./gather";
import { DepartmentSubmission } from "./submission";

/** Where the report is shown: how a user says which file to use differs. */
export type ReportHost = "cli" | "pane";

const HOW_TO_CHOOSE: Record<ReportHost, (file: string) => string> = {
  cli: (file) => `add --use ${quoted(file)} (or the other file's name) and consolidate again`,
  pane: () => "choose the file to use in the list of files and consolidate again",
};

const quoted = (file: string) => (/\s/.test(file) ? `"${file}"` : file);

/**
 * What a consolidation read, in plain lines for the CLI and the pane: each file used (department,
 * template versions, what the health check found, notes), each file refused with its reason, and each
 * department delivered twice with how to choose.
 */
export function consolidationReport(gathered: Gathered, host: ReportHost = "cli"): string[] {
  const lines = gathered.submissions.flatMap(submissionLines);
  for (const refused of gathered.refused)
    lines.push(`${refused.file} is not used: ${refused.reason}`);
  for (const duplicate of gathered.duplicates) {
    const files = duplicate.files.join(" and ");
    const kept = gathered.submissions.find(
      (s) =>
        duplicate.files.includes(s.file) &&
        departmentKey(s.department) === departmentKey(duplicate.department)
    );
    lines.push(
      kept
        ? `${duplicate.department} is delivered by ${files}: ${kept.file} is used, as chosen.`
        : `${duplicate.department} is delivered by ${files}, so neither is used: ${HOW_TO_CHOOSE[host](duplicate.files[0])}.`
    );
  }
  return lines;
}

function submissionLines(s: DepartmentSubmission): string[] {
  const versions = s.templates.map((t) => `${templateTitle(t.templateId)} ${t.version}`).join(", ");
  const health =
    s.healthErrors === 0
      ? "no health-check errors"
      : `${s.healthErrors} health-check error${s.healthErrors === 1 ? "" : "s"} (run Check workbook on it)`;
  const missing =
    s.missingTemplates.length === 0
      ? ""
      : `; without ${s.missingTemplates.map(templateTitle).join(", ")}`;
  return [
    `${s.file}: ${s.department}, ${s.fiscalYear} as at ${s.asAt}, last updated ${s.lastUpdate.slice(0, 10)}; template versions ${versions}; ${health}${missing}.`,
    ...s.notes.map((note) => `  ${note}`),
  ];
}
