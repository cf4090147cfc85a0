import { InstalledTemplate } from "../metadata";

/**
 * What the Excel adapter reads back from a workbook for maintenance, as plain data: the pure checks
 * and the refresh planner work on this alone, so they are tested without Excel.
 */

/** A cell as Office.js reads it: "" when empty, an error as its text ("#REF!"). */
export type RawCell = string | number | boolean;

export interface ReadGrid {
  /** Where the grid lies on its sheet, e.g. "A1:N40". */
  readonly address: string;
  /** range.formulas: the formula text of formula cells, the constant of the others. */
  readonly formulas: readonly (readonly RawCell[])[];
  /** range.values: what each cell shows. */
  readonly values: readonly (readonly RawCell[])[];
}

export interface ReadSheet {
  readonly name: string;
  /** The sheet's used range; null when the sheet is gone, an empty grid when it is blank. */
  readonly used: ReadGrid | null;
  /** The titles of the sheet's charts (undefined: not read). */
  readonly charts?: readonly string[];
  /** The names of the sheet's charts (the add-in names its charts by their titles). */
  readonly chartNames?: readonly string[];
}

/** Data validation of a range as Office.js reports it (`type` is "Inconsistent" when cells differ). */
export interface ReadValidation {
  readonly type: string;
  readonly rule?: unknown;
  readonly prompt?: unknown;
}

/** What a template column with validation or conditional formats has now. */
export interface ReadColumnRules {
  readonly validation?: ReadValidation;
  /** Ids of the conditional formats that touch the column's data cells. */
  readonly conditionalFormatIds?: readonly string[];
}

export interface ReadTable {
  readonly name: string;
  readonly sheet: string;
  /** Header row and data rows as they are now (rows and columns users added included), no totals row. */
  readonly address: string;
  readonly headers: readonly string[];
  readonly showTotals: boolean;
  /** Number formats of the data rows. */
  readonly numberFormats: readonly (readonly string[])[];
  /** By header, for template columns that carry validation or conditional formats. */
  readonly columnRules: Readonly<Record<string, ReadColumnRules>>;
}

export interface ReadName {
  readonly name: string;
  /** e.g. "='Team budget'!$B$12", or "=#REF!$B$12" once its sheet was deleted. */
  readonly formula: string;
}

/** A template instance the metadata store lists, with the store row its record came from. */
export interface ReadTemplate {
  readonly record: InstalledTemplate;
  /** 0-based row in the metadata store. */
  readonly metadataRow: number;
  /** The Updated stamp now in that row. */
  readonly updated: string;
}

export interface WorkbookReadBack {
  /** Every template instance the store lists, in store order (the last of a template id is its newest). */
  readonly templates: readonly ReadTemplate[];
  /** Every sheet the templates record, present (with its used range) or not. */
  readonly sheets: readonly ReadSheet[];
  /** The recorded tables that are still in the workbook. */
  readonly tables: readonly ReadTable[];
  /** Every defined name of the workbook. */
  readonly names: readonly ReadName[];
  /** Every sheet and table name in use (for recreating a deleted sheet without a clash). */
  readonly sheetNames: readonly string[];
  readonly tableNames: readonly string[];
  /** Rows the metadata store uses now, header included (0 when there is no store): where new rows go. */
  readonly storeRows?: number;
}
