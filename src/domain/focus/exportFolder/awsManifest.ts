import { Delivery } from "./folderPlan";
import { baseName, isoTime } from "./folderNames";

/**
 * An AWS Data Exports manifest (`metadata/BILLING_PERIOD=YYYY-MM/[<time>-<executionId>/]<export>-Manifest.json`):
 * executionId, exportArn, exportName (not always), columns, dataFiles (full s3:// URIs), billingPeriod.
 * Returns the delivery, or a sentence saying what is wrong with it.
 */
export function awsDelivery(
  path: string,
  json: Record<string, unknown>,
  modified: number | undefined
): Delivery | string {
  const { executionId, dataFiles, exportName, exportArn, billingPeriod } = json;
  if (typeof executionId !== "string" || !executionId)
    return `${path} is an AWS export manifest without an executionId.`;
  if (!Array.isArray(dataFiles) || !dataFiles.every((f) => typeof f === "string"))
    return `${path} is an AWS export manifest whose dataFiles is not a list of file names.`;
  const start = (billingPeriod as { start?: unknown } | undefined)?.start;
  const period =
    (typeof start === "string" && /^\d{4}-\d{2}/.exec(start)?.[0]) ||
    /BILLING_PERIOD=(\d{4}-\d{2})/.exec(path)?.[1];
  if (!period)
    return `${path} is an AWS export manifest without a billing period (billingPeriod.start).`;
  const name =
    typeof exportName === "string" && exportName
      ? exportName
      : baseName(path).replace(/-manifest\.json$/i, "");
  return {
    provider: "AWS",
    exportName: name,
    ...(typeof exportArn === "string" && exportArn ? { exportId: exportArn } : {}),
    periods: [period],
    id: executionId,
    time: deliveryTime(path, dataFiles as string[], executionId, modified),
    manifest: path,
    listed: (dataFiles as string[]).map((name) => ({ name })),
  };
}

/**
 * Create-new deliveries sit in `<time>-<executionId>/` folders (the manifest's, or its files'); an
 * overwritten delivery has no such folder, and its manifest's modification time is the delivery's.
 */
function deliveryTime(
  path: string,
  dataFiles: readonly string[],
  executionId: string,
  modified: number | undefined
): string | undefined {
  const suffix = `-${executionId}`;
  for (const name of [path, ...dataFiles])
    for (const segment of name.split("/"))
      if (segment.endsWith(suffix)) {
        const time = isoTime(segment.slice(0, -suffix.length));
        if (time) return time;
      }
  return modified === undefined ? undefined : new Date(modified).toISOString();
}
