import {
  checkWorkbookHealth,
  previewRefresh,
  refreshWorkbook,
} from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { CAPABILITIES } from "../../src/workbook/templates/maturity/capabilities";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { columnOf } from "./maintainHelpers";

// A portable scorecard made before MATURITYSCORE scored blank lenses 0 holds the earlier native twin
// in its Score column. The health check calls that an outdated formula (not one typed over), and
// refresh or upgrade writes the current twin; nothing else is touched.

const PORTABLE: TemplateOptions = { ...DEFAULT_OPTIONS, formulaMode: "portable" };
const TABLE = "MaturityCapabilities";

async function earlierScorecard(version: number): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateAtVersion(fake, { "maturity-scorecard": version }, PORTABLE, "earlier");
  return fake;
}

const scoreFormulas = (fake: ExcelFake) => {
  const score = columnOf(fake, TABLE, "Score");
  return fake.state
    .formulas(score.sheet, `${score.letter}${score.first}:${score.letter}${score.last}`)
    .map((row) => String(row[0]));
};

describe("template formulas an earlier add-in wrote (revised native twins)", () => {
  it("are found as outdated, with what changed, and not as typed over", async () => {
    const fake = await earlierScorecard(2);
    const before = scoreFormulas(fake);
    // The earlier twin leaves blank scores out of the weights: SUMPRODUCT(weights,--(scores<>"")).
    expect(before[0]).toContain('<>""');
    const report = await checkWorkbookHealth(hostFor(fake));
    const outdated = report.findings.filter((f) => f.kind === "outdatedFormula");
    expect(outdated).toHaveLength(CAPABILITIES.length);
    expect(outdated[0]).toMatchObject({
      severity: "warning",
      sheet: "Maturity scorecard",
      repairable: true,
    });
    expect(outdated[0].what).toMatch(
      /^Score still has the formula an earlier version of the add-in wrote, which computes differently: MATURITYSCORE now scores a lens left blank 0/
    );
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(await previewRefresh(hostFor(fake))).toEqual([
      expect.stringMatching(
        /update the formula of Score to the add-in's current definition \(22 cells\)/
      ),
    ]);
  });

  it("refresh writes the current twin; then the check finds nothing to repair", async () => {
    const fake = await earlierScorecard(2);
    await refreshWorkbook(hostFor(fake));
    const fresh = createExcelFake();
    await generateAtVersion(fresh, { "maturity-scorecard": 2 }, PORTABLE, "current");
    expect(scoreFormulas(fake)).toEqual(scoreFormulas(fresh));
    const report = await checkWorkbookHealth(hostFor(fake));
    expect(report.findings.filter((f) => f.repairable)).toEqual([]);
  });

  it("upgrade to version 3 adds Lenses assessed and the current twin", async () => {
    const fake = await earlierScorecard(2);
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.upgrades.map((u) => [u.templateId, u.from, u.to])).toEqual([
      ["maturity-scorecard", 2, 5],
    ]);
    await upgradeWorkbook(hostFor(fake));
    const current = createExcelFake();
    await generateWorkbooks(["maturity-scorecard"], PORTABLE, hostFor(current));
    expect(scoreFormulas(fake)).toEqual(scoreFormulas(current));
    const lenses = columnOf(fake, TABLE, "Lenses assessed");
    expect(fake.state.formulas(lenses.sheet, `${lenses.letter}${lenses.first}`)[0][0]).toMatch(
      /^=COUNT\(/
    );
    const report = await checkWorkbookHealth(hostFor(fake));
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });

  it("a workbook made now, and one in add-in functions, have nothing outdated", async () => {
    for (const options of [PORTABLE, DEFAULT_OPTIONS]) {
      const fake = createExcelFake();
      await generateWorkbooks(["maturity-scorecard"], options, hostFor(fake));
      const report = await checkWorkbookHealth(hostFor(fake));
      expect(report.findings.filter((f) => f.kind === "outdatedFormula")).toEqual([]);
    }
    // In add-in functions the formula text is the same before and after: FINOPS.MATURITYSCORE(...).
    const addin = createExcelFake();
    await generateAtVersion(addin, { "maturity-scorecard": 2 }, DEFAULT_OPTIONS, "earlier");
    expect(scoreFormulas(addin)[0]).toMatch(/FINOPS\.MATURITYSCORE\(/);
    const report = await checkWorkbookHealth(hostFor(addin));
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
  });
});
