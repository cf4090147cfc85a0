import { OptionsError } from "../generate";
import { planWorkbook } from "../layout";
import { chooseNames, ExistingNames } from "../names";
import { RenderPlan } from "../plan";
import { checkOptions, TemplateOptions } from "../options";
import { rollupSpec } from "../templates/enterpriseRollup";
import { Consolidation } from "./submission";

/**
 * The roll-up planned into a workbook that holds `names` already (free sheet, table and defined names
 * are chosen, nothing is overwritten), like any template of the practice set: the plan's template
 * record becomes its metadata store row, so check, repair, upgrade and convert maintain it.
 */
export function planRollup(
  consolidation: Consolidation,
  options: TemplateOptions,
  names: ExistingNames
): RenderPlan {
  const problems = Object.values(checkOptions(options));
  if (problems.length > 0) throw new OptionsError(problems);
  const spec = rollupSpec(options, consolidation);
  return planWorkbook([spec], options, chooseNames([spec], names));
}
