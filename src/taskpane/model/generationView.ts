import type { GenerationResult } from "../../excel/generateWorkbooks";
import { titleOf } from "./templateCards";

export interface StepView {
  readonly label: string;
  readonly state: "done" | "active";
}

/** The steps reported so far: the last one is under way until the run finishes. */
export function progressSteps(steps: readonly string[], finished: boolean): StepView[] {
  return steps.map((label, i) => ({
    label,
    state: finished || i < steps.length - 1 ? "done" : "active",
  }));
}

/** What to fill in first in each workbook, for the result panel. */
export const FIRST_STEPS: Record<string, string> = {
  "executive-summary":
    "Nothing to type here: every figure comes from the other sheets. Fill those in and it follows.",
  "team-budget":
    "Enter the budget of each line per month in the budget lines table, then the actual cost as each month closes.",
  "staffing-plan":
    "List the team's roles with their team model, monthly allocation and loaded rate in the roles table.",
  "kpi-tracker":
    "Check each KPI's owner, baseline and target, then enter this month's value; record savings in the savings ledger.",
  "maturity-scorecard":
    "Mark each checklist statement met, partly met or not met, then score the capabilities in scope from 0 to 4 on each lens.",
  "decision-model":
    "Give each decision R, A, C or I per persona: exactly one A and at least one R per decision.",
  "adoption-plan": "Give each activity an owner, a due date and a status.",
};

export interface ResultGroup {
  readonly templateId: string;
  readonly title: string;
  readonly sheets: readonly string[];
  readonly firstStep: string;
}

export interface ResultView {
  readonly headline: string;
  readonly groups: readonly ResultGroup[];
  /** One sentence per name that was in use. */
  readonly renamed: readonly string[];
  readonly notes: readonly string[];
}

const KIND = { sheet: "Sheet", table: "Table", name: "Name" } as const;

export function resultView(result: GenerationResult, sampleData: boolean): ResultView {
  const groups: ResultGroup[] = [];
  for (const { templateId, name } of result.sheets) {
    let group = groups.find((g) => g.templateId === templateId);
    if (!group) {
      const firstStep = FIRST_STEPS[templateId] ?? "Fill in the input cells (shaded).";
      group = {
        templateId,
        title: titleOf(templateId),
        sheets: [],
        firstStep:
          sampleData && templateId !== "executive-summary"
            ? `Replace the sample figures with yours. ${firstStep}`
            : firstStep,
      };
      groups.push(group);
    }
    (group.sheets as string[]).push(name);
  }
  const count = result.sheets.length;
  const notes: string[] = [];
  if (result.addedForLinks.length > 0)
    notes.push(
      `Added because the executive summary takes its figures from them: ${result.addedForLinks.map(titleOf).join(", ")}.`
    );
  if (result.linkedTo.length > 0)
    notes.push(`Linked to the templates already here: ${result.linkedTo.map(titleOf).join(", ")}.`);
  return {
    headline: `Created ${count} ${count === 1 ? "sheet" : "sheets"}.`,
    groups,
    renamed: result.renamed.map(
      (r) => `${KIND[r.kind]} "${r.wanted}" was already in use, so this one is named "${r.chosen}".`
    ),
    notes,
  };
}
