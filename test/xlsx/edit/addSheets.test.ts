import ExcelJS from "exceljs";
import JSZip from "jszip";
import { planTemplates } from "../../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { PlannedSheet, RenderPlan } from "../../../src/workbook/plan";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { tags } from "../../../src/xlsx/charts/xlsxPackage";
import { addSheets } from "../../../src/xlsx/edit/addSheets";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { StyleBook } from "../../../src/xlsx/edit/styleBook";
import { withSheetAt } from "../../../src/xlsx/edit/workbookSheets";
import { builtinFormat } from "../../../src/xlsx/read/builtinFormats";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { readSheetObjects } from "../../../src/xlsx/read/sheetObjects";
import { readSheetRules } from "../../../src/xlsx/read/sheetRules";
import { openWorkbookPackage, runText } from "../../../src/xlsx/read/workbookPackage";
import { foreignView } from "../foreign/canonicalParts";
import { NOTES_NAMES, NOTES_POSITION, withForeignParts } from "../foreign/foreignParts";
import { NOTES_SHEET } from "../foreign/sheet";
import { packageProblems, partPaths, tableIds } from "./packageProblems";

/**
 * addSheets puts planned sheets into an existing workbook file in place: each added sheet must come
 * out as the file adapter writes it in a new file (compared through what it looks like, since style
 * indexes and part names are the target's), and every part it does not own must stay as it was.
 */

const NOW = new Date("2026-11-29T12:00:00Z");
/** Added to a file written without them: one with a chart, column breaks and a print area of several ranges. */
const ADDED = ["Savings ledger", "Lens guide", "Adoption plan"];

let plan: RenderPlan;
let full: Uint8Array;
let added: Uint8Array;
let userBook: Uint8Array;

const sheetOf = (name: string) => plan.sheets.find((s) => s.name === name) as PlannedSheet;
const without = (names: readonly string[]): RenderPlan => ({
  ...plan,
  sheets: plan.sheets.filter((s) => !names.includes(s.name)),
});

async function withAdded(
  bytes: Uint8Array,
  sheets: readonly { planned: PlannedSheet; position?: number }[]
): Promise<Uint8Array> {
  const edit = await PackageEdit.open(bytes);
  await addSheets(edit, sheets);
  return new Uint8Array(await edit.bytes());
}

/** A workbook a user made elsewhere: two sheets, their own styles, a table, names, the second tab active. */
async function userWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet("Data");
  data.getCell("A1").value = "Rate";
  data.getCell("A1").font = { bold: true, name: "Arial", size: 10 };
  data.getCell("B1").value = 0.1234;
  data.getCell("B1").numFmt = "0.000";
  data.getCell("B1").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEEFF" } };
  data.addTable({
    name: "UserRates",
    ref: "A3",
    columns: [{ name: "Region" }, { name: "Rate" }],
    rows: [
      ["North", 1],
      ["South", 2],
    ],
  });
  const notes = workbook.addWorksheet("Notes");
  notes.getCell("A1").value = "Shared text";
  notes.pageSetup.printArea = "A1:B5";
  workbook.definedNames.add("Data!$B$1", "UserRate");
  workbook.views = [
    { x: 0, y: 0, width: 10000, height: 20000, firstSheet: 1, activeTab: 1, visibility: "visible" },
  ];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
  plan = planTemplates(
    TEMPLATES.map((t) => t.id),
    { ...DEFAULT_OPTIONS, sampleData: true },
    { sheets: [], tablesAndNames: [] }
  ).plan;
  full = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
  const base = new Uint8Array((await writeXlsxBuffer(without(ADDED), NOW)).buffer);
  added = await withAdded(
    base,
    ADDED.map((name) => ({
      planned: sheetOf(name),
      position: plan.sheets.findIndex((s) => s.name === name),
    }))
  );
  userBook = await withAdded(await userWorkbook(), [
    { planned: sheetOf("Team budget"), position: 0 },
    { planned: sheetOf("Lens guide") },
  ]);
});

// ---------------------------------------------------------------------------------------------
// A sheet as it looks, whatever the indexes of its style records and the names of its parts.

/** Each cell format as number format code, font, fill, border and the rest of its record. */
function looks(styles: string): (index: number) => string {
  const book = new StyleBook(styles);
  const [xfs, fonts, fills, borders, formats] = (
    ["cellXfs", "fonts", "fills", "borders", "numFmts"] as const
  ).map((list) => book.records(list));
  const id = (xf: string, name: string) =>
    Number(new RegExp(`\\b${name}="(\\d+)"`).exec(xf)?.[1] ?? 0);
  return (index) => {
    const xf = xfs[index];
    const format = id(xf, "numFmtId");
    const custom = formats.find((f) => f.includes(` numFmtId="${format}"`));
    return [
      custom ? /formatCode="([^"]*)"/.exec(custom)?.[1] : builtinFormat(format),
      fonts[id(xf, "fontId")],
      fills[id(xf, "fillId")],
      borders[id(xf, "borderId")],
      xf.replace(/\s(numFmtId|fontId|fillId|borderId|xfId)="\d+"/g, ""),
    ].join(" | ");
  };
}

const escapeText = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The sheet's part and the parts it reaches, each with what its indexes stand for: style indexes as
 * looks, dxf ids as the dxf, strings (shared or inline) as their text, table ids left out.
 */
async function sheetAsWritten(bytes: Uint8Array, name: string): Promise<string[]> {
  const pkg = await openWorkbookPackage(bytes);
  const sheet = pkg.sheets.find((s) => s.name === name)!;
  const workbookRels = [...(await pkg.relationships("xl/workbook.xml")).values()];
  const styles = (await pkg.text(workbookRels.find((r) => r.type.endsWith("/styles"))!.path))!;
  const look = looks(styles);
  const dxfs = new StyleBook(styles).records("dxfs");
  const restyle = (xml: string, tag: string, attribute: string, map: (n: number) => string) =>
    xml.replace(new RegExp(`<${tag}\\b[^>]*>`, "g"), (start) =>
      start.replace(
        new RegExp(`\\s${attribute}="(\\d+)"`),
        (_, n) => ` ${attribute}="${map(Number(n))}"`
      )
    );
  let xml = (await pkg.text(sheet.path))!;
  xml = restyle(xml, "c", "s", (n) => escapeText(look(n)));
  xml = restyle(xml, "row", "s", (n) => escapeText(look(n)));
  xml = restyle(xml, "col", "style", (n) => escapeText(look(n)));
  xml = restyle(xml, "cfRule", "dxfId", (n) => escapeText(dxfs[n]));
  xml = xml
    .replace(
      /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
      (_, a, b, n) => `<c${a} t="text"${b}>${escapeText(pkg.sharedStrings[Number(n)])}</c>`
    )
    .replace(
      /<c\b([^>]*?)\st="inlineStr"([^>]*)><is>([\s\S]*?)<\/is><\/c>/g,
      (_, a, b, body) => `<c${a} t="text"${b}>${escapeText(runText(body))}</c>`
    );
  const out = [xml];
  const reach = async (part: string, depth: string) => {
    for (const [id, rel] of await pkg.relationships(part)) {
      const text = (await pkg.text(rel.path))!.replace(/(<table\b[^>]*?)\sid="\d+"/, "$1");
      out.push(`${depth}${id} ${rel.type}\n${text}`);
      await reach(rel.path, `${depth}  `);
    }
  };
  await reach(sheet.path, "");
  return out;
}

/** The names of a file, each sheet-scoped one with its sheet's name, sorted. */
async function namesOf(bytes: Uint8Array): Promise<string[]> {
  const pkg = await openWorkbookPackage(bytes);
  return pkg.names
    .map(
      (n) =>
        `${n.name} ${n.localSheetId === undefined ? "" : `[${pkg.sheets[n.localSheetId].name}] `}${n.text}`
    )
    .sort();
}

describe("sheets added to a file are the sheets of a new file", () => {
  test("the practice set with three sheets added back reads as the one written whole", async () => {
    const whole = await readWorkbookFile(full);
    const rebuilt = await readWorkbookFile(added);
    expect(rebuilt.readBack.sheetNames).toEqual(whole.readBack.sheetNames);
    const { names, ...rest } = rebuilt.readBack;
    const { names: wholeNames, ...wholeRest } = whole.readBack;
    expect(rest).toEqual(wholeRest);
    const sorted = (list: typeof names) => [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
    expect(sorted(names)).toEqual(sorted(wholeNames));
    expect(await namesOf(added)).toEqual(await namesOf(full));
    for (const name of ADDED) {
      const [a, b] = [
        rebuilt.sheets.get(name.toLowerCase())!,
        whole.sheets.get(name.toLowerCase())!,
      ];
      expect(a.cells.bounds).toEqual(b.cells.bounds);
      expect(readSheetRules(a.xml)).toEqual(readSheetRules(b.xml));
      const objects = async (file: typeof whole, sheet: typeof a) => {
        const found = await readSheetObjects(file.pkg, sheet.sheet.path, sheet.xml);
        return {
          tables: found.tables.map((t) => [t.name, t.ref, t.headerRows, t.totalsRows, t.columns]),
          charts: found.charts.map((c) => [c.name, c.title]),
        };
      };
      expect(await objects(rebuilt, a)).toEqual(await objects(whole, b));
    }
    expect(rebuilt.readBack.sheets.find((s) => s.name === "Savings ledger")?.charts).toEqual(
      sheetOf("Savings ledger").charts.map((c) => c.title)
    );
  });

  test.each(ADDED)(
    "%s: cells, styles, widths, rules, print setup, tables and charts",
    async (name) => {
      const written = await sheetAsWritten(added, name);
      expect(written).toEqual(await sheetAsWritten(full, name));
      // The sheet, its tables, and its drawing with its charts.
      const { tables, charts } = sheetOf(name);
      expect(written).toHaveLength(1 + tables.length + (charts.length > 0 ? 1 + charts.length : 0));
    }
  );

  test.each(["Team budget", "Lens guide"])(
    "%s added to a workbook made elsewhere looks as in a new file",
    async (name) => {
      expect(await sheetAsWritten(userBook, name)).toEqual(await sheetAsWritten(full, name));
    }
  );

  test("a workbook made elsewhere keeps its sheets, names, active tab and tables, with new ids", async () => {
    const pkg = await openWorkbookPackage(userBook);
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Team budget", "Data", "Notes", "Lens guide"]);
    const names = await namesOf(userBook);
    expect(names).toContain("UserRate Data!$B$1");
    expect(names).toContain("_xlnm.Print_Area [Notes] 'Notes'!$A1:$B5");
    expect(names).toContain("TeamBudgetFY 'Team budget'!$B$19");
    expect(names.filter((n) => n.startsWith("_xlnm.Print_Area ["))).toHaveLength(3);
    const workbook = (await pkg.text("xl/workbook.xml"))!;
    expect(tags(workbook, "workbookView")[0]).toMatchObject({ activeTab: "2", firstSheet: "2" });
    const ids = await tableIds(userBook);
    expect(ids).toHaveLength(1 + sheetOf("Team budget").tables.length + 1);
    expect(new Set(ids).size).toBe(ids.length);
    // The user's records stay where they were; theirs are appended after them.
    const before = await stylesOf(await userWorkbook());
    const after = await stylesOf(userBook);
    for (const list of ["numFmts", "fonts", "fills", "borders", "cellXfs", "dxfs"] as const) {
      const old = new StyleBook(before).records(list);
      expect(new StyleBook(after).records(list).slice(0, old.length)).toEqual(old);
    }
    expect(new StyleBook(after).records("numFmts")).toContainEqual(
      '<numFmt numFmtId="166" formatCode="&quot;$&quot;#,##0;-&quot;$&quot;#,##0"/>'
    );
  });

  test("a name the workbook already uses, or a tab past the last, is refused", async () => {
    const edit = await PackageEdit.open(full);
    await expect(addSheets(edit, [{ planned: sheetOf("Lens guide") }])).rejects.toThrow(
      'The workbook already has the sheet "Lens guide", name "MaturityLensGuide".'
    );
    const other = await PackageEdit.open(await userWorkbook());
    await expect(
      addSheets(other, [{ planned: { ...sheetOf("Lens guide"), name: "Lens" }, position: 3 }])
    ).rejects.toThrow("A sheet cannot go at tab 3 of 2.");
  });
});

async function stylesOf(bytes: Uint8Array): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file("xl/styles.xml")!.async("string");
}

describe("withSheetAt", () => {
  const book = (inner: string) =>
    `<workbook xmlns="m" xmlns:r="r"><bookViews>${inner}</bookViews><sheets>` +
    '<sheet name="A" sheetId="3" r:id="rId1"/><sheet name="B" sheetId="1" r:id="rId2"/></sheets>' +
    '<definedNames><definedName name="x" localSheetId="0">A!$A$1</definedName>' +
    '<definedName name="y" localSheetId="1">B!$A$1</definedName><definedName name="z">B!$B$1</definedName>' +
    '</definedNames><calcPr calcId="1"/></workbook>';
  const print = '<definedName name="_xlnm.Print_Area" localSheetId="7">N!$A$1</definedName>';

  test("shifts the sheet-scoped names and the window's tabs at or after the new sheet", () => {
    const out = withSheetAt(
      book('<workbookView firstSheet="1" activeTab="1"/>'),
      { name: "N", relId: "rId9" },
      1,
      [print]
    );
    expect(out).toContain(
      '<sheet name="A" sheetId="3" r:id="rId1"/><sheet name="N" sheetId="4" r:id="rId9"/><sheet name="B"'
    );
    expect(out).toContain('<workbookView firstSheet="2" activeTab="2"/>');
    expect(out).toContain('name="x" localSheetId="0"');
    expect(out).toContain('name="y" localSheetId="2"');
    expect(out).toContain(
      '<definedName name="z">B!$B$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">N!$A$1</definedName></definedNames>'
    );
  });

  test("keeps the first sheet active when one goes before it; makes <definedNames> where none is", () => {
    const out = withSheetAt(
      '<workbook xmlns="m"><bookViews><workbookView/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/></sheets><calcPr/></workbook>',
      { name: "N", relId: "rId2" },
      0,
      [print]
    );
    expect(out).toBe(
      '<workbook xmlns="m"><bookViews><workbookView activeTab="1"/></bookViews><sheets>' +
        `<sheet name="N" sheetId="2" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId2"/>` +
        '<sheet name="A" sheetId="1" r:id="rId1"/></sheets>' +
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">N!$A$1</definedName></definedNames><calcPr/></workbook>'
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Nothing else changes: the foreign-parts fixture.

describe("sheets added to a workbook holding a finance team's own parts", () => {
  let before: Uint8Array;
  beforeAll(async () => {
    before = await withForeignParts(
      new Uint8Array((await writeXlsxBuffer(without(["Lens guide"]), NOW)).buffer)
    );
  });

  /** Lens guide at its place (after the checklist) and before every sheet, the user's included. */
  const positions = async () => {
    const pkg = await openWorkbookPackage(before);
    return [pkg.sheets.findIndex((s) => s.name === "Practice checklist") + 1, 0];
  };

  test("the user's parts, names and records are what they were", async () => {
    for (const position of await positions()) {
      const after = await withAdded(before, [{ planned: sheetOf("Lens guide"), position }]);
      expect(await foreignView(after)).toEqual(await foreignView(before));
      const pkg = await openWorkbookPackage(after);
      expect(pkg.sheets[position].name).toBe("Lens guide");
      // The user's sheet-scoped names still name their sheet.
      const notes = pkg.sheets.findIndex((s) => s.name === NOTES_SHEET);
      expect(notes).toBe(position <= NOTES_POSITION ? NOTES_POSITION + 1 : NOTES_POSITION);
      expect(pkg.names.find((n) => n.name === NOTES_NAMES.sheet)?.localSheetId).toBe(notes);
    }
  });

  test("every part that was there is byte for byte the same but the workbook's list of parts and sheets", async () => {
    const [position] = await positions();
    const after = await withAdded(before, [{ planned: sheetOf("Lens guide"), position }]);
    const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
    // The styles the sheet needs are all there already (the practice set's): none is appended.
    const extended = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels"];
    const changed: string[] = [];
    for (const part of partPaths(a)) {
      const old = await a.file(part)!.async("uint8array");
      const now = await b.file(part)?.async("uint8array");
      if (!now || Buffer.compare(Buffer.from(old), Buffer.from(now)) !== 0) changed.push(part);
    }
    expect(changed.sort()).toEqual(extended.sort());
    const newParts = partPaths(b).filter((p) => !a.file(p));
    expect(newParts.map((p) => p.replace(/\d+/, "N")).sort()).toEqual([
      "xl/tables/tableN.xml",
      "xl/worksheets/_rels/sheetN.xml.rels",
      "xl/worksheets/sheetN.xml",
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// A package Excel opens: well-formed parts, relationships that resolve, content types, schema order.

describe("the edited package", () => {
  test("parses, resolves, has a content type for every part and its elements in schema order", async () => {
    const foreign = await withAdded(
      await withForeignParts(
        new Uint8Array((await writeXlsxBuffer(without(["Lens guide"]), NOW)).buffer)
      ),
      [{ planned: sheetOf("Lens guide"), position: 0 }]
    );
    for (const bytes of [added, userBook, foreign])
      expect(await packageProblems(bytes)).toEqual([]);
  });
});
