import JSZip from "jszip";
import { planTemplates } from "../../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { XlsxPackage } from "../../../src/xlsx/charts/xlsxPackage";
import { deleteSheet } from "../../../src/xlsx/edit/deleteSheet";
import { withoutReferencesTo } from "../../../src/xlsx/edit/deletedReferences";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { withoutSheetAt } from "../../../src/xlsx/edit/workbookSheets";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { foreignView } from "../foreign/canonicalParts";
import { NOTES_NAMES, withForeignParts } from "../foreign/foreignParts";
import { NOTES_SHEET } from "../foreign/sheet";
import { packageProblems, partPaths } from "./packageProblems";

/**
 * deleteSheet removes a sheet from a file in place as Excel deletes one: its entry, relationship,
 * parts (those only it reaches), content types and sheet-scoped names go; later sheets' names and
 * the window follow their sheets; references to it elsewhere become #REF!; every part it does not
 * own stays as it was.
 */

const NOW = new Date("2026-11-29T12:00:00Z");
let fixture: Uint8Array;

beforeAll(async () => {
  const { plan } = planTemplates(
    TEMPLATES.map((t) => t.id),
    { ...DEFAULT_OPTIONS, sampleData: true },
    { sheets: [], tablesAndNames: [] }
  );
  fixture = await withForeignParts(new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer));
});

async function deleted(
  bytes: Uint8Array,
  sheets: readonly string[],
  before: (edit: PackageEdit) => Promise<void> = async () => undefined
): Promise<Uint8Array> {
  const edit = await PackageEdit.open(bytes);
  await before(edit);
  for (const sheet of sheets) await deleteSheet(edit, sheet);
  return new Uint8Array(await edit.bytes());
}

const text = async (xlsx: Uint8Array, part: string) =>
  (await JSZip.loadAsync(xlsx)).file(part)!.async("string");

/** What would make Excel repair the package (packageProblems.ts), and a .rels left without its part. */
async function problems(xlsx: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(xlsx);
  const orphans = partPaths(zip)
    .filter((p) => p.endsWith(".rels") && p !== "_rels/.rels")
    .filter((p) => !zip.file(p.replace(/_rels\/([^/]+)\.rels$/, "$1")))
    .map((p) => `${p} without its part`);
  return [...(await packageProblems(xlsx)), ...orphans];
}

describe("deleteSheet", () => {
  it("keeps every part and name it does not own as it was when template sheets are deleted", async () => {
    // One sheet before the user's (their names' localSheetId moves), one after; both with tables
    // and charts.
    const after = await deleted(fixture, ["Executive summary", "Savings ledger"]);
    expect(await foreignView(after)).toEqual(await foreignView(fixture));
    expect(await problems(after)).toEqual([]);

    const { readBack, pkg } = await readWorkbookFile(after);
    const sheets = (await readWorkbookFile(fixture)).readBack.sheetNames;
    expect(readBack.sheetNames).toEqual(
      sheets.filter((s) => s !== "Executive summary" && s !== "Savings ledger")
    );
    // The user's sheet-scoped names follow it to its new index; the deleted sheets' print areas went.
    const scoped = pkg.names.filter((n) => n.localSheetId !== undefined);
    expect(scoped.find((n) => n.name === NOTES_NAMES.sheet)?.localSheetId).toBe(
      readBack.sheetNames.indexOf(NOTES_SHEET)
    );
    for (const name of scoped)
      expect(name.text.replace(/''/g, "'")).toContain(readBack.sheetNames[name.localSheetId!]);
    // Workbook names that pointed at a deleted sheet are #REF!, as in Excel.
    expect(pkg.names.find((n) => n.name === "ExecAsAt")?.text).toBe("#REF!$B$5");
    // Its tables, drawing and charts are gone; Excel rebuilds the calculation chain and recalculates.
    const zip = await JSZip.loadAsync(after);
    const tables = partPaths(zip).filter((p) => /^xl\/tables\/.*\.xml$/.test(p));
    const before = partPaths(await JSZip.loadAsync(fixture));
    expect(tables.length).toBe(before.filter((p) => /^xl\/tables\/.*\.xml$/.test(p)).length - 3);
    expect(partPaths(zip).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length).toBe(
      before.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).length - 3
    );
    expect(await text(after, "xl/workbook.xml")).toMatch(/<calcPr\b[^>]*fullCalcOnLoad="1"/);
  });

  it("turns references to the deleted sheet and its tables into #REF! in other sheets' formulas", async () => {
    const notes = (await readWorkbookFile(fixture)).pkg.sheets.find((s) => s.name === NOTES_SHEET)!;
    const after = await deleted(fixture, ["Team budget"], (edit) =>
      edit.writeCells(NOTES_SHEET, [
        {
          row: 14,
          column: 0,
          formula:
            "='Team budget'!B19+SUM(BudgetLines[Budget FY])+'Team notes'!C4+ROWS(SavingsLedger)",
          value: 1,
        },
      ])
    );
    const sheet = await text(after, notes.path);
    expect(sheet).toContain("<f>#REF!B19+SUM(#REF!)+'Team notes'!C4+ROWS(SavingsLedger)</f>");
    // The user's own formulas, which never named the sheet, are as they were.
    expect(sheet).toContain(">C4*[1]Rates!$B$2</f>");
    expect(await problems(after)).toEqual([]);
  });

  it("removes what only the deleted sheet reaches and keeps what anything else reaches", async () => {
    // The user's picture is also shown by a template sheet's drawing.
    const shared = async (bytes: Uint8Array) => {
      const pkg = await XlsxPackage.open(bytes);
      const image = partPaths(pkg.zip).find((p) => p.startsWith("xl/media/"))!;
      await pkg.relate(
        "xl/drawings/drawing1.xml",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
        image
      );
      return { bytes: new Uint8Array(await pkg.bytes()), image };
    };
    const { bytes, image } = await shared(fixture);
    const after = await deleted(bytes, [NOTES_SHEET]);
    const kept = partPaths(await JSZip.loadAsync(after));
    const gone = partPaths(await JSZip.loadAsync(bytes)).filter((p) => !kept.includes(p));
    expect(gone.map((p) => p.replace(/\d+(?=\.\w+(\.rels)?$)/, "N")).sort()).toEqual(
      [
        "xl/worksheets/sheetN.xml",
        "xl/worksheets/_rels/sheetN.xml.rels",
        "xl/printerSettings/printerSettingsN.bin",
        "xl/drawings/drawingN.xml",
        "xl/drawings/_rels/drawingN.xml.rels",
        "xl/charts/chartN.xml",
        "xl/drawings/vmlDrawingN.vml",
        "xl/commentsN.xml",
        "xl/pivotTables/pivotTableN.xml",
        "xl/pivotTables/_rels/pivotTableN.xml.rels",
        "xl/slicers/slicerN.xml",
      ].sort()
    );
    // The picture another drawing shows, and the caches the workbook refers to, stay.
    expect(kept).toContain(image);
    expect(kept.some((p) => p.startsWith("xl/pivotCache/"))).toBe(true);
    expect(kept.some((p) => p.startsWith("xl/slicerCaches/"))).toBe(true);
    expect(await problems(after)).toEqual([]);
    const { pkg } = await readWorkbookFile(after);
    expect(pkg.names.filter((n) => n.localSheetId === 0 && n.name === NOTES_NAMES.sheet)).toEqual(
      []
    );
    expect(pkg.names.find((n) => n.name === NOTES_NAMES.workbook)?.text).toBe("#REF!$C$4:$C$9");
  });

  it("refuses a sheet the workbook does not have, and its last visible sheet", async () => {
    const edit = await PackageEdit.open(fixture);
    await expect(deleteSheet(edit, "No such sheet")).rejects.toThrow(/no sheet "No such sheet"/);
    const sheets = (await readWorkbookFile(fixture)).readBack.sheetNames.filter(
      (s) => s !== "FinOps metadata"
    );
    for (const sheet of sheets.slice(1)) await deleteSheet(edit, sheet);
    await expect(deleteSheet(edit, sheets[0])).rejects.toThrow(/only visible sheet/);
  });
});

describe("withoutSheetAt", () => {
  const book = (view: string, names = "") =>
    `<workbook><bookViews>${view}</bookViews><sheets>` +
    `<sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/>` +
    `<sheet name="Store" sheetId="3" state="veryHidden" r:id="rId3"/><sheet name="C" sheetId="4" r:id="rId4"/>` +
    `</sheets>${names}</workbook>`;
  const view = (xml: string) => /<workbookView[^>]*>/.exec(xml)![0];

  it("moves the active and first tab with their sheets", () => {
    expect(view(withoutSheetAt(book('<workbookView activeTab="3" firstSheet="1"/>'), 0))).toBe(
      '<workbookView activeTab="2" firstSheet="0"/>'
    );
    expect(view(withoutSheetAt(book('<workbookView activeTab="0"/>'), 1))).toBe(
      '<workbookView activeTab="0"/>'
    );
  });

  it("activates the next visible sheet when the active one goes, the previous one at the end", () => {
    // B goes: the store after it is hidden, so C (now at 2) is active.
    expect(view(withoutSheetAt(book('<workbookView activeTab="1"/>'), 1))).toBe(
      '<workbookView activeTab="2"/>'
    );
    expect(view(withoutSheetAt(book('<workbookView activeTab="3" firstSheet="3"/>'), 3))).toBe(
      '<workbookView activeTab="1" firstSheet="2"/>'
    );
    // No activeTab is tab 0: when A goes, B (still 0) is active.
    expect(view(withoutSheetAt(book("<workbookView/>"), 0))).toBe("<workbookView/>");
  });

  it("drops the sheet's own names and renumbers later sheets'", () => {
    const names =
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">B!$A$1:$C$3</definedName>' +
      '<definedName name="Own" localSheetId="3">C!$A$1</definedName>' +
      '<definedName name="First" localSheetId="0">A!$A$1</definedName>' +
      '<definedName name="Everyone">B!$B$2</definedName></definedNames>';
    const xml = withoutSheetAt(book("<workbookView/>", names), 1);
    expect(xml).not.toContain('name="B"');
    expect(xml).toContain(
      '<definedNames><definedName name="Own" localSheetId="2">C!$A$1</definedName>' +
        '<definedName name="First" localSheetId="0">A!$A$1</definedName>' +
        // Workbook names are deleteSheet's, through its formula rewrite.
        '<definedName name="Everyone">B!$B$2</definedName></definedNames>'
    );
    const only =
      '<definedNames><definedName name="P" localSheetId="1">B!$A$1</definedName></definedNames>';
    expect(withoutSheetAt(book("", only), 1)).not.toContain("definedNames");
  });
});

describe("withoutReferencesTo", () => {
  const change = withoutReferencesTo("Cost data", ["FocusCostData"]);

  it("makes references to the sheet and its tables #REF!, as Excel saves them", () => {
    expect(change("'Cost data'!$B$5")).toBe("#REF!$B$5");
    expect(change("SUM('COST DATA'!B5:C9,Other!A1)")).toBe("SUM(#REF!B5:C9,Other!A1)");
    expect(change("SUM(FocusCostData[Billed cost])")).toBe("SUM(#REF!)");
    expect(change("FocusCostData[[#Totals],[Rows]]*2+ROWS(focuscostdata)")).toBe(
      "#REF!*2+ROWS(#REF!)"
    );
    expect(change("'Cost data'!LocalName+1")).toBe("#REF!+1");
  });

  it("leaves strings, other sheets, other books and 3-D spans alone", () => {
    for (const formula of [
      `INDIRECT("'Cost data'!A1")`,
      "'Cost data (2)'!A1",
      "[1]'Cost data'!A1",
      "Jan:Mar!A1",
      "FocusCostData_2[Rows]",
      "Other!FocusCostData",
    ])
      expect(change(formula)).toBe(formula);
  });
});
