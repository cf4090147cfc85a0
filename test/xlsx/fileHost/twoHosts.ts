import { CellValue, isErrorValue } from "../../../src/domain/cellValue";
import { generateWorkbooks } from "../../../src/excel/generateWorkbooks";
import { readWorkbook } from "../../../src/excel/readWorkbook";
import { cellAddress, cellPosition, rangeBounds } from "../../../src/workbook/addresses";
import { planTemplates } from "../../../src/workbook/generate";
import { WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { TemplateOptions } from "../../../src/workbook/options";
import { RenderPlan } from "../../../src/workbook/plan";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { createExcelFake, ExcelFake } from "../../fakes/excel";
import { generateAtVersion } from "../../excel/generateAtVersion";
import { planWorkbook } from "../../../src/workbook/layout";
import { chooseNames } from "../../../src/workbook/names";
import { WorkbookSpec } from "../../../src/workbook/spec";
import { TEMPLATES } from "../../../src/workbook/templates";
import { buildAt } from "../../../src/workbook/templateVersions";
import { hostFor, NOW } from "../../excel/hostFor";

/**
 * One workbook state in both hosts: generated into the in-memory Excel by the Office.js adapter and
 * written to a file by the file adapter, from the same plan.
 */
export interface TwoHosts {
  readonly fake: ExcelFake;
  readonly file: Uint8Array;
  readonly plan: RenderPlan;
}

export async function generateInBoth(
  ids: readonly string[],
  options: TemplateOptions
): Promise<TwoHosts> {
  const fake = createExcelFake();
  await generateWorkbooks(ids, options, hostFor(fake));
  // The adapter planned against the fake's one sheet; the file is planned the same way.
  const { plan } = planTemplates(ids, options, { sheets: ["Sheet1"], tablesAndNames: [] });
  showExpected(fake, plan);
  const { buffer } = await writeXlsxBuffer(plan, NOW);
  return { fake, file: new Uint8Array(buffer), plan };
}

/** The fake never calculates: its formula cells are given the values the file caches. */
function showExpected(fake: ExcelFake, plan: RenderPlan): void {
  const show = (sheet: string, address: string, value: CellValue) =>
    // Office.js reads an error as its text, as the file reader does.
    fake.state.setCachedValue(sheet, address, isErrorValue(value) ? value.code : (value ?? null));
  for (const sheet of plan.sheets) {
    for (const table of sheet.tables) {
      const { bottom, left } = rangeBounds(table.address);
      for (const total of table.totals ?? [])
        show(
          sheet.name,
          cellAddress(bottom + 1, left + table.headers.indexOf(total.header)),
          total.expected
        );
    }
    for (const range of sheet.ranges) {
      const origin = cellPosition(range.address);
      range.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          if (cell.formula === undefined || cell.expected === undefined) return;
          const address = cellAddress(origin.row + r, origin.column + c);
          show(sheet.name, address, cell.expected);
        })
      );
    }
  }
}

export async function readBoth(
  hosts: Pick<TwoHosts, "fake" | "file">
): Promise<{ office: WorkbookReadBack; file: WorkbookReadBack }> {
  const office = await hostFor(hosts.fake).excel.run((context) => readWorkbook(context));
  const { readBack } = await readWorkbookFile(hosts.file);
  return { office, file: readBack };
}

/** The templates at earlier versions in both hosts, as an add-in of that time wrote them. */
export async function generateAtVersionInBoth(
  versions: Readonly<Record<string, number>>,
  options: TemplateOptions
): Promise<TwoHosts> {
  const fake = createExcelFake();
  await generateAtVersion(fake, versions, options);
  const specs = TEMPLATES.filter((t) => t.id in versions).map(
    (t) => buildAt(t, versions[t.id], options) as WorkbookSpec
  );
  const existing = { sheets: ["Sheet1"], tablesAndNames: [] };
  const plan = planWorkbook(specs, options, chooseNames(specs, existing), []);
  showExpected(fake, plan);
  const { buffer } = await writeXlsxBuffer(plan, NOW);
  return { fake, file: new Uint8Array(buffer), plan };
}
