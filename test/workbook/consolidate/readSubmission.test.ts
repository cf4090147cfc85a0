import { isErrorValue } from "../../../src/domain/cellValue";
import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readSubmission } from "../../../src/workbook/consolidate/readSubmission";
import { DepartmentSubmission, Sourced } from "../../../src/workbook/consolidate/submission";
import { isoDate } from "../../../src/workbook/dates";
import { fiscalYearMonths, SAMPLE_CLOSED_MONTHS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { LENSES } from "../../../src/workbook/templates/maturity/lenses";
import { TEAM_MODEL_PLACES } from "../../../src/workbook/templates/staffing/roles";
import { shown, tableRows } from "../planLookup";
import {
  DepartmentFile,
  departmentFile,
  departmentOptions,
  expectNamedIn,
  namedAt,
  NOW,
  num,
  plannedCellAddress,
  plannedColumn,
  rows,
  shownAt,
  validatedInYear,
} from "./departmentFiles";

// A department of a group whose fiscal year starts in April: the reporting date of the sample story
// is the end of the sixth month, 30 September 2026, in FY2026/27 (worked out by hand).
const OPTIONS = departmentOptions({
  organisation: "Contoso Group",
  department: "Retail Banking",
  departmentLead: "Ana Ruiz",
  currency: "EUR",
  fiscalYearStartMonth: 4,
  firstPeriod: "2026-04",
});
const FILE = "retail-banking.xlsx";

let made: DepartmentFile;
let read: DepartmentSubmission;

beforeAll(async () => {
  made = await departmentFile(FILE, OPTIONS);
  const result = readSubmission(FILE, made.readBack);
  if (isRefused(result)) throw new Error(`Refused: ${result.reason}`);
  read = result;
}, 60_000);

const expectNamed = (figure: Sourced<unknown> | undefined, key: string) =>
  expectNamedIn(made, figure, key);

describe("readSubmission: a department's practice set at the current versions", () => {
  it("says who the workbook speaks for, as at when, and what it holds", () => {
    expect(read).toMatchObject({
      file: FILE,
      department: "Retail Banking",
      organisation: "Contoso Group",
      lead: "Ana Ruiz",
      teamModel: OPTIONS.teamModel,
      currency: "EUR",
      fiscalYear: "FY2026/27",
      asAt: "2026-09-30",
      lastUpdate: NOW.toISOString(),
      sampleFigures: OPTIONS.sampleData,
      missingTemplates: [],
      healthErrors: 0,
      notes: [],
    });
    expect(read.templates).toEqual(
      TEMPLATES.map((t) => ({ templateId: t.id, version: t.version, latestVersion: t.version }))
    );
  });

  it("reads every named figure from the cell its defined name points at", () => {
    const { maturity, budget, staffing } = read;
    expectNamed(maturity?.practiceScore, "maturityScore");
    expectNamed(maturity?.level, "maturityLevel");
    expectNamed(maturity?.targetScore, "maturityTargetScore");
    expectNamed(budget?.budget, "teamBudgetFy");
    expectNamed(budget?.budgetYtd, "teamBudgetYtd");
    expectNamed(budget?.actualYtd, "teamActualYtd");
    expectNamed(budget?.returnOnTeamCost, "execRoi");
    expectNamed(staffing?.cloudSpend, "staffAnnualCloudSpend");
    for (const place of TEAM_MODEL_PLACES) {
      const byModel = staffing?.byModel.find((m) => m.model === place);
      expectNamed(byModel?.fte, `staffFte${place}`);
      expectNamed(byModel?.cost, `staffCost${place}`);
    }
    const date = namedAt(made.plan, "maturityAssessmentDate");
    expect(read.maturity?.assessmentDate).toEqual({
      value: isoDate(num(shownAt(made.plan, date.sheet.name, date.cell))),
      source: { file: FILE, sheet: date.sheet.name, cell: date.cell },
    });
  });

  it("sums the budget by category from the lines' monthly inputs", () => {
    const months = fiscalYearMonths(OPTIONS);
    const lines = rows(made.plan, "BudgetLines");
    const expected = new Map<string, { budget: number; actual: number }>();
    for (const line of lines) {
      const sum = expected.get(String(line.Category)) ?? { budget: 0, actual: 0 };
      for (const [m, month] of months.entries()) {
        sum.budget += num(line[`Budget ${month.label}`]);
        if (m < SAMPLE_CLOSED_MONTHS) sum.actual += num(line[`Actual ${month.label}`]);
      }
      expected.set(String(line.Category), sum);
    }
    expect(read.budget?.byCategory.map((c) => c.category)).toEqual([...expected.keys()]);
    for (const c of read.budget?.byCategory ?? []) {
      expect(c.budget.value).toBeCloseTo(expected.get(c.category)?.budget ?? NaN, 6);
      expect(c.actualYtd.value).toBeCloseTo(expected.get(c.category)?.actual ?? NaN, 6);
      expect(c.budget.source.cell).toBe(plannedColumn(made.plan, "BudgetLines", "Budget FY"));
      expect(c.actualYtd.source.cell).toBe(plannedColumn(made.plan, "BudgetLines", "Actual YTD"));
    }
    const total = [...expected.values()].reduce((s, c) => s + c.budget, 0);
    expect(read.budget?.budget.value).toBeCloseTo(total, 6);
  });

  it("sums the staffing plan's FTE and loaded cost by place in the team model", () => {
    const staff = rows(made.plan, "StaffingPlan");
    for (const place of TEAM_MODEL_PLACES) {
      const mine = staff.filter((r) => r.Model === place);
      const byModel = read.staffing?.byModel.find((m) => m.model === place);
      expect(byModel?.fte.value).toBeCloseTo(
        mine.reduce((s, r) => s + num(r["FTE (average)"]), 0),
        9
      );
      expect(byModel?.cost.value).toBeCloseTo(
        mine.reduce((s, r) => s + num(r["Loaded cost FY"]), 0),
        6
      );
    }
  });

  it("takes validated savings and avoidance in the fiscal year from the ledger's inputs", () => {
    const inYear = (kind: string) => validatedInYear(made.plan, kind);
    const source = {
      file: FILE,
      sheet: "Savings ledger",
      cell: plannedColumn(made.plan, "SavingsLedger", "In-year value"),
    };
    expect(read.savings?.validatedSavings).toEqual({ value: inYear("Savings"), source });
    expect(read.savings?.validatedAvoidance).toEqual({ value: inYear("Cost avoidance"), source });
    expect(inYear("Savings")).toBeGreaterThan(0);
    // The two together are the ledger's own validated in-year total.
    const total = namedAt(made.plan, "inYearValidatedTotal");
    expect(
      num(read.savings?.validatedSavings.value) + num(read.savings?.validatedAvoidance.value)
    ).toBeCloseTo(num(shownAt(made.plan, total.sheet.name, total.cell)), 6);
  });

  it("reads each KPI's latest value, period and status from its row", () => {
    const kpis = rows(made.plan, "Kpis");
    expect(read.kpis.map((k) => k.kpi)).toEqual(kpis.map((k) => k.KPI));
    read.kpis.forEach((kpi, row) => {
      const planned = kpis[row];
      const at = (header: string) => ({
        file: FILE,
        sheet: "KPI tracker",
        cell: plannedCellAddress(made.plan, "Kpis", row, header),
      });
      const value = (v: unknown) => (v === "" || isErrorValue(v as never) ? null : v);
      expect(kpi.unit).toBe(planned.Unit);
      expect(kpi.latestValue).toEqual({
        value: value(planned["Latest value"]),
        source: at("Latest value"),
      });
      expect(kpi.latestPeriod).toEqual({
        value: value(planned["Latest period"]),
        source: at("Latest period"),
      });
      expect(kpi.status).toEqual({ value: value(planned.Status), source: at("Status") });
    });
    expect(read.kpis.some((k) => k.status.value === "Green")).toBe(true);
  });

  it("counts the adoption plan's activities and Done per stage, and lists those needing escalation", () => {
    const plan = rows(made.plan, "AdoptionPlan").filter((r) => r.Activity !== "");
    const stages = [...new Set(plan.map((r) => String(r.Stage)))];
    expect(
      read.adoption.stages.map(({ stage, activities, done }) => ({ stage, activities, done }))
    ).toEqual(
      stages.map((stage) => ({
        stage,
        activities: plan.filter((r) => r.Stage === stage).length,
        done: plan.filter((r) => r.Stage === stage && r.Status === "Done").length,
      }))
    );
    const all = tableRows(made.plan, "AdoptionPlan");
    const escalated = all
      .map((r, row) => ({ r, row }))
      .filter(({ r }) => shown(r.Status) === "Needs escalation");
    expect(escalated.length).toBeGreaterThan(0);
    expect(read.adoption.escalations).toEqual(
      escalated.map(({ r, row }) => ({
        activity: shown(r.Activity),
        stage: shown(r.Stage),
        owner: shown(r["Owner persona"]),
        due: isoDate(num(shown(r["Due date"]))),
        status: "Needs escalation",
        source: {
          file: FILE,
          sheet: "Adoption plan",
          cell: plannedCellAddress(made.plan, "AdoptionPlan", row, "Status"),
        },
      }))
    );
  });

  it("reads every capability's score and target, and the five lenses", () => {
    const capabilities = rows(made.plan, "MaturityCapabilities");
    expect(read.maturity?.capabilities).toEqual(
      capabilities.map((c, row) => ({
        capability: c.Capability,
        domain: c.Domain,
        score: {
          value: c.Score === "" ? null : c.Score,
          source: {
            file: FILE,
            sheet: "Maturity scorecard",
            cell: plannedCellAddress(made.plan, "MaturityCapabilities", row, "Score"),
          },
        },
        target: {
          value: c.Target,
          source: {
            file: FILE,
            sheet: "Maturity scorecard",
            cell: plannedCellAddress(made.plan, "MaturityCapabilities", row, "Target"),
          },
        },
      }))
    );
    // Each lens as the FinOps Assessment scores it: its scores over the capabilities assessed, of 4.
    const assessed = capabilities.filter((c) => typeof c.Score === "number").length;
    expect(read.maturity?.lenses.map((l) => l.lens)).toEqual(LENSES.map((l) => l.name));
    for (const lens of LENSES) {
      const total = capabilities.reduce((s, c) => s + num(c[lens.name]), 0);
      expect(read.maturity?.lenses.find((l) => l.lens === lens.name)?.score.value).toBeCloseTo(
        total / (4 * assessed),
        9
      );
    }
  });
});
