/**
 * Upgrading an executive summary of versions 1 to 3 (issue 14): version 4 is a different page, so the
 * upgrade lays the sheet out anew and keeps the old one, with everything on it, under another name.
 * Names both versions have follow the new page; a failure at any sync leaves the workbook as it was.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { executiveSummary } from "../../src/workbook/templates/executiveSummary";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";

const SUMMARY = "Executive summary";
const RETIRED = "Executive summary (version 3)";

/** The practice set as it was when each summary version was current. */
const SETS: Record<number, Record<string, number>> = {
  1: { "team-budget": 1, "staffing-plan": 1, "kpi-tracker": 1, "maturity-scorecard": 1 },
  2: { "team-budget": 1, "staffing-plan": 1, "kpi-tracker": 1, "maturity-scorecard": 2 },
  3: { "team-budget": 3, "staffing-plan": 2, "kpi-tracker": 2, "maturity-scorecard": 4 },
};

async function summaryAt(version: number): Promise<ExcelFake> {
  const fake = createExcelFake();
  const rest = version === 3 ? 3 : version;
  await generateAtVersion(fake, {
    ...SETS[version],
    "decision-model": rest,
    "adoption-plan": rest,
    "executive-summary": version,
  });
  // Something of the user's on the summary sheet: it must survive the upgrade.
  await edit(fake, (workbook) => {
    workbook.worksheets.getItem(SUMMARY).getRange("L3").values = [["Reviewed by the CFO"]];
  });
  fake.resetCounters();
  return fake;
}

const nameTarget = (fake: ExcelFake, name: string) =>
  fake.state.names().find((n) => n.name === name)?.formula;

describe("upgrading an executive summary laid out before version 4", () => {
  it("lays the page out anew and keeps the old sheet, with the user's cell, beside it", async () => {
    const fake = await summaryAt(3);
    const position = fake.state.sheetNames().indexOf(SUMMARY);
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.upgrades.find((u) => u.templateId === "executive-summary")).toMatchObject({
      from: 3,
      to: executiveSummary.version,
    });
    expect(preview.changes).toContain(
      `Executive summary: the sheet "${SUMMARY}" is laid out anew at version 4. The earlier sheet stays, with everything on it, as "${RETIRED}" (its tables renamed: ExecKpiStatus as ExecKpiStatusVersion3, ExecBudgetByMonth as ExecBudgetByMonthVersion3): nothing typed there is read any more; delete it once you no longer need it.`
    );
    const result = await upgradeWorkbook(hostFor(fake));
    expect(result.changes).toEqual(preview.changes);

    // The new page where the old one was, the old one right after it with the user's cell.
    expect(fake.state.sheetNames().slice(position, position + 2)).toEqual([SUMMARY, RETIRED]);
    expect(fake.state.cell(RETIRED, "L3").value).toBe("Reviewed by the CFO");
    expect(fake.state.cell(SUMMARY, "L3").value).toBeNull();
    const tables = fake.state.tables().map((t) => `${t.name}@${t.sheet}`);
    expect(tables).toEqual(
      expect.arrayContaining([
        `ExecKpiStatus@${SUMMARY}`,
        `ExecBudgetByMonth@${SUMMARY}`,
        `ExecKpiStatusVersion3@${RETIRED}`,
      ])
    );
    // A name both versions have points at the new page; one only version 3 had stays with it.
    expect(nameTarget(fake, "ExecRoi")).toMatch(/^='Executive summary'!/);
    expect(nameTarget(fake, "ExecCommentary")).toMatch(/^='Executive summary'!/);
    expect(nameTarget(fake, "ExecKpiGreen")).toMatch(/^='Executive summary \(version 3\)'!/);

    // The page is version 4's exactly: nothing to refresh, nothing more to upgrade, no errors.
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
    expect((await upgradeWorkbook(hostFor(fake))).upgrades).toEqual([]);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(
      health.findings.filter((f) => f.templateId === "executive-summary" && f.severity !== "info")
    ).toEqual([]);
  });

  it.each([1, 2])("lays out a version-%i summary anew too", async (version) => {
    const fake = await summaryAt(version);
    await upgradeWorkbook(hostFor(fake));
    expect(fake.state.sheetNames()).toEqual(
      expect.arrayContaining([SUMMARY, `Executive summary (version ${version})`])
    );
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
  });

  // Part way through the write: after the old sheet moved aside, after the new one was added...
  it.each(["worksheets.add", "tables.add", "range.formulas", "charts.add"])(
    "a failure at %s, with what came before it applied, leaves the workbook as it was",
    async (kind) => {
      const fake = await summaryAt(3);
      const before = fake.state.snapshot();
      fake.failWhen((op) => op.kind === kind);
      await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed|Injected/);
      expect(fake.state.snapshot()).toEqual(before);
    }
  );

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await summaryAt(3);
    const before = fake.state.snapshot();
    fake.failOnSync(n);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
