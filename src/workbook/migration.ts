/** A cell as maintenance reads it: "" when empty. */
export type MigratedCell = string | number | boolean;

/**
 * What upgrading a workbook from one version of a template to the next does to the values users
 * typed: data, so a preview can say it before it happens and a pure function can apply it to the
 * values read back. Structure (new columns, formulas, formats, drop-down lists) is not described here:
 * it comes from the next version's spec, written by the same code as refresh.
 */
export type MigrationStep =
  /** A drop-down value renamed: cells holding `from` (any case, spaces trimmed) get `to`. */
  | {
      readonly kind: "renameValue";
      readonly table: string;
      readonly column: string;
      readonly from: string;
      readonly to: string;
    }
  /**
   * An input column the next version adds, filled in rows that exist when the workbook is upgraded.
   * `value` sees the row by column key (as read back: "" for an empty cell); null leaves a cell empty.
   */
  /**
   * A column the next version heads differently (`from` is the old header; the new one comes from
   * the next version's spec): the header cell is rewritten, the column and its values stay.
   */
  | {
      readonly kind: "renameColumn";
      readonly table: string;
      readonly column: string;
      readonly from: string;
    }
  | {
      readonly kind: "addColumn";
      readonly table: string;
      readonly column: string;
      readonly value: (row: Readonly<Record<string, MigratedCell>>) => MigratedCell | null;
    }
  /**
   * Cells of `columns` that still show the old version's column format take the number format
   * `format` gives their row (null: leave the row as it is). A cell formatted otherwise is the user's.
   */
  | {
      readonly kind: "rowFormat";
      readonly table: string;
      readonly columns: (key: string) => boolean;
      readonly format: (row: Readonly<Record<string, MigratedCell>>) => string | null;
      /** What the change is, for the preview: "KPI values show their unit". */
      readonly says: string;
    };

/** The words a migration's drop-down rename is matched with: as checkInputs matches list values. */
export const sameListValue = (a: unknown, b: string): boolean =>
  typeof a === "string" && a.trim().toLowerCase() === b.trim().toLowerCase();
