/** What the last Check workbook of this pane session found, for the summary's tile. */
export interface CheckRecord {
  readonly at: Date;
  readonly errors: number;
  readonly warnings: number;
}

let last: CheckRecord | null = null;

/**
 * Kept for the pane's session only, not in the file: writing it into the workbook would make a check,
 * which changes nothing, leave the file with unsaved changes.
 */
export const lastCheck = {
  get: (): CheckRecord | null => last,
  set: (record: CheckRecord | null): void => {
    last = record;
  },
};
