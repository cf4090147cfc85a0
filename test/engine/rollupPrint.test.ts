import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { planRollup } from "../../src/workbook/consolidate/planRollup";
import { rollupOptions } from "../../src/workbook/templates/enterpriseRollup";
import { writeXlsxBuffer } from "../../src/xlsx";
import { threeDepartments } from "../workbook/rollup/threeDepartments";

/**
 * The roll-up as a CFO prints it: in a currency written as its code (SGD has no symbol in the
 * templates' formats, so its amounts are the widest), every department converted at a rate. No
 * amount may print as ### (a column too narrow for it), and the page of converted amounts must
 * still name each row's department (the repeated leading column).
 */
describe("the enterprise roll-up printed", () => {
  it("shows every amount and names the department beside its amounts", async () => {
    const consolidation = { ...threeDepartments(), rates: { USD: 1.35, EUR: 1.45 } };
    const options = rollupOptions(consolidation.submissions, {
      date: consolidation.date,
      currency: "SGD",
    });
    const plan = planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-rollup-print-"));
    try {
      const file = path.join(dir, "rollup.xlsx");
      fs.writeFileSync(
        file,
        (await writeXlsxBuffer(plan, new Date("2026-07-01T12:00:00Z"))).buffer
      );
      const pdf = convertWithLibreOffice(file, path.join(dir, "out"), "pdf", {
        timeoutMs: 180_000,
      });
      const pages = execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split(
        "\f"
      );
      expect(pages.filter((p) => p.includes("###"))).toEqual([]);
      const amounts = pages.filter((p) => p.includes("Rate to SGD") && p.includes("Cloud spend"));
      expect(amounts.length).toBeGreaterThan(0);
      for (const page of amounts)
        for (const s of consolidation.submissions) expect(page).toContain(s.department);
      // The amounts are there, converted: Finance's cloud spend at 1.35 SGD per USD.
      expect(amounts.join("\n")).toMatch(/\d{2},\d{3},\d{3} SGD/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 240_000);
});
