import { Template } from "../spec";
import { adoptionPlan } from "./adoptionPlan";
import { decisionModel } from "./decisionModel";
import { enterpriseRollup } from "./enterpriseRollup";
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

/**
 * Templates made by another command than generate (the enterprise roll-up, made by consolidate): not
 * part of the practice set or the gallery, but checked, refreshed, upgraded and converted like it.
 */
export const MADE_BY_COMMAND: readonly Template[] = [enterpriseRollup];

/** Every template maintenance knows: the practice set and those made by another command. */
export function findTemplate(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id) ?? MADE_BY_COMMAND.find((t) => t.id === id);
}

export function templateById(id: string): Template {
  const template = findTemplate(id);
  if (!template)
    throw new Error(`Unknown template "${id}". Known: ${TEMPLATES.map((t) => t.id).join(", ")}`);
  return template;
}

/** A template's name as people read it ("Decision and accountability model"); the id of one this add-in does not know. */
export function templateTitle(id: string): string {
  return findTemplate(id)?.title ?? id;
}
