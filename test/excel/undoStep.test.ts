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
  /**
   * Whether Excel can group it: a command that writes the metadata store unprotects and protects it,
   * which Excel cannot undo, so it falls back to the pane's undo even where grouping is supported.
   */
  readonly groups: boolean;
  /** The workbook before the command, made without the command's host. */
  readonly before: (fake: ExcelFake) => Promise<void>;
  readonly command: (host: ExcelHost) => Promise<{ readonly undo?: UndoOffer }>;
}

const generate = (ids: string[]) => (fake: ExcelFake) =>
  generateWorkbooks(ids, DEFAULT_OPTIONS, hostFor(fake)).then(() => undefined);

const CASES: Case[] = [
  {
    name: "Create",
    groups: false,
    before: async () => undefined,
    command: (host) => generateWorkbooks(["team-budget", "kpi-tracker"], DEFAULT_OPTIONS, host),
  },
  {
    name: "Create next to templates already there",
    groups: false,
    before: generate(["kpi-tracker"]),
    command: (host) => generateWorkbooks(["executive-summary"], DEFAULT_OPTIONS, host),
  },
  {
    name: "Repair",
    groups: false,
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
    groups: false,
    before: (fake) => generateAtVersion(fake, { "adoption-plan": 1, "decision-model": 1 }),
    command: (host) => upgradeWorkbook(host),
  },
  {
    name: "Roll forward",
    groups: false,
    before: generate(["kpi-tracker"]),
    command: (host) => rollForward("period", host),
  },
  {
    name: "Record assessment",
    groups: true,
    before: async (fake) => {
      await generate(["maturity-scorecard"])(fake);
      await typeAssessment(fake, 1, 46000);
    },
    command: (host) => recordAssessment(host),
  },
  {
    name: "Make portable",
    groups: false,
    before: generate(["kpi-tracker"]),
    command: (host) => convertFormulas("portable", host),
  },
  {
    name: "First cost import",
    groups: true,
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
  it("with ExcelApi 1.20: one Ctrl+Z where Excel can group it, else written once ungrouped", async () => {
    const once = await prepared(c);
    await c.command(hostFor(once, OLD_EXCEL));
    const fake = await prepared(c);
    const result = await c.command(hostFor(fake, GROUPS_UNDO));
    expect(result.undo?.by).toBe(c.groups ? "excel" : "pane");
    if (c.groups) expect(fake.undoSteps).toBe(1);
    // A grouped attempt that Excel refused left nothing behind: the workbook is as one plain run makes it.
    expect(contents(fake)).toEqual(contents(once));
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
  const costImport = (fake: ExcelFake) =>
    applyCostImport(
      focusImport([aggregate("2026-01", "web")]),
      { periods: "all" },
      hostFor(fake, GROUPS_UNDO)
    );

  it("the grouped attempt is rolled back and the command runs once more, ungrouped, with the pane's undo", async () => {
    const fake = await prepared(CASES[7]);
    const before = contents(fake);
    // A call Excel cannot group, in the middle of the import's write.
    fake.failWhen((op) => op.kind === "names.add", { error: undoNotSupported() });
    const result = await costImport(fake);
    expect(result.undo?.by).toBe("pane");
    // Written once: one Cost data sheet, not a second beside the first attempt's.
    expect(fake.state.sheetNames().filter((n) => n.startsWith("Cost data"))).toEqual(["Cost data"]);
    if (result.undo?.by === "pane") await result.undo.undo();
    expect(contents(fake)).toEqual(before);
  });

  it("is not run again when the failed attempt could not be rolled back", async () => {
    const fake = await prepared(CASES[7]);
    fake.failWhen((op) => op.kind === "names.add", { error: undoNotSupported() });
    // The roll back's deletion of the new sheet fails too: what the first attempt wrote may be there.
    fake.failWhen((op) => op.kind === "worksheet.delete", { error: "Locked." });
    const attempt = costImport(fake);
    await expect(attempt).rejects.toThrow(GenerationError);
    await expect(attempt).rejects.toMatchObject({ code: "UndoNotSupported", leftPartly: true });
  });

  it("other failures are not retried", async () => {
    const fake = await prepared(CASES[7]);
    const before = contents(fake);
    fake.failWhen((op) => op.kind === "names.add", { error: "Disk full." });
    await expect(costImport(fake)).rejects.toThrow(/Disk full/);
    expect(contents(fake)).toEqual(before);
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

  it("an import that replaced an earlier import's sheet has no undo: it deleted that sheet", async () => {
    const fake = await prepared(CASES[7]);
    const again = (excelApi: string) =>
      applyCostImport(
        focusImport([aggregate("2026-02", "web")]),
        { periods: "all" },
        hostFor(fake, excelApi)
      );
    await again(OLD_EXCEL);
    expect((await again(OLD_EXCEL)).undo).toBeUndefined();
    // Excel cannot group deleting and renaming sheets either.
    expect((await again(GROUPS_UNDO)).undo).toBeUndefined();
  });
});
