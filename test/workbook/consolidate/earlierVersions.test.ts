import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readSubmission } from "../../../src/workbook/consolidate/readSubmission";
import { DepartmentSubmission } from "../../../src/workbook/consolidate/submission";
import { isoDate } from "../../../src/workbook/dates";
import { findTemplate, templateTitle } from "../../../src/workbook/templates";
import { LENSES } from "../../../src/workbook/templates/maturity/lenses";
import { TEAM_MODEL_PLACES } from "../../../src/workbook/templates/staffing/roles";
import {
  DepartmentFile,
  departmentFileAt,
  departmentOptions,
  expectNamedIn,
  num,
  plannedCellAddress,
  plannedColumn,
  rows,
  validatedInYear,
} from "./departmentFiles";

// Workbooks an add-in of an earlier time made: each template is read through its own version's layout.
const OLDEST = {
  "team-budget": 2,
  "staffing-plan": 1,
  "kpi-tracker": 1,
  "maturity-scorecard": 2,
  "adoption-plan": 1,
};
const MIDDLE = {
  "team-budget": 3,
  "staffing-plan": 2,
  "kpi-tracker": 2,
  "maturity-scorecard": 3,
  "adoption-plan": 3,
};

async function readAt(
  file: string,
  versions: Record<string, number>
): Promise<{ made: DepartmentFile; read: DepartmentSubmission }> {
  const made = await departmentFileAt(
    file,
    departmentOptions({ department: "Logistics" }),
    versions
  );
  const read = readSubmission(file, made.readBack);
  if (isRefused(read)) throw new Error(`Refused: ${read.reason}`);
  return { made, read };
}

describe.each([
  ["oldest", OLDEST],
  ["middle", MIDDLE],
])("readSubmission: templates at earlier versions (%s)", (_, versions) => {
  let made: DepartmentFile;
  let read: DepartmentSubmission;
  beforeAll(async () => ({ made, read } = await readAt("logistics.xlsx", versions)), 60_000);

  it("records the versions and says each was read through its own layout", () => {
    expect(read.department).toBe("Logistics");
    expect(read.healthErrors).toBe(0);
    expect(read.missingTemplates).toEqual(["executive-summary", "decision-model"]);
    for (const [id, version] of Object.entries(versions)) {
      const latest = findTemplate(id)?.version;
      expect(read.templates).toContainEqual({ templateId: id, version, latestVersion: latest });
      expect(read.notes).toContain(
        `${templateTitle(id)} read through its version ${version} layout; this tool writes version ${latest}.`
      );
    }
  });

  it("reads the named figures where that version put them", () => {
    expectNamedIn(made, read.maturity?.practiceScore, "maturityScore");
    expectNamedIn(made, read.maturity?.level, "maturityLevel");
    expectNamedIn(made, read.budget?.budget, "teamBudgetFy");
    expectNamedIn(made, read.budget?.actualYtd, "teamActualYtd");
    expectNamedIn(made, read.budget?.budgetYtd, "teamBudgetYtd");
    expectNamedIn(made, read.staffing?.cloudSpend, "staffAnnualCloudSpend");
    for (const place of TEAM_MODEL_PLACES) {
      const byModel = read.staffing?.byModel.find((m) => m.model === place);
      expectNamedIn(made, byModel?.fte, `staffFte${place}`);
      expectNamedIn(made, byModel?.cost, `staffCost${place}`);
    }
  });

  it("finds the escalations under the word that version used", () => {
    const word = versions["adoption-plan"] === 1 ? "Blocked" : "Needs escalation";
    const plan = rows(made.plan, "AdoptionPlan");
    const escalated = plan.flatMap((r, row) => (r.Status === word ? [{ r, row }] : []));
    expect(escalated.length).toBeGreaterThan(0);
    expect(read.adoption.escalations).toEqual(
      escalated.map(({ r, row }) => ({
        activity: r.Activity,
        stage: r.Stage,
        owner: r["Owner persona"],
        due: isoDate(num(r["Due date"])),
        status: word,
        source: {
          file: "logistics.xlsx",
          sheet: "Adoption plan",
          cell: plannedCellAddress(made.plan, "AdoptionPlan", row, "Status"),
        },
      }))
    );
    const done = plan.filter((r) => r.Status === "Done").length;
    expect(read.adoption.stages.reduce((s, stage) => s + stage.done, 0)).toBe(done);
  });

  it("scores the five lenses as the FinOps Assessment does, with or without a table by lens", () => {
    const capabilities = rows(made.plan, "MaturityCapabilities");
    const assessed = capabilities.filter((c) => typeof c.Score === "number").length;
    for (const lens of LENSES) {
      const total = capabilities.reduce((s, c) => s + num(c[lens.name]), 0);
      const score = read.maturity?.lenses.find((l) => l.lens === lens.name)?.score;
      expect(score?.value).toBeCloseTo(total / (4 * assessed), 9);
      if (versions["maturity-scorecard"] < 3)
        expect(score?.source.cell).toBe(
          plannedColumn(made.plan, "MaturityCapabilities", lens.name)
        );
    }
  });
});

describe("readSubmission: the savings ledger and the return by version", () => {
  it("version 1 ledger: validated savings and avoidance annualised, said in a note", async () => {
    const { made, read } = await readAt("old.xlsx", OLDEST);
    const ledger = rows(made.plan, "SavingsLedger");
    // Version 1 sizes every initiative at its run rate: the monthly value x 12.
    const annualised = (kind: string) =>
      ledger
        .filter((r) => r["Savings or avoidance"] === kind && r["Validated by finance"] === "Y")
        .reduce(
          (s, r) => s + (num(r["Baseline cost per month"]) - num(r["New cost per month"])) * 12,
          0
        );
    expect(read.savings?.validatedSavings.value).toBeCloseTo(annualised("Savings"), 6);
    expect(read.savings?.validatedAvoidance.value).toBeCloseTo(annualised("Cost avoidance"), 6);
    expectNamedIn(made, read.savings?.validatedSavings, "savingsValidatedTotal");
    expect(read.notes).toContain(
      "The savings ledger's version 1 has no in-year value: its validated savings and avoidance are annualised."
    );
    // The team budget's version 2 has its own return on the team's cost.
    expectNamedIn(made, read.budget?.returnOnTeamCost, "teamRoi");
    expect(typeof read.budget?.returnOnTeamCost.value).toBe("number");
  }, 60_000);

  it("version 2 ledger: the in-year value of validated rows, split by kind", async () => {
    const { made, read } = await readAt("middle.xlsx", MIDDLE);
    const inYear = (kind: string) => validatedInYear(made.plan, kind);
    expect(read.savings?.validatedSavings.value).toBeCloseTo(inYear("Savings"), 6);
    expect(read.savings?.validatedAvoidance.value).toBeCloseTo(inYear("Cost avoidance"), 6);
    // No executive summary and a budget without TeamROI: the return is not there, and said so.
    expect(read.budget?.returnOnTeamCost.value).toBeNull();
    expect(read.notes).toContain(
      "Return on the team's cost not found: the workbook has no executive summary."
    );
  }, 60_000);
});
