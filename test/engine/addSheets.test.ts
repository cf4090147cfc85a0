import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { writeXlsxBuffer } from "../../src/xlsx";
import { addSheets } from "../../src/xlsx/edit/addSheets";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { openWorkbookPackage } from "../../src/xlsx/read/workbookPackage";
import { withForeignParts } from "../xlsx/foreign/foreignParts";
import { NOTES_SHEET } from "../xlsx/foreign/sheet";
import { errorCells, readBackOf, recalculationDifferences } from "./fileCells";

/**
 * A real engine on sheets added in place to a finance team's workbook (the foreign-parts fixture: a
 * sheet of their own with a pivot table, a slicer, a note, a picture and a chart): LibreOffice opens
 * the file, recalculates it, and every formula of the added sheets (the executive summary reads every
 * other sheet through defined names) computes what the file caches, with no error cell anywhere in
 * the practice set; the team's parts are still in what LibreOffice saves.
 */
const NOW = new Date("2026-11-29T12:00:00Z");
const ADDED = [
  { name: "Executive summary", after: null },
  { name: "Lens guide", after: "Practice checklist" },
  { name: "Adoption plan", after: "Decision model" },
];

describe("sheets added to a workbook in place, in LibreOffice", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-add-sheets-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recalculates the added sheets to their cached values and keeps the team's parts", async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      // Plain Excel formulas: LibreOffice has no FINOPS add-in functions.
      { ...DEFAULT_OPTIONS, sampleData: true, formulaMode: "portable" },
      { sheets: [], tablesAndNames: [] }
    );
    const names = ADDED.map((a) => a.name);
    const base = await withForeignParts(
      new Uint8Array(
        (
          await writeXlsxBuffer(
            { ...plan, sheets: plan.sheets.filter((s) => !names.includes(s.name)) },
            NOW
          )
        ).buffer
      )
    );
    const order = (await openWorkbookPackage(base)).sheets.map((s) => s.name);
    const sheets = ADDED.map(({ name, after }) => {
      const position = after === null ? 0 : order.indexOf(after) + 1;
      order.splice(position, 0, name);
      return { planned: plan.sheets.find((s) => s.name === name)!, position };
    });
    const edit = await PackageEdit.open(base);
    await addSheets(edit, sheets);
    const file = path.join(dir, "added.xlsx");
    fs.writeFileSync(file, await edit.bytes());
    expect((await openWorkbookPackage(fs.readFileSync(file))).sheets.map((s) => s.name)).toEqual(
      order
    );

    const cached = await readBackOf(file);
    const output = convertWithLibreOffice(file, path.join(dir, "out"), "xlsx", {
      timeoutMs: 180_000,
    });
    const recalculated = await readBackOf(output);
    const added = (sheet: string) => names.includes(sheet);
    const { formulas, differences } = recalculationDifferences(cached, recalculated, added);
    expect(formulas).toBeGreaterThan(100);
    expect(differences).toEqual([]);
    // The team's sheet reads an external workbook LibreOffice cannot reach (#N/A there).
    expect(errorCells(recalculated, (sheet) => sheet !== NOTES_SHEET)).toEqual([]);

    // The team's sheet and its pivot table, note, picture and chart come through LibreOffice.
    expect([...recalculated.keys()]).toEqual(order.filter((s) => s !== "FinOps metadata"));
    const saved = Object.keys((await JSZip.loadAsync(fs.readFileSync(output))).files);
    for (const part of [/pivotTables\/pivotTable\d+\.xml$/, /comments\d*\.xml$/, /media\/image/])
      expect(saved.some((p) => part.test(p))).toBe(true);
    const charts = saved.filter((p) => /charts\/chart\d+\.xml$/.test(p));
    expect(charts.length).toBe(1 + plan.sheets.reduce((n, s) => n + s.charts.length, 0));
  });
});
