import ExcelJS from "exceljs";
import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readSubmission } from "../../../src/workbook/consolidate/readSubmission";
import { WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { findTemplate } from "../../../src/workbook/templates";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { DepartmentFile, departmentFile, departmentOptions } from "./departmentFiles";

let made: DepartmentFile;
beforeAll(async () => {
  made = await departmentFile("finance.xlsx", departmentOptions({ department: "Finance" }));
}, 60_000);

const reasonFor = (file: string, readBack: WorkbookReadBack): string => {
  const result = readSubmission(file, readBack);
  if (!isRefused(result)) throw new Error(`${file} was read, not refused`);
  return result.reason;
};

describe("readSubmission refuses what the roll-up cannot use, saying why", () => {
  it("a workbook this tool did not make: no FinOps metadata sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Budget 2026");
    sheet.addRow(["Line", "Budget", "Actual"]);
    sheet.addRow(["Cloud platform", 120000, 64000]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { readBack } = await readWorkbookFile(bytes);
    expect(reasonFor("budget.xlsx", readBack)).toMatch(
      /^not made by FinOps Practice Workbooks: it has no FinOps metadata sheet\./
    );
  });

  it("a metadata sheet that lists no template", () => {
    const emptied = { ...made.readBack, templates: [] };
    expect(reasonFor("finance.xlsx", emptied)).toMatch(/metadata sheet lists no templates/);
  });

  it("a template version newer than this tool knows: update first", () => {
    const [first, ...rest] = made.readBack.templates;
    const known = findTemplate(first.record.templateId)?.version ?? 0;
    const newer = { ...first, record: { ...first.record, version: known + 1 } };
    const reason = reasonFor("finance.xlsx", { ...made.readBack, templates: [newer, ...rest] });
    expect(reason).toMatch(/^made by a newer version of FinOps Practice Workbooks/);
    expect(reason).toContain(`version ${known + 1}, and this version knows up to ${known}`);
    expect(reason).toMatch(/Update the add-in/);
  });

  it("a template this tool has never heard of: made by a newer version", () => {
    const [first, ...rest] = made.readBack.templates;
    const unknown = { ...first, record: { ...first.record, templateId: "cost-forecast" } };
    const reason = reasonFor("finance.xlsx", { ...made.readBack, templates: [unknown, ...rest] });
    expect(reason).toMatch(/newer version .*"cost-forecast"/);
  });

  it("a workbook holding nothing the roll-up reads (only the decision model)", async () => {
    const decisions = await departmentFile(
      "decisions.xlsx",
      departmentOptions({ department: "Finance" }),
      ["decision-model"]
    );
    expect(reasonFor("decisions.xlsx", decisions.readBack)).toMatch(
      /^it holds nothing the roll-up uses/
    );
  }, 60_000);

  it("a workbook whose every recorded sheet is gone", () => {
    const gone = {
      ...made.readBack,
      sheets: made.readBack.sheets.map((s) => ({ ...s, used: null })),
      tables: [],
    };
    expect(reasonFor("finance.xlsx", gone)).toMatch(/^it holds nothing the roll-up uses/);
  });

  it("a metadata sheet whose every row's options are unreadable", () => {
    const broken = made.readBack.templates.map((t) => ({
      ...t,
      record: { ...t.record, options: "edited by hand" as never },
    }));
    expect(reasonFor("finance.xlsx", { ...made.readBack, templates: broken })).toMatch(
      /metadata sheet cannot be read/
    );
  });
});
