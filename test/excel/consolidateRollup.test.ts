import { readRollupTarget, writeRollup } from "../../src/excel/consolidateRollup";
import { readWorkbook } from "../../src/excel/readWorkbook";
import { columnLetter, rangeBounds } from "../../src/workbook/addresses";
import { isRefused } from "../../src/workbook/consolidate/gather";
import { planRollup } from "../../src/workbook/consolidate/planRollup";
import { readRollupHistory } from "../../src/workbook/consolidate/rollupHistory";
import { DepartmentSubmission } from "../../src/workbook/consolidate/submission";
import { METADATA_SHEET, readInstances } from "../../src/workbook/metadata";
import { RenderPlan } from "../../src/workbook/plan";
import { ROLLUP_TEMPLATE_ID, rollupOptions } from "../../src/workbook/templates/enterpriseRollup";
import { readDepartmentFile } from "../../src/xlsx/read/departmentFile";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { departmentFile, departmentOptions } from "../workbook/consolidate/departmentFiles";
import { hostFor } from "./hostFor";

/**
 * Writing the enterprise roll-up into the open workbook (the in-memory Excel): what the plan says, in
 * five syncs whatever the number of departments, replacing only an earlier roll-up's own sheets with
 * its history kept, and all or nothing.
 */

let departments: DepartmentSubmission[];

beforeAll(async () => {
  // Three practice sets written and read back as files: a few seconds.
  const made = await Promise.all(
    [
      ["Payments.xlsx", "Payments", "USD"],
      ["Retail.xlsx", "Retail", "USD"],
      ["Europe.xlsx", "Europe", "EUR"],
    ].map(([file, department, currency]) =>
      departmentFile(file, departmentOptions({ organisation: "Contoso", department, currency }))
    )
  );
  const read = await Promise.all(made.map((m) => readDepartmentFile(m.file, m.bytes)));
  departments = read.map((r) => {
    if (isRefused(r)) throw new Error(`${r.file}: ${r.reason}`);
    return r;
  });
}, 60_000);

const FIRST = "2026-07-01";
const SECOND = "2026-10-01";

/** A workbook with a user's sheet and a value on it, which consolidation must never touch. */
async function userWorkbook(): Promise<ExcelFake> {
  const fake = createExcelFake({ sheets: ["Notes"] });
  await fake.Excel.run(async (context) => {
    context.workbook.worksheets.getItem("Notes").getRange("A1:B1").values = [["Owner", "Finance"]];
    await context.sync();
  });
  fake.resetCounters();
  return fake;
}

const rollupRows = (fake: ExcelFake) =>
  readInstances(fake.state.values(METADATA_SHEET, "A1:G20")).filter(
    (r) => r.template.templateId === ROLLUP_TEMPLATE_ID
  );

/** Every constant and formula the plan holds is in its cell. */
function expectWritten(fake: ExcelFake, plan: RenderPlan) {
  for (const sheet of plan.sheets)
    for (const range of sheet.ranges) {
      const { top, left } = rangeBounds(range.address);
      range.rows.forEach((cells, r) =>
        cells.forEach((cell, c) => {
          const address = `${columnLetter(left + c)}${top + r + 1}`;
          const written = fake.state.cell(sheet.name, address);
          if (cell.formula) expect([address, written.formula]).toEqual([address, cell.formula]);
          else if (cell.value !== null && cell.value !== undefined && cell.value !== "")
            expect([sheet.name, address, written.value]).toEqual([sheet.name, address, cell.value]);
        })
      );
    }
}

async function historyOf(fake: ExcelFake) {
  return fake.Excel.run(async (context) =>
    readRollupHistory(await readWorkbook(context as unknown as Excel.RequestContext))
  );
}

describe("writing the enterprise roll-up into the open workbook", () => {
  it("writes the plan for three departments in three syncs, values only, beside the user's sheet", async () => {
    const fake = await userWorkbook();
    expect(await readRollupTarget(hostFor(fake))).toEqual({ replaces: [], historyRows: 0 });
    fake.resetCounters();
    const result = await writeRollup({ submissions: departments, date: FIRST }, hostFor(fake));
    // A workbook without a metadata store is read in one sync (readWorkbook), then written in two.
    expect(fake.syncCount).toBe(3);
    const options = rollupOptions(departments, { date: FIRST });
    // The plan as a fresh workbook holding only the user's sheet would get it, worked out apart.
    const plan = planRollup(
      { submissions: departments, history: [], date: FIRST, rates: {} },
      options,
      { sheets: ["Notes"], tablesAndNames: [] }
    );
    expect(result.sheets).toEqual(plan.sheets.map((s) => s.name));
    expect(result.replaced).toEqual([]);
    expectWritten(fake, plan);
    expect(fake.state.sheetNames()).toEqual(["Notes", ...result.sheets, METADATA_SHEET]);
    expect(fake.state.values("Notes", "A1:B1")).toEqual([["Owner", "Finance"]]);
    expect(fake.state.activeSheet()).toBe(result.sheets[0]);
    // Values, never links to the department files.
    const formulas = result.sheets.flatMap((sheet) =>
      fake.state
        .formulas(sheet, "A1:AZ300")
        .flat()
        .filter((f) => String(f).startsWith("="))
    );
    expect(formulas.length).toBeGreaterThan(50);
    expect(formulas.filter((f) => /\.xls[xmb]?\b|\[\d+\]/i.test(String(f)))).toEqual([]);
    expect(rollupRows(fake)).toHaveLength(1);
    // One history row per department, dated, with each department's own practice score.
    const { history } = await historyOf(fake);
    expect(history.map((h) => [h.date, h.department, h.practiceScore])).toEqual(
      departments.map((d) => [FIRST, d.department, d.maturity?.practiceScore.value ?? null])
    );
  });

  it("takes the same syncs for one department or fifteen", async () => {
    const many = Array.from({ length: 15 }, (_, i) => ({
      ...departments[i % 3],
      department: `Department ${i + 1}`,
      file: `Department ${i + 1}.xlsx`,
    }));
    for (const submissions of [departments.slice(0, 1), many]) {
      const fake = await userWorkbook();
      await writeRollup({ submissions, date: FIRST }, hostFor(fake));
      expect(fake.syncCount).toBe(3);
      fake.resetCounters();
      await writeRollup({ submissions, date: SECOND }, hostFor(fake));
      expect(fake.syncCount).toBe(5);
    }
  });

  it("consolidating again replaces only the roll-up's own sheets, in their place, and keeps its history", async () => {
    const fake = await userWorkbook();
    const first = await writeRollup({ submissions: departments, date: FIRST }, hostFor(fake));
    // The user adds a sheet after the roll-up: it stays where it is.
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.add("After");
      await context.sync();
    });
    expect(await readRollupTarget(hostFor(fake))).toEqual({
      replaces: first.sheets,
      historyRows: 3,
    });
    fake.resetCounters();
    const second = await writeRollup({ submissions: departments, date: SECOND }, hostFor(fake));
    expect(fake.syncCount).toBe(5);
    expect(second.sheets).toEqual(first.sheets);
    expect(second.replaced).toEqual(first.sheets);
    expect(second.historyKept).toBe(3);
    expect(fake.state.sheetNames()).toEqual(["Notes", ...first.sheets, METADATA_SHEET, "After"]);
    expect(fake.state.values("Notes", "A1:B1")).toEqual([["Owner", "Finance"]]);
    // No table or name of the earlier roll-up is left behind, none is a renamed copy.
    const tables = fake.state.tables().map((t) => t.name);
    expect(tables.filter((t) => /_\d+$/.test(t))).toEqual([]);
    expect(fake.state.names().filter((n) => n.formula.includes("#REF!"))).toEqual([]);
    // The newest store row claims the sheets; the earlier one is superseded.
    expect(rollupRows(fake)).toHaveLength(1);
    const { history } = await historyOf(fake);
    expect(history.map((h) => [h.date, h.department])).toEqual([
      ...departments.map((d) => [FIRST, d.department]),
      ...departments.map((d) => [SECOND, d.department]),
    ]);
    // The pane cannot undo a replacement (the earlier sheets are deleted): only Excel's own undo can.
    expect(second.undo).toBeUndefined();
  });

  it("a first roll-up is undone by the pane to the workbook exactly as before", async () => {
    const fake = await userWorkbook();
    const before = fake.state.snapshot();
    const written = await writeRollup({ submissions: departments, date: FIRST }, hostFor(fake));
    expect(written.undo?.by).toBe("pane");
    if (written.undo?.by !== "pane") return;
    await written.undo.undo();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("where Excel groups undo, the sheet deletions refuse the group and the roll-up is written ungrouped", async () => {
    const fake = await userWorkbook();
    await writeRollup({ submissions: departments, date: FIRST }, hostFor(fake));
    const before = fake.state.snapshot();
    fake.resetCounters();
    const second = await writeRollup(
      { submissions: departments, date: SECOND },
      hostFor(fake, "1.20")
    );
    expect(second.replaced).toHaveLength(second.sheets.length);
    expect(fake.state.snapshot()).not.toEqual(before);
    expect((await historyOf(fake)).history).toHaveLength(6);
  });

  it("refuses to write without a department, in plain words", async () => {
    const fake = await userWorkbook();
    await expect(writeRollup({ submissions: [], date: FIRST }, hostFor(fake))).rejects.toThrow(
      "There is no department to roll up: choose at least one file."
    );
    expect(fake.syncCount).toBe(0);
  });

  // Kinds of write every roll-up makes, and those only replacing an earlier one makes.
  const WRITES = [
    "worksheets.add",
    "table.name",
    "tables.add",
    "names.add",
    "range.formulas",
    "range.numberFormat",
  ];
  const REPLACING = ["name.delete", "worksheet.name", "worksheet.position", "worksheet.delete"];

  describe.each([
    ["a first roll-up", false, 3, WRITES],
    ["replacing an earlier roll-up", true, 5, [...WRITES, ...REPLACING]],
  ])("all or nothing: %s", (_, again, syncs, kinds) => {
    async function prepared() {
      const fake = await userWorkbook();
      if (again) await writeRollup({ submissions: departments, date: FIRST }, hostFor(fake));
      fake.resetCounters();
      return fake;
    }

    it.each(Array.from({ length: syncs }, (_, i) => i + 1))(
      "leaves the workbook as it was when sync %i fails",
      async (n) => {
        const fake = await prepared();
        const before = fake.state.snapshot();
        fake.failOnSync(n);
        await expect(
          writeRollup({ submissions: departments, date: SECOND }, hostFor(fake))
        ).rejects.toThrow(n < syncs - 1 ? /^Writing the roll-up failed/ : /Nothing was changed/);
        expect(fake.state.snapshot()).toEqual(before);
      }
    );

    it.each(kinds)("leaves the workbook as it was when a %s write fails", async (kind) => {
      const fake = await prepared();
      const before = fake.state.snapshot();
      fake.failWhen((op) => op.kind === kind);
      await expect(
        writeRollup({ submissions: departments, date: SECOND }, hostFor(fake))
      ).rejects.toThrow(/Nothing was changed/);
      expect(fake.state.snapshot()).toEqual(before);
    });
  });
});
