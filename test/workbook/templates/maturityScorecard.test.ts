import { excelDate } from "../../../src/workbook/dates";
import { readFileSync } from "fs";
import { join } from "path";
import { isErrorValue } from "../../../src/domain/cellValue";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { RenderPlan } from "../../../src/workbook/plan";
import { ColumnSpec, TableBlock } from "../../../src/workbook/spec";
import { CAPABILITIES, DOMAINS } from "../../../src/workbook/templates/maturity/capabilities";
import {
  CHECKLIST,
  MaturityStage,
  STAGES,
} from "../../../src/workbook/templates/maturity/checklist";
import { LENSES } from "../../../src/workbook/templates/maturity/lenses";
import {
  maturityScorecard,
  samplePracticeScore,
} from "../../../src/workbook/templates/maturityScorecard";
import { allCells, cellAt, figure, planTemplate, sheetOf, shown, tableRows } from "../planLookup";

const plan = (options: Partial<TemplateOptions> = {}): RenderPlan =>
  planTemplate(maturityScorecard, options).plan;

const SAMPLE = plan();
const scorecard = sheetOf(SAMPLE, "maturityScorecard");
const capabilityRows = tableRows(scorecard, "maturityCapabilities");
const capability = (name: string) => {
  const row = capabilityRows.find((r) => r.Capability.value === name);
  if (!row) throw new Error(`No capability ${name}`);
  return row;
};

describe("maturity scorecard template", () => {
  it.each([
    [true, "addin"],
    [true, "portable"],
    [false, "addin"],
    [false, "portable"],
  ] as const)(
    "plans with sample data %s in %s mode, with no error in any computed cell",
    (sampleData, formulaMode) => {
      const p = plan({ sampleData, formulaMode });
      const computed = allCells(p).filter((cell) => cell.formula !== undefined);
      expect(computed.length).toBeGreaterThan(100);
      const errors = computed.filter((cell) => isErrorValue(cell.expected));
      expect(errors).toEqual([]);
      // Charts (score vs target, trend) are drawn from their tables on the same sheet.
      // Version 5 places the history (and its trend) above the capability table.
      expect(sheetOf(p, "maturityScorecard").charts.map((c) => c.chart)).toEqual([
        "line",
        "bar",
        "radar",
      ]);
      // Excel's formula limit is 8,192 characters; the portable twins are the long ones.
      for (const cell of computed) expect(cell.formula?.length).toBeLessThan(8192);
    }
  );

  it("has sheet names Excel accepts and a source on every template row", () => {
    const spec = maturityScorecard.build(DEFAULT_OPTIONS);
    expect(spec.templateId).toBe("maturity-scorecard");
    for (const sheet of spec.sheets) {
      expect(sheet.name.length).toBeLessThanOrEqual(31);
      expect(sheet.name).not.toMatch(/[[\]:*?/\\]/);
      for (const block of sheet.blocks) {
        if (block.kind !== "table") continue;
        for (const row of block.rows) expect(row.source).toEqual(expect.any(String));
      }
    }
  });

  it("keeps every input message within Excel's 255 characters", () => {
    const spec = maturityScorecard.build(DEFAULT_OPTIONS);
    const helps = spec.sheets.flatMap((sheet) =>
      sheet.blocks.flatMap((block) => {
        if (block.kind === "table")
          return block.columns.map((c: ColumnSpec) => (c.kind === "input" ? c.help : undefined));
        if (block.kind === "figures")
          return block.items.map((f) => (f.kind === "input" ? f.help : undefined));
        return [];
      })
    );
    const texts = helps.filter((h): h is string => h !== undefined);
    expect(texts.length).toBeGreaterThan(10);
    for (const text of texts) expect(text.length).toBeLessThanOrEqual(255);
  });

  it("paraphrases every Crawl, Walk and Run statement of the capability, in its order", () => {
    // The capability's maturity assessment, carried as a fixture with its CC BY 4.0 attribution:
    // Crawl 8 statements, Walk 8, Run 9.
    const source = readFileSync(
      join(__dirname, "../../fixtures/finops-framework/practice-operations-maturity.md"),
      "utf8"
    );
    const statements = (stage: MaturityStage) => {
      const next = STAGES[STAGES.indexOf(stage) + 1];
      const section = source.slice(
        source.indexOf(`\n${stage}\n`),
        next ? source.indexOf(`\n${next}\n`) : undefined
      );
      return section
        .split("•")
        .slice(1)
        .map((s) => s.trim());
    };
    const rows = tableRows(sheetOf(SAMPLE, "maturityChecklist"), "maturityChecklist");
    expect(rows).toHaveLength(25);
    expect(new Set(rows.map((r) => r.Statement.value)).size).toBe(25);
    expect(rows.map((r) => r.Ref.value).slice(0, 3)).toEqual(["C1", "C2", "C3"]);
    for (const stage of STAGES) {
      const originals = statements(stage);
      const paraphrases = rows
        .filter((r) => r.Level.value === stage)
        .map((r) => String(r.Statement.value));
      expect([stage, paraphrases.length]).toEqual([stage, originals.length]);
      // Each paraphrase shares more words with its own statement than with any other of its stage.
      paraphrases.forEach((paraphrase, i) => {
        const overlaps = originals.map((original) => sharedWords(paraphrase, original));
        expect([stage, i + 1, overlaps.indexOf(Math.max(...overlaps)) + 1]).toEqual([
          stage,
          i + 1,
          i + 1,
        ]);
      });
    }
    expect(CHECKLIST).toHaveLength(25);
  });

  it("assesses the 22 capabilities of the FinOps Framework 2026 in 4 domains", () => {
    expect(capabilityRows).toHaveLength(22);
    expect(new Set(capabilityRows.map((r) => r.Capability.value)).size).toBe(22);
    const perDomain = DOMAINS.map(
      (domain) => capabilityRows.filter((r) => r.Domain.value === domain).length
    );
    expect(perDomain).toEqual([4, 5, 5, 8]);
    expect(capabilityRows.map((r) => r.Capability.value)).toEqual(
      expect.arrayContaining([
        "Data Ingestion",
        "Anomaly Management",
        "Unit Economics",
        "Licensing & SaaS",
        "Sustainability",
        "Governance, Policy & Risk",
        "Automation, Tools & Services",
        "Intersecting Disciplines",
        "Executive Strategy Alignment",
      ])
    );
    // The lens columns carry the playbook's level descriptions as input help, and accept 0 to 4.
    const spec = maturityScorecard.build(DEFAULT_OPTIONS);
    const table = spec.sheets[0].blocks.find(
      (b): b is TableBlock => b.kind === "table" && b.key === "maturityCapabilities"
    );
    for (const lens of LENSES) {
      const column = table?.columns.find((c) => c.key === lens.key);
      expect(column).toMatchObject({ kind: "input", type: "integer", min: 0, max: 4 });
      expect(column?.kind === "input" && column.help).toMatch(/^Score 0-4\. 0 /);
    }
    const guide = tableRows(sheetOf(SAMPLE, "maturityLensGuide"), "maturityLensGuide");
    expect(guide).toHaveLength(25);
  });

  it("computes the hand-checked sample figures", () => {
    // Sample lens weights: Knowledge 2, Process 1.5, Metrics 1, Adoption 1, Automation 0.5; sum 6,
    // so the best possible weighted total is 4 x 6 = 24.
    expect(
      [
        "maturityWeightKnowledge",
        "maturityWeightProcess",
        "maturityWeightMetrics",
        "maturityWeightAdoption",
        "maturityWeightAutomation",
      ].map((key) => shown(figure(SAMPLE, key)))
    ).toEqual([2, 1.5, 1, 1, 0.5]);

    // Data Ingestion, lenses 3,3,2,3,2: 2x3 + 1.5x3 + 1x2 + 1x3 + 0.5x2 = 6 + 4.5 + 2 + 3 + 1 = 16.5;
    // 16.5 / 24 = 0.6875. Target 60% (no override): gap 0.6 - 0.6875 = -0.0875, Green; level Walk
    // (0.5 <= 0.6875 < 0.8).
    const ingestion = capability("Data Ingestion");
    expect(ingestion.Score.expected).toBeCloseTo(0.6875, 12);
    expect(ingestion.Target.expected).toBeCloseTo(0.6, 12);
    expect(ingestion["Gap to target"].expected).toBeCloseTo(-0.0875, 12);
    expect(ingestion["Target status"].expected).toBe("Green");
    expect(ingestion.Level.expected).toBe("Walk");

    // Unit Economics, lenses 1,1,0,0,0: 2x1 + 1.5x1 = 3.5; 3.5 / 24 = 0.1458333...; its own target
    // 40%: gap 0.4 - 0.1458333 = 0.2541667; Red (below 0.4 - 0.1 x 0.4 = 0.36); level Crawl.
    const unit = capability("Unit Economics");
    expect(unit.Score.expected).toBeCloseTo(3.5 / 24, 12);
    expect(unit.Target.expected).toBeCloseTo(0.4, 12);
    expect(unit["Gap to target"].expected).toBeCloseTo(0.4 - 3.5 / 24, 12);
    expect(unit["Target status"].expected).toBe("Red");
    expect(unit.Level.expected).toBe("Crawl");

    // Practice score: weighted totals of the 22 capabilities in table order,
    // 16.5 + 13.5 + 17.5 + 9.5 | 7.5 + 10.5 + 15 + 9 + 3.5 | 7.5 + 16.5 + 13.5 + 5.5 + 3
    // | 14.5 + 10.5 + 10.5 + 11 + 12.5 + 11.5 + 4.5 + 10 = 57 + 45.5 + 46 + 85 = 233.5;
    // average of the 22 scores = 233.5 / (24 x 22) = 233.5 / 528 = 0.44223484848...
    // Level Crawl (below 0.5); vs target 60% with a 10% band (Amber from 0.54): Red.
    expect(shown(figure(SAMPLE, "maturityScore"))).toBeCloseTo(233.5 / 528, 12);
    expect(shown(figure(SAMPLE, "maturityLevel"))).toBe("Crawl");
    expect(shown(figure(SAMPLE, "maturityStatus"))).toBe("Red");
    expect(shown(figure(SAMPLE, "maturityCapabilitiesAssessed"))).toBe(22);
    // Green: Data Ingestion 0.6875, Reporting & Analytics 17.5/24, Budgeting 15/24, Practice
    // Operations 14.5/24. Amber: Rate Optimization 16.5/24 vs own 75% (from 67.5%), Usage
    // Optimization 13.5/24 vs 60% (from 54%). The other 16 are Red.
    expect(shown(figure(SAMPLE, "maturityAtTarget"))).toBe(4);
    expect(shown(figure(SAMPLE, "maturityFarBelowTarget"))).toBe(16);
    // Walk (score 12/24 or more): the four Green, the two Amber, Allocation 13.5/24 and Education
    // 12.5/24; the other 14 are Crawl.
    expect(shown(figure(SAMPLE, "maturityAtCrawl"))).toBe(14);
    expect(shown(figure(SAMPLE, "maturityAtWalk"))).toBe(8);
    expect(shown(figure(SAMPLE, "maturityAtRun"))).toBe(0);
    // Largest gap: Intersecting Disciplines, 0.6 - 4.5/24 = 0.4125 (next: Licensing & SaaS 0.371).
    expect(shown(figure(SAMPLE, "maturityLargestGap"))).toBe("Intersecting Disciplines");

    // Checklist (Met 1, Partly 0.5): Crawl 7 Met + 1 Partly = 7.5 / 8 = 0.9375, Green (pass mark
    // 80%); Walk 4 Met + 3 Partly + 1 Not met = 5.5 / 8 = 0.6875, Red (Amber from 0.72, 90% of the
    // pass mark; W3 is Partly while Executive Strategy Alignment is a gap); Run 3 Partly =
    // 1.5 / 9 = 0.1666..., Red. Levels complete in order: Crawl only = 1, so the level reached is Crawl.
    expect(shown(figure(SAMPLE, "maturityCrawlAchieved"))).toBeCloseTo(0.9375, 12);
    expect(shown(figure(SAMPLE, "maturityWalkAchieved"))).toBeCloseTo(0.6875, 12);
    expect(shown(figure(SAMPLE, "maturityRunAchieved"))).toBeCloseTo(1.5 / 9, 12);
    expect(
      ["maturityCrawlStatus", "maturityWalkStatus", "maturityRunStatus"].map((key) =>
        shown(figure(SAMPLE, key))
      )
    ).toEqual(["Green", "Red", "Red"]);
    expect(shown(figure(SAMPLE, "maturityLevelsComplete"))).toBe(1);
    expect(shown(figure(SAMPLE, "maturityChecklistLevel"))).toBe("Crawl");
    expect(shown(figure(SAMPLE, "maturityPracticeOperationsLevel"))).toBe("Crawl");
  });

  it("ends the sample history with the current assessment, on a rising trend", () => {
    const history = tableRows(scorecard, "maturityHistory");
    const scores = history.map((r) => r["Practice score"].value as number);
    expect(scores).toHaveLength(4);
    for (let i = 1; i < scores.length; i++) expect(scores[i]).toBeGreaterThan(scores[i - 1]);
    expect(scores[3]).toBeCloseTo(shown(figure(SAMPLE, "maturityScore")) as number, 12);
    expect(samplePracticeScore()).toBeCloseTo(233.5 / 528, 12);
    expect(history[3]["Checklist level"].value).toBe(
      shown(figure(SAMPLE, "maturityChecklistLevel"))
    );
    // Quarterly, the current one on the 15th of the fourth tracked month (2026-04 by default).
    expect(history.map((r) => r.Date.value)).toEqual([
      excelDate(2025, 7, 15),
      excelDate(2025, 10, 15),
      excelDate(2026, 1, 15),
      excelDate(2026, 4, 15),
    ]);
    expect(shown(figure(SAMPLE, "maturityAssessmentDate"))).toBe(excelDate(2026, 4, 15));
    // Its age at the sample's reporting date, 2026-06-30: 15 + 31 + 30 days.
    expect(shown(figure(SAMPLE, "maturityAssessmentAge"))).toBe(76);
    expect(excelDate(2026, 1, 1)).toBe(46023);
  });

  it("shows blanks and 'Not assessed', never errors, before anything is scored", () => {
    const empty = plan({ sampleData: false });
    const rows = tableRows(sheetOf(empty, "maturityScorecard"), "maturityCapabilities");
    expect(rows).toHaveLength(22);
    for (const row of rows) {
      expect(row.Score.expected).toBe("");
      expect(row["Gap to target"].expected).toBe("");
      expect(row["Target status"].expected).toBe("");
      expect(row.Level.expected).toBe("Not assessed");
      expect(row.Target.expected).toBe(0.6);
      expect(row["Knowledge weight"].expected).toBe(1);
    }
    expect(shown(figure(empty, "maturityScore"))).toBe("");
    expect(shown(figure(empty, "maturityLevel"))).toBe("Not assessed");
    expect(shown(figure(empty, "maturityLargestGap"))).toBe("");
    expect(shown(figure(empty, "maturityCapabilitiesAssessed"))).toBe(0);
    expect(shown(figure(empty, "maturityCrawlAchieved"))).toBe(0);
    expect(shown(figure(empty, "maturityCrawlStatus"))).toBe("");
    expect(shown(figure(empty, "maturityChecklistLevel"))).toBe("Not assessed");
    // The checklist statements are template content: present without sample data, status empty.
    const checklist = tableRows(sheetOf(empty, "maturityChecklist"), "maturityChecklist");
    expect(checklist).toHaveLength(25);
    expect(checklist.every((r) => r.Status.value === null && r.Points.expected === 0)).toBe(true);
    // The history starts with one empty row.
    const history = tableRows(sheetOf(empty, "maturityScorecard"), "maturityHistory");
    expect(history).toHaveLength(1);
    expect(history[0].Level.expected).toBe("");
  });

  it("writes the score with FINOPS functions in add-in mode and with native twins in portable mode", () => {
    const scoreFormula = (formulaMode: "addin" | "portable") =>
      tableRows(sheetOf(plan({ formulaMode }), "maturityScorecard"), "maturityCapabilities")[0]
        .Score.formula ?? "";
    const addin = scoreFormula("addin");
    const portable = scoreFormula("portable");
    expect(addin).toContain("FINOPS.MATURITYSCORE(");
    expect(addin).toContain(
      "MaturityCapabilities[[#This Row],[Knowledge]:[Automation]],MaturityCapabilities[[#This Row],[Knowledge weight]:[Automation weight]]"
    );
    expect(portable).not.toContain("FINOPS.");
    expect(portable).toContain("SUMPRODUCT(");
    const portableCells = allCells(plan({ formulaMode: "portable" }));
    expect(portableCells.filter((c) => c.formula?.includes("FINOPS."))).toEqual([]);
    // Both modes compute the same values.
    const values = (formulaMode: "addin" | "portable") =>
      allCells(plan({ formulaMode })).map((c) => c.expected);
    expect(values("portable")).toEqual(values("addin"));
  });

  it("uses the organisation's name and follows the first tracked month", () => {
    const p = plan({ organisation: "Fabrikam Health", firstPeriod: "2026-07" });
    const title = cellAt(sheetOf(p, "maturityScorecard"), "A1");
    expect(title?.value).toBe("Fabrikam Health: FinOps maturity scorecard (sample figures)");
    expect(shown(figure(p, "maturityAssessmentDate"))).toBe(excelDate(2026, 10, 15));
    expect(CAPABILITIES).toHaveLength(22);
  });
});

/** Distinct words of four letters or more the two texts share, compared on their first five letters. */
function sharedWords(a: string, b: string): number {
  const words = (text: string) =>
    new Set((text.toLowerCase().match(/[a-z]{4,}/g) ?? []).map((w) => w.slice(0, 5)));
  const theirs = words(b);
  return [...words(a)].filter((w) => theirs.has(w)).length;
}

describe("practice maturity by lens (version 3)", () => {
  it("averages each lens over the assessed capabilities as a share of 4, against the target", () => {
    const rows = tableRows(SAMPLE, "MaturityByLens");
    expect(rows.map((r) => r.Lens.value)).toEqual(LENSES.map((l) => l.name));
    // From the template's sample scores, not from the plan: a lens's scores summed over the 22
    // capabilities, over 4 x 22.
    LENSES.forEach((_lens, l) => {
      const total = CAPABILITIES.reduce((sum, c) => sum + c.sample.scores[l], 0);
      expect(rows[l]["Practice score"].expected).toBeCloseTo(total / (4 * CAPABILITIES.length), 12);
      expect(rows[l].Target.expected).toBe(0.6);
    });
    const chart = sheetOf(SAMPLE, "maturityScorecard").charts.find((c) => c.chart === "radar")!;
    expect(chart.series.map((s) => s.name)).toEqual(["Practice score", "Target"]);
  });
});
