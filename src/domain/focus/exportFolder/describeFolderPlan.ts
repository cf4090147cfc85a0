import { FolderPlan } from "./folderPlan";
import { deliveryName, exportLabel } from "./planExportFolder";
import { monthsLabel } from "./folderNames";

const files = (n: number) => `${n} file${n === 1 ? "" : "s"}`;

/** What the plan reads, in sentences the CLI prints and the pane shows before reading. */
export interface FolderPlanWords {
  /** One line for the folder as a whole. */
  readonly summary: string;
  /** Per billing period: the delivery read (manifests only). */
  readonly periods: readonly string[];
  /** Each file left out, and why. */
  readonly skipped: readonly string[];
}

export function describeFolderPlan(plan: FolderPlan): FolderPlanWords {
  const months = new Set(plan.deliveries.flatMap((d) => d.delivery.periods)).size;
  const summary =
    plan.kind === "manifests"
      ? `Export manifests found: reading ${files(plan.read.length)} for ${months} billing period${months === 1 ? "" : "s"}, the newest delivery of each.`
      : `No export manifests: reading every FOCUS file, ${files(plan.read.length)}.`;
  const periods = plan.deliveries.map(
    ({ delivery, files: read, superseded }) =>
      `${monthsLabel(delivery.periods)}: ${exportLabel(delivery)}, ${deliveryName(delivery)}, ${files(read.length)}${superseded.length > 0 ? ` (${superseded.length} older ${superseded.length === 1 ? "delivery" : "deliveries"} not read)` : ""}.`
  );
  const skipped = [
    ...plan.duplicates.map((d) => `${d.path}: the same content as ${d.sameAs}, read once.`),
    ...plan.skipped.map((s) => `${s.path}: skipped, ${s.reason}.`),
  ];
  return { summary, periods, skipped };
}
