import { STAGES } from "../templates/seedContent/adoptionPlanContent";
import { AdoptionStage, Escalation } from "./submission";
import { TemplateReader } from "./templateReader";

/**
 * The word an activity that needs a decision carries: version 1 of the adoption plan called it
 * "Blocked", and its migration renames it "Needs escalation" (adoptionPlan.ts statusAt).
 */
const escalationStatus = (version: number): string =>
  version === 1 ? "Blocked" : "Needs escalation";

const DONE = "Done";
const NO_STAGE = "No stage";

/**
 * Progress per stage of onboarding a department (the plan's stages: FinOps Framework, FinOps Practice
 * Operations), activities counted as the plan's AdoptionActivitiesTotal counts them (rows with an
 * activity), and the activities needing escalation, with their rows.
 */
export function readAdoption(plan: TemplateReader): {
  stages: AdoptionStage[];
  escalations: Escalation[];
} {
  const table = plan.table("adoptionActivities");
  const activity = table?.column("activity");
  if (!table || !activity) return { stages: [], escalations: [] };
  const [stage, owner, due, status] = ["stage", "owner", "due", "status"].map((key) =>
    table.column(key)
  );
  const counts = new Map<string, { activities: number; done: number }>();
  const escalations: Escalation[] = [];
  const same = (a: string | null, b: string) => a?.toLowerCase() === b.toLowerCase();
  const escalation = escalationStatus(plan.version);
  for (let row = 0; row < table.rows; row += 1) {
    const name = activity.text(row).value;
    if (name === null) continue;
    const typed = stage?.text(row).value ?? NO_STAGE;
    const stageName = STAGES.find((s) => same(typed, s)) ?? typed;
    const state = status?.text(row);
    const count = counts.get(stageName) ?? { activities: 0, done: 0 };
    count.activities += 1;
    if (same(state?.value ?? null, DONE)) count.done += 1;
    counts.set(stageName, count);
    if (state?.value && same(state.value, escalation))
      escalations.push({
        activity: name,
        stage: stageName,
        owner: owner?.text(row).value ?? "",
        due: due?.date(row).value ?? null,
        status: state.value,
        source: state.source,
      });
  }
  // The plan's stages in its order, then any a user added, as they first appear.
  const known: readonly string[] = STAGES;
  const order = [
    ...STAGES.filter((s) => counts.has(s)),
    ...[...counts.keys()].filter((s) => !known.includes(s)),
  ];
  return {
    stages: order.map((s) => ({ stage: s, ...counts.get(s)!, source: table.source })),
    escalations,
  };
}
