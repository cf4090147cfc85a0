/**
 * What an import reads from a folder: the pure answer (planExportFolder) to "which of these files",
 * given the folder's listing and its manifests' texts. Paths are relative to the folder, with "/".
 */

/** A file found under the folder. */
export interface FolderEntry {
  readonly path: string;
  readonly size: number;
  /** Modification time in ms; a delivery's time when its manifest gives none. */
  readonly modified?: number;
}

/** A manifest's path and text, read by the host for each path manifestPaths() names. */
export interface ManifestText {
  readonly path: string;
  readonly text: string;
}

export type ExportProvider = "AWS" | "Azure";

/** One delivery (an AWS execution or an Azure run) of one billing period, as its manifest says. */
export interface Delivery {
  readonly provider: ExportProvider;
  readonly exportName: string;
  /** AWS exportArn (it holds the account) or Azure exportConfig.resourceId, when the manifest has it. */
  readonly exportId?: string;
  /**
   * The billing periods it covers, YYYY-MM, in order: one for AWS; an Azure run may span several
   * months, and cannot be read in part.
   */
  readonly periods: readonly string[];
  /** AWS executionId or Azure runId. */
  readonly id: string;
  /** When it was delivered (ISO), or undefined when neither the manifest nor the file says. */
  readonly time?: string;
  readonly manifest: string;
  /** The files it lists, as written in the manifest (s3:// URIs, blob names). */
  readonly listed: readonly { readonly name: string; readonly byteCount?: number }[];
}

/** The delivery read for a period: its files under the folder, and the older ones left out. */
export interface DeliveryRead {
  readonly delivery: Delivery;
  readonly files: readonly string[];
  readonly superseded: readonly Delivery[];
}

export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

export interface DuplicateFile {
  readonly path: string;
  /** The file with the same content that is read. */
  readonly sameAs: string;
}

export interface FolderPlan {
  /** "manifests": an export folder, read delivery by delivery; "files": every FOCUS file. */
  readonly kind: "manifests" | "files";
  /** The files to read, in order. */
  readonly read: readonly string[];
  /** One per billing period or run's months, by period (manifests only). */
  readonly deliveries: readonly DeliveryRead[];
  readonly skipped: readonly SkippedFile[];
  readonly duplicates: readonly DuplicateFile[];
}

export type FolderPlanResult =
  | { readonly ok: true; readonly plan: FolderPlan }
  | { readonly ok: false; readonly message: string };
