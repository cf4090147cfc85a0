import { CellValue } from "../../src/domain/cellValue";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { InputColumn, WorkbookSpec } from "../../src/workbook/spec";
import { TEMPLATES } from "../../src/workbook/templates";
import { seededRandom } from "../../src/workbook/templates/departmentSample";
import { KPI_DEFINITIONS } from "../../src/workbook/templates/kpi/kpiDefinitions";
import { WorkbookModel } from "../../src/workbook/workbookModel";

const DEPARTMENTS = [
  "Payments",
  "Logistics",
  "Data platform",
  "Retail e-commerce",
  "Stores",
  "Marketing",
  "Zahlungsverkehr Ü",
  "HR",
  "Acquired: Fabrikam",
  "Supply chain",
  "Loyalty",
  "Finance",
];

function practiceSet(department?: string): { specs: WorkbookSpec[]; model: WorkbookModel } {
  const options: TemplateOptions = { ...DEFAULT_OPTIONS, ...(department ? { department } : {}) };
  const specs = TEMPLATES.map((t) => t.build(options));
  return { specs, model: new WorkbookModel(specs, options) };
}

const numbers = (rows: readonly Record<string, CellValue>[], key: string) =>
  rows.map((r) => r[key]).filter((v): v is number => typeof v === "number");

describe("seededRandom", () => {
  test("the same seed gives the same numbers in [0, 1); another seed others", () => {
    const a = seededRandom("payments");
    const b = seededRandom("payments");
    const c = seededRandom("logistics");
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(first);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
    // Spread over the interval, not bunched: every tenth of it is drawn about a hundred times.
    const tenths = Array.from({ length: 10 }, (_, i) =>
      first.filter((x) => Math.floor(x * 10) === i)
    );
    for (const tenth of tenths) expect(tenth.length).toBeGreaterThan(60);
  });
});

describe("a department's sample figures", () => {
  const plain = practiceSet();
  const models = new Map(DEPARTMENTS.map((d) => [d, practiceSet(d)]));

  test("without a department the sample is the templates' own, row for row", () => {
    for (const spec of plain.specs)
      for (const sheet of spec.sheets)
        for (const block of sheet.blocks) {
          if (block.kind !== "table") continue;
          const rows = plain.model.inputRows(block);
          if (block.rows.length > 0) expect(rows).toEqual(block.rows);
        }
    expect(plain.model.nameValue("staffAnnualCloudSpend")).toBe(24000000);
  });

  test("every varied input keeps its column's rule: lists, bounds, whole numbers", () => {
    for (const [department, { specs, model }] of models)
      for (const spec of specs)
        for (const sheet of spec.sheets)
          for (const block of sheet.blocks) {
            if (block.kind !== "table") continue;
            for (const row of model.inputRows(block))
              for (const column of block.columns) {
                if (column.kind !== "input") continue;
                const value = model.inputValue(row, column);
                if (value === null || value === "") continue;
                const where = `${department}: ${block.key}.${column.key} = ${String(value)}`;
                expect([where, breaksRule(column, value)]).toEqual([where, false]);
              }
          }
  });

  test("maturity: lens scores are whole steps 0 to 4 and departments differ in them", () => {
    const lensKeys = ["knowledge", "process", "metrics", "adoption", "automation"];
    const profiles = new Set<string>();
    for (const { model } of models.values()) {
      const rows = model.tableRows("maturityCapabilities");
      const scores = lensKeys.flatMap((key) => numbers(rows, key));
      expect(scores.length).toBe(rows.length * lensKeys.length);
      for (const s of scores) expect(Number.isInteger(s) && s >= 0 && s <= 4).toBe(true);
      profiles.add(scores.join(""));
    }
    expect(profiles.size).toBe(DEPARTMENTS.length);
    const practice = [...models.values()].map(({ model }) =>
      Number(model.nameValue("maturityScore"))
    );
    expect(Math.max(...practice) - Math.min(...practice)).toBeGreaterThan(0.15);
  });

  test("the assessment history's last record is the practice score the scorecard computes", () => {
    for (const { model } of models.values()) {
      const history = model.tableRows("maturityHistory");
      const last = history[history.length - 1];
      expect(last.score as number).toBeCloseTo(Number(model.nameValue("maturityScore")), 10);
      // Each capability's recorded score is the score its row computes now.
      const capabilities = model.tableRows("maturityCapabilities");
      capabilities.forEach((row, i) =>
        expect(last[`capabilityScore${i + 1}`] as number).toBeCloseTo(row.score as number, 10)
      );
      // Earlier records stay below the current one, as the sample's rising trend has them.
      for (const record of history.slice(0, -1))
        expect(record.score as number).toBeLessThanOrEqual((last.score as number) + 1e-9);
    }
  });

  test("team budget: lines other than People scale by one size factor in 0.4x-1.8x; People lines follow the salaries", () => {
    const original = plain.model.tableRows("budgetLines");
    const sizes: number[] = [];
    for (const [department, { model }] of models) {
      const lines = model.tableRows("budgetLines");
      const ratios = (people: boolean) =>
        lines.flatMap((line, i) =>
          (line.category === "People") === people
            ? Array.from({ length: 12 }, (_, m) => [
                line[`budget${m + 1}`],
                original[i][`budget${m + 1}`],
              ])
                .filter(([, was]) => typeof was === "number" && (was as number) >= 1000)
                .map(([now, was]) => (now as number) / (was as number))
            : []
        );
      const size = ratios(false);
      const pay = ratios(true);
      sizes.push(size[0]);
      // One factor per department, to the rounding of whole tens.
      for (const r of size) expect(Math.abs(r - size[0])).toBeLessThan(0.01);
      for (const r of pay) expect(Math.abs(r - pay[0])).toBeLessThan(0.001);
      expect(size[0]).toBeGreaterThanOrEqual(0.395);
      expect(size[0]).toBeLessThanOrEqual(1.805);
      // The salaries move by the same pay factor as the People lines.
      const staffNow = numbers(model.tableRows("staff"), "salary");
      const staffWas = numbers(plain.model.tableRows("staff"), "salary");
      staffNow.forEach((s, i) =>
        expect([department, Math.abs(s / staffWas[i] - pay[0]) < 0.001]).toEqual([department, true])
      );
      // Amounts are whole tens.
      for (const line of lines)
        for (let m = 1; m <= 12; m++) expect(Number(line[`budget${m}`] ?? 0) % 10).toBe(0);
    }
    expect(Math.max(...sizes) / Math.min(...sizes)).toBeGreaterThan(1.8);
  });

  test("the budget commentary says what the sheet's status says", () => {
    const seen = new Set<string>();
    for (const { model } of models.values()) {
      const status = String(model.nameValue("teamBudgetStatus"));
      const commentary = String(model.nameValue("execCommentary"));
      const budget = Number(model.nameValue("teamBudgetYtd"));
      const actual = Number(model.nameValue("teamActualYtd"));
      seen.add(status);
      if (status === "On budget") expect(commentary).toMatch(/^On budget to date;/);
      else {
        const percent = Math.round(Math.abs(actual / budget - 1) * 100);
        const word = status === "Over budget" ? "over" : "under";
        expect(commentary).toMatch(new RegExp(`^${percent}% ${word} budget to date;`));
      }
      const forecast = Number(model.nameValue("teamProjectedFy"));
      const full = Number(model.nameValue("teamBudgetFy"));
      const year = Math.round(Math.abs(forecast / full - 1) * 100);
      if (Math.abs(forecast / full - 1) >= 0.005)
        expect(commentary).toContain(
          `the full-year forecast is ${year}% ${forecast > full ? "over" : "under"}`
        );
    }
    // The twelve departments are not all on budget: the demo shows over and under spenders.
    expect(seen.size).toBeGreaterThan(1);
  });

  test("KPIs stay in their unit's range; shares and scores keep the practice's targets", () => {
    const original = plain.model.tableRows("kpis");
    for (const { model } of models.values()) {
      const rows = model.tableRows("kpis");
      rows.forEach((row, i) => {
        const unit = KPI_DEFINITIONS.find((k) => k.id === row.id)?.unit;
        const months = Array.from({ length: 12 }, (_, m) => row[`p${m + 1}`]).filter(
          (v): v is number => typeof v === "number"
        );
        for (const v of months) {
          if (unit === "%") expect(v >= 0 && v <= 100).toBe(true);
          if (unit === "score 1-5") expect(v >= 1 && v <= 5).toBe(true);
          if (unit === "count") expect(Number.isInteger(v) && v >= 0).toBe(true);
        }
        if (unit === "%" || unit === "score 1-5") {
          expect(row.target).toBe(original[i].target);
          expect(row.walk).toBe(original[i].walk);
        }
      });
    }
  });

  test("adoption: statuses move along the activities, never Done after one not started", () => {
    const order = ["Done", "In progress", "Needs escalation", "Not started"];
    const progress = new Set<number>();
    for (const [department, { model }] of models) {
      const rows = model.tableRows("adoptionActivities");
      expect(rows.every((r) => r.department === department)).toBe(true);
      expect(model.nameValue("adoptionDepartment")).toBe(department);
      const firstNotStarted = rows.findIndex((r) => r.status === "Not started");
      expect(rows.slice(firstNotStarted).some((r) => r.status === "Done")).toBe(false);
      for (const r of rows) expect(order).toContain(r.status);
      progress.add(rows.filter((r) => r.status === "Done").length);
    }
    expect(progress.size).toBeGreaterThan(2);
  });

  test("the savings ledger scales per initiative, and every initiative still saves", () => {
    for (const { model } of models.values())
      for (const row of model.tableRows("savingsInitiatives"))
        expect(row.newCost as number).toBeLessThan(row.baselineCost as number);
  });

  test("the same department draws the same figures, whatever the case of its name", () => {
    const again = practiceSet("PAYMENTS ");
    const first = models.get("Payments")!.model;
    for (const key of [
      "budgetLines",
      "staff",
      "kpis",
      "maturityCapabilities",
      "savingsInitiatives",
    ])
      expect(again.model.tableRows(key)).toEqual(first.tableRows(key));
  });
});

/** Whether a value breaks its input column's rule, as the health check's invalidInput reads it. */
function breaksRule(column: InputColumn, value: CellValue): boolean {
  if (column.list) return !column.list.includes(String(value));
  if (column.type === "text" || column.type === "date") return false;
  if (typeof value !== "number") return true;
  if (column.type === "integer" && !Number.isInteger(value)) return true;
  return (
    (column.min !== undefined && value < column.min) ||
    (column.max !== undefined && value > column.max)
  );
}
