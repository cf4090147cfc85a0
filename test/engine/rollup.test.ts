import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { planRollup } from "../../src/workbook/consolidate/planRollup";
import { Consolidation } from "../../src/workbook/consolidate/submission";
import { rollupOptions } from "../../src/workbook/templates/enterpriseRollup";
import { writeXlsxBuffer } from "../../src/xlsx";
import { oddlyNamed } from "../workbook/rollup/oddNames";
import { threeDepartments } from "../workbook/rollup/threeDepartments";
import { errorCells, readBackOf, recalculationDifferences } from "./fileCells";

/**
 * The referee for the enterprise roll-up: LibreOffice recalculates the roll-up of three departments
 * (portable formulas) to the values the file cached, with no error cell, with and without the rate
 * of the department that reports in another currency, and with departments and categories named
 * with * ? ~ < = (which a COUNTIF, SUMIF or MATCH criterion would read as wildcards or operators).
 */
async function recalculated(consolidation: Consolidation) {
  const options = rollupOptions(consolidation.submissions, { date: consolidation.date });
  const plan = planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-rollup-"));
  try {
    const file = path.join(dir, "rollup.xlsx");
    fs.writeFileSync(file, (await writeXlsxBuffer(plan, new Date("2026-07-01T12:00:00Z"))).buffer);
    const cached = await readBackOf(file);
    const output = convertWithLibreOffice(file, path.join(dir, "out"), "xlsx", {
      timeoutMs: 180_000,
    });
    const engine = await readBackOf(output);
    return { ...recalculationDifferences(cached, engine), errors: errorCells(engine) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("LibreOffice recalculates the enterprise roll-up to its cached values", () => {
  it.each([
    ["with the EUR rate", threeDepartments(true)],
    ["without it", threeDepartments(false)],
    ["with no department data", { ...threeDepartments(), submissions: [], history: [] }],
    ["with names a criterion would misread", oddlyNamed()],
  ])(
    "%s",
    async (_, consolidation) => {
      const result = await recalculated(consolidation);
      expect(result.formulas).toBeGreaterThan(consolidation.submissions.length > 0 ? 140 : 20);
      expect(result.errors).toEqual([]);
      expect(result.differences).toEqual([]);
    },
    240_000
  );
});
