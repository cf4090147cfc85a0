import { planWorkbook } from "./layout";
import { ChosenNames, chooseNames, ExistingNames } from "./names";
import { checkOptions, TemplateOptions } from "./options";
import { RenderPlan } from "./plan";
import { Template } from "./spec";
import { TEMPLATES, templateById } from "./templates";

/** Options a template cannot be built with; each message says how to fix one field. */
export class OptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The options need fixing: ${problems.join(" ")}`);
    this.name = "OptionsError";
  }
}

export interface PracticePlan {
  readonly plan: RenderPlan;
  readonly renamed: ChosenNames["renamed"];
  /** Templates added because a chosen one links to them (the executive summary's sources). */
  readonly addedForLinks: readonly string[];
}

/**
 * Plans the chosen templates for a workbook that already holds `existing` names: the one entry point
 * adapters and the CLI call. Templates another one needs are added, in gallery order.
 */
export function planTemplates(
  ids: readonly string[],
  options: TemplateOptions,
  existing: ExistingNames
): PracticePlan {
  const problems = Object.values(checkOptions(options));
  if (problems.length > 0) throw new OptionsError(problems);
  const wanted = new Set(ids.map((id) => templateById(id).id));
  const added: string[] = [];
  const addNeeds = (template: Template) => {
    for (const need of template.needs ?? []) {
      if (!wanted.has(need)) {
        wanted.add(need);
        added.push(need);
        addNeeds(templateById(need));
      }
    }
  };
  for (const id of [...wanted]) addNeeds(templateById(id));
  const specs = TEMPLATES.filter((t) => wanted.has(t.id)).map((t) => t.build(options));
  const chosen = chooseNames(specs, existing);
  return {
    plan: planWorkbook(specs, options, chosen),
    renamed: chosen.renamed,
    addedForLinks: added,
  };
}
