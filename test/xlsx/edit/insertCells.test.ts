import ExcelJS from "exceljs";
import { insertCells } from "../../../src/xlsx/edit/insertCells";
import { PackageConflict } from "../../../src/xlsx/edit/packageConflict";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { openWorkbookPackage } from "../../../src/xlsx/read/workbookPackage";
import { cellAt, readSheetCells } from "../../../src/xlsx/read/sheetCells";
import { readSheetRules } from "../../../src/xlsx/read/sheetRules";
import { setValidation } from "../../../src/xlsx/edit/sheetRulesEdit";
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

describe("what Excel refuses", () => {
  test("moving half of merged cells is refused plainly, and nothing changes", async () => {
    const before = await workbook();
    const edit = await PackageEdit.open(before);
    await expect(
      insertCells(edit, { sheet: "Data", direction: "down", at: 4, left: 1, right: 1, count: 1 })
    ).rejects.toThrow(
      new PackageConflict(
        'Cells cannot be inserted on "Data" without splitting merged cells (B10:C10): move it or make room, then run this again.'
      )
    );
    const { data } = await read(new Uint8Array(await edit.bytes()));
    expect(at(data.cells, "B5").value).toBe(50);
  });
});

describe("text with $ in it (String.replace patterns)", () => {
  test("a formula, a name and a validation list holding $ come through edits unchanged", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Spend US$");
    sheet.getCell("A4").value = 5;
    sheet.getCell("B1").value = { formula: 'TEXT(A4,"0.00 $")&"$\'"', result: "5.00 $$'" };
    sheet.getCell("C1").dataValidation = {
      type: "list",
      formulae: ['"US$,EUR$&"'],
      allowBlank: true,
    };
    const edit = await PackageEdit.open(new Uint8Array(await book.xlsx.writeBuffer()));
    await edit.changeNames([{ name: "Price", formula: "='Spend US$'!$A$4&\"$'\"" }]);
    await insertCells(edit, {
      sheet: "Spend US$",
      direction: "down",
      at: 1,
      left: 0,
      right: 0,
      count: 1,
    });
    await edit.changeSheet("Spend US$", (xml) =>
      setValidation(xml, { top: 9, left: 3, bottom: 9, right: 3 }, { list: ["$'", "$&"] })
    );
    const pkg = await openWorkbookPackage(new Uint8Array(await edit.bytes()));
    const xml = (await pkg.text(pkg.sheets[0].path)) ?? "";
    const cells = readSheetCells(xml, pkg.sharedStrings);
    expect(at(cells, "B1").formula).toBe('=TEXT(A5,"0.00 $")&"$\'"');
    expect(pkg.names.find((n) => n.name === "Price")?.text).toBe("'Spend US$'!$A$5&\"$'\"");
    const lists = readSheetRules(xml).validations.map(
      (v) => (v.read.rule as { list: { source: string } }).list.source
    );
    expect(lists).toEqual(["US$,EUR$&", "$',$&"]);
  });
});
