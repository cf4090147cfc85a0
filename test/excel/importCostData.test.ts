import { applyCostImport, previewCostImport } from "../../src/excel/importCostData";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { COST_DATA_MARKER } from "../../src/workbook/costData/costDataSheet";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { edit } from "./maintainHelpers";
import { hostFor } from "./hostFor";
import { aggregate, focusImport, manyAggregates } from "../workbook/costData/focusImports";

const EMPTY = { ...DEFAULT_OPTIONS, sampleData: false };
const INJECTION = ['=HYPERLINK("http://x","y")', "+1", "-2", "@SUM(A1)"];

async function withTracker(sample = true): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(["kpi-tracker"], { ...EMPTY, sampleData: sample }, hostFor(fake));
  fake.resetCounters();
  return fake;
}

const cell = (fake: ExcelFake, sheet: string, address: string) => fake.state.cell(sheet, address);

describe("importing FOCUS cost data into the open workbook (in-memory Excel)", () => {
  it("previews the KPI cells with their current values, then writes the sheet and the confirmed periods", async () => {
    const fake = await withTracker();
    const result = focusImport([aggregate("2026-01", "web"), aggregate("2026-02", "web")]);
    const preview = await previewCostImport(result, hostFor(fake));
    expect(fake.syncCount).toBe(2);
    expect(preview.costDataSheet).toBe("Cost data");
    expect(preview.periods).toEqual(["2026-01", "2026-02"]);
    const esr = preview.kpiChanges.find((c) => c.kpiId === "KL-01" && c.month === "2026-01");
    expect(esr).toMatchObject({ oldValue: 14, newValue: 33.333333, period: "Jan 2026" });
    fake.resetCounters();
    const applied = await applyCostImport(result, { periods: ["2026-01"] }, hostFor(fake));
    expect(fake.syncCount).toBe(4);
    expect(applied.changes.every((line) => line.includes("Jan 2026"))).toBe(true);
    expect(cell(fake, "KPI tracker", esr!.address).value).toBe(33.333333);
    expect(fake.state.sheetNames()).toContain("Cost data");
  });

  it("keeps group labels that look like formulas as text", async () => {
    const fake = await withTracker();
    const result = focusImport(INJECTION.map((label) => aggregate("2026-01", label)));
    await applyCostImport(result, { periods: [] }, hostFor(fake));
    const table = fake.state.tables().find((t) => t.sheet === "Cost data")!;
    expect(table.headers[1]).toBe("Tag team");
    const texts = INJECTION.map((_, i) =>
      cell(fake, "Cost data", `B${Number(/\d+/.exec(table.address)![0]) + 1 + i}`)
    );
    expect(texts.map((c) => c.value)).toEqual(INJECTION);
    expect(texts.map((c) => c.formula)).toEqual(INJECTION.map(() => null));
  });

  it("takes the same number of syncs for 10 or 5,000 aggregates", async () => {
    const counts: number[] = [];
    for (const n of [10, 5000]) {
      const fake = await withTracker();
      await applyCostImport(manyAggregates(n), { periods: "all" }, hostFor(fake));
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([4, 4]);
  });

  it("replaces its own sheet on a second import, never a user's sheet of the same name", async () => {
    const fake = await withTracker();
    await edit(fake, (wb) => {
      wb.worksheets.add("Cost data").getRange("A1").values = [["mine"]];
    });
    const first = await applyCostImport(
      focusImport([aggregate("2026-01", "a")]),
      { periods: "all" },
      hostFor(fake)
    );
    expect(first.costDataSheet).toBe("Cost data (2)");
    const second = await applyCostImport(
      focusImport([aggregate("2026-02", "b")]),
      { periods: "all" },
      hostFor(fake)
    );
    expect(second.costDataSheet).toBe("Cost data (2)");
    expect(cell(fake, "Cost data", "A1").value).toBe("mine");
    expect(fake.state.sheetNames().filter((n) => n.startsWith("Cost data"))).toEqual([
      "Cost data",
      "Cost data (2)",
    ]);
    expect(fake.state.names().filter((n) => n.name === COST_DATA_MARKER)).toHaveLength(1);
  });

  it.each([1, 2, 3, 4])(
    "leaves the workbook as it was when sync %i fails (re-import)",
    async (n) => {
      const fake = await withTracker();
      await applyCostImport(
        focusImport([aggregate("2026-01", "a")]),
        { periods: "all" },
        hostFor(fake)
      );
      const before = fake.state.snapshot();
      fake.resetCounters();
      fake.failOnSync(n);
      await expect(
        applyCostImport(manyAggregates(50), { periods: "all" }, hostFor(fake))
      ).rejects.toThrow(n <= 2 ? /failed/ : /Nothing was changed/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it.each(["range.values", "names.add", "worksheet.delete", "range.numberFormat"])(
    "leaves the workbook as it was when a %s write fails",
    async (kind) => {
      const fake = await withTracker();
      await applyCostImport(
        focusImport([aggregate("2026-01", "a")]),
        { periods: "all" },
        hostFor(fake)
      );
      const before = fake.state.snapshot();
      fake.failWhen((op) => op.kind === kind);
      await expect(
        applyCostImport(focusImport([aggregate("2026-02", "b")]), { periods: "all" }, hostFor(fake))
      ).rejects.toThrow(/Nothing was changed/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );
});
