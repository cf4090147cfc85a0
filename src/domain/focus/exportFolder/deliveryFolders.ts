import { byPath, monthsBetween, monthsLabel } from "./folderNames";

/**
 * A folder without manifests whose layout shows several deliveries of one period: the export's `data/`
 * folder (or a copy of it) chosen instead of the export's own. Only the manifests say which delivery
 * is the newest, so reading them all would count the period once per delivery. The layouts:
 * AWS `BILLING_PERIOD=YYYY-MM/<time>-<executionId>/` (an overwritten delivery has its files directly in
 * the period's folder), Azure `<YYYYMMDD-YYYYMMDD>/[<time>/]<runId>/`.
 * Returns the refusal, or undefined when each period has one delivery at most.
 */
export function repeatedDeliveries(dataPaths: readonly string[]): string | undefined {
  const periods = new Map<string, { label: string; deliveries: Set<string> }>();
  for (const path of dataPaths) {
    const found = deliveryOf(path.split("/").slice(0, -1));
    if (!found) continue;
    const period = periods.get(found.folder) ?? { label: found.label, deliveries: new Set() };
    periods.set(found.folder, period);
    period.deliveries.add(found.delivery);
  }
  const repeated = [...periods]
    .filter(([, p]) => p.deliveries.size > 1)
    .sort(([a], [b]) => byPath(a, b))
    .map(
      ([folder, p]) =>
        `${p.label} (${p.deliveries.size} deliveries in ${folder}: ${[...p.deliveries]
          .sort(byPath)
          .map((d) => d || "files directly in it")
          .join(", ")})`
    );
  if (repeated.length === 0) return undefined;
  return `This folder has no export manifests but holds several deliveries of the same billing period, and reading them all would count the period more than once: ${repeated.join("; ")}. Choose the export's own folder, the one holding metadata/ (AWS) or the runs' manifest.json files (Azure): its manifests say which delivery is the newest.`;
}

/** The period's folder, its months and the delivery (folder under it, "" for files directly in it). */
function deliveryOf(
  folders: readonly string[]
): { folder: string; label: string; delivery: string } | undefined {
  const aws = folders.findIndex((s) => /^BILLING_PERIOD=\d{4}-(0[1-9]|1[0-2])$/.test(s));
  if (aws >= 0) {
    const next = folders[aws + 1] ?? "";
    return {
      folder: folders.slice(0, aws + 1).join("/"),
      label: folders[aws].slice("BILLING_PERIOD=".length),
      delivery: /^\d{8}T\d{6}(\.\d+)?Z-./.test(next) ? next : "",
    };
  }
  const azure = folders.findIndex((s) =>
    /^\d{4}(0[1-9]|1[0-2])\d{2}-\d{4}(0[1-9]|1[0-2])\d{2}$/.test(s)
  );
  if (azure < 0) return undefined;
  const range = folders[azure];
  const run = folders.slice(azure + 1);
  // The optional export-time folder above the run's (202602020600): the run is the folder under it.
  const timed = /^\d{8}(T?\d{4,6}Z?)?$/.test(run[0] ?? "");
  return {
    folder: folders.slice(0, azure + 1).join("/"),
    label: monthsLabel(
      monthsBetween(
        `${range.slice(0, 4)}-${range.slice(4, 6)}`,
        `${range.slice(9, 13)}-${range.slice(13, 15)}`
      )
    ),
    delivery: run.slice(0, timed ? 2 : 1).join("/"),
  };
}
