import type { PracticeSummary } from "../../excel/practiceSummary";
import { dateTimeText, fractionText, monthText, moneyText } from "../../workbook/displayText";
import type { CheckRecord } from "./lastCheck";
import { ACTIONS, availableActions, MaintenanceAction } from "./maintenanceActions";

/** What the summary needs to know of the add-in's templates (templateCards.ts; passed in so the first screen loads without them). */
export interface TemplateLookup {
  titleOf(id: string): string;
  currentVersion(id: string): number | undefined;
}

export interface InstalledRow {
  readonly templateId: string;
  readonly title: string;
  readonly version: string;
  /** Set when the add-in has a newer version of the template. */
  readonly update?: string;
  readonly sheets: string;
}

/** One headline figure of the practice, as a tile. */
export interface Tile {
  readonly key: "budget" | "validated" | "kpis" | "maturity" | "import" | "check";
  readonly label: string;
  readonly value: string;
  readonly detail?: string;
  /** How the figure reads: colours the tile's edge, and is said in words in `value` or `detail`. */
  readonly tone: "good" | "warning" | "bad" | "neutral";
}

/** What the summary's menus offer; "check", "import", "consolidate" and "add" are not maintenance actions. */
export type SummaryCommand = MaintenanceAction | "check" | "import" | "consolidate";

export interface ActionGroup {
  readonly label: "Month end" | "Year end" | "Health" | "Sharing";
  readonly items: readonly { readonly command: SummaryCommand; readonly label: string }[];
}

export interface SummaryView {
  readonly rows: readonly InstalledRow[];
  readonly tiles: readonly Tile[];
  /** The actions, grouped as the month's and the year's work come: only groups with something in them. */
  readonly groups: readonly ActionGroup[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function budgetTile(budget: NonNullable<PracticeSummary["budget"]>): Tile {
  const money = (n: number) => moneyText(n, budget.currency);
  const share =
    budget.budgetYtd > 0 ? ` (${fractionText(budget.actualYtd / budget.budgetYtd)})` : "";
  const status = budget.status ?? "";
  return {
    key: "budget",
    label: "Team budget, year to date",
    value: `${money(budget.actualYtd)} spent of ${money(budget.budgetYtd)}${share}`,
    detail: [status, budget.budgetFy === null ? "" : `full year ${money(budget.budgetFy)}`]
      .filter(Boolean)
      .join("; "),
    tone: /^over/i.test(status) ? "bad" : /^on budget/i.test(status) ? "good" : "neutral",
  };
}

function validatedTile(validated: NonNullable<PracticeSummary["validated"]>): Tile {
  const money = (n: number) => moneyText(n, validated.currency);
  return {
    key: "validated",
    label: "Validated by finance, annualised",
    value: money(validated.savings + validated.avoidance),
    detail: `Savings ${money(validated.savings)}; cost avoidance ${money(validated.avoidance)}`,
    tone: "neutral",
  };
}

function kpiTile(summary: PracticeSummary): Tile | null {
  if (summary.kpis) {
    const { green, amber, red } = summary.kpis;
    return {
      key: "kpis",
      label: "KPI status",
      value: `${green} Green, ${amber} Amber, ${red} Red`,
      tone: red > 0 ? "bad" : amber > 0 ? "warning" : "good",
    };
  }
  if (!summary.templates.some((t) => t.templateId === "kpi-tracker")) return null;
  return {
    key: "kpis",
    label: "KPI status",
    value: "Not available",
    detail: "Open the KPI tracker to check it: its counts are not calculated yet.",
    tone: "neutral",
  };
}

function maturityTile(maturity: NonNullable<PracticeSummary["maturity"]>): Tile {
  const { level, score } = maturity;
  return {
    key: "maturity",
    label: "Maturity",
    value: level ? `${level}${score === null ? "" : ` (${fractionText(score)})`}` : "Not available",
    ...(level ? {} : { detail: "Open the maturity scorecard to check it." }),
    tone: "neutral",
  };
}

function importTile(stamp: PracticeSummary["lastImport"]): Tile {
  if (!stamp)
    return {
      key: "import",
      label: "Cost data",
      value: "Not imported yet",
      detail: "Month end starts with the billing export: Month end > Import cost data.",
      tone: "neutral",
    };
  const months =
    stamp.firstMonth && stamp.lastMonth
      ? `${monthText(stamp.firstMonth)} to ${monthText(stamp.lastMonth)}`
      : "No months";
  return {
    key: "import",
    label: "Cost data",
    value: months,
    detail: `Imported ${dateTimeText(stamp.at)}`,
    tone: "neutral",
  };
}

/** The last import in one sentence, for a workbook that holds only the Cost data sheet (the welcome). */
export function importSentence(stamp: NonNullable<PracticeSummary["lastImport"]>): string {
  const tile = importTile(stamp);
  return `Cost data here: ${tile.value}, ${tile.detail?.replace(/^Imported/, "imported")}.`;
}

function checkTile(check: CheckRecord | null): Tile {
  if (!check)
    return {
      key: "check",
      label: "Last check",
      value: "Not checked since the pane opened",
      tone: "neutral",
    };
  const time = check.at.toTimeString().slice(0, 5);
  const found =
    check.errors + check.warnings === 0
      ? "No problems"
      : [
          check.errors > 0 ? plural(check.errors, "error") : "",
          check.warnings > 0 ? plural(check.warnings, "warning") : "",
        ]
          .filter(Boolean)
          .join(", ");
  return {
    key: "check",
    label: "Last check",
    value: found,
    detail: `Checked at ${time}`,
    tone: check.errors > 0 ? "bad" : check.warnings > 0 ? "warning" : "good",
  };
}

const GROUPS: readonly { label: ActionGroup["label"]; commands: readonly SummaryCommand[] }[] = [
  { label: "Month end", commands: ["import", "nextMonth", "nextQuarter", "consolidate"] },
  { label: "Year end", commands: ["nextYear", "recordAssessment"] },
  { label: "Health", commands: ["check", "upgrade"] },
  { label: "Sharing", commands: ["portable", "addin"] },
];

const COMMAND_LABELS: Record<"check" | "import" | "consolidate", string> = {
  check: "Check workbook",
  import: "Import cost data",
  consolidate: "Consolidate department workbooks",
};

export function summaryView(
  summary: PracticeSummary,
  { titleOf, currentVersion }: TemplateLookup,
  check: CheckRecord | null
): SummaryView {
  const rows = summary.templates.map((t) => {
    const latest = currentVersion(t.templateId);
    return {
      templateId: t.templateId,
      title: titleOf(t.templateId),
      version: `v${t.version}`,
      update: latest !== undefined && latest > t.version ? `v${latest} available` : undefined,
      sheets: t.sheets.join(", "),
    };
  });
  const tiles = [
    summary.budget && budgetTile(summary.budget),
    summary.validated && validatedTile(summary.validated),
    kpiTile(summary),
    summary.maturity && maturityTile(summary.maturity),
    importTile(summary.lastImport),
    checkTile(check),
  ].filter((tile): tile is Tile => Boolean(tile));
  const offered = new Set<SummaryCommand>([
    "check",
    "import",
    "consolidate",
    ...availableActions(
      summary,
      rows.some((row) => row.update)
    ),
  ]);
  const groups = GROUPS.map(({ label, commands }) => ({
    label,
    items: commands
      .filter((command) => offered.has(command))
      .map((command) => ({
        command,
        label:
          command === "check" || command === "import" || command === "consolidate"
            ? COMMAND_LABELS[command]
            : ACTIONS[command].label,
      })),
  })).filter((group) => group.items.length > 0);
  return { rows, tiles, groups };
}
