import { FocusGrouping, FocusImport } from "./focusTypes";

export interface FocusAggregatorOptions {
  readonly grouping: FocusGrouping;
  /** How many issues to keep (all are counted); reading goes on past bad rows up to the end. */
  readonly issueLimit: number;
}

/** Takes one data row of the current file: its fields in header order and its 1-based line. */
export type FocusRowConsumer = (fields: string[], line: number) => void;

/**
 * Sums FOCUS rows into per-month (and group, and currency) aggregates as they stream past, keeping
 * no rows. Pure: runs unchanged in Node and in a Web Worker.
 */
export interface FocusAggregator {
  /** Starts a file: checks its header (throws FocusFileError when unusable) and detects the version. */
  file(name: string, header: readonly string[]): FocusRowConsumer;
  /** The aggregates of every file so far, sorted by month, group and currency. */
  finish(): FocusImport;
}

export function createFocusAggregator(options: FocusAggregatorOptions): FocusAggregator {
  throw new Error(`FOCUS aggregation (${options.grouping.by}) lands with issue 7's core commit.`);
}
