import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { cellAddress, cellPosition } from "../../../src/workbook/addresses";
import { planTemplates } from "../../../src/workbook/generate";
import { checkWorkbook } from "../../../src/workbook/maintain/healthCheck";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { tags } from "../../../src/xlsx/charts/xlsxPackage";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import {
  renameColumnIn,
  renameSheetIn,
  renameTableIn,
  sheetQualifier,
} from "../../../src/xlsx/edit/renameFormulas";
import { renameSheet, renameTable, renameTableColumn } from "../../../src/xlsx/edit/renames";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { cellAt, readSheetCells } from "../../../src/xlsx/read/sheetCells";
import { openWorkbookPackage } from "../../../src/xlsx/read/workbookPackage";
import { canonicalParts } from "../foreign/canonicalParts";
import { NOTES_NAMES, NOTES_POSITION, withForeignParts } from "../foreign/foreignParts";
import { NOTES_SHEET } from "../foreign/sheet";

/**
 * Renames in a file (src/xlsx/edit/renames.ts), as Excel makes them through Office.js: the sheet,
 * table or column is renamed and every formula naming it follows, wherever the package keeps
 * formulas; nothing else changes, text in strings included.
 */

const NOW = new Date("2026-11-29T12:00:00Z");
const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 500);

/** Formulas a user added on their own sheet, reading the practice sheets. */
const USER_FORMULAS: Record<string, string> = {
  I1: "='Team budget'!B12*2",
  I2: "=SUM('Team budget'!B19:B20)",
  I3: "=INDIRECT(\"'Team budget'!B12\")",
  I4: "=SUM(BudgetLines[Budget FY])",
  I5: '=COUNTIF(BudgetLines[Status],"BudgetLines[Status]")',
  I6: "=SUM(StaffingPlan[Jan 2026])+SUM(Kpis[Jan 2026])",
  I7: "=SUM(BudgetByMonth[Budget])",
};

let practice: Uint8Array;

beforeAll(async () => {
  const { plan } = planTemplates(
    TEMPLATES.map((t) => t.id),
    { ...DEFAULT_OPTIONS, sampleData: true },
    { sheets: [], tablesAndNames: [] }
  );
  const generated = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
  const edit = await PackageEdit.open(await withForeignParts(generated));
  await edit.writeCells(
    NOTES_SHEET,
    Object.entries(USER_FORMULAS).map(([address, formula]) => ({
      ...cellPosition(address),
      formula,
      value: 0,
    }))
  );
  practice = new Uint8Array(await edit.bytes());
});

async function renamed(
  bytes: Uint8Array,
  ...renames: ((edit: PackageEdit) => Promise<void>)[]
): Promise<Uint8Array> {
  const edit = await PackageEdit.open(bytes);
  for (const rename of renames) await rename(edit);
  return new Uint8Array(await edit.bytes());
}

/** Every formula cell of every sheet ("=..." as Office.js reads it), by tab index and address, and every name's text. */
async function formulasOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const pkg = await openWorkbookPackage(bytes);
  const found = new Map<string, string>();
  for (const [index, sheet] of pkg.sheets.entries()) {
    const cells = readSheetCells((await pkg.text(sheet.path)) ?? "", pkg.sharedStrings);
    for (const [row, columns] of cells.rows)
      for (const [column, cell] of columns)
        if (typeof cell.formula === "string" && cell.formula.startsWith("="))
          found.set(`${index}:${cellAddress(row, column)}`, cell.formula);
  }
  for (const name of pkg.names) found.set(`${name.localSheetId ?? ""}:${name.name}`, name.text);
  return found;
}

/** Every formula is `change` of what it was. */
async function expectFormulasChanged(
  before: Uint8Array,
  after: Uint8Array,
  change: (formula: string) => string
): Promise<number> {
  const was = await formulasOf(before);
  const now = await formulasOf(after);
  expect([...now.keys()]).toEqual([...was.keys()]);
  const wrong = [...was].filter(([key, formula]) => now.get(key) !== change(formula));
  expect(wrong.map(([key, formula]) => `${key}: ${formula} -> ${now.get(key)}`)).toEqual([]);
  return [...was].filter(([key, formula]) => now.get(key) !== formula).length;
}

/** `change` applied to the formula outside its strings. */
const outsideStrings = (change: (code: string) => string) => (formula: string) =>
  formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? change(part) : part))
    .join('"');

async function partTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const path of Object.keys(zip.files).sort())
    if (!zip.files[path].dir) parts.set(path, await zip.files[path].async("base64"));
  return parts;
}

async function partText(bytes: Uint8Array, path: string): Promise<string> {
  return (await (await JSZip.loadAsync(bytes)).file(path)?.async("string")) ?? "";
}

async function cellOf(bytes: Uint8Array, sheet: string, address: string) {
  const pkg = await openWorkbookPackage(bytes);
  const part = pkg.sheets.find((s) => s.name === sheet);
  const cells = readSheetCells((await pkg.text(part?.path ?? "")) ?? "", pkg.sharedStrings);
  const { row, column } = cellPosition(address);
  return cellAt(cells, row, column);
}

describe("formula text", () => {
  test.each([
    ["'Team budget'!B12*2", "Budget!B12*2"],
    ["SUM('Team budget'!B1:B3)+'team budget'!$C$1", "SUM(Budget!B1:B3)+Budget!$C$1"],
    [
      'INDIRECT("\'Team budget\'!B12")&"Team budget"',
      'INDIRECT("\'Team budget\'!B12")&"Team budget"',
    ],
    [
      "[1]'Team budget'!A1+'[Book.xlsx]Team budget'!A1",
      "[1]'Team budget'!A1+'[Book.xlsx]Team budget'!A1",
    ],
    [
      "SUM('Jan:Team budget'!B2)+SUM('Team budget:Mar'!C:C)",
      "SUM(Jan:Budget!B2)+SUM(Budget:Mar!C:C)",
    ],
    ["'Team budget'!LocalName+'Team budget'!#REF!", "Budget!LocalName+Budget!#REF!"],
    ["'Team budgets'!A1+#REF!+TeamBudget", "'Team budgets'!A1+#REF!+TeamBudget"],
  ])("a sheet renamed: %s", (formula, expected) => {
    expect(renameSheetIn(formula, "Team budget", "Budget")).toBe(expected);
  });

  test.each([
    ["Data", "Data!"],
    ["Sheet.2", "Sheet.2!"],
    ["Über_1", "Über_1!"],
    ["XFE1", "XFE1!"],
    ["R0", "R0!"],
    ["Q1 data", "'Q1 data'!"],
    ["O'Brien", "'O''Brien'!"],
    ["Net-zero", "'Net-zero'!"],
    ["2024", "'2024'!"],
    [".hidden", "'.hidden'!"],
    ["A1", "'A1'!"],
    ["xfd1048576", "'xfd1048576'!"],
    ["R1C1", "'R1C1'!"],
    ["R12x", "'R12x'!"],
    ["C5", "'C5'!"],
    ["RC", "'RC'!"],
  ])("Excel quotes a sheet named %s as %s", (sheet, qualifier) => {
    expect(sheetQualifier([sheet])).toBe(qualifier);
    expect(renameSheetIn("Old!A1", "Old", sheet)).toBe(`${qualifier}A1`);
  });

  test("a 3-D span is quoted whole when either end needs quotes", () => {
    expect(renameSheetIn("SUM(Jan:Mar!A1)", "Mar", "Mar 26")).toBe("SUM('Jan:Mar 26'!A1)");
  });

  test.each([
    [
      "SUM(BudgetLines[Budget FY])+BudgetLines[[#This Row],[Status]]+COUNTA(BudgetLines[])",
      "SUM(Lines[Budget FY])+Lines[[#This Row],[Status]]+COUNTA(Lines[])",
    ],
    ["ROWS(budgetlines)+ROWS(BudgetLines[#All])", "ROWS(Lines)+ROWS(Lines[#All])"],
    ['COUNTIF(BudgetLines[Status],"BudgetLines")', 'COUNTIF(Lines[Status],"BudgetLines")'],
    [
      "BudgetLinesOld[A]+[1]!BudgetLines[A]+Sheet1!BudgetLines",
      "BudgetLinesOld[A]+[1]!BudgetLines[A]+Sheet1!BudgetLines",
    ],
  ])("a table renamed: %s", (formula, expected) => {
    expect(renameTableIn(formula, "BudgetLines", "Lines")).toBe(expected);
  });

  const column = (formula: string, to: string, inTable = false) =>
    renameColumnIn(formula, { table: "Sales", from: "Qty", to, inTable });

  test.each([
    ["Sales[Qty]+Sales[Qty sold]+Other[Qty]", "Units", "Sales[Units]+Sales[Qty sold]+Other[Qty]"],
    ["Sales[[#This Row],[qty]]*2", "Units", "Sales[[#This Row],[Units]]*2"],
    [
      "SUM(Sales[[Qty]:[Price]])+Sales[[#Totals],[Qty]]",
      "Units",
      "SUM(Sales[[Units]:[Price]])+Sales[[#Totals],[Units]]",
    ],
    ["Sales[ [#This Row], [Qty] ]", "Units", "Sales[ [#This Row], [Units] ]"],
    ["Sales[@Qty]+Sales[@[Qty]]", "Units sold", "Sales[@[Units sold]]+Sales[@[Units sold]]"],
    ["Sales[Qty]", "Units sold", "Sales[Units sold]"],
    ["Sales[Qty]+Sales[@Qty]", "Total $", "Sales[[Total $]]+Sales[@[Total $]]"],
    [
      "Sales[Qty]+Sales[[#This Row],[Qty]]",
      "Units [#]",
      "Sales[[Units '['#']]]+Sales[[#This Row],[Units '['#']]]",
    ],
    ['COUNTIF(Sales[Qty],"Sales[Qty]")', "Units", 'COUNTIF(Sales[Units],"Sales[Qty]")'],
    ["[@Qty]*[@Price]+[Qty]", "Units", "[@Qty]*[@Price]+[Qty]"],
  ])("a column renamed: %s to %s", (formula, to, expected) => {
    expect(column(formula, to)).toBe(expected);
  });

  test("unqualified references are the host table's own", () => {
    expect(column("[@Qty]*[@Price]+SUM([Qty])+[[#This Row],[Qty]]", "Units", true)).toBe(
      "[@Units]*[@Price]+SUM([Units])+[[#This Row],[Units]]"
    );
    expect(
      renameColumnIn("Sales[Units '['#']]", {
        table: "Sales",
        from: "Units [#]",
        to: "Qty",
        inTable: false,
      })
    ).toBe("Sales[Qty]");
  });

  test("renaming there and back gives the formula back", () => {
    const sheetName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _.'&-]{0,12}[A-Za-z0-9]$/);
    const piece = fc.constantFrom(
      "'Team budget'!B12",
      "SUM('Team budget'!A1:B2)",
      "'Team budget'!Name",
      "\"'Team budget'!B12\"",
      "Other!C3",
      "[1]'Team budget'!A1",
      "BudgetLines[[#This Row],[Budget FY]]",
      "+",
      "*2"
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), sheetName, (pieces, name) => {
        fc.pre(name.toLowerCase() !== "other" && !name.toLowerCase().startsWith("team budget"));
        // Quoted before and after: the text comes back byte for byte.
        fc.pre(sheetQualifier([name]).startsWith("'"));
        const formula = pieces.join("");
        const there = renameSheetIn(formula, "Team budget", name);
        expect(renameSheetIn(there, name, "Team budget")).toBe(formula);
      }),
      { numRuns: RUNS }
    );
  });
});

describe("renameSheet", () => {
  test("a practice sheet renamed: every formula and name that named it names the new one, and only those parts change", async () => {
    const after = await renamed(practice, (edit) => renameSheet(edit, "Team budget", "Budget"));
    const changed = await expectFormulasChanged(
      practice,
      after,
      outsideStrings((code) => code.replace(/'Team budget'!/g, "Budget!"))
    );
    expect(changed).toBeGreaterThan(15);
    const names = (await openWorkbookPackage(after)).names;
    expect(names.find((n) => n.name === "TeamBudgetFY")?.text).toBe("Budget!$B$19");
    const budgetTab = (await openWorkbookPackage(after)).sheets.findIndex(
      (s) => s.name === "Budget"
    );
    expect(
      names.find((n) => n.name === "_xlnm.Print_Area" && n.localSheetId === budgetTab)?.text
    ).toBe("Budget!$A$1:$J$74,Budget!$A$75:$N$103");
    expect((await cellOf(after, NOTES_SHEET, "I3")).formula).toBe(
      "=INDIRECT(\"'Team budget'!B12\")"
    );
    // Only parts that named the sheet changed (the workbook part also asks for a recalculation).
    const before = await partTexts(practice);
    const now = await partTexts(after);
    const changedParts = [...now.keys()].filter((path) => now.get(path) !== before.get(path));
    const named = await Promise.all(
      changedParts.map(async (path) => (await partText(practice, path)).includes("Team budget"))
    );
    expect(changedParts.filter((_, i) => !named[i])).toEqual([]);
    expect(changedParts).toEqual(
      expect.arrayContaining(["xl/workbook.xml", "docProps/app.xml", "xl/worksheets/sheet12.xml"])
    );
    expect(await partText(after, "docProps/app.xml")).toContain("<vt:lpstr>Budget</vt:lpstr>");
    const sheets = tags(await partText(after, "xl/workbook.xml"), "sheet").map((s) => s.name);
    expect(sheets).toContain("Budget");
  });

  test("the user's sheet renamed: its pivot cache, chart, sparkline and scoped names follow", async () => {
    const after = await renamed(practice, (edit) => renameSheet(edit, "team notes", "Notes 2026"));
    await expectFormulasChanged(
      practice,
      after,
      outsideStrings((code) => code.replace(/'Team notes'!/g, "'Notes 2026'!"))
    );
    const pkg = await openWorkbookPackage(after);
    expect(pkg.names.find((n) => n.name === NOTES_NAMES.sheet)?.text).toBe("'Notes 2026'!$B$2");
    const parts = await Promise.all(
      [
        "xl/pivotCache/pivotCacheDefinition1.xml",
        "xl/charts/chart9.xml",
        "xl/worksheets/sheet12.xml",
      ].map((path) => partText(after, path))
    );
    expect(parts[0]).toContain('<worksheetSource ref="A3:C9" sheet="Notes 2026"/>');
    expect(parts[1]).toContain("<c:f>'Notes 2026'!$C$3</c:f>");
    expect(parts[2]).toContain("<xm:f>'Notes 2026'!C4:C9</xm:f>");
    // Its cells and their shared formula reading another book are as they were.
    expect((await cellOf(after, "Notes 2026", "D5")).formula).toBe("=C5*[1]Rates!$B$2");
  });

  test("links, validation and conditional formats on other sheets follow; the sheet is editable by its new name", async () => {
    const book = new ExcelJS.Workbook();
    const data = book.addWorksheet("Old data");
    ["North", "South"].forEach((v, i) => (data.getCell(`A${i + 1}`).value = v));
    const report = book.addWorksheet("Report");
    report.getCell("A1").value = { text: "to the data", hyperlink: "'Old data'!A1" };
    report.getCell("A2").value = { text: "and its second row", hyperlink: "#'Old data'!A2" };
    report.getCell("B1").dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: ["'Old data'!$A$1:$A$2"],
    };
    report.addConditionalFormatting({
      ref: "C1",
      rules: [{ type: "expression", formulae: ["'Old data'!$A$1<>\"\""], priority: 1, style: {} }],
    });
    const before = new Uint8Array(await book.xlsx.writeBuffer());
    const after = await renamed(
      before,
      (edit) => renameSheet(edit, "Old data", "Data"),
      (edit) => edit.writeCells("data", [{ row: 2, column: 0, value: "East" }])
    );
    const sheet = await partText(after, "xl/worksheets/sheet2.xml");
    expect(sheet).toContain('location="Data!A1"');
    expect(sheet).toContain("<formula1>Data!$A$1:$A$2</formula1>");
    expect(sheet).toContain("<formula>Data!$A$1&lt;&gt;&quot;&quot;</formula>");
    expect(await partText(after, "xl/worksheets/_rels/sheet2.xml.rels")).toContain(
      'Target="#Data!A2"'
    );
    expect((await cellOf(after, "Data", "A3")).value).toBe("East");
  });

  test("a name Excel refuses is refused; a change of case is a rename", async () => {
    const edit = await PackageEdit.open(practice);
    await expect(renameSheet(edit, "No such sheet", "X")).rejects.toThrow(/no sheet/);
    await expect(renameSheet(edit, "Team budget", "staffing PLAN")).rejects.toThrow(/already/);
    for (const bad of ["", "a/b", "[x]", "'quoted'", "x".repeat(32), "history"])
      await expect(renameSheet(edit, "Team budget", bad)).rejects.toThrow(/not a valid/);
    await renameSheet(edit, "Team budget", "TEAM BUDGET");
    const after = new Uint8Array(await edit.bytes());
    expect((await formulasOf(after)).get(`${NOTES_POSITION}:I1`)).toBe("='TEAM BUDGET'!B12*2");
  });
});

describe("renameTable", () => {
  test("a table other tables' formulas use: every structured reference follows", async () => {
    const after = await renamed(practice, (edit) =>
      renameTable(edit, "BudgetByMonth", "MonthlyBudget")
    );
    const changed = await expectFormulasChanged(
      practice,
      after,
      outsideStrings((code) => code.replace(/\bBudgetByMonth\[/g, "MonthlyBudget["))
    );
    expect(changed).toBeGreaterThan(40);
    const file = await readWorkbookFile(after);
    const summary = [...file.sheets.values()].find((s) => s.sheet.name === "Executive summary");
    expect(summary?.objects.tables.map((t) => t.name)).toContain("ExecBudgetByMonth");
    const budget = [...file.sheets.values()].find((s) => s.sheet.name === "Team budget");
    const table = budget?.objects.tables.find((t) => t.name === "MonthlyBudget");
    expect(tags(await partText(after, table?.path ?? ""), "table")[0]).toMatchObject({
      name: "MonthlyBudget",
      displayName: "MonthlyBudget",
    });
  });

  test("the health check, which expects the template's names, finds the workbook as it was once the name is back", async () => {
    const there = await renamed(practice, (edit) => renameTable(edit, "BudgetLines", "Lines"));
    await expectFormulasChanged(
      practice,
      there,
      outsideStrings((code) => code.replace(/\bBudgetLines\[/g, "Lines["))
    );
    expect((await cellOf(there, NOTES_SHEET, "I5")).formula).toBe(
      '=COUNTIF(Lines[Status],"BudgetLines[Status]")'
    );
    const back = await renamed(there, (edit) => renameTable(edit, "lines", "BudgetLines"));
    const report = async (bytes: Uint8Array) =>
      checkWorkbook((await readWorkbookFile(bytes)).readBack);
    expect(await report(back)).toEqual(await report(practice));
    expect(await report(there)).not.toEqual(await report(practice));
  });

  test("a pivot table over the table follows it; a name Excel refuses is refused", async () => {
    const zip = await JSZip.loadAsync(practice);
    zip.file(
      "xl/pivotCache/pivotCacheDefinition2.xml",
      '<pivotCacheDefinition><cacheSource type="worksheet"><worksheetSource name="BudgetLines"/></cacheSource></pivotCacheDefinition>'
    );
    const edit = await PackageEdit.open(await zip.generateAsync({ type: "uint8array" }));
    for (const bad of ["A1", "r1c1", "R", "two words", "1st", "x-y"])
      await expect(renameTable(edit, "BudgetLines", bad)).rejects.toThrow(/not a valid/);
    for (const taken of ["kpis", "TeamBudgetFY"])
      await expect(renameTable(edit, "BudgetLines", taken)).rejects.toThrow(/already/);
    await expect(renameTable(edit, "NoSuchTable", "X")).rejects.toThrow(/no table/);
    await renameTable(edit, "budgetlines", "Lines_2026");
    expect(await edit.pkg.text("xl/pivotCache/pivotCacheDefinition2.xml")).toContain(
      '<worksheetSource name="Lines_2026"/>'
    );
  });
});

describe("renameTableColumn", () => {
  test("a column whose new name needs brackets: its header, its name and every reference to it", async () => {
    const after = await renamed(practice, (edit) =>
      renameTableColumn(edit, "BudgetLines", "budget fy", "Budget: FY")
    );
    const was = await formulasOf(practice);
    const now = await formulasOf(after);
    const changed = [...was].filter(([key, formula]) => now.get(key) !== formula);
    expect(changed.length).toBeGreaterThan(10);
    for (const [key, formula] of changed) {
      expect(formula).toContain("Budget FY");
      expect(now.get(key)).toContain("Budget: FY");
    }
    expect((await cellOf(after, NOTES_SHEET, "I4")).formula).toBe(
      "=SUM(BudgetLines[[Budget: FY]])"
    );
    const file = await readWorkbookFile(after);
    const lines = file.readBack.tables.find((t) => t.name === "BudgetLines");
    expect(lines?.headers).toContain("Budget: FY");
    expect(lines?.headers).not.toContain("Budget FY");
    const row = [...now.values()].find((f) => f.includes("[[#This Row],[Budget: FY]]"));
    expect(row).toBe(
      "=BudgetLines[[#This Row],[Forecast FY]]-BudgetLines[[#This Row],[Budget: FY]]"
    );
  });

  test("only that table's column: another table's column of the same name stays", async () => {
    const after = await renamed(practice, (edit) =>
      renameTableColumn(edit, "StaffingPlan", "Jan 2026", "January 2026")
    );
    expect((await cellOf(after, NOTES_SHEET, "I6")).formula).toBe(
      "=SUM(StaffingPlan[January 2026])+SUM(Kpis[Jan 2026])"
    );
    const changed = await expectFormulasChanged(
      practice,
      after,
      outsideStrings((code) =>
        code
          .replace(/StaffingPlan\[Jan 2026\]/g, "StaffingPlan[January 2026]")
          .replace(/(StaffingPlan\[\[#This Row\],)\[Jan 2026\]/g, "$1[January 2026]")
      )
    );
    expect(changed).toBeGreaterThan(10);
  });

  test("unqualified references in the table's own cells and column formulas; a name escaped for brackets", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Sales");
    sheet.addTable({
      name: "Sales",
      ref: "A1",
      totalsRow: true,
      columns: [
        { name: "Item", totalsRowLabel: "Total" },
        { name: "Qty", totalsRowFunction: "sum" },
        { name: "Price" },
        { name: "Total", totalsRowFunction: "custom", totalsRowFormula: "SUM(Sales[Total])" },
      ],
      rows: [
        ["Pens", 2, 5, { formula: "[@Qty]*[@Price]", result: 10 }],
        ["Ink", 3, 4, { formula: "Sales[[#This Row],[Qty]]*[@Price]", result: 12 }],
      ],
    });
    sheet.getCell("F1").value = { formula: '[@Qty]&"[@Qty]"', result: "" };
    sheet.getCell("F2").value = { formula: "SUM(Sales[Qty])", result: 5 };
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const tablePath = Object.keys(zip.files).find((p) => /^xl\/tables\/.*\.xml$/.test(p)) as string;
    const table = (await zip.file(tablePath)?.async("string")) ?? "";
    zip.file(
      tablePath,
      table.replace(
        /(<tableColumn\b[^>]*name="Total"[^>]*?)(\/>|>)/,
        "$1><calculatedColumnFormula>[@Qty]*[@Price]</calculatedColumnFormula></tableColumn>"
      )
    );
    const before = await zip.generateAsync({ type: "uint8array" });
    const after = await renamed(before, (edit) =>
      renameTableColumn(edit, "sales", "qty", "Units [#]")
    );
    const formula = async (address: string) => (await cellOf(after, "Sales", address)).formula;
    expect(await formula("D2")).toBe("=[@[Units '['#']]]*[@Price]");
    expect(await formula("D3")).toBe("=Sales[[#This Row],[Units '['#']]]*[@Price]");
    expect(await formula("B4")).toBe("=SUBTOTAL(109,Sales[[Units '['#']]])");
    // Outside the table, [@Qty] is no reference to it: left as it is.
    expect(await formula("F1")).toBe('=[@Qty]&"[@Qty]"');
    expect(await formula("F2")).toBe("=SUM(Sales[[Units '['#']]])");
    expect((await cellOf(after, "Sales", "B1")).value).toBe("Units [#]");
    const part = await partText(after, tablePath);
    expect(part).toContain('name="Units [#]"');
    expect(part).toContain(
      "<calculatedColumnFormula>[@[Units '['#']]]*[@Price]</calculatedColumnFormula>"
    );
    const edit = await PackageEdit.open(after);
    await expect(renameTableColumn(edit, "Sales", "Price", "units [#]")).rejects.toThrow(
      /cannot name/
    );
    await expect(renameTableColumn(edit, "Sales", "Cost", "X")).rejects.toThrow(/no column/);
  });
});

describe("renaming there and back", () => {
  const existing = [
    "executive summary",
    "team notes",
    "team budget",
    "staffing plan",
    "kpi tracker",
  ]
    .concat(["savings ledger", "maturity scorecard", "practice checklist", "lens guide"])
    .concat(["decision model", "adoption plan", "finops metadata", "history"]);

  test("a sheet: the package's parts come back byte for byte when both names are quoted, as canonical XML otherwise", async () => {
    const original = await partTexts(practice);
    const canonical = await canonicalParts(practice);
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 _.'&-]{0,28}[A-Za-z0-9]$/),
        async (name) => {
          fc.pre(!existing.includes(name.toLowerCase()));
          const back = await renamed(
            practice,
            (edit) => renameSheet(edit, "Team budget", name),
            (edit) => renameSheet(edit, name, "Team budget")
          );
          if (sheetQualifier([name]).startsWith("'"))
            expect(await partTexts(back)).toEqual(original);
          else expect(await canonicalParts(back)).toEqual(canonical);
        }
      ),
      { numRuns: 12 }
    );
  });

  test("a table: byte for byte", async () => {
    const original = await partTexts(practice);
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9_.]{1,20}$/), async (suffix) => {
        const name = `T_${suffix}`;
        const back = await renamed(
          practice,
          (edit) => renameTable(edit, "BudgetLines", name),
          (edit) => renameTable(edit, name, "BudgetLines")
        );
        expect(await partTexts(back)).toEqual(original);
      }),
      { numRuns: 8 }
    );
  });
});
