import { Template } from "../spec";
import { adoptionPlan } from "./adoptionPlan";
import { decisionModel } from "./decisionModel";
import { executiveSummary } from "./executiveSummary";
import { kpiTracker } from "./kpiTracker";
import { staffingPlan } from "./staffingPlan";
import { maturityScorecard } from "./maturityScorecard";
import { teamBudget } from "./teamBudget";

/** Every template, in the order the practice set is generated and the gallery shows them. */
export const TEMPLATES: readonly Template[] = [
  executiveSummary,
  teamBudget,
  staffingPlan,
  kpiTracker,
  maturityScorecard,
  decisionModel,
  adoptionPlan,
];

export function templateById(id: string): Template {
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template)
    throw new Error(`Unknown template "${id}". Known: ${TEMPLATES.map((t) => t.id).join(", ")}`);
  return template;
}

/** A template's name as people read it ("Decision and accountability model"); the id of one this add-in does not know. */
export function templateTitle(id: string): string {
  return TEMPLATES.find((t) => t.id === id)?.title ?? id;
}
