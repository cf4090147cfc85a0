import ExcelJS from "exceljs";
import { insertCells } from "../../../src/xlsx/edit/insertCells";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { openWorkbookPackage } from "../../../src/xlsx/read/workbookPackage";
import { cellAt, readSheetCells } from "../../../src/xlsx/read/sheetCells";
import { readSheetRules } from "../../../src/xlsx/read/sheetRules";
import { cellPosition } from "../../../src/workbook/addresses";

/** A two-sheet workbook: values B2:B6 on "Data", merges, rules and formulas here and on "Report". */
async function workbook(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet("Data");
  const report = book.addWorksheet("Report");
  for (let r = 2; r <= 6; r++) data.getCell(`B${r}`).value = r * 10;
  data.getCell("D8").value = "right of the columns that move";
  data.getCell("B8").value = { formula: "SUM(B2:B6)", result: 200 };
  data.mergeCells("B10:C10");
  data.getCell("B10").value = "merged";
  data.getCell("B4").dataValidation = {
    type: "whole",
    operator: "greaterThan",
    formulae: [0],
    allowBlank: true,
  };
  data.addConditionalFormatting({
    ref: "B5:B6",
    rules: [
      { type: "cellIs", operator: "greaterThan", formulae: ["$B$8"], priority: 1, style: {} },
    ],
  });
  report.getCell("A1").value = { formula: "Data!B8*2", result: 400 };
  report.getCell("A2").value = { formula: "SUM(Data!B2:B6)", result: 200 };
  report.getCell("A3").value = { formula: "Data!D8", result: "x" };
  book.definedNames.add("Data!$B$8", "Total");
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function read(bytes: Uint8Array) {
  const pkg = await openWorkbookPackage(bytes);
  const sheet = async (name: string) => {
    const xml = (await pkg.text(pkg.sheets.find((s) => s.name === name)!.path)) ?? "";
    return { xml, cells: readSheetCells(xml, pkg.sharedStrings), rules: readSheetRules(xml) };
  };
  return { data: await sheet("Data"), report: await sheet("Report"), names: pkg.names };
}

const at = (cells: ReturnType<typeof readSheetCells>, address: string) => {
  const { row, column } = cellPosition(address);
  return cellAt(cells, row, column);
};

describe("insertCells", () => {
  test("two rows inserted at row 5 of columns B:C: cells, formulas, names, merges and rules follow", async () => {
    const edit = await PackageEdit.open(await workbook());
    await insertCells(edit, {
      sheet: "Data",
      direction: "down",
      at: 4,
      left: 1,
      right: 2,
      count: 2,
    });
    const { data, report, names } = await read(new Uint8Array(await edit.bytes()));
    expect([2, 3, 4, 5, 6, 7, 8].map((r) => at(data.cells, `B${r}`).value)).toEqual([
      20,
      30,
      40,
      "",
      "",
      50,
      60,
    ]);
    expect(at(data.cells, "B10").formula).toBe("=SUM(B2:B8)");
    expect(at(data.cells, "D8").value).toBe("right of the columns that move");
    expect(at(report.cells, "A1").formula).toBe("=Data!B10*2");
    expect(at(report.cells, "A2").formula).toBe("=SUM(Data!B2:B8)");
    expect(at(report.cells, "A3").formula).toBe("=Data!D8");
    expect(names.find((n) => n.name === "Total")?.text).toBe("Data!$B$10");
    expect(data.xml).toContain('<mergeCell ref="B12:C12"/>');
    expect(data.rules.validations[0].areas).toEqual([{ top: 3, left: 1, bottom: 3, right: 1 }]);
    expect(data.rules.conditionalFormats[0].areas).toEqual([
      { top: 6, left: 1, bottom: 7, right: 1 },
    ]);
    expect(data.xml).toMatch(/<formula>\$B\$10<\/formula>/);
  });

  test("a column inserted at C in rows 2 to 6 moves only those rows' cells to the right", async () => {
    const edit = await PackageEdit.open(await workbook());
    await insertCells(edit, {
      sheet: "Data",
      direction: "right",
      at: 1,
      top: 1,
      bottom: 5,
      count: 1,
    });
    const { data, report } = await read(new Uint8Array(await edit.bytes()));
    expect(at(data.cells, "C2").value).toBe(20);
    expect(at(data.cells, "B2").value).toBe("");
    // B8 is outside rows 2 to 6: it stays, and its range (all in the moved rows) moves.
    expect(at(data.cells, "B8").formula).toBe("=SUM(C2:C6)");
    expect(at(report.cells, "A2").formula).toBe("=SUM(Data!C2:C6)");
    expect(at(report.cells, "A1").formula).toBe("=Data!B8*2");
  });
});
