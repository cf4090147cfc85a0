import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice, findSoffice, LibreOfficeMissing } from "../../scripts/libreoffice";
import { computedValue, recalculate } from "./recalc";

describe("the project's LibreOffice runner", () => {
  it("recalculates every formula instead of keeping the values cached in the file", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Sums");
    sheet.getCell("A1").value = 20;
    sheet.getCell("A2").value = 22;
    // Cached results that are wrong on purpose: only a recalculation gives 42 and 2.
    sheet.getCell("A3").value = { formula: "SUM(A1:A2)", result: 7 };
    sheet.getCell("A4").value = { formula: "A3/21", result: 99 };
    const result = (await recalculate(workbook)).getWorksheet("Sums")!;
    expect([computedValue(result.getCell("A3")), computedValue(result.getCell("A4"))]).toEqual([
      42, 2,
    ]);
  });

  it("prints a workbook to PDF", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-pdf-"));
    try {
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("Page").getCell("A1").value = "Printed";
      const input = path.join(dir, "print.xlsx");
      await workbook.xlsx.writeFile(input);
      const pdf = convertWithLibreOffice(input, path.join(dir, "out"), "pdf");
      expect(fs.readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says what to install when soffice is missing", () => {
    const saved = { PATH: process.env.PATH, SOFFICE: process.env.SOFFICE };
    try {
      process.env.PATH = fs.mkdtempSync(path.join(os.tmpdir(), "finops-empty-path-"));
      process.env.SOFFICE = path.join(process.env.PATH, "no-such-soffice");
      expect(findSoffice()).toBeUndefined();
      expect(() => convertWithLibreOffice("in.xlsx", "out", "xlsx")).toThrow(LibreOfficeMissing);
      expect(() => convertWithLibreOffice("in.xlsx", "out", "xlsx")).toThrow(
        /libreoffice-calc-nogui|libreoffice/
      );
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.SOFFICE === undefined) delete process.env.SOFFICE;
      else process.env.SOFFICE = saved.SOFFICE;
    }
  });
});
