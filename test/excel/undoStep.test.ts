import { convertFormulas } from "../../src/excel/convertFormulas";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { ExcelHost } from "../../src/excel/host";
import { GenerationError } from "../../src/excel/hostErrors";
import { applyCostImport } from "../../src/excel/importCostData";
import { refreshWorkbook } from "../../src/excel/maintainWorkbook";
import { recordAssessment } from "../../src/excel/recordAssessment";
import { rollForward } from "../../src/excel/rollForward";
import { UndoOffer } from "../../src/excel/undoStep";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake, FakeExcelError } from "../fakes/excel";
import { aggregate, focusImport } from "../workbook/costData/focusImports";
import { typeAssessment } from "./assessmentHelpers";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";

const GROUPS_UNDO = "1.20";
const OLD_EXCEL = "1.12";

interface Case {
  readonly name: string;
  /** The workbook before the command, made without the command's host. */
  readonly before: (fake: ExcelFake) => Promise<void>;
  readonly command: (host: ExcelHost) => Promise<{ readonly undo?: UndoOffer }>;
}

const generate = (ids: string[]) => (fake: ExcelFake) =>
  generateWorkbooks(ids, DEFAULT_OPTIONS, hostFor(fake)).then(() => undefined);

const CASES: Case[] = [
  {
    name: "Create",
    before: async () => undefined,
    command: (host) => generateWorkbooks(["team-budget", "kpi-tracker"], DEFAULT_OPTIONS, host),
  },
  {
    name: "Create next to templates already there",
    before: generate(["kpi-tracker"]),
    command: (host) => generateWorkbooks(["executive-summary"], DEFAULT_OPTIONS, host),
  },
  {
    name: "Repair",
    before: async (fake) => {
      await generate(["kpi-tracker"])(fake);
      const status = columnOf(fake, "Kpis", "Status");
      await edit(fake, (workbook) => {
        workbook.worksheets.getItem(status.sheet).getRange(status.cell(0)).values = [["OK"]];
      });
    },
    command: (host) => refreshWorkbook(host),
  },
  {
    name: "Upgrade",
    before: (fake) => generateAtVersion(fake, { "adoption-plan": 1, "decision-model": 1 }),
    command: (host) => upgradeWorkbook(host),
  },
  {
    name: "Roll forward",
    before: generate(["kpi-tracker"]),
    command: (host) => rollForward("period", host),
  },
  {
    name: "Record assessment",
    before: async (fake) => {
      await generate(["maturity-scorecard"])(fake);
      await typeAssessment(fake, 1, 46000);
    },
    command: (host) => recordAssessment(host),
  },
  {
    name: "Make portable",
    before: generate(["kpi-tracker"]),
    command: (host) => convertFormulas("portable", host),
  },
  {
    name: "First cost import",
    before: generate(["kpi-tracker"]),
    command: (host) =>
      applyCostImport(focusImport([aggregate("2026-01", "web")]), { periods: "all" }, host),
  },
];

/** The workbook, less which sheet is shown: deleting the shown sheet shows another, as Excel does. */
const contents = (fake: ExcelFake) => ({ ...fake.state.snapshot(), activeSheet: undefined });

async function prepared(c: Case): Promise<ExcelFake> {
  const fake = createExcelFake({ recordOperations: false });
  await c.before(fake);
  fake.resetCounters();
  return fake;
}

describe.each(CASES)("$name", (c) => {
  it("is one Ctrl+Z where Excel groups undo (ExcelApi 1.20)", async () => {
    const fake = await prepared(c);
    const result = await c.command(hostFor(fake, GROUPS_UNDO));
    expect(result.undo).toEqual({ by: "excel" });
    expect(fake.undoSteps).toBe(1);
  });

  it("elsewhere, the pane's own undo puts the workbook back exactly as it was", async () => {
    const fake = await prepared(c);
    const before = contents(fake);
    const result = await c.command(hostFor(fake, OLD_EXCEL));
    // Several undo entries in Excel's list: Ctrl+Z once would take back only the last sync.
    expect(fake.undoSteps).toBeGreaterThan(1);
    expect(contents(fake)).not.toEqual(before);
    expect(result.undo?.by).toBe("pane");
    if (result.undo?.by !== "pane") return;
    await result.undo.undo();
    expect(contents(fake)).toEqual(before);
  });
});

describe("when Excel cannot group a command (UndoNotSupported)", () => {
  const undoNotSupported = () =>
    new FakeExcelError("UndoNotSupported", "The operation cannot be grouped for undo.");

  it("the grouped attempt is rolled back and the command runs once more, ungrouped, with the pane's undo", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === "chart.setPosition", { error: undoNotSupported() });
    const result = await generateWorkbooks(
      ["kpi-tracker"],
      DEFAULT_OPTIONS,
      hostFor(fake, GROUPS_UNDO)
    );
    expect(result.undo?.by).toBe("pane");
    // Created once: the second run did not find the first run's sheets and pick other names.
    expect(result.renamed).toEqual([]);
    expect(fake.state.sheetNames()).toEqual([
      "Sheet1",
      "KPI tracker",
      "Savings ledger",
      "FinOps metadata",
    ]);
    if (result.undo?.by === "pane") await result.undo.undo();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("is not run again when the failed attempt could not be rolled back", async () => {
    const fake = createExcelFake();
    fake.failWhen((op) => op.kind === "chart.setPosition", { error: undoNotSupported() });
    // The clean-up's deletion fails too: what the first attempt wrote may still be there.
    fake.failWhen((op) => op.kind === "worksheet.delete", { error: "Locked." });
    const attempt = generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake, GROUPS_UNDO));
    await expect(attempt).rejects.toThrow(GenerationError);
    await expect(attempt).rejects.toMatchObject({ code: "UndoNotSupported", leftPartly: true });
  });

  it("other failures are not retried", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === "chart.setPosition", { error: "Disk full." });
    await expect(
      generateWorkbooks(["kpi-tracker"], DEFAULT_OPTIONS, hostFor(fake, GROUPS_UNDO))
    ).rejects.toThrow(/Disk full/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});

describe("no offer when nothing changed", () => {
  it("a repair of a healthy workbook offers no undo", async () => {
    const fake = await prepared(CASES[2]);
    await refreshWorkbook(hostFor(fake, OLD_EXCEL));
    const again = await refreshWorkbook(hostFor(fake, OLD_EXCEL));
    expect(again.changes).toEqual([]);
    expect(again.undo).toBeUndefined();
  });

  it("an import that replaces an earlier import's sheet offers only Excel's undo", async () => {
    const fake = await prepared(CASES[7]);
    const again = (excelApi: string) =>
      applyCostImport(
        focusImport([aggregate("2026-02", "web")]),
        { periods: "all" },
        hostFor(fake, excelApi)
      );
    await again(OLD_EXCEL);
    expect((await again(OLD_EXCEL)).undo).toBeUndefined();
    fake.resetCounters();
    expect((await again(GROUPS_UNDO)).undo).toEqual({ by: "excel" });
    expect(fake.undoSteps).toBe(1);
  });
});
