import { Delivery } from "./folderPlan";
import { isoTime, monthsBetween } from "./folderNames";

/**
 * An Azure Cost Management export run's `manifest.json`: exportConfig {exportName, ...},
 * runInfo {runId, startDate, endDate, submittedTime}, blobs [{blobName, byteCount?, dataRowCount?}]
 * (older manifests lack the counts). Returns the delivery, or a sentence saying what is wrong with it.
 * The run covers every month from startDate to endDate (both included, as Azure writes them).
 */
export function azureDelivery(
  path: string,
  json: Record<string, unknown>,
  modified: number | undefined
): Delivery | string {
  const runInfo = (json.runInfo ?? {}) as Record<string, unknown>;
  const exportConfig = (json.exportConfig ?? {}) as Record<string, unknown>;
  const blobs = json.blobs as unknown[];
  const listed: { name: string; byteCount?: number }[] = [];
  for (const blob of blobs) {
    const { blobName, byteCount } = (blob ?? {}) as Record<string, unknown>;
    if (typeof blobName !== "string")
      return `${path} is an Azure export manifest with a blob that has no blobName.`;
    listed.push(typeof byteCount === "number" ? { name: blobName, byteCount } : { name: blobName });
  }
  const { runId, startDate, endDate, submittedTime } = runInfo;
  if (typeof runId !== "string" || !runId)
    return `${path} is an Azure export manifest without runInfo.runId.`;
  // The run's folder is under the period's `YYYYMMDD-YYYYMMDD` folder when the dates are missing.
  const range = /(?:^|\/)(\d{4})(0[1-9]|1[0-2])\d{2}-(\d{4})(0[1-9]|1[0-2])\d{2}\//.exec(path);
  const month = (date: unknown) =>
    typeof date === "string" ? /^\d{4}-(0[1-9]|1[0-2])/.exec(date)?.[0] : undefined;
  const first = month(startDate) ?? (range ? `${range[1]}-${range[2]}` : undefined);
  if (!first) return `${path} is an Azure export manifest without a period (runInfo.startDate).`;
  const last = month(endDate) ?? (range && !month(startDate) ? `${range[3]}-${range[4]}` : first);
  const time =
    (typeof submittedTime === "string" ? isoTime(submittedTime) : undefined) ??
    (modified === undefined ? undefined : new Date(modified).toISOString());
  const { exportName, resourceId } = exportConfig;
  return {
    provider: "Azure",
    exportName: typeof exportName === "string" && exportName ? exportName : exportFolder(path),
    ...(typeof resourceId === "string" && resourceId ? { exportId: resourceId } : {}),
    periods: monthsBetween(first, last),
    id: runId,
    time,
    manifest: path,
    listed,
  };
}

/** `<export>/<YYYYMMDD-YYYYMMDD>/...`: the folder above the period's. */
function exportFolder(path: string): string {
  const parts = path.split("/");
  const at = parts.findIndex((p) => /^\d{8}-\d{8}$/.test(p));
  return at > 0 ? parts[at - 1] : "(unnamed)";
}
