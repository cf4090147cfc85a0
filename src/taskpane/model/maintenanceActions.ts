import type { PracticeSummary } from "../../excel/practiceSummary";

/** What the Workbook tab offers to do to the workbooks already there, each previewed before it applies. */
export type MaintenanceAction = "upgrade" | "portable" | "addin";

export interface ActionText {
  /** The button on the Workbook tab. */
  readonly label: string;
  /** What the action does, in one sentence, above its preview. */
  readonly description: string;
}

export const ACTIONS: Record<MaintenanceAction, ActionText> = {
  upgrade: {
    label: "Upgrade templates",
    description:
      "Brings the FinOps sheets to the add-in's newest template versions: new columns, renamed values in the drop-downs and in what you typed, and any formulas that need restoring.",
  },
  portable: {
    label: "Make portable",
    description:
      "Rewrites every FINOPS function in the FinOps sheets with Excel's own functions, so people without the add-in (the CFO's copy) see the same figures. The results do not change.",
  },
  addin: {
    label: "Use add-in functions",
    description:
      "Writes the FinOps sheets' formulas with FINOPS functions again, and gives back the FINOPS formulas you typed yourself where they were not changed since.",
  },
};

/**
 * The actions that make sense for what the workbook holds, in the order the tab shows them;
 * `upgradable` when the add-in has a newer version of any of its templates.
 */
export function availableActions(
  summary: PracticeSummary,
  upgradable: boolean
): MaintenanceAction[] {
  const modes = new Set(summary.templates.map((t) => t.formulaMode));
  const actions: MaintenanceAction[] = upgradable ? ["upgrade"] : [];
  if (modes.has("addin")) actions.push("portable");
  if (modes.has("portable")) actions.push("addin");
  return actions;
}
