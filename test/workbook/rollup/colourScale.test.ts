import {
  queueFormulasAndFormats,
  queueMetadata,
  queueNames,
  queueSheet,
} from "../../../src/excel/writePlan";
import { rangeBounds, rangeAddress } from "../../../src/workbook/addresses";
import { planRollup } from "../../../src/workbook/consolidate/planRollup";
import { checkWorkbook } from "../../../src/workbook/maintain/healthCheck";
import { metadataRows } from "../../../src/workbook/metadata";
import { PlannedSheet, RenderPlan } from "../../../src/workbook/plan";
import { rollupOptions } from "../../../src/workbook/templates/enterpriseRollup";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { repairFile } from "../../../src/xlsx/maintain/repairFile";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { readWorkbook } from "../../../src/excel/readWorkbook";
import { createExcelFake } from "../../fakes/excel";
import { hostFor } from "../../excel/hostFor";
import { tableOf } from "../planLookup";
import { threeDepartments } from "./threeDepartments";

/**
 * The heat map's colour scale (red at 0, yellow at half, green at the top score, on each department's
 * column) as both adapters write it, and as file repair puts it back.
 */
const NOW = new Date("2026-07-01T12:00:00Z");

function plan(): RenderPlan {
  const consolidation = threeDepartments();
  const options = rollupOptions(consolidation.submissions, { date: consolidation.date });
  return planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
}

/** The data cells of each department's column of the heat map. */
function departmentColumns(p: RenderPlan): { sheet: PlannedSheet; addresses: string[] } {
  const sheet = p.sheets.find((s) => s.tables.some((t) => t.key === "rollupHeatMap"))!;
  const table = tableOf(p, "rollupHeatMap");
  const { top, left, bottom } = rangeBounds(table.address);
  const addresses = ["Finance", "Retail", "Europe"].map((d) => {
    const c = left + table.headers.indexOf(d);
    return rangeAddress(top + 1, c, bottom, c);
  });
  return { sheet, addresses };
}

const SCALE = [
  { value: 0, colour: "#F8696B" },
  { value: 0.5, colour: "#FFEB84" },
  { value: 1, colour: "#63BE7B" },
];

describe("the heat map's colour scale", () => {
  it("is planned on each department's scores, 0 to the top score", () => {
    const p = plan();
    const { sheet, addresses } = departmentColumns(p);
    const scales = sheet.conditionalFormats.filter((f) => f.when === "colorScale");
    // Three departments' columns, then the five lenses.
    expect(scales.slice(0, 3).map((f) => [f.address, f.value, f.high])).toEqual(
      addresses.map((a) => [a, 0, 1])
    );
    expect(scales).toHaveLength(3 + 5);
  });

  it("is written to the file as a three-colour scale, and repair puts a deleted one back", async () => {
    const p = plan();
    const { sheet, addresses } = departmentColumns(p);
    const { buffer } = await writeXlsxBuffer(p, NOW);
    const edit = await PackageEdit.open(new Uint8Array(buffer));
    const xml = (await edit.sheetXml(sheet.name)) ?? "";
    const scales = [
      ...xml.matchAll(
        /<conditionalFormatting sqref="([^"]+)">(<cfRule type="colorScale"[\s\S]*?)<\/conditionalFormatting>/g
      ),
    ];
    expect(scales.slice(0, 3).map((m) => m[1])).toEqual(addresses);
    const first = scales[0][2];
    expect(
      [...first.matchAll(/<cfvo type="num" val="([^"]+)"\/>/g)].map((m) => Number(m[1]))
    ).toEqual(SCALE.map((s) => s.value));
    expect([...first.matchAll(/<color rgb="FF([0-9A-F]{6})"\/>/g)].map((m) => `#${m[1]}`)).toEqual(
      SCALE.map((s) => s.colour)
    );

    // Finance's scale removed, as a user clearing the rules of the column would.
    await edit.changeSheet(sheet.name, (text) => text.replace(scales[0][0], ""));
    const broken = new Uint8Array(await edit.bytes());
    const file = await readWorkbookFile(broken);
    const findings = checkWorkbook(file.readBack).findings;
    expect(findings.map((f) => [f.kind, f.address, f.repairable])).toEqual([
      ["conditionalFormat", addresses[0], true],
    ]);
    const repaired = await repairFile(file, broken, NOW, false);
    const again = await readWorkbookFile(repaired.bytes!);
    expect(checkWorkbook(again.readBack).findings).toEqual([]);
    const after = (await (await PackageEdit.open(repaired.bytes!)).sheetXml(sheet.name)) ?? "";
    expect(after).toContain(
      `<conditionalFormatting sqref="${addresses[0]}"><cfRule type="colorScale"`
    );
  });

  it("is written through Office.js as a ColorScale with its three criteria", async () => {
    const p = plan();
    const { sheet, addresses } = departmentColumns(p);
    const fake = createExcelFake();
    await fake.asOfficeExcel().run(async (context) => {
      const workbook = context.workbook;
      const written = p.sheets.map((planned) => ({
        planned,
        sheet: queueSheet(workbook, planned),
      }));
      for (const { planned } of written) queueNames(workbook, planned);
      for (const { planned, sheet: s } of written) queueFormulasAndFormats(s, planned);
      queueMetadata(workbook, null, metadataRows(p, NOW));
      await context.sync();
    });
    const scales = fake.state.conditionalFormats(sheet.name).filter((f) => f.type === "ColorScale");
    expect(scales.slice(0, 3).map((f) => f.address)).toEqual(addresses);
    const [minimum, midpoint, maximum] = SCALE.map((s) => ({
      formula: String(s.value),
      type: "Number",
      color: s.colour,
    }));
    expect(scales[0].criteria).toEqual({ minimum, midpoint, maximum });
    // Read back through Office.js, the roll-up is checked clean there too: colour scales included.
    const readBack = await hostFor(fake).excel.run((context) => readWorkbook(context));
    expect(checkWorkbook(readBack).findings).toEqual([]);
  });
});
