import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { cellPosition, rangeBounds } from "../../src/workbook/addresses";
import { planTemplates } from "../../src/workbook/generate";
import { planRefresh } from "../../src/workbook/maintain/refreshPlan";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { writeXlsxBuffer } from "../../src/xlsx";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { deleteInFile, DELETIONS, withBlocks } from "../xlsx/edit/deletedInFile";
import { errorCells, readBackOf, recalculationDifferences } from "./fileCells";

/**
 * A real engine on blocks added in place (addBlocks): template tables with their charts and named
 * cells a user deleted, written back below their sheets' content as refresh plans them, several on
 * one sheet. LibreOffice opens the file and recalculates it: every formula of the blocks computes
 * what the file caches, no cell of the practice set is an error, and the tables and charts are kept.
 */
const NOW = new Date("2026-11-29T12:00:00Z");

describe("blocks added to a workbook in place, in LibreOffice", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-add-blocks-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("recalculates the blocks to their cached values, with no error cell", async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      // Plain Excel formulas: LibreOffice has no FINOPS add-in functions.
      { ...DEFAULT_OPTIONS, sampleData: true, formulaMode: "portable" },
      { sheets: [], tablesAndNames: [] }
    );
    let bytes: Uint8Array = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
    for (const deletion of DELETIONS) bytes = await deleteInFile(bytes, plan, deletion);
    const { blocks } = planRefresh((await readWorkbookFile(bytes)).readBack);
    expect(blocks).toHaveLength(DELETIONS.length);
    const file = path.join(dir, "blocks.xlsx");
    fs.writeFileSync(file, await withBlocks(bytes, blocks));

    const cached = await readBackOf(file);
    const output = convertWithLibreOffice(file, path.join(dir, "out"), "xlsx", {
      timeoutMs: 180_000,
    });
    const recalculated = await readBackOf(output);
    const inBlock = (sheet: string, address: string) =>
      blocks.some((block) => {
        const { top, left, bottom, right } = rangeBounds(block.area);
        const { row, column } = cellPosition(address);
        return (
          block.sheet === sheet && row >= top && row <= bottom && column >= left && column <= right
        );
      });
    const { formulas, differences } = recalculationDifferences(cached, recalculated, inBlock);
    expect(formulas).toBeGreaterThan(100);
    expect(differences).toEqual([]);
    expect(errorCells(recalculated)).toEqual([]);

    const saved = Object.keys((await JSZip.loadAsync(fs.readFileSync(output))).files);
    const count = (part: RegExp) => saved.filter((p) => part.test(p)).length;
    expect(count(/charts\/chart\d+\.xml$/)).toBe(plan.sheets.flatMap((s) => s.charts).length);
    expect(count(/tables\/table\d+\.xml$/)).toBe(plan.sheets.flatMap((s) => s.tables).length);
  });
});
