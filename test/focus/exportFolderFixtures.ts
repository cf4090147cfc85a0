import { FolderEntry, ManifestText } from "../../src/domain/focus/exportFolder/folderPlan";

// Export folders as the clouds lay them out, as listings and manifest texts, for the planner's tests
// and (written to disk) the CLI's.

export interface AwsDeliverySpec {
  readonly period: string;
  readonly executionId: string;
  /** The create-new folder's time (20260105T010203Z); none for an overwritten delivery. */
  readonly time?: string;
  readonly files: readonly string[];
  readonly exportName?: string;
}

/** Folder of an AWS delivery under `<export>/data/` or `<export>/metadata/`. */
export function awsFolder(kind: "data" | "metadata", d: AwsDeliverySpec, root = "focus"): string {
  const period = `${root}/${kind}/BILLING_PERIOD=${d.period}`;
  return d.time ? `${period}/${d.time}-${d.executionId}` : period;
}

export function awsManifest(d: AwsDeliverySpec, root = "focus"): ManifestText {
  const [year, month] = d.period.split("-").map(Number);
  const end = new Date(Date.UTC(year, month, 1)).toISOString();
  return {
    path: `${awsFolder("metadata", d, root)}/${root}-Manifest.json`,
    text: JSON.stringify({
      executionId: d.executionId,
      exportArn: `arn:aws:bcm-data-exports:us-east-1:123456789012:export/${root}-0c1d`,
      ...(d.exportName ? { exportName: d.exportName } : {}),
      columns: [{ name: "BilledCost", type: "decimal(38,10)" }],
      dataFiles: d.files.map(
        (f) => `s3://finops-bucket/exports/${awsFolder("data", d, root)}/${f}`
      ),
      billingPeriod: { start: `${d.period}-01T00:00:00.000Z`, end },
    }),
  };
}

export interface AzureRunSpec {
  /** 20260101-20260131 */
  readonly range: string;
  readonly runId: string;
  readonly submittedTime: string;
  readonly files: readonly { readonly name: string; readonly size: number }[];
  /** Older manifests have no byteCount or dataRowCount. */
  readonly counts: boolean;
  /** The `<export time>` folder some exports add above the run's. */
  readonly timeFolder?: string;
}

export function azureFolder(r: AzureRunSpec, root = "costs/focus-daily"): string {
  return [root, r.range, ...(r.timeFolder ? [r.timeFolder] : []), r.runId].join("/");
}

export function azureManifest(r: AzureRunSpec, root = "costs/focus-daily"): ManifestText {
  const date = (d: string) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T00:00:00`;
  const start = date(r.range.slice(0, 8));
  return {
    path: `${azureFolder(r, root)}/manifest.json`,
    text: JSON.stringify({
      manifestVersion: "2024-04-01",
      byteCount: r.counts ? r.files.reduce((s, f) => s + f.size, 0) : undefined,
      blobCount: r.files.length,
      exportConfig: { exportName: root.split("/").pop(), type: "FocusCost", dataVersion: "1.0" },
      deliveryConfig: { partitionData: true, fileFormat: "Csv", containerName: "exports" },
      runInfo: {
        executionType: "Scheduled",
        submittedTime: r.submittedTime,
        runId: r.runId,
        startDate: start,
        endDate: date(r.range.slice(9)),
      },
      blobs: r.files.map((f) => ({
        blobName: `${azureFolder(r, root)}/${f.name}`,
        ...(r.counts ? { byteCount: f.size, dataRowCount: 2 } : {}),
      })),
    }),
  };
}

export const entry = (path: string, size = 100, modified?: number): FolderEntry =>
  modified === undefined ? { path, size } : { path, size, modified };
