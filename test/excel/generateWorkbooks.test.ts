import { generateWorkbooks, ExcelHost } from "../../src/excel/generateWorkbooks";
import { GenerationError } from "../../src/excel/hostErrors";
import { planTemplates } from "../../src/workbook/generate";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { columnLetter } from "../../src/workbook/addresses";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { executiveSummary } from "../../src/workbook/templates/executiveSummary";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { createOfficeFake } from "../fakes/excel/office";

const ALL = TEMPLATES.map((t) => t.id);
const NOW = new Date("2026-11-29T12:00:00Z");

function hostFor(fake: ExcelFake, excelApi = "1.12"): ExcelHost {
  return {
    excel: fake.asOfficeExcel(),
    requirements: createOfficeFake({ excelApi }).context.requirements,
    now: () => NOW,
  };
}

describe("generating into the open workbook (in-memory Excel)", () => {
  let fake: ExcelFake;
  let uninstall: () => void;
  beforeEach(() => {
    fake = createExcelFake();
    // writePlan uses no enum objects, but Office.js code may read Excel.* at run time: install like the real host.
    uninstall = fake.install();
  });
  afterEach(() => uninstall());

  it.each(TEMPLATES.map((t) => t.id))("renders %s in at most 3 syncs", async (id) => {
    const result = await generateWorkbooks([id], DEFAULT_OPTIONS, hostFor(fake));
    expect(fake.syncCount).toBeLessThanOrEqual(3);
    expect(fake.largestPayload).toBeLessThan(5 * 1024 * 1024);
    const names = fake.state.sheetNames();
    for (const sheet of result.sheets) expect(names).toContain(sheet.name);
  });

  it("renders the whole practice set in at most 10 syncs and writes what the plan says", async () => {
    const result = await generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake));
    expect(fake.syncCount).toBeLessThanOrEqual(10);
    const { plan } = planTemplates(ALL, DEFAULT_OPTIONS, {
      sheets: ["Sheet1"],
      tablesAndNames: [],
    });
    expect(result.sheets.map((s) => s.name)).toEqual(plan.templates.flatMap((t) => t.sheets));
    // Every planned formula and constant is in its cell, text as text (never read as a date or number).
    for (const sheet of plan.sheets) {
      for (const range of sheet.ranges) {
        const [, col, row] = /^([A-Z]+)(\d+)$/.exec(range.address) as RegExpExecArray;
        const left = [...col].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
        range.rows.forEach((cells, r) =>
          cells.forEach((cell, c) => {
            const address = `${columnLetter(left + c)}${Number(row) + r}`;
            const written = fake.state.cell(sheet.name, address);
            if (cell.formula)
              expect({ address, formula: written.formula }).toEqual({
                address,
                formula: cell.formula,
              });
            else if (cell.value !== null && cell.value !== undefined && cell.value !== "") {
              expect({ sheet: sheet.name, address, value: written.value }).toEqual({
                sheet: sheet.name,
                address,
                value: cell.value,
              });
            }
          })
        );
      }
    }
    const tables = fake.state.tables().map((t) => t.name);
    for (const sheet of plan.sheets)
      for (const table of sheet.tables) expect(tables).toContain(table.name);
    const names = fake.state.names().map((n) => n.name);
    for (const sheet of plan.sheets)
      for (const name of sheet.names) expect(names).toContain(name.name);
    expect(fake.state.visibility(METADATA_SHEET)).toBe("VeryHidden");
    expect(fake.state.protected(METADATA_SHEET)).toBe(true);
    expect(fake.state.values(METADATA_SHEET, "A1:B2")).toEqual([
      ["Template", "Version"],
      ["executive-summary", executiveSummary.version],
    ]);
  });

  it("never overwrites: existing sheets, tables and names keep their content and free names are reported", async () => {
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    fake.state.sheetNames();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Team budget").getRange("D23").values = [[12345]];
      await context.sync();
    });
    const result = await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    expect(result.sheets.map((s) => s.name)).toEqual(["Team budget (2)"]);
    expect(result.renamed).toEqual(
      expect.arrayContaining([{ kind: "table", wanted: "BudgetLines", chosen: "BudgetLines_2" }])
    );
    expect(fake.state.cell("Team budget", "D23").value).toBe(12345);
    expect(fake.state.values(METADATA_SHEET, "A2:A3")).toEqual([["team-budget"], ["team-budget"]]);
  });

  it("says clearly when Excel is too old, and touches nothing", async () => {
    const before = fake.state.snapshot();
    await expect(
      generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake, "1.8"))
    ).rejects.toThrow(/too old.*Excel API 1\.12/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  const failingOperations = [
    "worksheets.add",
    "range.values",
    "tables.add",
    "names.add",
    "range.formulas",
    "conditionalFormats.add",
    "charts.add",
    "worksheet.visibility",
  ];

  it.each(failingOperations)(
    "a failure at %s leaves the workbook as it was and explains itself",
    async (kind) => {
      await generateWorkbooks(["decision-model"], DEFAULT_OPTIONS, hostFor(fake));
      const before = fake.state.snapshot();
      fake.resetCounters();
      fake.failWhen((op) => op.kind === kind);
      const failure = generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake));
      await expect(failure).rejects.toBeInstanceOf(GenerationError);
      await expect(failure).rejects.toThrow(/Nothing was changed/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it("a failed write sync is undone too", async () => {
    const before = fake.state.snapshot();
    fake.failOnSync(2);
    await expect(generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake))).rejects.toThrow(
      /Creating the sheets failed/
    );
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("a failure after everything was written (recalculation) removes it all, the very hidden store included", async () => {
    const before = fake.state.snapshot();
    fake.failOnSync(3);
    await expect(generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake))).rejects.toThrow(
      /Nothing was changed/
    );
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("explains cell-edit mode in plain words", async () => {
    const busy = Object.assign(new Error("The request cannot be processed"), {
      code: "InvalidOperationInCellEditMode",
    });
    fake.failOnSync(1, busy);
    await expect(
      generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake))
    ).rejects.toThrow(/Press Enter or Esc/);
  });
});

describe("bad options in Excel", () => {
  it("are refused before anything is written", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    await expect(
      generateWorkbooks(["team-budget"], { ...DEFAULT_OPTIONS, currency: "XX" }, hostFor(fake))
    ).rejects.toThrow(/ISO 4217/);
    expect(fake.state.snapshot()).toEqual(before);
    expect(fake.syncCount).toBe(1);
  });
});

describe("the executive summary in a workbook that already has its sources", () => {
  it("links to them instead of adding copies", async () => {
    const fake = createExcelFake();
    const sources = ALL.filter((id) => id !== "executive-summary");
    await generateWorkbooks(sources, DEFAULT_OPTIONS, hostFor(fake));
    const sheetsBefore = fake.state.sheetNames();
    const result = await generateWorkbooks(["executive-summary"], DEFAULT_OPTIONS, hostFor(fake));
    expect([...result.linkedTo].sort()).toEqual([...sources].sort());
    expect(result.addedForLinks).toEqual([]);
    expect(fake.state.sheetNames()).toEqual([...sheetsBefore, "Executive summary"]);
    const formulas = fake.state.formulas("Executive summary", "B9:B14").flat();
    expect(formulas).toContain("=TeamBudgetStatus");
  });

  it("adds fresh sources when the recorded ones were deleted", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Team budget").delete();
      context.workbook.names.getItem("TeamBudgetYTD").delete();
      await context.sync();
    });
    const result = await generateWorkbooks(["executive-summary"], DEFAULT_OPTIONS, hostFor(fake));
    expect(result.linkedTo).toEqual([]);
    expect(result.addedForLinks).toContain("team-budget");
  });
});

describe("progress and cancel", () => {
  it("names each step as it starts, with the number of sheets written", async () => {
    const fake = createExcelFake();
    const steps: string[] = [];
    await generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake), { onStep: (s) => steps.push(s) });
    const { plan } = planTemplates(ALL, DEFAULT_OPTIONS, {
      sheets: ["Sheet1"],
      tablesAndNames: [],
    });
    expect(steps).toEqual([
      "Checking Excel",
      "Reading the workbook",
      `Writing ${plan.sheets.length} sheets`,
      "Recalculating",
    ]);
    const one: string[] = [];
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake), {
      onStep: (s) => one.push(s),
    });
    expect(one[2]).toBe("Writing 1 sheet");
  });

  it("cancelled while reading the workbook, it stops before writing: the workbook is unchanged", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    const controller = new AbortController();
    const run = generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake), {
      signal: controller.signal,
      onStep: (s) => {
        if (s === "Reading the workbook") controller.abort();
      },
    });
    await expect(run).rejects.toThrow(
      "Cancelled before anything was written: the workbook is unchanged."
    );
    await expect(run).rejects.toMatchObject({ name: "GenerationCancelled", code: "Cancelled" });
    expect(fake.state.snapshot()).toEqual(before);
    expect(fake.syncCount).toBe(1);
  });

  it("cancelled once writing has started, it finishes", async () => {
    const fake = createExcelFake();
    const controller = new AbortController();
    const result = await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake), {
      signal: controller.signal,
      onStep: (s) => {
        if (s.startsWith("Writing")) controller.abort();
      },
    });
    expect(result.sheets.map((s) => s.name)).toEqual(["Team budget"]);
  });
});
