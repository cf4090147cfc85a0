import { maturityScore } from "../../../src/domain/maturity";
import { planWorkbook } from "../../../src/workbook/layout";
import { chooseNames } from "../../../src/workbook/names";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TableBlock, WorkbookSpec } from "../../../src/workbook/spec";
import { buildAt } from "../../../src/workbook/templateVersions";
import { CAPABILITIES } from "../../../src/workbook/templates/maturity/capabilities";
import { LENSES } from "../../../src/workbook/templates/maturity/lenses";
import { maturityScorecard } from "../../../src/workbook/templates/maturityScorecard";
import { tableColumn, tableRows } from "../planLookup";

const NAMES = CAPABILITIES.map((c) => c.name);
const V1_HISTORY = [
  "Date",
  "Practice score",
  "Target",
  "Level",
  "Capabilities assessed",
  "Checklist level",
  "Note",
];

const table = (spec: WorkbookSpec, key: string) =>
  spec.sheets.flatMap((s) => s.blocks).find((b) => b.kind === "table" && b.key === key) as
    TableBlock | undefined;

const planAt = (version: number) => {
  const spec = buildAt(maturityScorecard, version, DEFAULT_OPTIONS) as WorkbookSpec;
  return planWorkbook(
    [spec],
    DEFAULT_OPTIONS,
    chooseNames([spec], { sheets: [], tablesAndNames: [] })
  );
};

describe("maturity scorecard versions", () => {
  it("version 1 still builds the practice-level history it always built", () => {
    const v1 = buildAt(maturityScorecard, 1, DEFAULT_OPTIONS) as WorkbookSpec;
    expect(v1.version).toBe(1);
    expect(table(v1, "maturityHistory")?.columns.map((c) => c.header)).toEqual(V1_HISTORY);
    expect(table(v1, "maturityCapabilities")?.columns.map((c) => c.key)).not.toContain("change");
    expect(tableColumn(planAt(1), "MaturityHistory", "Practice score")).toEqual([
      0.31,
      0.36,
      0.4,
      expect.any(Number),
    ]);
    expect(maturityScorecard.earlier?.map((e) => [e.version, e.migration])).toEqual([
      [1, []],
      [2, []],
      [3, []],
      [4, []],
    ]);
  });

  it("version 2 adds a column per capability after the version-1 columns, and the change after Score", () => {
    const v2 = buildAt(maturityScorecard, 2, DEFAULT_OPTIONS) as WorkbookSpec;
    expect(v2.version).toBe(2);
    expect(table(v2, "maturityHistory")?.columns.map((c) => c.header)).toEqual([
      ...V1_HISTORY,
      ...NAMES,
    ]);
    const capabilities = table(v2, "maturityCapabilities")?.columns.map((c) => c.header) ?? [];
    expect(capabilities[capabilities.indexOf("Score") + 1]).toBe("Change since last record");
  });

  it("version 3 shows how many lenses each capability has scored, after the lenses, and keeps every other column", () => {
    const v2 = buildAt(maturityScorecard, 2, DEFAULT_OPTIONS) as WorkbookSpec;
    const v3 = buildAt(maturityScorecard, 3, DEFAULT_OPTIONS) as WorkbookSpec;
    expect(v3.version).toBe(3);
    const headers = (spec: WorkbookSpec) =>
      table(spec, "maturityCapabilities")?.columns.map((c) => c.header) ?? [];
    const lastLens = LENSES[LENSES.length - 1].name;
    expect(headers(v3)[headers(v3).indexOf(lastLens) + 1]).toBe("Lenses assessed");
    expect(headers(v3).filter((h) => h !== "Lenses assessed")).toEqual(headers(v2));
    expect(table(v3, "maturityHistory")?.columns.map((c) => c.header)).toEqual(
      table(v2, "maturityHistory")?.columns.map((c) => c.header)
    );
    // Every sample capability is scored on all five lenses.
    expect(tableColumn(planAt(3), "MaturityCapabilities", "Lenses assessed")).toEqual(
      NAMES.map(() => 5)
    );
  });

  it("samples the previous quarter's capability scores: their average is that row's practice score, and the change is the score's rise", () => {
    const plan = planAt(2);
    const history = tableRows(plan, "MaturityHistory");
    const previous = history[2];
    const recorded = NAMES.map((n) => previous[n].value).filter(
      (v): v is number => typeof v === "number"
    );
    expect(recorded).toHaveLength(18);
    expect(previous["Practice score"].value).toBeCloseTo(
      recorded.reduce((a, b) => a + b, 0) / recorded.length,
      12
    );
    // The change column, computed independently: today's score with the sample weights minus the
    // recorded one, for the capabilities recorded last quarter.
    const weights = [
      LENSES.map((lens) =>
        Number(tableRows(plan, "MaturityCapabilities")[0][`${lens.name} weight`].expected)
      ),
    ];
    const change = tableColumn(plan, "MaturityCapabilities", "Change since last record");
    CAPABILITIES.forEach((capability, i) => {
      const then = previous[capability.name].value;
      if (typeof then !== "number") return expect(change[i]).toBe("");
      const now = maturityScore([[...capability.sample.scores]], weights);
      expect(change[i]).toBeCloseTo(now - then, 12);
    });
  });
});
