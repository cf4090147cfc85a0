import type { PracticeSummary } from "../../excel/practiceSummary";

/** What the Workbook tab offers to do to the workbooks already there, each previewed before it applies. */
export type MaintenanceAction =
  "upgrade" | "nextMonth" | "nextQuarter" | "nextYear" | "recordAssessment" | "portable" | "addin";

export interface ActionText {
  /** The button on the Workbook tab. */
  readonly label: string;
  /** What the action does, in one sentence, above its preview. */
  readonly description: string;
  /** What it keeps, under its preview: each action touches the workbook differently. */
  readonly keeps: string;
  /** The action done, as the undo note names it ("the upgrade"). */
  readonly undoes: string;
}

export const ACTIONS: Record<MaintenanceAction, ActionText> = {
  upgrade: {
    undoes: "the upgrade",
    label: "Upgrade templates",
    description:
      "Brings the FinOps sheets to the add-in's newest template versions: new columns, renamed values in the drop-downs and in what you typed, and any formulas that need restoring.",
    keeps:
      "Values you typed (renamed where the template renamed a value), rows and columns you added and your own sheets are kept.",
  },
  nextMonth: {
    undoes: "the new month",
    label: "Next month",
    description:
      "Adds the next month to the KPI tracker: a new period column with its formulas, and the latest-value figures over the longer range. The months already there keep what you typed.",
    keeps: "The months already there keep what you typed; rows and columns you added are kept.",
  },
  nextQuarter: {
    undoes: "the new quarter",
    label: "Next quarter",
    description:
      "Adds the next three months to the KPI tracker, as Next month does, for teams that report quarterly.",
    keeps: "The months already there keep what you typed; rows and columns you added are kept.",
  },
  nextYear: {
    undoes: "the new fiscal year",
    label: "Next fiscal year",
    description:
      "Starts next fiscal year's team budget and staffing plan on new sheets: budget lines carry this year's forecast as next year's budget, and the roles carry over. This year's sheets stay exactly as they are.",
    keeps: "This year's sheets are not changed: next year's are added beside them.",
  },
  recordAssessment: {
    undoes: "the recorded assessment",
    label: "Record assessment",
    description:
      "Copies today's maturity results (practice score, target, level, capabilities assessed) into the scorecard's history, so the trend chart and the executive summary's change since the last record follow.",
    keeps: "Only the history gains a row; nothing you typed changes.",
  },
  portable: {
    undoes: "the conversion",
    label: "Make portable",
    description:
      "Rewrites every FINOPS function in the FinOps sheets with Excel's own functions, so people without the add-in (the CFO's copy) see the same figures. The results do not change.",
    keeps:
      "Values you typed are kept. Formulas you typed that call FINOPS are rewritten too; Use add-in functions gives them back.",
  },
  addin: {
    undoes: "the conversion",
    label: "Use add-in functions",
    description:
      "Writes the FinOps sheets' formulas with FINOPS functions again, and gives back the FINOPS formulas you typed yourself where they were not changed since.",
    keeps:
      "Values you typed are kept; your own formulas come back as you typed them, where they were not changed since.",
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
  const has = (id: string) => summary.templates.some((t) => t.templateId === id);
  const actions: MaintenanceAction[] = upgradable ? ["upgrade"] : [];
  if (has("kpi-tracker")) actions.push("nextMonth", "nextQuarter");
  if (has("team-budget") || has("staffing-plan")) actions.push("nextYear");
  if (has("maturity-scorecard")) actions.push("recordAssessment");
  if (modes.has("addin")) actions.push("portable");
  if (modes.has("portable")) actions.push("addin");
  return actions;
}
