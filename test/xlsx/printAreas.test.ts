/**
 * A print area of several ranges (a sheet printed across pages prints, on the pages after its first,
 * only the rows of its wide tables): ExcelJS writes the first range, and the package is given the
 * rest in the one defined name Excel writes, comma-separated.
 */
import JSZip from "jszip";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { writeXlsxBuffer } from "../../src/xlsx";
import { printAreaText } from "../../src/xlsx/printAreas";

describe("print areas in the file", () => {
  it("writes every range of a sheet's print area in its one defined name", async () => {
    const { plan } = planTemplates(["staffing-plan"], DEFAULT_OPTIONS, {
      sheets: [],
      tablesAndNames: [],
    });
    const sheet = plan.sheets[0];
    const ranges = (sheet.printArea ?? "").split(",");
    // The first page's columns with everything, then the next page's with the staffing table only.
    expect(sheet.print.pagesWide).toBeGreaterThan(1);
    expect(ranges.length).toBe(sheet.print.pagesWide);
    expect(ranges.slice(1).every((r) => /^[A-Z]+\d+:[A-Z]+\d+$/.test(r))).toBe(true);
    const { buffer } = await writeXlsxBuffer(plan, new Date("2026-07-01T00:00:00Z"));
    const xml = await (await JSZip.loadAsync(buffer)).file("xl/workbook.xml")!.async("string");
    const areas = [...xml.matchAll(/<definedName name="_xlnm.Print_Area"[^>]*>([^<]*)</g)].map(
      (m) => m[1]
    );
    expect(areas).toContain(printAreaText("Staffing plan", ranges));
    expect(printAreaText("Team budget", ["A1:B2", "C3:D4"])).toBe(
      "&apos;Team budget&apos;!$A$1:$B$2,&apos;Team budget&apos;!$C$3:$D$4"
    );
    // One defined name per sheet: a second one would be a duplicate Excel refuses.
    expect(areas).toHaveLength(plan.sheets.length);
  });
});
