import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { EXIT } from "../../src/cli/help";
import { run } from "../../src/cli/run";
import { isErrorText } from "../../src/workbook/maintain/grid";
import { withForeignParts } from "../xlsx/foreign/foreignParts";
import { NOTES_SHEET } from "../xlsx/foreign/sheet";
import { readBackOf, sameValue } from "./fileCells";
import { computedValue, recalculate } from "./recalc";

/**
 * A real engine on an imported workbook: the CLI generates the KPI tracker (portable formulas), imports
 * a FOCUS file into it, and LibreOffice recalculates. The KPI formulas must compute from the imported
 * actuals without an error, and the Cost data sheet's labels that look like formulas must stay text.
 * Imported in place into a team's workbook (the foreign-parts fixture), every practice formula must
 * compute what the file caches.
 */
const FIXTURE = path.join(__dirname, "../cli/fixtures/focus-small.csv");
const silent = {
  stdout: () => undefined,
  stderr: () => undefined,
  now: () => new Date("2026-11-29T12:00:00Z"),
};

/** The row of `sheet` whose cells include `label`, and the column of each header in it. */
function headerRow(
  sheet: ExcelJS.Worksheet,
  label: string
): { row: number; col: Map<string, number> } {
  for (let r = 1; r <= sheet.rowCount; r++) {
    const cells = sheet.getRow(r).values as unknown[];
    if (cells.includes(label)) {
      const col = new Map<string, number>();
      cells.forEach((v, c) => typeof v === "string" && col.set(v, c));
      return { row: r, col };
    }
  }
  throw new Error(`No header row with "${label}" on ${sheet.name}`);
}

describe("imported KPI actuals in LibreOffice", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-imported-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the tracker computes from them with no error, and formula-like labels stay text", async () => {
    const file = path.join(dir, "kpis.xlsx");
    expect(await run(["generate", "--template", "kpi-tracker", "--out", file], silent)).toBe(
      EXIT.ok
    );
    expect(
      await run(
        ["import-focus", FIXTURE, "--into", file, "--group-by", "sub-account", "--all-periods"],
        silent
      )
    ).toBe(EXIT.ok);
    const imported = new ExcelJS.Workbook();
    await imported.xlsx.readFile(file);
    const result = await recalculate(imported);

    // ExcelJS reads an error result as { error: "#N/A" }.
    const errors: string[] = [];
    result.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          const value = computedValue(cell);
          if (typeof value === "object" && value !== null && "error" in value)
            errors.push(`${sheet.name}!${cell.address}`);
        })
      )
    );
    expect(errors).toEqual([]);

    // The savings rate row: January and February hold the imported rates (in percent), and the
    // tracker's own Latest value formula, recalculated, picks February's.
    const kpis = result.getWorksheet("KPI tracker");
    if (!kpis) throw new Error("no KPI tracker");
    const { row: header, col } = headerRow(kpis, "Latest value");
    let found = false;
    for (let r = header + 1; r <= kpis.rowCount; r++) {
      const row = kpis.getRow(r);
      if (computedValue(row.getCell(col.get("ID") ?? 0)) !== "KL-01") continue;
      found = true;
      const jan = computedValue(row.getCell(col.get("Jan 2026") ?? 0));
      const feb = computedValue(row.getCell(col.get("Feb 2026") ?? 0));
      // Fixture: Jan list 120+60, effective 80+50 -> 1 - 130/180. Feb: the unused commitment's effective
      // 90 counts but not its list; on demand list 300, effective 240 -> 1 - (90+240)/300 = -10%.
      expect(jan).toBeCloseTo((1 - 130 / 180) * 100, 5);
      expect(feb).toBeCloseTo((1 - 330 / 300) * 100, 5);
      expect(computedValue(row.getCell(col.get("Latest value") ?? 0))).toBeCloseTo(
        feb as number,
        9
      );
      expect(computedValue(row.getCell(col.get("Latest period") ?? 0))).toBe("Feb 2026");
    }
    expect(found).toBe(true);

    // Group labels from the file that look like formulas are text in a real engine too.
    const labels: unknown[] = [];
    result
      .getWorksheet("Cost data")
      ?.eachRow((row) => row.eachCell((cell) => labels.push(computedValue(cell))));
    expect(labels).toEqual(expect.arrayContaining(['=HYPERLINK("x")', "+1", "-2"]));
  }, 240_000);

  it("imported twice in place into a team's workbook (pivot table, slicer, links), recalculates to the cached values with no error", async () => {
    const file = path.join(dir, "team.xlsx");
    expect(await run(["generate", "--all", "--out", file], silent)).toBe(EXIT.ok);
    fs.writeFileSync(file, await withForeignParts(fs.readFileSync(file)));
    // The second import replaces the first's sheet.
    for (const periods of [["--periods", "2026-01"], ["--all-periods"]])
      expect(await run(["import-focus", FIXTURE, "--into", file, ...periods], silent)).toBe(
        EXIT.ok
      );

    const cached = await readBackOf(file);
    const output = convertWithLibreOffice(file, path.join(dir, "team-out"), "xlsx", {
      timeoutMs: 180_000,
    });
    const recalculated = await readBackOf(output);
    // The team's sheet reads an external workbook LibreOffice cannot reach (#N/A there).
    const practice = [...cached.keys()].filter((sheet) => sheet !== NOTES_SHEET);
    const differences: string[] = [];
    let formulas = 0;
    for (const sheet of practice)
      for (const [address, cell] of cached.get(sheet)!) {
        if (!cell.formula) continue;
        formulas += 1;
        const engine = recalculated.get(sheet)?.get(address)?.value;
        if (!sameValue(cell.value, engine))
          differences.push(
            `${sheet}!${address}: cached ${JSON.stringify(cell.value)}, LibreOffice ${JSON.stringify(engine)}`
          );
      }
    const errors = practice.flatMap((sheet) =>
      [...(recalculated.get(sheet) ?? [])]
        .filter(([, cell]) => isErrorText(cell.value))
        .map(([address, cell]) => `${sheet}!${address} ${String(cell.value)}`)
    );
    expect(formulas).toBeGreaterThan(1000);
    expect(differences).toEqual([]);
    expect(errors).toEqual([]);
    expect([...recalculated.keys()]).toEqual([...cached.keys()]);
  }, 240_000);
});
