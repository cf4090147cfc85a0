import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { GenerationError } from "../../src/excel/hostErrors";
import { checkWorkbookHealth } from "../../src/excel/maintainWorkbook";
import { previewAssessment, recordAssessment } from "../../src/excel/recordAssessment";
import { upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { dateSerial as excelSerial } from "../../src/workbook/dates";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { CAPABILITIES } from "../../src/workbook/templates/maturity/capabilities";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor, showInName } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const HISTORY = "MaturityHistory";
const SHEET = "Maturity scorecard";

async function scorecard(sampleData = false): Promise<ExcelFake> {
  const fake = createExcelFake({ recordOperations: false });
  await generateWorkbooks(["executive-summary"], { ...DEFAULT_OPTIONS, sampleData }, hostFor(fake));
  fake.resetCounters();
  return fake;
}

/** What the scorecard's results show after an assessment (the fake does not calculate). */
function assessed(fake: ExcelFake, score: number, target = 0.6): void {
  showInName(fake, "PracticeMaturityScore", score);
  showInName(fake, "MaturityTargetScore", target);
  showInName(fake, "CapabilitiesAssessed", 22);
  showInName(fake, "ChecklistLevelReached", "Walk");
}

/** Latest minus previous score by date: written here from the rows, not from any template code. */
function changeByDate(rows: { date: number; score: number }[]): number {
  const sorted = [...rows].sort((a, b) => b.date - a.date);
  return sorted[0].score - sorted[1].score;
}

describe("record assessment", () => {
  it("twice: two history rows, the trend chart over both, and the summary's change", async () => {
    const fake = await scorecard();
    expect((await previewAssessment(hostFor(fake))).notes[0]).toMatch(/no practice score/);
    assessed(fake, 0.35, 0.5);
    const first = await recordAssessment(hostFor(fake), new Date("2026-03-31T00:00:00Z"));
    expect(first.changes).toEqual([
      "Maturity scorecard: add 2026-03-31 to the assessment history: practice score 35% against a target of 50%, with its level and 0 capability scores.",
      'Maturity scorecard: the chart "Practice score trend" covers the 1 recorded assessment.',
    ]);
    assessed(fake, 0.4625);
    fake.resetCounters();
    await recordAssessment(hostFor(fake), new Date("2026-06-30T00:00:00Z"));
    expect(fake.syncCount).toBe(7);

    const history = tableNow(fake, HISTORY);
    const col = (h: string) => history.headers.indexOf(h);
    expect(
      history.rows.map((r) => [r[col("Date")], r[col("Practice score")], r[col("Target")]])
    ).toEqual([
      [excelSerial(new Date("2026-03-31T00:00:00Z")), 0.35, 0.5],
      [excelSerial(new Date("2026-06-30T00:00:00Z")), 0.4625, 0.6],
    ]);
    for (const row of history.rows) {
      expect(String(row[col("Level")])).toMatch(/^=IF\(ISBLANK\(.*FINOPS\.MATURITYLEVEL/);
      expect(row[col("Capabilities assessed")]).toBe(22);
      expect(row[col("Checklist level")]).toBe("Walk");
      expect(row[col("Note")]).toBe("Recorded by the add-in");
    }

    const trend = fake.state.charts(SHEET).find((c) => c.title === "Practice score trend")!;
    const table = fake.state.tables().find((t) => t.name === HISTORY)!;
    const bottom = Number(/\d+$/.exec(table.address)![0]);
    expect(trend.series.map((s) => [s.name, s.values, s.xValues])).toEqual([
      [
        "Practice score",
        `'${SHEET}'!$B$${bottom - 1}:$B$${bottom}`,
        `'${SHEET}'!$A$${bottom - 1}:$A$${bottom}`,
      ],
      [
        "Target",
        `'${SHEET}'!$C$${bottom - 1}:$C$${bottom}`,
        `'${SHEET}'!$A$${bottom - 1}:$A$${bottom}`,
      ],
    ]);

    // The history's change by date; the executive summary states the change like for like, from
    // each capability's change since the last record (checked against the rows in practiceSet.test).
    const rows = history.rows.map((r) => ({
      date: Number(r[col("Date")]),
      score: Number(r[col("Practice score")]),
    }));
    expect(changeByDate(rows)).toBeCloseTo(0.1125, 12);
    const summary = JSON.stringify(fake.state.formulas("Executive summary", "A1:B80"));
    expect(summary).toContain("AVERAGE(MaturityCapabilities[Change since last record])");
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(
      health.findings.filter((f) => f.templateId === "maturity-scorecard" && f.severity !== "info")
    ).toEqual([]);
  });

  it("uses the scorecard's assessment date, else today", async () => {
    const fake = await scorecard(true);
    assessed(fake, 0.5);
    await edit(fake, (workbook) => {
      workbook.names.getItem("MaturityAssessmentDate").getRange().values = [[46100]];
    });
    await recordAssessment(hostFor(fake));
    const history = tableNow(fake, HISTORY);
    expect(history.rows[history.rows.length - 1][0]).toBe(46100);
    await edit(fake, (workbook) => {
      workbook.names.getItem("MaturityAssessmentDate").getRange().values = [[""]];
    });
    await recordAssessment(hostFor(fake));
    const again = tableNow(fake, HISTORY);
    expect(again.rows[again.rows.length - 1][0]).toBe(
      excelSerial(new Date("2026-11-29T12:00:00Z"))
    );
    // Sample history (4 rows) + 2 records: the summary's change is that of the last two by date.
    expect(again.rows).toHaveLength(6);
  });

  it.each([1, 20, 300])("takes 7 syncs with %i earlier records", async (earlier) => {
    const fake = await scorecard();
    assessed(fake, 0.3);
    for (let i = 0; i < Math.min(earlier, 2); i += 1) await recordAssessment(hostFor(fake));
    if (earlier > 2)
      await edit(fake, (workbook) =>
        workbook.tables
          .getItem(HISTORY)
          .rows.add(
            undefined,
            Array.from({ length: earlier - 2 }, (_, i) => [
              40000 + i,
              0.2,
              0.5,
              null,
              5,
              "Crawl",
              "old",
              ...CAPABILITIES.map(() => 0.2),
            ]) as (string | number)[][]
          )
      );
    fake.resetCounters();
    await recordAssessment(hostFor(fake));
    expect(fake.syncCount).toBe(7);
    expect(tableNow(fake, HISTORY).rows).toHaveLength(earlier + 1);
  });

  it.each([1, 2, 3, 4, 5, 6, 7])(
    "a failure at sync %i leaves the workbook as it was",
    async (n) => {
      for (const earlier of [0, 1]) {
        const fake = await scorecard();
        assessed(fake, 0.3);
        if (earlier) await recordAssessment(hostFor(fake));
        const before = fake.state.snapshot();
        fake.resetCounters();
        fake.failOnSync(n);
        await expect(recordAssessment(hostFor(fake))).rejects.toThrow(GenerationError);
        fake.clearFailures();
        expect(fake.state.snapshot()).toEqual(before);
      }
    }
  );

  it.each(["table.rows.add", "range.formulas", "chart.series.setXAxisValues"])(
    "a failure at %s during the write is undone",
    async (kind) => {
      const fake = await scorecard(true);
      assessed(fake, 0.3);
      const before = fake.state.snapshot();
      fake.failWhen((op) => op.kind === kind);
      await expect(recordAssessment(hostFor(fake))).rejects.toThrow(/Nothing was changed/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );
});

describe("the executive summary's maturity change, upgraded from version 1", () => {
  const ALL = {
    "executive-summary": 1,
    "team-budget": 1,
    "staffing-plan": 1,
    "kpi-tracker": 1,
    "maturity-scorecard": 1,
    "decision-model": 2,
    "adoption-plan": 2,
  };

  it("a version-1 summary is checked as version 1, and upgrading lays it out anew with the change figure", async () => {
    const fake = createExcelFake({ recordOperations: false });
    await generateAtVersion(fake, ALL, { ...DEFAULT_OPTIONS, sampleData: false });
    const namesBefore = fake.state.names().filter((n) => n.name.startsWith("Exec"));
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity !== "info")).toEqual([]);
    await upgradeWorkbook(hostFor(fake));
    const name = fake.state.names().find((n) => n.name === "ExecMaturityChange");
    expect(name?.formula).toMatch(/^='Executive summary'!\$B\$\d+$/);
    const row = Number(/\d+$/.exec(name!.formula)![0]);
    expect(String(fake.state.formulas("Executive summary", `B${row}`)[0][0])).toContain(
      "MaturityCapabilities[Change since last record]"
    );
    // The figures only version 1 had stay where they were, on the sheet kept as "(version 1)".
    const now = new Map(fake.state.names().map((n) => [n.name, n.formula]));
    const kept = namesBefore.filter((n) => n.name === "ExecKpiGreen" || n.name === "ExecFte");
    expect(kept).toHaveLength(2);
    for (const n of kept)
      expect(now.get(n.name)).toBe(
        n.formula.replace("'Executive summary'", "'Executive summary (version 1)'")
      );
  });
});
