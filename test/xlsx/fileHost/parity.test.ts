import { WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { TEMPLATES } from "../../../src/workbook/templates";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { cellAddress } from "../../../src/workbook/addresses";
import { planConversion } from "../../../src/workbook/maintain/conversionPlan";
import { checkWorkbook } from "../../../src/workbook/maintain/healthCheck";
import { planRefresh } from "../../../src/workbook/maintain/refreshPlan";
import { planFiscalYearRollForward } from "../../../src/workbook/maintain/rollFiscalYear";
import { planPeriodRollForward } from "../../../src/workbook/maintain/rollPeriods";
import { planUpgrade } from "../../../src/workbook/maintain/upgradePlan";
import { editBoth, planned } from "./edits";
import { sameIds } from "./sameState";
import { generateInBoth, readBoth } from "./twoHosts";

const ALL = TEMPLATES.map((t) => t.id);

describe("the file host reads what the Office.js host reads", () => {
  test("a freshly generated practice set", async () => {
    const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
    const { office, file } = await readBoth(hosts);
    expect(file.templates).toEqual(office.templates);
    expect(file.names).toEqual(office.names);
    expect(file.sheets.map((s) => s.name)).toEqual(office.sheets.map((s) => s.name));
    expect(file.tableNames).toEqual(office.tableNames);
    for (const sheet of office.sheets)
      expect(file.sheets.find((s) => s.name === sheet.name)).toEqual(sheet);
    expect(file.tables.map(sameIds)).toEqual(office.tables.map(sameIds));
  });
});

describe("the file host and the Office.js host give one answer", () => {
  /** A plan as data; conditional format ids, each host's own, as their count. */
  const masked = (plan: unknown) =>
    JSON.parse(
      JSON.stringify(plan, (key, value) =>
        key === "previousConditionalFormatIds" ? (value as string[]).length : value
      )
    );
  const answers = (readBack: WorkbookReadBack) => ({
    findings: checkWorkbook(readBack).findings,
    repair: masked(planRefresh(readBack)),
    upgrade: masked(planUpgrade(readBack)),
    month: masked(planPeriodRollForward(readBack, 1)),
    year: masked(planFiscalYearRollForward(readBack)),
    portable: masked(planConversion(readBack, "portable", [])),
    addin: masked(planConversion(readBack, "addin", [])),
  });

  test("after a heavy user's edits: findings, repair, upgrade, roll forward and convert plans", async () => {
    const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
    const { cells, name } = planned(hosts.plan);
    const computed = cells.filter((c) => c.cell.formula !== undefined && c.sheet === "Team budget");
    const inputs = cells.filter(
      (c) =>
        c.cell.formula === undefined &&
        typeof c.cell.value === "number" &&
        c.sheet === "Team budget"
    );
    const at = (c: { row: number; column: number }) => cellAddress(c.row, c.column);
    const named = name("Team budget")[0];
    const edited = await editBoth(hosts, [
      { kind: "type", sheet: "Team budget", address: at(computed[3]), value: 1200 },
      { kind: "clear", sheet: "Team budget", address: at(computed[8]) },
      {
        kind: "formula",
        sheet: "Team budget",
        address: at(computed[12]),
        formula: "=1+1",
        shows: 2,
      },
      { kind: "type", sheet: "Team budget", address: at(inputs[0]), value: "about 400" },
      { kind: "deleteName", name: named.name },
    ]);
    const { office, file } = await readBoth(edited);
    const fromOffice = answers(office);
    expect(fromOffice.findings.filter((f) => f.severity === "error").length).toBeGreaterThanOrEqual(
      3
    );
    expect(fromOffice.repair.preview.length).toBeGreaterThanOrEqual(3);
    expect(answers(file)).toEqual(fromOffice);
  });
});
