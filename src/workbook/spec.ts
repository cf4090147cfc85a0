import { CellValue } from "../domain/cellValue";
import { Expr } from "./expr/expr";
import { MigrationStep } from "./migration";
import { TemplateOptions } from "./options";

/**
 * The declarative model of a workbook template: sheets made of blocks stacked top to bottom. A
 * template builds a WorkbookSpec from the options; layout.ts turns specs into a RenderPlan that any
 * adapter (Office.js, .xlsx) writes without knowing which template it is.
 */
export type ValueType =
  | "text"
  | "integer"
  | "number"
  | "currency"
  | "percent"
  | "date"
  | "fte"
  | "score"
  /** A difference of two percentages, in percentage points: +6.5 pts. */
  | "points"
  /** A ratio of two amounts: 1.52x. */
  | "ratio";

interface ColumnBase {
  /** Stable id used by expressions and the maintenance logic; never shown. */
  readonly key: string;
  /** Header text, also the structured-reference name: no [ ] # or ' in it. */
  readonly header: string;
  readonly type: ValueType;
  /** Width in characters; a default per type otherwise. */
  readonly width?: number;
  /**
   * Starts a group of columns read together (a year's months): when a sheet prints across pages, the
   * group moves whole to a new page where it does not fit on the current one (printLayout.ts).
   */
  readonly pageBreakBefore?: boolean;
  /**
   * Long text: cells wrap within the column's width instead of running on (rows grow to fit), so
   * the column can stay narrow enough to print. Unset, text longer than its column wraps; `false`
   * never wraps (a table's last column, whose text runs on over the empty cells to its right).
   */
  readonly wrap?: boolean;
}

/** User-owned: written once (template content or sample data), never overwritten later. */
export interface InputColumn extends ColumnBase {
  readonly kind: "input";
  /** Allowed values: a drop-down in Excel. */
  readonly list?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  /** Shown when the cell is selected (data validation input message). */
  readonly help?: string;
}

/** Template-owned: a formula, restored on refresh. */
export interface ComputedColumn extends ColumnBase {
  readonly kind: "computed";
  readonly expr: Expr;
}

export type ColumnSpec = InputColumn | ComputedColumn;

export interface TableRow {
  /** Template content, always written (a maturity statement, a decision, a role). */
  readonly values: Readonly<Record<string, CellValue>>;
  /** Example figures, written only with sample data. */
  readonly sample?: Readonly<Record<string, CellValue>>;
  /** The row exists only with sample data (an example savings initiative). */
  readonly sampleOnly?: boolean;
  /** Where the content comes from (capability section, framework page), kept for traceability. */
  readonly source?: string;
  /**
   * Number formats of this row's cells where they differ from their column's: a KPI's unit (72.0%,
   * $84,500) on a row of a table whose columns hold several units. The health check accepts them.
   */
  readonly numberFormats?: Readonly<Record<string, string>>;
}

export type Highlight = "good" | "neutral" | "bad";

export type ConditionalFormat =
  | {
      readonly column: string;
      readonly when: "equals";
      readonly text: string;
      readonly highlight: Highlight;
    }
  | {
      readonly column: string;
      readonly when: "greaterThan" | "lessThan";
      readonly value: number;
      readonly highlight: Highlight;
    }
  /**
   * A three-colour scale (a heat map): the bad colour at `low`, neutral midway, good at `high`. Fixed
   * values rather than the column's own lowest and highest, so a scale on each of several columns
   * reads as one scale across them.
   */
  | {
      readonly column: string;
      readonly when: "colorScale";
      readonly low: number;
      readonly high: number;
    };

/** A conditional format on a named cell: the same rules without a column. */
export type FigureRule =
  | { readonly when: "equals"; readonly text: string; readonly highlight: Highlight }
  | {
      readonly when: "greaterThan" | "lessThan";
      readonly value: number;
      readonly highlight: Highlight;
    };

export interface TableBlock {
  readonly kind: "table";
  /** Key used by expressions; unique across the practice set. */
  readonly key: string;
  /** Excel table name wanted (a free name is chosen on collision). */
  readonly name: string;
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly TableRow[];
  /** A totals row: per column key, what it shows. */
  readonly totals?: Readonly<Record<string, "sum" | "average" | "count">>;
  readonly conditionalFormats?: readonly ConditionalFormat[];
  readonly caption?: string;
  /**
   * Only this many leading columns count for printing: columns after them (a record kept for a chart,
   * such as each capability's past scores) do not make a page across of their own.
   */
  readonly printedColumns?: number;
  /**
   * Printed as a print range of its own, from its caption, starting a new page: the rows above it
   * print only as wide as they are, so columns another table keeps off the page (the team budget's
   * month inputs, beside this table's months) stay off it.
   */
  readonly printsOnItsOwn?: boolean;
}

interface FigureBase {
  /** Key used by expressions. */
  readonly key: string;
  /** Defined name wanted for the value cell. */
  readonly name: string;
  readonly label: string;
  readonly type: ValueType;
  /** Where the figure comes from (a sheet), written beside the value in a smaller hand. */
  readonly source?: string;
}

/** A named input cell, such as a target or a threshold. */
export interface InputFigure extends FigureBase {
  readonly kind: "input";
  readonly value: CellValue;
  readonly sample?: CellValue;
  readonly help?: string;
}

/** A named computed cell, such as a total or a status count. */
export interface ComputedFigure extends FigureBase {
  readonly kind: "computed";
  readonly expr: Expr;
  readonly conditionalFormats?: readonly FigureRule[];
}

export type Figure = InputFigure | ComputedFigure;

export type Block =
  | { readonly kind: "title"; readonly text: string; readonly subtitle?: string }
  | { readonly kind: "notes"; readonly heading: string; readonly lines: readonly string[] }
  | { readonly kind: "figures"; readonly heading: string; readonly items: readonly Figure[] }
  | TableBlock
  | ChartBlock;

/** A chart of a table on the same sheet, above it: one series per column, categories from a column. */
export interface ChartBlock {
  readonly kind: "chart";
  readonly title: string;
  readonly chart: ChartKind;
  readonly table: string;
  readonly categories: string;
  readonly series: readonly string[];
  /** Series (column keys, also in `series`) drawn as lines over a column chart: a combo chart. */
  readonly lines?: readonly string[];
  /**
   * Drawn to the right of the sheet's figures from the top of this block (its id, as in PlannedBlock)
   * instead of below; charts beside the same block stack one under the other. Takes no rows.
   */
  readonly beside?: string;
  /** Columns a chart beside the figures spans (6 unless set): fewer keeps it on the first page across. */
  readonly besideColumns?: number;
  /** Rows a chart beside the figures spans (16 unless set): fewer keeps it clear of a table below. */
  readonly besideRows?: number;
}

export type ChartKind = "column" | "bar" | "line" | "radar";

export interface SheetSpec {
  readonly key: string;
  /** Sheet name wanted: at most 31 characters, none of [ ] : * ? / \ */
  readonly name: string;
  readonly blocks: readonly Block[];
  /** Freeze the rows above the first table's data, and this many leading columns. */
  readonly freezeColumns?: number;
  /** The print area ends with this block (its id): what follows (a chart's data) is not printed. */
  readonly printThrough?: string;
  /**
   * How the sheet prints (printLayout.ts): landscape or portrait; fitToWidth lets the layout fit it to
   * one page wide where the text stays at least 8 pt, else print it at a legible fixed scale across
   * pages; onePage fits it to a single page, wide and tall (the executive summary).
   */
  readonly print: {
    readonly landscape: boolean;
    readonly fitToWidth: boolean;
    readonly onePage?: boolean;
  };
}

export interface WorkbookSpec {
  readonly templateId: string;
  readonly version: number;
  readonly title: string;
  readonly sheets: readonly SheetSpec[];
}

/** A template: metadata for the gallery and a pure function from options to spec. */
export interface Template {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  readonly purpose: string;
  readonly audience: string;
  /** Templates whose tables or names this one's formulas use (the executive summary's links). */
  readonly needs?: readonly string[];
  build(options: TemplateOptions): WorkbookSpec;
  /**
   * Versions before `version`, oldest first: still built exactly as they were, so a workbook they made
   * is checked and refreshed as it is until it is upgraded (templateVersions.ts).
   */
  readonly earlier?: readonly EarlierVersion[];
  /**
   * A workbook made by a version before this one is upgraded by laying the sheets out anew rather
   * than patching them: the old sheets, which hold nothing the new version reads, are kept under
   * another name with everything on them (the executive summary, whose page changed entirely).
   */
  readonly rebuildsBefore?: number;
}

/** An earlier version of a template and how a workbook it made moves to the next version. */
export interface EarlierVersion {
  readonly version: number;
  build(options: TemplateOptions): WorkbookSpec;
  /** What upgrading to version + 1 does to the values users typed (structure comes from that spec). */
  readonly migration: readonly MigrationStep[];
}
