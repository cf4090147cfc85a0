import { CellValue } from "../../src/domain/cellValue";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { GenerationError } from "../../src/excel/hostErrors";
import { checkWorkbookHealth } from "../../src/excel/maintainWorkbook";
import { previewAssessment, recordAssessment } from "../../src/excel/recordAssessment";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { Block, Figure, WorkbookSpec } from "../../src/workbook/spec";
import { CAPABILITIES } from "../../src/workbook/templates/maturity/capabilities";
import { LENSES } from "../../src/workbook/templates/maturity/lenses";
import { maturityScorecard } from "../../src/workbook/templates/maturityScorecard";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { planSpecs, tableColumn } from "../workbook/planLookup";
import {
  CAPABILITY_TABLE,
  lensScores,
  scoreOf,
  typeAssessment,
  WEIGHTS,
} from "./assessmentHelpers";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { tableNow } from "./rollForwardHelpers";

const HISTORY = "MaturityHistory";
const OPTIONS = { ...DEFAULT_OPTIONS, sampleData: false };
const [MARCH, JUNE] = [46112, 46203]; // 2026-03-31 and 2026-06-30
const NAMES = CAPABILITIES.map((c) => c.name);

/** The recorded score of each capability in each history row, by the capability's header. */
function recordedScores(fake: ExcelFake): CellValue[][] {
  const history = tableNow(fake, HISTORY);
  return history.rows.map((row) =>
    NAMES.map((name) => row[history.headers.indexOf(name)] as CellValue)
  );
}

/** Expected recorded scores of a round: the domain's score where scored, else an empty cell (null). */
const expectedScores = (round: number) => lensScores(round).map((s) => (s ? scoreOf(s) : null));

/**
 * The change column as the add-in computes it (the plan's evaluation, which the LibreOffice referee
 * holds to the formula): the scorecard with round `round` typed, assessed on `date`, over `history`.
 */
function evaluatedChange(fake: ExcelFake, round: number, date: number): CellValue[] {
  const spec = maturityScorecard.build(OPTIONS);
  const typed = lensScores(round);
  const history = tableNow(fake, HISTORY);
  const historyBlock = spec.sheets[0].blocks.find(
    (b) => b.kind === "table" && b.key === "maturityHistory"
  ) as Extract<Block, { kind: "table" }>;
  const keyOf = (header: string) => historyBlock.columns.find((c) => c.header === header)?.key;
  const input = (f: Figure): Figure => {
    if (f.kind !== "input") return f;
    if (f.key === "maturityAssessmentDate") return { ...f, value: date };
    const lens = LENSES.findIndex((l) => f.key === `maturityWeight${l.name}`);
    return lens < 0 ? f : { ...f, value: WEIGHTS[lens] };
  };
  const block = (b: Block): Block => {
    if (b.kind === "figures") return { ...b, items: b.items.map(input) };
    if (b.kind !== "table") return b;
    if (b.key === "maturityCapabilities")
      return {
        ...b,
        rows: b.rows.map((r, i) => ({
          ...r,
          values: {
            ...r.values,
            ...Object.fromEntries(LENSES.map((l, j) => [l.key, typed[i]?.[j] ?? null])),
          },
        })),
      };
    if (b.key !== "maturityHistory") return b;
    return {
      ...b,
      rows: history.rows.map((row) => ({
        values: Object.fromEntries(
          history.headers.flatMap((h, c) => {
            const key = keyOf(h);
            const v = row[c];
            return key && historyBlock.columns.find((x) => x.key === key)?.kind === "input"
              ? [[key, v === "" ? null : (v as CellValue)]]
              : [];
          })
        ),
      })),
    };
  };
  const changed: WorkbookSpec = {
    ...spec,
    sheets: spec.sheets.map((s) => ({ ...s, blocks: s.blocks.map(block) })),
  };
  return tableColumn(planSpecs([changed], OPTIONS), CAPABILITY_TABLE, "Change since last record");
}

async function scorecard(): Promise<ExcelFake> {
  const fake = createExcelFake({ recordOperations: false });
  await generateWorkbooks(["maturity-scorecard"], OPTIONS, hostFor(fake));
  return fake;
}

describe("record assessment: capability scores (scorecard version 2)", () => {
  it("twice with changed scores: each capability's score in both rows, and the change is their difference", async () => {
    const fake = await scorecard();
    await typeAssessment(fake, 1, MARCH);
    const scored = lensScores(1).filter((s) => s !== null).length;
    expect(scored).toBe(19);
    const preview = await previewAssessment(hostFor(fake));
    expect(preview.changes[0]).toMatch(/with its level and 19 capability scores\.$/);
    expect(preview.notes).toEqual([]);
    fake.resetCounters();
    await recordAssessment(hostFor(fake));
    expect(fake.syncCount).toBe(7);
    await typeAssessment(fake, 2, JUNE);
    fake.resetCounters();
    await recordAssessment(hostFor(fake));
    expect(fake.syncCount).toBe(7);

    const rows = recordedScores(fake);
    expect(rows).toEqual([expectedScores(1), expectedScores(2)]);
    expect(rows.flat().filter((v) => typeof v === "number")).toHaveLength(2 * scored);
    const history = tableNow(fake, HISTORY);
    expect(history.rows.map((r) => r[history.headers.indexOf("Date")])).toEqual([MARCH, JUNE]);

    // Before and after June is recorded, June's change is June minus March, capability by capability.
    const difference = expectedScores(2).map((now, i) =>
      typeof now === "number" ? now - (expectedScores(1)[i] as number) : null
    );
    const change = evaluatedChange(fake, 2, JUNE);
    change.forEach((value, i) =>
      typeof difference[i] === "number"
        ? expect(value).toBeCloseTo(difference[i] as number, 12)
        : expect(value).toBe("")
    );
    expect(difference.some((d) => typeof d === "number" && d !== 0)).toBe(true);
    // Assessed in March itself: nothing was recorded before, so no change is shown.
    expect(evaluatedChange(fake, 1, MARCH).every((v) => v === "")).toBe(true);

    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("says which scored capabilities the history has no column for", async () => {
    const fake = await scorecard();
    await typeAssessment(fake, 1, MARCH);
    const history = tableNow(fake, HISTORY);
    const column = history.headers.indexOf(NAMES[0]);
    await fake.asOfficeExcel().run(async (context) => {
      const header = context.workbook.tables.getItem(HISTORY).getHeaderRowRange();
      header.getCell(0, column).values = [["Ingestion (old)"]];
      await context.sync();
    });
    const result = await recordAssessment(hostFor(fake));
    expect(result.changes[0]).toMatch(/and 18 capability scores\.$/);
    expect(result.notes).toEqual([
      "Not recorded, since the history has no column headed with their name: Data Ingestion.",
    ]);
  });

  it.each([1, 2, 3, 4, 5, 6, 7])(
    "a failure at sync %i leaves the workbook as it was",
    async (n) => {
      const fake = await scorecard();
      await typeAssessment(fake, 1, MARCH);
      await recordAssessment(hostFor(fake));
      await typeAssessment(fake, 2, JUNE);
      const before = fake.state.snapshot();
      fake.resetCounters();
      fake.failOnSync(n);
      await expect(recordAssessment(hostFor(fake))).rejects.toThrow(GenerationError);
      fake.clearFailures();
      expect(fake.state.snapshot()).toEqual(before);
    }
  );
});

describe("upgrading a version-1 scorecard to the current version", () => {
  it("keeps the typed scores and the recorded history, adds the capability columns and the change", async () => {
    const fake = createExcelFake({ recordOperations: false });
    await generateAtVersion(fake, { "maturity-scorecard": 1 }, OPTIONS);
    await typeAssessment(fake, 1, MARCH);
    await recordAssessment(hostFor(fake));
    const capabilitiesBefore = tableNow(fake, CAPABILITY_TABLE);
    const historyBefore = tableNow(fake, HISTORY);
    expect(historyBefore.headers).not.toContain(NAMES[0]);

    const upgraded = await upgradeWorkbook(hostFor(fake));
    expect(upgraded.upgrades).toEqual([
      { templateId: "maturity-scorecard", title: "Maturity scorecard", from: 1, to: 5 },
    ]);
    expect(upgraded.changes).toEqual([
      "Maturity scorecard: upgrade from version 1 to version 5.",
      `Maturity scorecard: 22 new columns in table MaturityHistory, empty for you to fill in: ${NAMES.map((n) => `"${n}"`).join(", ")}.`,
      'Maturity scorecard: new column "Lenses assessed" in table MaturityCapabilities, with its formula.',
      'Maturity scorecard: new column "Change since last record" in table MaturityCapabilities, with its formula.',
      "Maturity scorecard: new formula in Score, Gap to target, Target status, Level.",
      "Maturity scorecard: 4 lines of template text reworded (A6, A7, A11, A12).",
      'Maturity scorecard: new named cells MaturityAsAt, MaturityAssessmentAge of "Results" on "Maturity scorecard", below its content under a copy of that heading.',
      'Maturity scorecard: new table MaturityByLens on "Maturity scorecard", with the chart "Practice maturity by lens against target".',
    ]);

    // Every column and cell the workbook had is still there, by header: nothing typed was lost. The
    // columns version 3 counts as assessed once any lens is scored get that formula.
    const rewritten = ["Score", "Gap to target", "Target status", "Level"];
    for (const [table, before] of [
      [CAPABILITY_TABLE, capabilitiesBefore],
      [HISTORY, historyBefore],
    ] as const) {
      const after = tableNow(fake, table);
      for (const header of before.headers) {
        const [was, is] = [before.headers.indexOf(header), after.headers.indexOf(header)];
        if (table === CAPABILITY_TABLE && rewritten.includes(header))
          expect(after.rows.map((r) => String(r[is]))).toEqual(
            before.rows.map(() =>
              expect.stringMatching(
                /^=IF\(COUNT\(MaturityCapabilities\[\[#This Row\],\[Knowledge\]:\[Automation\]\]\)=0,/
              )
            )
          );
        else expect(after.rows.map((r) => r[is])).toEqual(before.rows.map((r) => r[was]));
      }
    }
    const history = tableNow(fake, HISTORY);
    // Each recorded column after the one before it in the current version's order (version 1's Note
    // stays where it was, after them).
    const checklist = history.headers.indexOf("Checklist level");
    expect(history.headers.slice(checklist + 1)).toEqual([...NAMES, "Note"]);
    const capabilities = tableNow(fake, CAPABILITY_TABLE);
    const change = capabilities.headers.indexOf("Change since last record");
    expect(capabilities.headers[change - 1]).toBe("Score");
    expect(String(capabilities.rows[0][change])).toMatch(/SUMPRODUCT\(MAX\(/);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity !== "info")).toEqual([]);

    // Recording at version 2 then adds the capability scores to the same history.
    await typeAssessment(fake, 2, JUNE);
    await recordAssessment(hostFor(fake));
    const rows = recordedScores(fake);
    expect(rows[0].every((v) => v === null)).toBe(true);
    expect(rows[1]).toEqual(expectedScores(2));
  });
});
