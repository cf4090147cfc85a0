import * as fs from "fs";
import * as path from "path";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { RenderPlan } from "../../src/workbook/plan";
import { TEMPLATES } from "../../src/workbook/templates";

/**
 * The sample practice set as a reviewer reads it: every sheet's text cells, in order. The dump is kept
 * in docs/samples/practice-set.txt (regenerate with FINOPS_UPDATE_SAMPLE=1) so a reviewer can read the
 * content without Excel; the checks below hold it to the seed.
 */
const DUMP = path.resolve(__dirname, "../../docs/samples/practice-set.txt");

function dump(plan: RenderPlan): string {
  const lines: string[] = [];
  for (const sheet of plan.sheets) {
    lines.push(`=== ${sheet.name} ===`);
    for (const range of sheet.ranges) {
      for (const row of range.rows) {
        const text = row.map((cell) => {
          const value = cell.formula ? cell.expected : cell.value;
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

  it("names every persona, decision, adoption stage and Crawl/Walk/Run level", () => {
    for (const persona of [
      "FinOps practitioner",
      "Finance",
      "Product",
      "Procurement",
      "Engineering",
      "Leadership",
    ])
      expect(text).toContain(persona);
    for (const decision of [
      "Commitment",
      "Budget overruns",
      "Cost anomalies",
      "tool",
      "staffing",
      "Chargeback",
    ])
      expect(text).toMatch(new RegExp(decision, "i"));
    for (const stage of [
      "Plan",
      "Socialize",
      "Prepare the organization",
      "Drive cultural adoption",
    ])
      expect(text).toContain(stage);
    for (const level of ["Crawl", "Walk", "Run"]) expect(text).toContain(level);
  });
});
