import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import JSZip from "jszip";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { cellPosition, rangeBounds } from "../../src/workbook/addresses";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { writeXlsxBuffer } from "../../src/xlsx";
import { addChartsToPackage } from "../../src/xlsx/charts/packageCharts";
import { withDrawing } from "../../src/xlsx/charts/xlsxPackage";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { attr, chartsOf, parse, resolve, splitRef, text } from "./readCharts";

/**
 * Charts in files: every chart the plan holds is in the package as Excel would write it (parts,
 * relationships, content types, schema element order), refers to cells of the file that hold its
 * values, caches those values, and matches what the Office.js adapter draws in Excel.
 */
const NOW = new Date("2026-11-29T12:00:00Z");
const PORTABLE: TemplateOptions = { ...DEFAULT_OPTIONS, formulaMode: "portable" };
const ALL = TEMPLATES.map((t) => t.id);
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function practiceSet(options = PORTABLE) {
  const { plan } = planTemplates(ALL, options, { sheets: ["Sheet1"], tablesAndNames: [] });
  const { buffer } = await writeXlsxBuffer(plan, NOW);
  return { plan, buffer, zip: await JSZip.loadAsync(buffer) };
}

/** What an ExcelJS cell shows: a formula's cached result, else its value. */
function shown(c: ExcelJS.Cell): unknown {
  return c.type === ExcelJS.ValueType.Formula ? c.result : c.value;
}

describe("charts in the file", () => {
  it("writes every chart of the practice set, at least seven, with the plan's titles and series", async () => {
    const { plan, zip } = await practiceSet();
    const charts = await chartsOf(zip);
    const planned = plan.sheets.flatMap((s) => s.charts.map((c) => ({ sheet: s.name, c })));
    expect(planned.length).toBeGreaterThanOrEqual(7);
    expect(charts.map((c) => [c.sheet, c.title])).toEqual(
      planned.map(({ sheet, c }) => [sheet, c.title])
    );
    const combo = charts.find((c) => c.sheet === "Team budget")!;
    expect(combo.groups).toEqual(["barChart", "lineChart"]);
    expect(combo.series.map((s) => [s.name, s.group])).toEqual([
      ["Actual", "barChart"],
      ["Forecast", "barChart"],
      ["Budget", "lineChart"],
    ]);
    expect(charts.find((c) => c.title.includes("by lens"))!.groups).toEqual(["radarChart"]);
  });

  it("refers every series to cells of the file that hold its values, and caches them", async () => {
    const { buffer, zip } = await practiceSet();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    for (const chart of await chartsOf(zip)) {
      for (const series of chart.series) {
        const { sheet, range } = splitRef(series.values);
        expect(sheet).toBe(chart.sheet);
        const cells = workbook.getWorksheet(sheet)!;
        const { top, left, bottom, right } = rangeBounds(range);
        expect([series.name, left]).toEqual([series.name, right]);
        const values: unknown[] = [];
        for (let r = top; r <= bottom; r += 1) {
          values.push(shown(cells.getRow(r + 1).getCell(left + 1)));
        }
        const numbers = values.filter((v) => typeof v === "number");
        expect([chart.title, series.name, numbers.length > 0]).toEqual([
          chart.title,
          series.name,
          true,
        ]);
        // The number cache holds exactly the cells that hold numbers.
        expect([chart.title, series.name, series.cached]).toEqual([
          chart.title,
          series.name,
          numbers.length,
        ]);
        expect(splitRef(series.categories).sheet).toBe(chart.sheet);
      }
    }
  });

  it("matches what the Office.js adapter draws: type, title, series, categories, anchor", async () => {
    const { zip } = await practiceSet();
    const fromFile = await chartsOf(zip);
    const fake = createExcelFake();
    await generateWorkbooks(ALL, PORTABLE, hostFor(fake));
    const TYPES: Record<string, string> = {
      ColumnClustered: "barChart",
      BarClustered: "barChart",
      Line: "lineChart",
      Radar: "radarChart",
    };
    const inExcel = fake.state.snapshot().sheets.flatMap((sheet) =>
      sheet.charts.map((chart) => ({
        sheet: sheet.name,
        title: chart.title,
        series: chart.series.map((s) => ({
          name: s.name,
          group: TYPES[s.type ?? chart.type],
          values: splitRef(s.values!).range,
          categories: splitRef(s.xValues!).range,
        })),
        from: cellPosition(chart.from!.split(":")[0]),
        to: cellPosition(chart.to!.split(":").pop()!),
      }))
    );
    expect(
      fromFile.map((c) => ({
        sheet: c.sheet,
        title: c.title,
        series: c.series.map((s) => ({
          name: s.name,
          group: s.group,
          values: splitRef(s.values).range,
          categories: splitRef(s.categories).range,
        })),
        from: c.from,
        // The file's anchor ends where the cell after the covered one starts.
        to: { column: c.to.column - 1, row: c.to.row - 1 },
      }))
    ).toEqual(inExcel);
  });

  it("is a package Excel opens without repair: content types, relationships and part names", async () => {
    const { zip } = await practiceSet();
    const types = parse(await text(zip, "[Content_Types].xml"));
    const overrides = new Map(
      Array.from(types.getElementsByTagName("Override")).map((o) => [
        attr(o, "PartName"),
        attr(o, "ContentType"),
      ])
    );
    const parts = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
    for (const part of parts.filter((p) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(p)))
      expect([part, overrides.get(`/${part}`)]).toEqual([
        part,
        part.includes("/charts/")
          ? "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
          : "application/vnd.openxmlformats-officedocument.drawing+xml",
      ]);
    for (const rels of parts.filter((p) => p.endsWith(".rels"))) {
      // _rels/.rels belongs to the package root; xl/_rels/workbook.xml.rels to xl/workbook.xml.
      const owner = rels === "_rels/.rels" ? "" : rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
      const doc = parse(await text(zip, rels));
      const ids = Array.from(doc.getElementsByTagName("Relationship")).map((r) => attr(r, "Id"));
      expect([rels, new Set(ids).size]).toEqual([rels, ids.length]);
      for (const rel of Array.from(doc.getElementsByTagName("Relationship"))) {
        if (attr(rel, "TargetMode") === "External") continue;
        const path = attr(rel, "Target").startsWith("/")
          ? attr(rel, "Target").slice(1)
          : resolve(owner === "" ? "root" : owner, attr(rel, "Target"));
        expect([rels, path, parts.includes(path)]).toEqual([rels, path, true]);
      }
    }
  });

  it("adds charts to the drawing ExcelJS wrote for a picture, keeping the picture", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("With picture");
    sheet.getCell("A1").value = "Month";
    sheet.getCell("B1").value = "Cost";
    sheet.getCell("A2").value = "Jan";
    sheet.getCell("B2").value = 10;
    const image = workbook.addImage({
      buffer: readFileSync(
        join(__dirname, "../../assets/icon-16.png")
      ) as unknown as ExcelJS.Buffer,
      extension: "png",
    });
    sheet.addImage(image, "D2:E4");
    const plain = new Uint8Array(await workbook.xlsx.writeBuffer());
    const chart = {
      title: "Cost",
      kind: "column" as const,
      categories: { ref: "'With picture'!$A$2", points: ["Jan"], formatCode: "General" },
      series: [
        {
          name: "Cost",
          nameRef: "'With picture'!$B$1",
          values: { ref: "'With picture'!$B$2", points: [10], formatCode: "General" },
          line: false,
        },
      ],
      from: { column: 0, row: 5 },
      to: { column: 6, row: 15 },
    };
    const zip = await JSZip.loadAsync(
      await addChartsToPackage(plain, [{ sheet: "With picture", charts: [chart] }])
    );
    const drawings = Object.keys(zip.files).filter((p) => /^xl\/drawings\/[^/]+\.xml$/.test(p));
    expect(drawings).toHaveLength(1);
    const drawing = parse(await text(zip, drawings[0]));
    expect(drawing.getElementsByTagName("xdr:pic")).toHaveLength(1);
    expect(drawing.getElementsByTagName("xdr:graphicFrame")).toHaveLength(1);
    const ids = Array.from(drawing.getElementsByTagName("xdr:cNvPr")).map((e) => attr(e, "id"));
    expect(new Set(ids).size).toBe(ids.length);
    expect((await chartsOf(zip)).map((c) => c.title)).toEqual(["Cost"]);
    // The picture's media part and its relationship are still there.
    expect(Object.keys(zip.files).some((p) => p.startsWith("xl/media/"))).toBe(true);
  });

  it("puts <drawing> where the worksheet schema wants it", () => {
    const sheet =
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
    expect(withDrawing(sheet, "rId2")).toBe(
      `<worksheet xmlns:r="${R}" xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/><pageMargins/><drawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`
    );
    const withLegacy = `<worksheet xmlns:r="${R}"><sheetData/><legacyDrawing r:id="rId3"/><extLst/></worksheet>`;
    expect(withDrawing(withLegacy, "rId4")).toBe(
      `<worksheet xmlns:r="${R}"><sheetData/><drawing r:id="rId4"/><legacyDrawing r:id="rId3"/><extLst/></worksheet>`
    );
  });
});
