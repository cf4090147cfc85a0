import type { Finding, HealthReport } from "../../excel/maintainWorkbook";

export interface FindingView {
  readonly key: string;
  /** "Team budget!D12", or the sheet alone for a finding about a whole sheet. */
  readonly location: string;
  readonly sheet: string;
  readonly address: string;
  readonly what: string;
  readonly fix: string;
  readonly repairable: boolean;
  /** False where there is nothing to show: the sheet itself is missing. */
  readonly canGoTo: boolean;
}

export interface FindingGroup {
  readonly severity: Finding["severity"];
  readonly title: string;
  readonly findings: readonly FindingView[];
  /** Findings not listed, so a badly broken workbook does not make a list of thousands. */
  readonly more: number;
}

export interface CheckView {
  readonly headline: string;
  readonly intent: "info" | "success" | "warning" | "error";
  readonly groups: readonly FindingGroup[];
  /** "Repair 3 problems", when Repair can put any right. */
  readonly repairLabel?: string;
}

/** How many errors and warnings a report holds: what the summary's Last check tile shows. */
export function problemCounts(report: HealthReport): { errors: number; warnings: number } {
  const count = (severity: Finding["severity"]) =>
    report.findings.filter((f) => f.severity === severity).length;
  return { errors: count("error"), warnings: count("warning") };
}

/** Shown per severity; the headline counts them all. */
export const LISTED_PER_GROUP = 50;

const TITLES = { error: "Errors", warning: "Warnings", info: "Notes" } as const;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The health report as the pane shows it: a headline, then errors, warnings and notes. */
export function checkView(report: HealthReport): CheckView {
  const { errors, warnings } = problemCounts(report);
  const notes = report.findings.filter((f) => f.severity === "info").length;
  const groups: FindingGroup[] = (["error", "warning", "info"] as const)
    .map((severity) => {
      const all = report.findings.filter((f) => f.severity === severity);
      return {
        severity,
        title: TITLES[severity],
        findings: all.slice(0, LISTED_PER_GROUP).map(findingView),
        more: Math.max(0, all.length - LISTED_PER_GROUP),
      };
    })
    .filter((g) => g.findings.length > 0);
  if (report.checked.length === 0 && report.findings.length === 0)
    return {
      headline:
        "This workbook holds no FinOps templates to check yet. Create them from the Templates tab.",
      intent: "info",
      groups,
    };
  const templates = plural(report.checked.length, "template", "templates");
  if (errors + warnings === 0)
    return {
      headline: `No problems found in ${templates}.${notes > 0 ? ` ${plural(notes, "note", "notes")} below.` : ""}`,
      intent: "success",
      groups,
    };
  const found = [
    errors > 0 ? plural(errors, "error", "errors") : "",
    warnings > 0 ? plural(warnings, "warning", "warnings") : "",
  ].filter(Boolean);
  const repair =
    report.repairable > 0
      ? ` Repair can put ${report.repairable} right.`
      : " None can be repaired automatically.";
  return {
    headline: `Checked ${templates}: ${found.join(" and ")}.${repair}`,
    intent: errors > 0 ? "error" : "warning",
    groups,
    repairLabel:
      report.repairable > 0
        ? `Repair ${plural(report.repairable, "problem", "problems")}`
        : undefined,
  };
}

function findingView(finding: Finding, index: number): FindingView {
  return {
    key: `${index}:${finding.sheet}!${finding.address}:${finding.kind}`,
    location: finding.address ? `${finding.sheet}!${finding.address}` : finding.sheet,
    sheet: finding.sheet,
    address: finding.address,
    what: finding.what,
    fix: finding.fix,
    repairable: finding.repairable,
    canGoTo: finding.sheet !== "" && finding.kind !== "missingSheet",
  };
}
