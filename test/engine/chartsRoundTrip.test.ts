import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { writeXlsxBuffer } from "../../src/xlsx";
import { chartsOf, ParsedChart, splitRef } from "../xlsx/readCharts";

/**
 * LibreOffice, the referee, opens the generated practice set and saves it again: every chart survives
 * (same count per sheet, same type, same series over the same ranges), so the chart parts are ones a
 * spreadsheet understands, not merely well-formed XML.
 */
const summary = (charts: ParsedChart[]) =>
  charts.map((c) => ({
    sheet: c.sheet,
    groups: c.groups,
    series: c.series.map((s) => [splitRef(s.values).range, splitRef(s.categories).range]),
  }));

describe("charts in LibreOffice", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-charts-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps every chart of the practice set when it saves the file again", async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...DEFAULT_OPTIONS, formulaMode: "portable", sampleData: true },
      { sheets: [], tablesAndNames: [] }
    );
    const { buffer } = await writeXlsxBuffer(plan, new Date("2026-11-29T12:00:00Z"));
    const input = path.join(dir, "practice.xlsx");
    fs.writeFileSync(input, buffer);
    const saved = convertWithLibreOffice(input, path.join(dir, "out"), "xlsx");
    const ours = await chartsOf(await JSZip.loadAsync(buffer));
    const theirs = await chartsOf(await JSZip.loadAsync(fs.readFileSync(saved)));
    expect(ours.length).toBeGreaterThanOrEqual(7);
    expect(summary(theirs)).toEqual(summary(ours));
  }, 180_000);
});
