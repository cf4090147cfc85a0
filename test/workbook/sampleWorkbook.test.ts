import * as fs from "fs";
import * as path from "path";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { RenderPlan } from "../../src/workbook/plan";
import { TEMPLATES } from "../../src/workbook/templates";
import { shown, tableColumn, tableOf } from "./planLookup";

/**
 * The sample practice set as a reviewer reads it: every sheet's text cells, in order. The dump is kept
 * in docs/samples/practice-set.txt (regenerate with FINOPS_UPDATE_SAMPLE=1) so a reviewer can read the
 * content without Excel; the checks below hold it to the capability.
 */
const DUMP = path.resolve(__dirname, "../../docs/samples/practice-set.txt");

function dump(plan: RenderPlan): string {
  const lines: string[] = [];
  for (const sheet of plan.sheets) {
    lines.push(`=== ${sheet.name} ===`);
    for (const range of sheet.ranges) {
      for (const row of range.rows) {
        const text = row.map((cell) => {
          const value = shown(cell);
          if (value === null || value === undefined || value === "") return "";
          return typeof value === "number"
            ? String(Number(value.toFixed(4)))
            : typeof value === "object"
              ? JSON.stringify(value)
              : String(value);
        });
        if (text.some(Boolean)) lines.push(text.join(" | ").replace(/( \| )+$/, ""));
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

describe("the sample practice set a reviewer reads", () => {
  const text = dump(
    planTemplates(
      TEMPLATES.map((t) => t.id),
      DEFAULT_OPTIONS,
      { sheets: [], tablesAndNames: [] }
    ).plan
  );

  it("matches docs/samples/practice-set.txt", () => {
    if (process.env.FINOPS_UPDATE_SAMPLE) {
      fs.mkdirSync(path.dirname(DUMP), { recursive: true });
      fs.writeFileSync(DUMP, text);
    }
    expect(text).toBe(fs.readFileSync(DUMP, "utf8"));
  });

  it("holds no placeholder text", () => {
    expect(text).not.toMatch(/lorem|ipsum|\bTODO\b|\bTBD\b|placeholder|\bxxx\b|\?\?\?|\bfoo\b/i);
    // "finance" holds "nan": these two are matched case-sensitively.
    expect(text).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]/);
  });

  it("holds every persona, decision, adoption stage and Crawl/Walk/Run statement as table content", () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      DEFAULT_OPTIONS,
      { sheets: [], tablesAndNames: [] }
    );
    const tableRows = (name: string) => ({
      headers: tableOf(plan, name).headers,
      column: (header: string) => tableColumn(plan, name, header),
    });
    const decisions = tableRows("DecisionModel");
    const personas = [
      "FinOps practitioner",
      "Finance",
      "Product",
      "Procurement",
      "Engineering",
      "Leadership",
    ];
    expect(decisions.headers).toEqual(expect.arrayContaining(personas));
    const decisionText = decisions.column("Decision").join("\n");
    for (const decision of [
      /commitment/i,
      /budget overrun/i,
      /anomal/i,
      /tool/i,
      /staffing/i,
      /chargeback/i,
    ])
      expect(decisionText).toMatch(decision);
    expect(new Set(tableRows("AdoptionPlan").column("Stage"))).toEqual(
      new Set(["Plan", "Socialize", "Prepare the organization", "Drive cultural adoption"])
    );
    const levels = tableRows("MaturityChecklist").column("Level");
    expect(
      ["Crawl", "Walk", "Run"].map((level) => levels.filter((l) => l === level).length)
    ).toEqual([8, 8, 9]);
  });
});
