import { Buffer } from "buffer";
import { writeFile } from "fs/promises";
import ExcelJS from "exceljs";
import { metadataRows } from "../workbook/metadata";
import { RenderPlan } from "../workbook/plan";
import { writeMetadata } from "./metadata";
import { writeSheet } from "./sheet";
import { fileChart } from "./charts/fileChart";
import { addCharts } from "./charts/packageCharts";
import { XlsxPackage } from "./charts/xlsxPackage";
import { addColumnBreaks } from "./pageBreaks";
import { addPrintAreas } from "./printAreas";

/**
 * The file adapter: writes a RenderPlan to an .xlsx with the plan semantics of the Office.js adapter
 * (src/excel/writePlan.ts), for the CLI and for machines without Excel. Every formula cell carries the
 * plan's expected value as its cached result, so viewers that do not recalculate show the numbers;
 * charts are added to the package ExcelJS wrote (src/xlsx/charts), with their values cached too.
 */
export interface XlsxReport {
  /** The plan's sheets, in order (the hidden metadata store is not listed). */
  sheets: string[];
  /** Cells written on those sheets (constants, formulas, totals rows); empty inputs are not counted. */
  cells: number;
  formulas: number;
  /** Charts written (added to the package after ExcelJS, which writes none). */
  charts: number;
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
  const report: XlsxReport = { sheets: [], cells: 0, formulas: 0, charts: 0, notWritten: [] };
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
  report.charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
  return { workbook, report };
}

/**
 * The plan's charts and column page breaks, added to the package ExcelJS wrote (it writes neither):
 * src/xlsx/charts and pageBreaks.ts. Charts are written over the final ranges with the plan's values
 * cached, as the Office.js adapter draws them.
 */
async function withCharts(plan: RenderPlan, xlsx: Uint8Array): Promise<Buffer> {
  const pkg = await XlsxPackage.open(xlsx);
  await addColumnBreaks(
    pkg,
    plan.sheets.map((s) => ({ sheet: s.name, columns: s.print.columnBreaks }))
  );
  await addPrintAreas(
    pkg,
    plan.sheets.map((s) => ({ sheet: s.name, ranges: (s.printArea ?? s.usedRange).split(",") }))
  );
  const sheets = plan.sheets
    .filter((s) => s.charts.length > 0)
    .map((s) => ({ sheet: s.name, charts: s.charts.map((c) => fileChart(s, c)) }));
  await addCharts(pkg, sheets);
  return pkg.bytes();
}

export async function writeXlsxBuffer(
  plan: RenderPlan,
  now: Date = new Date()
): Promise<{ buffer: Buffer; report: XlsxReport }> {
  const { workbook, report } = await planToWorkbook(plan, now);
  // Stored, not deflated: the package is opened again for the charts and deflated once, with zlib.
  const stored = await workbook.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as ExcelJS.XlsxWriteOptions);
  const buffer = await withCharts(plan, new Uint8Array(stored));
  return { buffer, report };
}

export async function writeXlsxFile(
  plan: RenderPlan,
  path: string,
  now: Date = new Date()
): Promise<XlsxReport> {
  const { buffer, report } = await writeXlsxBuffer(plan, now);
  await writeFile(path, buffer);
  return report;
}
