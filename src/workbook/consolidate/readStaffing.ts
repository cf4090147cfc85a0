import { STAFFING_FIGURES } from "../templates/staffingPlan";
import { TEAM_MODEL_PLACES } from "../templates/staffing/roles";
import { Sourced, StaffingSubmission } from "./submission";
import { orBlankIn, TemplateReader } from "./templateReader";

/**
 * FTE and loaded cost of the fiscal year per place in the team model, as the staffing plan sums them
 * (StaffFTECentral ... StaffCostVirtual: SUMIF over its Model column, every version), and the annual
 * cloud spend the plan sizes the team against (the FinOps Framework's staffing guidance).
 */
export function readStaffing(plan: TemplateReader): StaffingSubmission {
  const sourced = (figure: Sourced<number> | undefined) => orBlankIn(plan, figure);
  return {
    byModel: TEAM_MODEL_PLACES.map((model) => ({
      model,
      fte: sourced(plan.number(STAFFING_FIGURES.fteByModel(model))),
      cost: sourced(plan.number(STAFFING_FIGURES.costByModel(model))),
    })),
    cloudSpend: sourced(plan.number(STAFFING_FIGURES.annualCloudSpend)),
  };
}
