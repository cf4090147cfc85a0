import { CellValue } from "../domain/cellValue";
import { ChartKind, Highlight } from "./spec";

/**
 * What an adapter writes: addresses, values, formulas and formats, with every template decision
 * already made. Adapters (src/excel for Office.js, src/xlsx for files) only translate these into API
 * calls. Addresses are A1 references within the sheet; names are the free names chosen for this run.
 */
export interface PlannedCell {
  /** A constant: template text, an input value, or null for an empty input cell. */
  readonly value?: CellValue;
  /** Formula text with "=", for computed cells. */
  readonly formula?: string;
  /** What the formula computes (cached value for file viewers, expectation for tests). */
  readonly expected?: CellValue;
}

export type CellStyle =
  "title" | "subtitle" | "heading" | "label" | "note" | "input" | "computed" | "wrap" | "source";

export interface PlannedRange {
  /** Top-left cell and the rows below it; every row has the same length. */
  readonly address: string;
  readonly rows: readonly (readonly PlannedCell[])[];
}

export interface PlannedFormat {
  readonly address: string;
  readonly numberFormat?: string;
  readonly style?: CellStyle;
}

export interface PlannedTable {
  readonly key: string;
  readonly name: string;
  /** Header row and data rows (not the totals row). */
  readonly address: string;
  readonly headers: readonly string[];
  /** Per column header, the totals row formula (=SUBTOTAL(...)) and its value, if any. */
  readonly totals?: readonly {
    readonly header: string;
    readonly formula: string;
    readonly expected: CellValue;
  }[];
  /** Label shown in the first column of the totals row. */
  readonly totalsLabel?: string;
}

export interface PlannedValidation {
  readonly address: string;
  readonly list?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly whole?: boolean;
  readonly help?: string;
}

export interface PlannedConditionalFormat {
  readonly address: string;
  readonly when: "equals" | "greaterThan" | "lessThan" | "colorScale";
  /** Text for equals, number for the comparisons; a colour scale's low end. */
  readonly value: string | number;
  /** A colour scale's "good" is its high end: bad at `value`, neutral midway, good at `high`. */
  readonly highlight: Highlight;
  /** A colour scale's high end. */
  readonly high?: number;
}

export interface PlannedChart {
  readonly title: string;
  readonly chart: ChartKind;
  /** The Excel table the chart shows (on the chart's sheet), so maintenance can follow its rows. */
  readonly table: string;
  readonly categories: string;
  /**
   * Each series: its name, its data cells, and the same cells with the header above them; `line`
   * draws it as a line over a column chart (a combo).
   */
  readonly series: readonly {
    readonly name: string;
    readonly values: string;
    readonly withHeader: string;
    readonly line?: boolean;
  }[];
  /** Top-left and bottom-right cells the chart covers. */
  readonly from: string;
  readonly to: string;
  /** Drawn beside the sheet's figures rather than below its blocks. */
  readonly beside?: boolean;
}

export interface PlannedName {
  readonly key: string;
  readonly name: string;
  /** Absolute reference on this sheet, e.g. $B$5. */
  readonly address: string;
}

export interface PlannedSheet {
  readonly key: string;
  readonly name: string;
  readonly ranges: readonly PlannedRange[];
  readonly formats: readonly PlannedFormat[];
  readonly tables: readonly PlannedTable[];
  readonly names: readonly PlannedName[];
  readonly validations: readonly PlannedValidation[];
  readonly conditionalFormats: readonly PlannedConditionalFormat[];
  readonly charts: readonly PlannedChart[];
  /** Column widths in characters, from column A. */
  readonly columnWidths: readonly number[];
  /** Cells merged across the first printed page: notes lines longer than column A (A1 ranges). */
  readonly merges?: readonly string[];
  /** Heights in points of the rows whose wrapped text takes more than one line (0-based rows). */
  readonly rowHeights?: readonly { readonly row: number; readonly points: number }[];
  readonly freeze?: { readonly rows: number; readonly columns: number };
  readonly print: {
    readonly landscape: boolean;
    /** Fitted to pagesWide x pagesTall pages; false: printed at `scale` (or the default 100%). */
    readonly fitToWidth: boolean;
    /** Pages across: 1 for most sheets, more where one page would shrink the text below reading size. */
    readonly pagesWide: number;
    /** When fitted: pages tall, 0 for as many as needed, 1 for a one-page sheet. */
    readonly pagesTall: number;
    /** Fixed scale in percent (not fitted): a sheet too wide for one legible page. */
    readonly scale?: number;
    /** 0-based columns that start a printed page (explicit column page breaks). */
    readonly columnBreaks: readonly number[];
    readonly titleRows?: string;
    /** Columns repeated on every page across, e.g. $A:$B. */
    readonly titleColumns?: string;
  };
  /** The sheet's used area, e.g. A1:N40: the print area (unless printArea) and the size of what was written. */
  readonly usedRange: string;
  /** The print area where it is not the used range: a page above data that is not printed. */
  readonly printArea?: string;
  /** The rows of each block, top to bottom: what lines up the same block in two versions' plans. */
  readonly blocks: readonly PlannedBlock[];
}

/** A block's rows (0-based, inclusive), by an id that stays the same across template versions. */
export interface PlannedBlock {
  /** "title", "notes:<heading>", "figures:<first key>", "table:<key>" or "chart:<title>". */
  readonly id: string;
  readonly top: number;
  readonly bottom: number;
}

/** The metadata store's content: one row per generated template. */
export interface PlannedTemplateRecord {
  readonly templateId: string;
  readonly version: number;
  readonly sheets: readonly string[];
  /** Table and defined names by key, as chosen for this run. */
  readonly tables: Readonly<Record<string, string>>;
  readonly names: Readonly<Record<string, string>>;
}

export interface RenderPlan {
  readonly sheets: readonly PlannedSheet[];
  readonly templates: readonly PlannedTemplateRecord[];
  readonly options: string;
}
