import type { FocusIssue } from "./focusTypes";

/**
 * Where an issue is, for the CLI and the pane alike: "q1.csv, line 12, column BilledCost", or for
 * Parquet, whose rows have no lines, "q1.parquet, row group 2, row 130001, column BilledCost".
 */
export function issuePlace(issue: FocusIssue): string {
  const parts = [issue.file];
  if (issue.rowGroup !== undefined) parts.push(`row group ${issue.rowGroup}`);
  if (issue.line > 0) parts.push(`${issue.rowGroup === undefined ? "line" : "row"} ${issue.line}`);
  if (issue.column) parts.push(`column ${issue.column}`);
  return parts.join(", ");
}
