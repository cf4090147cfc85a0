import { CellValue, isErrorValue } from "../../../src/domain/cellValue";
import { evaluate, EvaluationContext } from "../../../src/workbook/expr/evaluate";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { RenderPlan } from "../../../src/workbook/plan";
import { TableBlock } from "../../../src/workbook/spec";
import { decisionModel, RACI_CHECK } from "../../../src/workbook/templates/decisionModel";
import { PERSONAS } from "../../../src/domain/personas";
import { DECISIONS } from "../../../src/workbook/templates/seedContent/decisionModelContent";
import { excelDate as excelSerial } from "../../../src/workbook/dates";
import {
  allCells,
  figure,
  MODE_AND_SAMPLE_VARIANTS,
  planSpecs,
  planTemplate,
  tableRows,
} from "../planLookup";

const plan = (options: Partial<TemplateOptions> = {}): RenderPlan =>
  planTemplate(decisionModel, options).plan;

/** Evaluates the RACI check on one hand-made row. */
function raciOf(row: Record<string, CellValue>): CellValue {
  const context: EvaluationContext = {
    row,
    rowColumns: ["decision", "trigger", ...PERSONAS.map((p) => p.key)],
    columnValues: () => [],
    nameValue: () => null,
  };
  return evaluate(RACI_CHECK, context);
}

const letters = (...values: (string | null)[]) =>
  Object.fromEntries(PERSONAS.map((p, i) => [p.key, values[i] ?? null]));

describe("decision and accountability model, version 2: review dates", () => {
  it("gives each decision its review cycle and the next review date (hand-checked)", () => {
    const rows = tableRows(plan().sheets[0], "DecisionModel");
    // Commitments: reviewed at the end of April 2026 (two months before the sample's 2026-06-30), every 90 days.
    const commitments = rows[0];
    expect(commitments["Review every (days)"].value).toBe(90);
    expect(commitments["Last reviewed"].value).toBe(excelSerial(2026, 4, 30));
    expect(commitments["Next review"].expected).toBe(excelSerial(2026, 4, 30) + 90);
    expect(commitments["Next review"].formula).toBe(
      '=IF(ISBLANK(DecisionModel[[#This Row],[Last reviewed]]),"",IF(ISBLANK(DecisionModel[[#This Row],[Review every (days)]]),"",' +
        "DecisionModel[[#This Row],[Last reviewed]]+DecisionModel[[#This Row],[Review every (days)]]))"
    );
    expect(rows.map((r) => r["Review every (days)"].value)).toEqual(
      DECISIONS.map((d) => d.reviewDays)
    );
  });

  it("leaves Next review blank without sample data (no last review date yet)", () => {
    const rows = tableRows(plan({ sampleData: false }).sheets[0], "DecisionModel");
    for (const row of rows) {
      expect(row["Last reviewed"].value).toBeNull();
      expect(row["Next review"].expected).toBe("");
    }
  });

  it("keeps version 1 buildable without the review columns, and fills the cycle on upgrade", () => {
    const v1 = decisionModel.earlier?.find((e) => e.version === 1);
    const spec = v1!.build(DEFAULT_OPTIONS);
    expect(spec.version).toBe(1);
    const headers = planSpecs([spec], DEFAULT_OPTIONS).sheets[0].tables[0].headers;
    expect(headers[headers.length - 1]).toBe("Time to decide (days)");
    const step = v1!.migration[0];
    if (step.kind !== "addColumn") throw new Error("expected addColumn");
    expect(step.value({ decision: "Cost anomalies" })).toBe(90);
    expect(step.value({ decision: " cost ANOMALIES " })).toBe(90);
    expect(step.value({ decision: "Data retention policy" })).toBe(365);
    expect(step.value({ decision: "" })).toBeNull();
  });
});

describe("decision and accountability model, version 3: overdue reviews", () => {
  it("flags the reviews whose next date is before the reporting date (hand-checked: 2 of 8)", () => {
    const sheet = plan().sheets[0];
    expect(figure(sheet, "decisionsAsAt").value).toBe(excelSerial(2026, 6, 30));
    const rows = tableRows(sheet, "DecisionModel");
    // Cost anomalies: 2026-02-28 + 90 days = 2026-05-29; chargeback: 2025-03-31 + 365 = 2026-03-31.
    const overdue = rows.filter((r) => r["Review status"].expected === "Overdue");
    expect(overdue.map((r) => r["Decision"].value)).toEqual([
      "Cost anomalies",
      "Chargeback and showback policy",
    ]);
    for (const row of rows) {
      const late = (row["Next review"].expected as number) < excelSerial(2026, 6, 30);
      expect(row["Review status"].expected).toBe(late ? "Overdue" : "");
    }
    expect(figure(sheet, "reviewsOverdue").expected).toBe(2);
    expect(figure(sheet, "reviewsOverdue").formula).toBe(
      '=COUNTIFS(DecisionModel[Next review],"<"&DecisionsAsAt)'
    );
    expect(rows[0]["Review status"].formula).toBe(
      '=IF(COUNTIFS(DecisionModel[[#This Row],[Next review]],"<"&DecisionsAsAt)>0,"Overdue","")'
    );
  });

  it("follows the reporting date chosen, and flags nothing without review dates", () => {
    const later = plan({ asAt: "2026-09-30" }).sheets[0];
    expect(figure(later, "decisionsAsAt").value).toBe(excelSerial(2026, 9, 30));
    // Also due by then: commitments (07-29), budget overruns (08-29), staffing (07-30), onboarding (09-27).
    expect(figure(later, "reviewsOverdue").expected).toBe(6);
    const empty = plan({ sampleData: false, asAt: "2026-09-30" }).sheets[0];
    expect(figure(empty, "reviewsOverdue").expected).toBe(0);
  });
});

describe("decision and accountability model", () => {
  it.each(MODE_AND_SAMPLE_VARIANTS)(
    "plans in %s mode, sample data %s, without an error value",
    (formulaMode, sampleData) => {
      const result = plan({ formulaMode, sampleData });
      expect(result.sheets.map((s) => s.name)).toEqual(["Decision model"]);
      const errors = allCells(result.sheets[0]).filter((cell) => isErrorValue(cell.expected));
      expect(errors).toEqual([]);
    }
  );

  it("has a column per persona with an R/A/C/I drop-down, blank allowed", () => {
    const sheet = plan().sheets[0];
    const headers = sheet.tables[0].headers;
    for (const persona of [
      "FinOps practitioner",
      "Finance",
      "Product",
      "Procurement",
      "Engineering",
      "Leadership",
    ]) {
      expect(headers).toContain(persona);
    }
    // Version 4's print order: what prints first, the reference columns after Review status.
    expect(headers).toEqual([
      "Decision",
      ...PERSONAS.map((p) => p.name),
      "RACI check",
      "Threshold",
      "Next review",
      "Review status",
      "Time to decide (days)",
      "Review every (days)",
      "Last reviewed",
      "Description and trigger",
      "Escalation path",
    ]);
    const lists = sheet.validations.filter((v) => v.list);
    expect(lists).toHaveLength(PERSONAS.length);
    for (const v of lists) expect(v.list).toEqual(["R", "A", "C", "I"]);
    // Some decisions leave a persona out: blank cells are part of the model.
    const rows = tableRows(sheet, "DecisionModel");
    expect(rows.some((row) => row["Procurement"].value === null)).toBe(true);
  });

  it("covers every decision the product specification names", () => {
    const decisions = tableRows(plan().sheets[0], "DecisionModel").map((row) =>
      String(row["Decision"].value)
    );
    for (const pattern of [
      /commitment.*prepaid reservation/i,
      /budget overruns/i,
      /cost anomalies/i,
      /tool.*purchases/i,
      /team staffing changes/i,
      /chargeback/i,
    ]) {
      expect(decisions.filter((d) => pattern.test(d))).toHaveLength(1);
    }
    expect(decisions).toHaveLength(DECISIONS.length);
    for (const d of DECISIONS) expect(d.source).toMatch(/FinOps Practice Operations/);
  });

  it("gives every default row exactly one A and at least one R: RACI check OK", () => {
    for (const sampleData of [true, false]) {
      const rows = tableRows(plan({ sampleData }).sheets[0], "DecisionModel");
      for (const row of rows) {
        const cells = PERSONAS.map((p) => row[p.name].value);
        expect(cells.filter((c) => c === "A")).toHaveLength(1);
        expect(cells.filter((c) => c === "R").length).toBeGreaterThanOrEqual(1);
        expect(row["RACI check"].expected).toBe("OK");
      }
    }
  });

  it("reports what is wrong with a hand-made row", () => {
    const decision = { decision: "Test decision", trigger: null };
    expect(raciOf({ ...decision, ...letters("R", "A", "A", "C") })).toBe(
      "needs exactly one A, found 2"
    );
    expect(raciOf({ ...decision, ...letters("C", "A", "I") })).toBe("needs at least one R");
    expect(raciOf({ ...decision, ...letters() })).toBe(
      "needs exactly one A, found 0; needs at least one R"
    );
    expect(raciOf({ ...decision, ...letters(" r", "a", null, null, "c") })).toBe("OK");
    expect(raciOf({ ...decision, ...letters("R", "A", "X") })).toEqual(
      expect.objectContaining({ code: "#VALUE!" })
    );
    // A row with no decision yet (a new table row) is not flagged.
    expect(raciOf({ decision: null, trigger: null, ...letters("A", "A") })).toBe("");
  });

  it("counts decisions and RACI problems (hand-checked: 8 decisions, none broken)", () => {
    const sheet = plan().sheets[0];
    expect(figure(sheet, "decisionsChecked").expected).toBe(8);
    expect(figure(sheet, "decisionsWithRaciProblem").expected).toBe(0);
    expect(figure(sheet, "decisionsWithRaciProblem").formula).toBe(
      '=DecisionsChecked-COUNTIF(DecisionModel[RACI check],"OK")'
    );
    expect(figure(plan({ sampleData: false }).sheets[0], "decisionsChecked").expected).toBe(8);
  });

  it("counts a broken row as a problem", () => {
    const spec = decisionModel.build(DEFAULT_OPTIONS);
    const sheet = spec.sheets[0];
    const blocks = sheet.blocks.map((block) =>
      block.kind === "table"
        ? ({
            ...block,
            rows: [
              ...block.rows,
              { values: { decision: "Broken example", ...letters("R", "A", "A", "C") } },
            ],
          } as TableBlock)
        : block
    );
    const planned = planSpecs([{ ...spec, sheets: [{ ...sheet, blocks }] }], DEFAULT_OPTIONS)
      .sheets[0];
    const rows = tableRows(planned, "DecisionModel");
    expect(rows[rows.length - 1]["RACI check"].expected).toBe("needs exactly one A, found 2");
    expect(figure(planned, "decisionsChecked").expected).toBe(9);
    expect(figure(planned, "decisionsWithRaciProblem").expected).toBe(1);
  });

  it("writes FINOPS.RACICHECK in add-in mode and only native functions in portable mode", () => {
    const addin = tableRows(plan().sheets[0], "DecisionModel")[0]["RACI check"].formula;
    expect(addin).toBe(
      '=IF(ISBLANK(DecisionModel[[#This Row],[Decision]]),"",FINOPS.RACICHECK(DecisionModel[[#This Row],[FinOps practitioner]:[Leadership]]))'
    );
    const portable = plan({ formulaMode: "portable" });
    for (const row of tableRows(portable.sheets[0], "DecisionModel")) {
      expect(row["RACI check"].formula).not.toContain("FINOPS.");
      expect(row["RACI check"].formula).toContain("SUMPRODUCT");
    }
    for (const cell of allCells(portable.sheets[0]))
      if (cell.formula) expect(cell.formula).not.toContain("FINOPS.");
  });

  it("highlights OK rows and a non-zero problem count", () => {
    const sheet = plan().sheets[0];
    const okRule = sheet.conditionalFormats.find((f) => f.value === "OK");
    expect(okRule).toMatchObject({ when: "equals", highlight: "good" });
    const problems = sheet.names.find((n) => n.key === "decisionsWithRaciProblem");
    expect(
      sheet.conditionalFormats.filter((f) => f.address === problems?.address.replace(/\$/g, ""))
    ).toEqual(expect.arrayContaining([expect.objectContaining({ highlight: "bad" })]));
  });

  it("writes thresholds and times to decide only as sample data", () => {
    const withSample = tableRows(plan().sheets[0], "DecisionModel");
    expect(withSample[0]["Threshold"].value).toBe(100000);
    expect(withSample[2]["Time to decide (days)"].value).toBe(1);
    const empty = tableRows(plan({ sampleData: false }).sheets[0], "DecisionModel");
    for (const row of empty) {
      expect(row["Threshold"].value).toBeNull();
      expect(row["Time to decide (days)"].value).toBeNull();
      expect(row["Escalation path"].value).toEqual(expect.any(String));
    }
  });
});
