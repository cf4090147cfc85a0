/**
 * Upgrading a version-3 maturity scorecard to version 4 (issue 14): the reporting date and the
 * assessment's age (version 4's last results) are written below the sheet under the results' heading; the scores typed stay; the practice
 * set's reporting date is the health check's to compare.
 */
import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { createExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { tableNow } from "./rollForwardHelpers";

describe("upgrading a version-3 maturity scorecard", () => {
  it("adds the reporting date and the assessment's age below the sheet, keeping every score", async () => {
    const fake = createExcelFake();
    await generateAtVersion(fake, { "maturity-scorecard": 3 });
    const before = tableNow(fake, "MaturityCapabilities");
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.changes).toContain(
      'Maturity scorecard: new named cells MaturityAsAt, MaturityAssessmentAge of "Results" on "Maturity scorecard", below its content under a copy of that heading.'
    );
    await upgradeWorkbook(hostFor(fake));
    const after = tableNow(fake, "MaturityCapabilities");
    for (const header of ["Knowledge", "Process", "Metrics", "Adoption", "Automation", "Evidence"])
      expect(after.rows.map((r) => r[after.headers.indexOf(header)])).toEqual(
        before.rows.map((r) => r[before.headers.indexOf(header)])
      );
    const name = fake.state.names().find((n) => n.name === "MaturityAssessmentAge")!;
    const [, sheet, column, row] = /^='(.+)'!\$?([A-Z]+)\$?(\d+)$/.exec(name.formula)!;
    expect(fake.state.formulas(sheet, `${column}${row}`)[0][0]).toBe(
      '=IF(ISBLANK(MaturityAssessmentDate),"",MaturityAsAt-MaturityAssessmentDate)'
    );
    expect((await upgradeWorkbook(hostFor(fake))).upgrades).toEqual([]);
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity === "error" || f.repairable)).toEqual([]);
  });
});
