import { Buffer } from "buffer";
import ExcelJS from "exceljs";
import { metadataRows } from "../workbook/metadata";
import { RenderPlan } from "../workbook/plan";
import { writeMetadata } from "./metadata";
import { writeSheet } from "./sheet";

/**
 * The file adapter: writes a RenderPlan to an .xlsx with the plan semantics of the Office.js adapter
 * (src/excel/writePlan.ts), for the CLI and for machines without Excel. Every formula cell carries the
 * plan's expected value as its cached result, so viewers that do not recalculate show the numbers.
 */
export interface XlsxReport {
  /** The plan's sheets, in order (the hidden metadata store is not listed). */
  sheets: string[];
  /** Cells written on those sheets (constants, formulas, totals rows); empty inputs are not counted. */
  cells: number;
  formulas: number;
  /** What the plan holds that the file lacks, in words for the user. */
  notWritten: string[];
}

export async function planToWorkbook(
  plan: RenderPlan,
  now: Date
): Promise<{ workbook: ExcelJS.Workbook; report: XlsxReport }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "FinOps Practice Workbooks";
  workbook.created = now;
  workbook.modified = now;
  // The Office.js adapter recalculates fully after writing; a file asks Excel to do so when opened.
  workbook.calcProperties.fullCalcOnLoad = true;
  const report: XlsxReport = { sheets: [], cells: 0, formulas: 0, notWritten: [] };
  for (const planned of plan.sheets) {
    const written = writeSheet(workbook, planned);
    report.sheets.push(planned.name);
    report.cells += written.cells;
    report.formulas += written.formulas;
    report.notWritten.push(...written.notWritten);
  }
  // Defined names are workbook-scoped, as Office.js workbook.names.add makes them.
  for (const planned of plan.sheets) {
    const quoted = `'${planned.name.replace(/'/g, "''")}'`;
    for (const name of planned.names)
      workbook.definedNames.add(`${quoted}!${name.address}`, name.name);
  }
  await writeMetadata(workbook, metadataRows(plan, now));
  const charts = plan.sheets.flatMap((s) => s.charts.map((c) => `"${c.title}" on ${s.name}`));
  if (charts.length > 0)
    report.notWritten.push(
      `${charts.length} chart${charts.length === 1 ? "" : "s"} (${charts.join("; ")}): ExcelJS cannot write charts; generate the workbook with the add-in in Excel to get them`
    );
  return { workbook, report };
}

export async function writeXlsxBuffer(
  plan: RenderPlan,
  now: Date = new Date()
): Promise<{ buffer: Buffer; report: XlsxReport }> {
  const { workbook, report } = await planToWorkbook(plan, now);
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  return { buffer, report };
}

export async function writeXlsxFile(
  plan: RenderPlan,
  path: string,
  now: Date = new Date()
): Promise<XlsxReport> {
  const { workbook, report } = await planToWorkbook(plan, now);
  await workbook.xlsx.writeFile(path);
  return report;
}
