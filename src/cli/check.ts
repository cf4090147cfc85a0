import { basename } from "node:path";
import { Finding, Severity } from "../workbook/maintain/findings";
import { checkWorkbook, HealthReport } from "../workbook/maintain/healthCheck";
import { templateTitle } from "../workbook/templates";
import { sheetQualifier } from "../xlsx/edit/renameFormulas";
import { CheckCommand } from "./checkCommand";
import { BIN, EXIT, ExitCode } from "./help";
import { CliIO } from "./io";
import { readWorkbookInput } from "./workbookInput";

/**
 * check: the add-in's health check on a file. Findings go to stdout (as text, or as JSON with
 * --json); exit 6 when any is an error, so a month-end pipeline stops before the pack goes out.
 */
export async function check(command: CheckCommand, io: CliIO): Promise<ExitCode> {
  const input = await readWorkbookInput(command.file, BIN);
  if (!input.ok) {
    io.stderr(`${BIN}: ${input.message}\n`);
    return EXIT.input;
  }
  const report = checkWorkbook(input.file.readBack);
  io.stdout(command.json ? checkJson(command.file, report) : checkText(command.file, report));
  return report.findings.some((f) => f.severity === "error") ? EXIT.checkFailed : EXIT.ok;
}

const count = (report: HealthReport, severity: Severity) =>
  report.findings.filter((f) => f.severity === severity).length;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "'Team budget'!F12", or the sheet alone for a finding about a whole sheet or template. */
function location(finding: Finding): string {
  const qualifier = sheetQualifier([finding.sheet]);
  return finding.address ? `${qualifier}${finding.address}` : qualifier.slice(0, -1);
}

function checkText(file: string, report: HealthReport): string {
  const errors = count(report, "error");
  const warnings = count(report, "warning");
  const notes = count(report, "info");
  const head =
    `Checked ${plural(report.checked.length, "template")} in ${basename(file)}: ` +
    `${plural(errors, "error")}, ${plural(warnings, "warning")}, ${plural(notes, "note")}.\n`;
  if (report.findings.length === 0) return `${head}Everything matches its template.\n`;
  const label: Record<Severity, string> = { error: "error", warning: "warning", info: "note" };
  const lines = report.findings.map(
    (f) =>
      `\n${label[f.severity]}: ${location(f)} (${templateTitle(f.templateId)})\n` +
      `  ${f.what}\n  Fix: ${f.fix}\n`
  );
  const repair =
    report.repairable > 0
      ? `\n${plural(report.repairable, "finding")} can be repaired: "${BIN} repair ${file}", or Repair in the add-in.\n`
      : "";
  return head + lines.join("") + repair;
}

/** The --json shape (docs/CLI.md): versioned by `format`; fields are only ever added. */
function checkJson(file: string, report: HealthReport): string {
  return `${JSON.stringify(
    {
      format: 1,
      file,
      checked: report.checked,
      counts: {
        error: count(report, "error"),
        warning: count(report, "warning"),
        info: count(report, "info"),
      },
      repairable: report.repairable,
      findings: report.findings.map((f) => ({
        severity: f.severity,
        kind: f.kind,
        template: f.templateId,
        sheet: f.sheet,
        cell: f.address,
        location: location(f),
        what: f.what,
        fix: f.fix,
        repairable: f.repairable,
      })),
    },
    null,
    2
  )}\n`;
}
