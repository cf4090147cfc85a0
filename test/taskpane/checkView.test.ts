import type { Finding, HealthReport } from "../../src/excel/maintainWorkbook";
import { checkView, LISTED_PER_GROUP } from "../../src/taskpane/model/checkView";

const finding = (over: Partial<Finding>): Finding => ({
  severity: "error",
  kind: "overwritten",
  templateId: "team-budget",
  sheet: "Team budget",
  address: "D12",
  what: "A number was typed over the formula.",
  fix: "Repair restores it.",
  repairable: true,
  ...over,
});

const report = (findings: Finding[], checked = ["team-budget"]): HealthReport => ({
  findings,
  checked,
  repairable: findings.filter((f) => f.repairable).length,
});

describe("check view model", () => {
  it("a clean workbook: success, and notes only when there are any", () => {
    expect(checkView(report([], ["team-budget", "kpi-tracker"]))).toEqual({
      headline: "No problems found in 2 templates.",
      intent: "success",
      groups: [],
    });
    const noted = checkView(
      report([finding({ severity: "info", kind: "notChecked", repairable: false })])
    );
    expect(noted.headline).toBe("No problems found in 1 template. 1 note below.");
    expect(noted.groups.map((g) => g.title)).toEqual(["Notes"]);
  });

  it("a workbook without FinOps templates says where to create them", () => {
    expect(checkView(report([], []))).toMatchObject({
      headline:
        "This workbook holds no FinOps templates to check yet. Create them from the Templates tab.",
      intent: "info",
    });
  });

  it("counts errors and warnings, offers repair for what refresh restores, and locates each finding", () => {
    const view = checkView(
      report([
        finding({}),
        finding({ address: "E12" }),
        finding({ severity: "warning", kind: "overBudget", address: "", repairable: false }),
        finding({ kind: "missingSheet", sheet: "Staffing plan", address: "" }),
      ])
    );
    expect(view.headline).toBe(
      "Checked 1 template: 3 errors and 1 warning. Repair can put 3 right."
    );
    expect(view.intent).toBe("error");
    expect(view.repairLabel).toBe("Repair 3 problems");
    const [errors, warnings] = view.groups;
    expect(errors.findings.map((f) => [f.location, f.canGoTo])).toEqual([
      ["Team budget!D12", true],
      ["Team budget!E12", true],
      ["Staffing plan", false], // a deleted sheet: nothing to go to
    ]);
    expect(warnings.findings[0].location).toBe("Team budget");
  });

  it("warnings alone, nothing repairable", () => {
    const view = checkView(report([finding({ severity: "warning", repairable: false })]));
    expect(view).toMatchObject({
      headline: "Checked 1 template: 1 warning. None can be repaired automatically.",
      intent: "warning",
      repairLabel: undefined,
    });
  });

  it("lists at most a page per severity and says how many more", () => {
    const many = Array.from({ length: LISTED_PER_GROUP + 7 }, (_, i) =>
      finding({ address: `D${i + 1}` })
    );
    const [errors] = checkView(report(many)).groups;
    expect(errors.findings).toHaveLength(LISTED_PER_GROUP);
    expect(errors.more).toBe(7);
    expect(new Set(errors.findings.map((f) => f.key)).size).toBe(LISTED_PER_GROUP);
  });
});
