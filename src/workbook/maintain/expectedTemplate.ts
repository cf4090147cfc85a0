import { InstalledTemplate } from "../metadata";
import { PlannedSheet } from "../plan";
import { WorkbookSpec } from "../spec";

/** A recorded template instance planned again as it was generated (expected.ts makes them). */
export interface ExpectedTemplate {
  readonly record: InstalledTemplate;
  readonly spec: WorkbookSpec;
  readonly sheets: readonly PlannedSheet[];
  /**
   * The same sheets with the native twins earlier add-in versions wrote (portable workbooks only), so
   * a template formula written before a function's definition changed is known as outdated, not as changed.
   */
  readonly earlierSheets?: readonly PlannedSheet[];
}

/** A recorded template this add-in cannot plan again, and why (shown as an info finding). */
export interface UnplannedTemplate {
  readonly record: InstalledTemplate;
  readonly reason: string;
}
