import * as fs from "fs";
import * as path from "path";
import { cellPosition } from "../../../src/workbook/addresses";
import { planTemplates } from "../../../src/workbook/generate";
import { CONVERTED_SETTING, readConverted } from "../../../src/workbook/maintain/convertedFormulas";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { convertFile } from "../../../src/xlsx/maintain/convertFile";
import { ADDIN_ID, readAddinSettings, withSetting } from "../../../src/xlsx/read/addinSettings";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { cellAt } from "../../../src/xlsx/read/sheetCells";
import { NOW } from "../../excel/hostFor";

/** A web extension part as Excel writes one for an add-in the workbook has settings of ([MS-OWEXML]). */
const PART =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5B2F1A6E-4C1D-4F8B-9E1A-2D3C4B5A6F70}">' +
  `<we:reference id="${ADDIN_ID}" version="1.0.0.0" store="developer" storeType="Registry"/>` +
  '<we:alternateReferences/><we:properties><we:property name="other" value="&quot;kept&quot;"/></we:properties>' +
  "<we:bindings/><we:snapshot/></we:webextension>";

describe("the add-in's settings in a file", () => {
  test("ADDIN_ID is manifest.xml's Id", () => {
    const manifest = fs.readFileSync(path.join(__dirname, "../../../manifest.xml"), "utf8");
    expect(/<Id>([^<]+)<\/Id>/.exec(manifest)?.[1]).toBe(ADDIN_ID);
  });

  test("a setting set, read back as JSON, and removed, leaving the others", async () => {
    const set = withSetting(PART, "finops.x", "[1,2]");
    const read = async (xml: string) =>
      (await readAddinSettings(["xl/webextensions/webextension1.xml"], async () => xml)).values;
    expect(await read(set)).toEqual(
      new Map([
        ["other", "kept"],
        ["finops.x", "[1,2]"],
      ])
    );
    expect(await read(withSetting(set, "finops.x", undefined))).toEqual(
      new Map([["other", "kept"]])
    );
  });

  test("convert records the formulas users typed in it, and gives them back", async () => {
    const { plan } = planTemplates(["team-budget"], DEFAULT_OPTIONS, {
      sheets: [],
      tablesAndNames: [],
    });
    const edit = await PackageEdit.open((await writeXlsxBuffer(plan, NOW)).buffer);
    await edit.writeCells("Team budget", [
      { ...cellPosition("Z1"), formula: "=FINOPS.VARIANCE(10,12)", value: 2 },
    ]);
    edit.pkg.write("xl/webextensions/webextension1.xml", PART);
    let bytes: Uint8Array = new Uint8Array(await edit.bytes());
    for (const mode of ["portable", "addin"] as const) {
      const done = await convertFile(await readWorkbookFile(bytes), bytes, mode, NOW, false);
      expect(done.notOnFiles).toEqual([]);
      bytes = done.bytes as Uint8Array;
      const file = await readWorkbookFile(bytes);
      const z1 = cellAt(file.sheets.get("team budget")!.cells, 0, 25).formula;
      const settings = await readAddinSettings(Object.keys(file.pkg.zip.files), file.pkg.text);
      const recorded = readConverted(settings.values.get(CONVERTED_SETTING));
      if (mode === "portable") {
        expect(z1).not.toMatch(/FINOPS/);
        expect(recorded).toEqual([
          { sheet: "Team budget", address: "Z1", addin: "=FINOPS.VARIANCE(10,12)", twin: z1 },
        ]);
      } else {
        expect(z1).toBe("=FINOPS.VARIANCE(10,12)");
        expect(recorded).toEqual([]);
      }
      expect(settings.values.get("other")).toBe("kept");
    }
  });
});
