import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FocusImport } from "../../src/domain/focus/focusTypes";
import { importFocusFiles } from "../../src/node/importFocusFiles";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { writeXlsxBuffer } from "../../src/xlsx";
import { importIntoFile, planFileImport } from "../../src/xlsx/costData";
import { deleteSheet } from "../../src/xlsx/edit/deleteSheet";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { cellAt } from "../../src/xlsx/read/sheetCells";
import { packageProblems } from "./edit/packageProblems";

/**
 * The import into a file, planned from its read-back and written in place: which sheet it replaces
 * (only the one its marker name points at, at that sheet's tab), what it does to what points there.
 */

const FIXTURE = path.join(__dirname, "../cli/fixtures/focus-small.csv");
const NOW = new Date("2026-11-29T12:00:00Z");
let result: FocusImport;
let tracker: Uint8Array;

beforeAll(async () => {
  result = await importFocusFiles([FIXTURE], { grouping: { by: "month" }, issueLimit: 100 });
  const { plan } = planTemplates(["kpi-tracker"], DEFAULT_OPTIONS, {
    sheets: [],
    tablesAndNames: [],
  });
  tracker = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
});

async function imported(bytes: Uint8Array): Promise<Uint8Array> {
  const plan = planFileImport(await readWorkbookFile(bytes), result, NOW);
  return importIntoFile(bytes, plan, []);
}

const sheetNames = async (bytes: Uint8Array) => (await readWorkbookFile(bytes)).readBack.sheetNames;

describe("import-focus into a file", () => {
  it("keeps a user's own sheet called Cost data and takes a free name", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(tracker as unknown as ExcelJS.Buffer);
    workbook.addWorksheet("Cost data").getCell("A1").value = "My own notes";
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const plan = planFileImport(await readWorkbookFile(bytes), result, NOW);
    expect([plan.planned.name, plan.replaced, plan.marked]).toEqual([
      "Cost data (2)",
      undefined,
      false,
    ]);
    const after = await readWorkbookFile(await importIntoFile(bytes, plan, []));
    expect(after.readBack.sheetNames.slice(-2)).toEqual(["Cost data", "Cost data (2)"]);
    expect(cellAt(after.sheets.get("cost data")!.cells, 0, 0).value).toBe("My own notes");
  });

  it("replaces the earlier import's sheet at its tab, wherever the user moved it, and keeps the window", async () => {
    const first = await imported(tracker);
    const names = await sheetNames(first);
    // The user moves the Cost data tab to the front, and it is the active tab.
    const moved = await PackageEdit.open(first);
    const views = '<bookViews><workbookView activeTab="0" firstSheet="0"/></bookViews>';
    await moved.changePart("xl/workbook.xml", (xml) => {
      const entry = /<sheet\b[^>]*name="Cost data"[^>]*\/>/.exec(xml)![0];
      const scoped = xml.replace(/localSheetId="(\d+)"/g, (_, n: string) =>
        Number(n) === names.length - 1 ? 'localSheetId="0"' : `localSheetId="${Number(n) + 1}"`
      );
      return scoped.replace(entry, "").replace("<sheets>", `${views}<sheets>${entry}`);
    });
    const front = new Uint8Array(await moved.bytes());
    const plan = planFileImport(await readWorkbookFile(front), result, NOW);
    expect(plan.replaced).toBe("Cost data");
    const again = await importIntoFile(front, plan, []);
    expect(await sheetNames(again)).toEqual(["Cost data", ...names.slice(0, -1)]);
    expect(await packageProblems(again)).toEqual([]);
    const book = await (await JSZip.loadAsync(again)).file("xl/workbook.xml")!.async("string");
    expect(book).toContain(views);
    const { pkg } = await readWorkbookFile(again);
    expect(pkg.names.find((n) => n.name === "FinOpsCostData")?.text).toBe("'Cost data'!$A$1");
    // Its print area and titles are scoped to it, at its tab.
    const scoped = pkg.names.filter((n) => n.localSheetId === 0).map((n) => n.text);
    expect(scoped).toHaveLength(2);
    for (const text of scoped) expect(text).toMatch(/^'Cost data'!/);
  });

  it("turns a user's references into the replaced sheet into #REF!, as the add-in and Excel do", async () => {
    const first = await imported(tracker);
    const edit = await PackageEdit.open(first);
    await edit.writeCells("KPI tracker", [
      { row: 60, column: 0, formula: "=SUM(FocusCostData[Billed cost])+'Cost data'!C20", value: 0 },
    ]);
    await edit.changeNames([{ name: "MyCosts", formula: "='Cost data'!$D$20:$D$21" }]);
    const again = await imported(new Uint8Array(await edit.bytes()));
    const file = await readWorkbookFile(again);
    expect(cellAt(file.sheets.get("kpi tracker")!.cells, 60, 0).formula).toBe(
      "=SUM(#REF!)+#REF!C20"
    );
    expect(file.pkg.names.find((n) => n.name === "MyCosts")?.text).toBe("#REF!$D$20:$D$21");
  });

  it("adds the sheet anew and points the marker at it when the user deleted the earlier one", async () => {
    const first = await imported(tracker);
    const edit = await PackageEdit.open(first);
    await deleteSheet(edit, "Cost data");
    const without = new Uint8Array(await edit.bytes());
    const plan = planFileImport(await readWorkbookFile(without), result, NOW);
    expect([plan.replaced, plan.marked]).toEqual([undefined, true]);
    const again = await readWorkbookFile(await importIntoFile(without, plan, []));
    expect(again.readBack.sheetNames).toEqual(await sheetNames(first));
    expect(again.pkg.names.filter((n) => n.name === "FinOpsCostData").map((n) => n.text)).toEqual([
      "'Cost data'!$A$1",
    ]);
  });

  it("replaces the earlier import's sheet when it is the workbook's only visible one", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Notes");
    const first = await imported(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const edit = await PackageEdit.open(first);
    await deleteSheet(edit, "Notes");
    const alone = new Uint8Array(await edit.bytes());
    const again = await imported(alone);
    expect(await sheetNames(again)).toEqual(["Cost data"]);
    expect(await packageProblems(again)).toEqual([]);
  });

  it("fills a workbook without templates with the Cost data sheet alone", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Budget").getCell("A1").value = 42;
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const plan = planFileImport(await readWorkbookFile(bytes), result, NOW);
    expect(plan.kpi.notes).toEqual([
      "The workbook has no KPI tracker: only the Cost data sheet is written.",
    ]);
    expect(await sheetNames(await importIntoFile(bytes, plan, []))).toEqual([
      "Budget",
      "Cost data",
    ]);
  });
});
