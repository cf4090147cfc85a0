import { convertFormulas, previewConversion } from "../../src/excel/convertFormulas";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { checkWorkbookHealth } from "../../src/excel/maintainWorkbook";
import { FormulaMode } from "../../src/workbook/expr/renderFormula";
import { planTemplates } from "../../src/workbook/generate";
import { CONVERTED_SETTING } from "../../src/workbook/maintain/convertedFormulas";
import { usesAddinFunctions } from "../../src/workbook/maintain/formulaText";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { rewriteFinops } from "../../src/workbook/twins/rewriteFormula";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { hostFor } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";

const IDS = ["team-budget", "decision-model", "kpi-tracker"];
const BUDGET = "BudgetLines";
const SHEET = "Team budget";

/** Formulas of a user who types FINOPS calls: a column of their own, cells outside tables, one the twin cannot take. */
const NESTED = "=FINOPS.ROI(FINOPS.SAVINGS(B5,'KPI tracker'!C5),2)&\" (FINOPS.ROI)\"";
const UNKNOWN = "=FINOPS.NOPE(B5)";

async function generated(options = DEFAULT_OPTIONS): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(IDS, options, hostFor(fake));
  fake.resetCounters();
  return fake;
}

/** Adds `rows` budget lines, a user column "My ESR" with a FINOPS formula in each row, and loose formulas. */
async function typeFormulas(fake: ExcelFake, rows = 2): Promise<{ esr: string[] }> {
  await edit(fake, (workbook) => {
    const lines = workbook.tables.getItem(BUDGET);
    const width = fake.state.tables().find((t) => t.name === BUDGET)!.headers.length;
    const added = Array.from({ length: rows }, () => Array.from({ length: width }, () => null));
    lines.rows.add(undefined, added as unknown as (string | number)[][]);
    lines.columns.add(undefined, undefined, "My ESR");
  });
  const mine = columnOf(fake, BUDGET, "My ESR");
  const budget = columnOf(fake, BUDGET, "Budget Jan 2026");
  const actual = columnOf(fake, BUDGET, "Actual Jan 2026");
  const esr = Array.from(
    { length: mine.last - mine.first + 1 },
    (_, r) => `=FINOPS.ESR(${budget.cell(r)},${actual.cell(r)})`
  );
  await edit(fake, (workbook) => {
    const sheet = workbook.worksheets.getItem(SHEET);
    sheet.getRange(`${mine.letter}${mine.first}:${mine.letter}${mine.last}`).formulas = esr.map(
      (f) => [f]
    );
    sheet.getRange("Z2:Z3").formulas = [[NESTED], [UNKNOWN]];
  });
  return { esr };
}

/** Every formula of every sheet but the metadata store, by "Sheet!A1". */
function formulas(fake: ExcelFake): Record<string, string> {
  const all: Record<string, string> = {};
  for (const sheet of fake.state.snapshot().sheets) {
    if (sheet.name === METADATA_SHEET) continue;
    for (const [address, cell] of Object.entries(sheet.cells))
      if (typeof cell.formula === "string" && cell.formula.startsWith("="))
        all[`${sheet.name}!${address}`] = cell.formula;
  }
  return all;
}

/** The formula a fresh generation in `mode` writes in a computed column. */
function freshFormula(mode: FormulaMode, table: string, header: string): string {
  const options = { ...DEFAULT_OPTIONS, formulaMode: mode };
  const { plan } = planTemplates(IDS, options, { sheets: ["Sheet1"], tablesAndNames: [] });
  for (const sheet of plan.sheets)
    for (const t of sheet.tables) {
      if (t.name !== table) continue;
      const range = sheet.ranges.find((r) => r.address === t.address.split(":")[0]);
      const formula = range?.rows[1][t.headers.indexOf(header)].formula;
      if (formula) return formula;
    }
  throw new Error(`No computed ${table}[${header}]`);
}

describe("make portable and back on the in-memory Excel", () => {
  it("a round trip add-in -> portable -> add-in gives back exactly the workbook", async () => {
    const fake = await generated();
    const { esr } = await typeFormulas(fake);
    const before = fake.state.snapshot();

    const { changes, left } = await previewConversion("portable", hostFor(fake));
    expect([...changes, ...left]).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Team budget: \d+ template formulas written with native Excel/),
        `Team budget: ${esr.length + 1} formulas you typed rewritten with native Excel functions (the originals are kept to restore).`,
        "Team budget is recorded as portable.",
        expect.stringMatching(
          /^Team budget!Z3: =FINOPS\.NOPE\(B5\) is left as it is\. .*not a function/
        ),
      ])
    );
    const toPortable = await convertFormulas("portable", hostFor(fake));
    expect(toPortable).toMatchObject({ changes, left, undo: { by: "pane" } });

    const portable = formulas(fake);
    expect(
      Object.entries(portable)
        .filter(([, f]) => usesAddinFunctions(f))
        .map(([at]) => at)
    ).toEqual([`${SHEET}!Z3`]);
    const status = columnOf(fake, BUDGET, "Status");
    expect(fake.state.cell(SHEET, status.cell(0)).formula).toBe(
      freshFormula("portable", BUDGET, "Status")
    );
    const mine = columnOf(fake, BUDGET, "My ESR");
    expect(fake.state.cell(SHEET, mine.cell(1)).formula).toBe(rewriteFinops(esr[1]));
    expect(fake.state.cell(SHEET, "Z2").formula).toBe(rewriteFinops(NESTED));
    const report = await checkWorkbookHealth(hostFor(fake));
    expect(report.findings.filter((f) => f.kind === "formulaChanged")).toEqual([]);
    expect(report.findings.filter((f) => f.kind === "addinFunction")).toEqual([
      expect.objectContaining({ address: "Z3", fix: expect.stringMatching(/Make portable/) }),
    ]);
    const options = fake.state.values(METADATA_SHEET, "D2:D4").map((r) => JSON.parse(String(r[0])));
    expect(options.map((o) => o.formulaMode)).toEqual(["portable", "portable", "portable"]);

    const back = await convertFormulas("addin", hostFor(fake));
    expect(back.changes).toEqual(
      expect.arrayContaining([
        `Team budget: ${esr.length + 1} formulas you typed given back their FINOPS functions.`,
        "Team budget is recorded as using add-in functions.",
      ])
    );
    expect(back.left).toEqual([]);
    expect(fake.state.snapshot()).toEqual(before);
    expect(fake.state.settings()[CONVERTED_SETTING]).toBeUndefined();
  });

  it("gives back only the formulas still holding the twin it wrote, and says which it left", async () => {
    const fake = await generated();
    const { esr } = await typeFormulas(fake);
    await convertFormulas("portable", hostFor(fake));
    const mine = columnOf(fake, BUDGET, "My ESR");
    await edit(fake, (workbook) => {
      workbook.worksheets.getItem(SHEET).getRange(mine.cell(0)).formulas = [["=1/2"]];
    });
    const back = await convertFormulas("addin", hostFor(fake));
    expect(back.left).toEqual([
      `${SHEET}!${mine.cell(0)}: changed since it was made portable, so it is left as it is (it was ${esr[0]}).`,
    ]);
    expect(fake.state.cell(SHEET, mine.cell(0)).formula).toBe("=1/2");
    expect(fake.state.cell(SHEET, mine.cell(1)).formula).toBe(esr[1]);
  });

  it("a second conversion to portable keeps the first one's record", async () => {
    const fake = await generated();
    const { esr } = await typeFormulas(fake);
    await convertFormulas("portable", hostFor(fake));
    await edit(fake, (workbook) => {
      workbook.worksheets.getItem(SHEET).getRange("Z4").formulas = [["=FINOPS.UNITCOST(B5,2)"]];
    });
    expect(await previewConversion("portable", hostFor(fake))).toEqual({
      changes: [
        "Team budget: 1 formula you typed rewritten with native Excel functions (the originals are kept to restore).",
      ],
      left: [expect.stringMatching(/^Team budget!Z3/)],
    });
    await convertFormulas("portable", hostFor(fake));
    await convertFormulas("addin", hostFor(fake));
    const mine = columnOf(fake, BUDGET, "My ESR");
    expect(fake.state.cell(SHEET, mine.cell(0)).formula).toBe(esr[0]);
    expect(fake.state.cell(SHEET, "Z2").formula).toBe(NESTED);
    expect(fake.state.cell(SHEET, "Z4").formula).toBe("=FINOPS.UNITCOST(B5,2)");
  });

  it("leaves constants typed over computed cells and input cells alone", async () => {
    const fake = await generated();
    const variance = columnOf(fake, BUDGET, "Over / (under) YTD");
    const item = columnOf(fake, BUDGET, "Line item");
    await edit(fake, (workbook) => {
      workbook.worksheets.getItem(SHEET).getRange(variance.cell(0)).values = [[123]];
    });
    const inputs = fake.state.formulas(
      SHEET,
      `${item.letter}${item.first}:${item.letter}${item.last}`
    );
    await convertFormulas("portable", hostFor(fake));
    expect(fake.state.cell(SHEET, variance.cell(0)).value).toBe(123);
    expect(
      fake.state.formulas(SHEET, `${item.letter}${item.first}:${item.letter}${item.last}`)
    ).toEqual(inputs);
  });

  it("with nothing to convert, writes nothing", async () => {
    const fake = await generated({ ...DEFAULT_OPTIONS, formulaMode: "portable" });
    const before = fake.state.snapshot();
    expect(await convertFormulas("portable", hostFor(fake))).toEqual({ changes: [], left: [] });
    expect(fake.state.snapshot()).toEqual(before);
    expect(fake.syncCount).toBe(3);
  });

  it("takes 3 syncs to preview and 5 to convert however many rows users added", async () => {
    const counts = [];
    for (const rows of [1, 50, 400]) {
      const fake = await generated();
      await typeFormulas(fake, rows);
      fake.resetCounters();
      await previewConversion("portable", hostFor(fake));
      const preview = fake.syncCount;
      fake.resetCounters();
      await convertFormulas("portable", hostFor(fake));
      const there = fake.syncCount;
      fake.resetCounters();
      await convertFormulas("addin", hostFor(fake));
      counts.push([preview, there, fake.syncCount]);
    }
    expect(counts).toEqual([
      [3, 5, 5],
      [3, 5, 5],
      [3, 5, 5],
    ]);
  });

  it.each<[FormulaMode, number]>([
    ["portable", 1],
    ["portable", 2],
    ["portable", 3],
    ["portable", 4],
    ["portable", 5],
    ["addin", 4],
    ["addin", 5],
  ])("to %s, a failure of sync %i leaves the workbook as it was", async (mode, n) => {
    const fake = await generated();
    await typeFormulas(fake);
    if (mode === "addin") await convertFormulas("portable", hostFor(fake));
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(n);
    await expect(convertFormulas(mode, hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it.each(["range.formulas", "protection.protect", "settings.add"])(
    "a failure at %s during the write is undone",
    async (kind) => {
      const fake = await generated();
      await typeFormulas(fake);
      const before = fake.state.snapshot();
      fake.failWhen((op) => op.kind === kind);
      await expect(convertFormulas("portable", hostFor(fake))).rejects.toThrow(
        /Converting the formulas failed: .*Nothing was changed/
      );
      expect(fake.state.snapshot()).toEqual(before);
    }
  );
});
