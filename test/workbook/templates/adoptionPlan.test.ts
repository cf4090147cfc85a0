import { isErrorValue } from "../../../src/domain/cellValue";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { RenderPlan } from "../../../src/workbook/plan";
import { excelDate as excelSerial } from "../../../src/workbook/dates";
import { adoptionPlan } from "../../../src/workbook/templates/adoptionPlan";
import { sampleMonthEnd } from "../../../src/workbook/templates/reportingDate";
import { ACTIVITIES } from "../../../src/workbook/templates/seedContent/adoptionPlanContent";
import { PERSONA_NAMES } from "../../../src/domain/personas";
import {
  allCells,
  figure,
  MODE_AND_SAMPLE_VARIANTS,
  planSpecs,
  planTemplate,
  tableRows,
} from "../planLookup";

const TABLE = "AdoptionPlan";
const STAGES = ["Plan", "Socialize", "Prepare the organization", "Drive cultural adoption"];

const plan = (options: Partial<TemplateOptions> = {}): RenderPlan =>
  planTemplate(adoptionPlan, options).plan;

describe("Excel date serials", () => {
  it("counts days from 1899-12-30 as Excel does for dates after February 1900", () => {
    expect(excelSerial(1900, 1, 1)).toBe(2); // Excel shows 1 (it counts a phantom 29 Feb 1900)
    expect(excelSerial(1900, 3, 1)).toBe(61);
    expect(excelSerial(2026, 1, 1)).toBe(46023);
    expect(excelSerial(2026, 1, 31)).toBe(46053);
    expect(excelSerial(2026, 3, 0)).toBe(excelSerial(2026, 2, 28)); // day 0: end of the month before
    expect(excelSerial(2028, 3, 0)).toBe(excelSerial(2028, 2, 29));
  });

  it("puts sample dates at month ends counted from the sample's reporting date, across a year end", () => {
    // A fiscal year from November 2025: the sample's date is the end of its sixth month, April 2026.
    const options = { ...DEFAULT_OPTIONS, fiscalYearStartMonth: 11, firstPeriod: "2025-11" };
    expect(sampleMonthEnd(options, 0)).toBe(excelSerial(2026, 4, 30));
    expect(sampleMonthEnd(options, -5)).toBe(excelSerial(2025, 11, 30));
    expect(sampleMonthEnd(options, -3)).toBe(excelSerial(2026, 1, 31));
    expect(sampleMonthEnd(options, 6)).toBe(excelSerial(2026, 10, 31));
    // The sample story keeps its own date whatever reporting date is chosen.
    expect(sampleMonthEnd({ ...options, asAt: "2026-09-30" }, 0)).toBe(excelSerial(2026, 4, 30));
  });
});

describe("adoption plan", () => {
  it.each(MODE_AND_SAMPLE_VARIANTS)(
    "plans in %s mode, sample data %s, without an error value",
    (formulaMode, sampleData) => {
      const result = plan({ formulaMode, sampleData });
      expect(result.sheets.map((s) => s.name)).toEqual(["Adoption plan"]);
      const errors = allCells(result.sheets[0]).filter((cell) => isErrorValue(cell.expected));
      expect(errors).toEqual([]);
      for (const cell of allCells(result.sheets[0]))
        if (cell.formula) expect(cell.formula).not.toContain("FINOPS.");
    }
  );

  it("has every stage with at least three activities, owned by one of the six personas", () => {
    const rows = tableRows(plan({ sampleData: false }).sheets[0], TABLE);
    for (const stage of STAGES) {
      const activities = rows.filter((row) => row["Stage"].value === stage);
      expect(activities.length).toBeGreaterThanOrEqual(3);
      for (const row of activities) expect(row["Activity"].value).toEqual(expect.any(String));
    }
    expect(rows.every((row) => STAGES.includes(String(row["Stage"].value)))).toBe(true);
    for (const persona of [
      "FinOps practitioner",
      "Finance",
      "Product",
      "Procurement",
      "Engineering",
      "Leadership",
    ]) {
      expect(PERSONA_NAMES).toContain(persona);
      expect(rows.some((row) => row["Owner persona"].value === persona)).toBe(true);
    }
    for (const row of rows) {
      expect(PERSONA_NAMES).toContain(row["Owner persona"].value);
      expect(row["Deliverable"].value).toEqual(expect.any(String));
      // Sample columns stay empty without sample data.
      expect(row["Department"].value).toBeNull();
      expect(row["Due date"].value).toBeNull();
      expect(row["Status"].value).toBeNull();
      expect(row["Evidence"].value).toBeNull();
    }
    for (const activity of ACTIVITIES)
      expect(activity.source).toMatch(/FinOps Practice Operations/);
  });

  it("offers the stage, persona and status lists as drop-downs", () => {
    const lists = plan()
      .sheets[0].validations.filter((v) => v.list)
      .map((v) => v.list);
    expect(lists).toEqual([
      STAGES,
      PERSONA_NAMES,
      ["Not started", "In progress", "Done", "Needs escalation"],
    ]);
  });

  it("keeps version 1 buildable as it was: Blocked in the list, the count and the highlight", () => {
    const v1 = adoptionPlan.earlier?.find((e) => e.version === 1);
    const sheet = planSpecs([v1!.build(DEFAULT_OPTIONS)], DEFAULT_OPTIONS).sheets[0];
    expect(sheet.validations.filter((v) => v.list)[2].list).toEqual([
      "Not started",
      "In progress",
      "Done",
      "Blocked",
    ]);
    expect(figure(sheet, "adoptionBlocked").formula).toBe(
      '=COUNTIF(AdoptionPlan[Status],"Blocked")'
    );
    expect(sheet.conditionalFormats.map((f) => f.value)).toContain("Blocked");
    expect(v1!.migration).toEqual([
      {
        kind: "renameValue",
        table: "adoptionActivities",
        column: "status",
        from: "Blocked",
        to: "Needs escalation",
      },
    ]);
  });

  it("computes the progress figures (hand-checked on the sample)", () => {
    const sheet = plan().sheets[0];
    // Sample statuses: Plan 5 Done; Socialize 4 Done, 1 In progress; Prepare 1 Done, 2 In progress,
    // 1 Needs escalation, 2 Not started; Drive 1 In progress, 5 Not started.
    expect(figure(sheet, "adoptionDepartment").value).toBe("Retail e-commerce");
    expect(figure(sheet, "adoptionTotal").expected).toBe(22);
    expect(figure(sheet, "adoptionDone").expected).toBe(10);
    expect(figure(sheet, "adoptionInProgress").expected).toBe(4);
    expect(figure(sheet, "adoptionBlocked").expected).toBe(1);
    expect(figure(sheet, "adoptionNotStarted").expected).toBe(7);
    expect(figure(sheet, "adoptionPercentComplete").expected).toBeCloseTo(10 / 22, 12);
    expect(figure(sheet, "adoptionPercentComplete").formula).toBe(
      "=AdoptionActivitiesDone/MAX(AdoptionActivitiesTotal,1)"
    );
    // The same counts from the rows themselves.
    const statuses = tableRows(sheet, TABLE).map((row) => row["Status"].value);
    expect(statuses.filter((s) => s === "Done")).toHaveLength(10);
    expect(statuses.filter((s) => s === "Not started")).toHaveLength(7);
  });

  it("shows 0% complete, not an error, without sample data", () => {
    const sheet = plan({ sampleData: false }).sheets[0];
    expect(figure(sheet, "adoptionDepartment").value).toBeNull();
    expect(figure(sheet, "adoptionTotal").expected).toBe(22);
    expect(figure(sheet, "adoptionDone").expected).toBe(0);
    expect(figure(sheet, "adoptionNotStarted").expected).toBe(22);
    expect(figure(sheet, "adoptionPercentComplete").expected).toBe(0);
  });

  it("spreads sample due dates over the twelve months of the fiscal year", () => {
    const rows = tableRows(
      plan({ firstPeriod: "2026-04", fiscalYearStartMonth: 4 }).sheets[0],
      TABLE
    );
    const dues = rows.map((row) => row["Due date"].value as number);
    expect(dues[0]).toBe(excelSerial(2026, 4, 30));
    expect(dues[dues.length - 1]).toBe(excelSerial(2027, 3, 31));
    expect([...dues].sort((a, b) => a - b)).toEqual(dues); // stages in date order
    const formats = plan().sheets[0].formats.filter((f) => f.numberFormat === "yyyy-mm-dd");
    // The due dates and the reporting date.
    expect(formats.map((f) => f.address)).toEqual([
      expect.stringMatching(/^B\d+$/),
      expect.stringMatching(/^D\d+:D\d+$/),
    ]);
  });

  it("highlights Done, Needs escalation and In progress statuses, and overdue activities", () => {
    // Version 4's print order: Status in E, Schedule in F.
    const rules = plan().sheets[0].conditionalFormats.filter((f) => /^[EF]\d/.test(f.address));
    expect(rules.map((r) => [r.address[0], r.value, r.highlight])).toEqual([
      ["E", "Done", "good"],
      ["E", "Needs escalation", "bad"],
      ["E", "In progress", "neutral"],
      ["F", "Overdue", "bad"],
    ]);
  });

  it("flags activities due before the reporting date and not done (hand-checked: 2 on the sample)", () => {
    const sheet = plan().sheets[0];
    expect(figure(sheet, "adoptionAsAt").value).toBe(excelSerial(2026, 6, 30));
    const rows = tableRows(sheet, TABLE);
    // Due end of April and end of May 2026, still in progress at 2026-06-30; the June ones are due on it.
    const overdue = rows.filter((r) => r["Schedule"].expected === "Overdue");
    expect(overdue.map((r) => [r["Due date"].value, r["Status"].value])).toEqual([
      [excelSerial(2026, 4, 30), "In progress"],
      [excelSerial(2026, 5, 31), "In progress"],
    ]);
    for (const row of rows) {
      const late = (row["Due date"].value as number) < excelSerial(2026, 6, 30);
      expect(row["Schedule"].expected).toBe(
        late && row["Status"].value !== "Done" ? "Overdue" : ""
      );
    }
    expect(figure(sheet, "adoptionOverdue").expected).toBe(2);
    expect(figure(sheet, "adoptionOverdue").formula).toBe(
      '=COUNTIFS(AdoptionPlan[Due date],"<"&AdoptionAsAt,AdoptionPlan[Status],"<>Done")'
    );
    expect(rows[0]["Schedule"].formula).toBe(
      '=IF(COUNTIFS(AdoptionPlan[[#This Row],[Due date]],"<"&AdoptionAsAt,AdoptionPlan[[#This Row],[Status]],"<>Done")>0,"Overdue","")'
    );
    // A month later the June activities not done join them; without dates nothing is overdue.
    expect(figure(plan({ asAt: "2026-07-31" }).sheets[0], "adoptionOverdue").expected).toBe(4);
    expect(figure(plan({ sampleData: false }).sheets[0], "adoptionOverdue").expected).toBe(0);
  });
});
