/** Progress of an import, reported by the Node reader and the pane's worker alike. */
export interface FocusProgress {
  /** The file being read, and its place among the files (0-based). */
  readonly file: string;
  readonly fileIndex: number;
  readonly fileCount: number;
  /** Data rows read so far over all files. */
  readonly rows: number;
  /** Bytes read so far over all files, as stored (compressed for .gz), and the total of all files. */
  readonly bytes: number;
  readonly totalBytes: number;
  /** `bytes` in MB (10^6 bytes), for display. */
  readonly megabytes: number;
  /** Estimate from the rate so far; null until there is a rate to estimate from. */
  readonly secondsLeft: number | null;
}
