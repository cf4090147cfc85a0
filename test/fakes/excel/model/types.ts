/** The fake's document: plain data the proxies change at sync time and tests inspect. */
import { Rect } from "../addresses";

export type CellValue = string | number | boolean | null;

export interface CellFormat {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: string;
  readonly size: number;
  readonly color: string;
  readonly fontName: string;
  /** null = no fill (Excel reads it back as "#FFFFFF"). */
  readonly fill: string | null;
  readonly wrapText: boolean;
  readonly horizontalAlignment: string;
  readonly verticalAlignment: string;
  readonly locked: boolean;
  readonly formulaHidden: boolean;
}

export const DEFAULT_FORMAT: CellFormat = Object.freeze({
  bold: false,
  italic: false,
  underline: "None",
  size: 11,
  color: "#000000",
  fontName: "Calibri",
  fill: null,
  wrapText: false,
  horizontalAlignment: "General",
  verticalAlignment: "Bottom",
  locked: true,
  formulaHidden: false,
});

/** Rule as Office.js returns it: exactly one criterion key, e.g. `{ list: {...} }`. */
export type ValidationRule = Record<string, Record<string, unknown>>;

export interface ValidationPrompt {
  message: string;
  title: string;
  showPrompt: boolean;
}

export interface ValidationData {
  rule: ValidationRule | null;
  prompt: ValidationPrompt | null;
  errorAlert: Record<string, unknown> | null;
  ignoreBlanks: boolean;
}

export interface CellData {
  /** The constant, or for a formula cell the cached result a test provided (else null). */
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  format: CellFormat;
  validation: ValidationData | null;
}

export interface ConditionalFormatData {
  id: string;
  type: string;
  rect: Rect;
  rule: { formula1: string; formula2?: string; operator: string } | null;
  /** A ColorScale format's criteria (minimum, midpoint, maximum), once set. */
  criteria?: ColorScaleCriteria;
  format: {
    fill: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
  };
  stopIfTrue: boolean;
}

export interface ColorScaleCriterion {
  formula: string;
  type: string;
  color: string;
}

export interface ColorScaleCriteria {
  minimum: ColorScaleCriterion;
  midpoint?: ColorScaleCriterion;
  maximum: ColorScaleCriterion;
}

export interface SeriesData {
  name: string;
  values: string | null;
  xValues: string | null;
  /** The series' own chart type in a combo chart; undefined: the chart's type. */
  type?: string;
}

export interface ChartData {
  id: string;
  name: string;
  type: string;
  seriesBy: string;
  source: string;
  title: string;
  titleVisible: boolean;
  legend: { visible: boolean; position: string };
  /** The chart's default text size in points (Excel's default is 10). */
  fontSize: number;
  series: SeriesData[];
  from: string | null;
  to: string | null;
}

export const MARGINS = [
  "leftMargin",
  "rightMargin",
  "topMargin",
  "bottomMargin",
  "headerMargin",
  "footerMargin",
] as const;
export type Margin = (typeof MARGINS)[number];

export interface PageLayoutData {
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printTitleRows: string | null;
  printTitleColumns: string | null;
  printArea: string | null;
  printGridlines: boolean;
  centerHorizontally: boolean;
  /** PageLayout.leftMargin ... footerMargin (ExcelApi 1.9), in points. */
  margins: Record<Margin, number>;
  /** Worksheet.verticalPageBreaks: the top-left cell of each, e.g. "C1" (a page starts at column C). */
  verticalPageBreaks: string[];
}

export interface ProtectionData {
  protected: boolean;
  options: Record<string, unknown>;
  password: string | undefined;
}

export interface SheetData {
  readonly id: string;
  name: string;
  visibility: string;
  tabColor: string;
  showGridlines: boolean;
  /** Key: row * MAX_COLUMNS + column. Only cells that differ from an empty default cell. */
  cells: Map<number, CellData>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  /** Merged areas (Range.merge), as A1 ranges. */
  merges: string[];
  freeze: { rows: number; columns: number };
  pageLayout: PageLayoutData;
  protection: ProtectionData;
  conditionalFormats: ConditionalFormatData[];
  charts: ChartData[];
}

export interface TableData {
  readonly id: string;
  name: string;
  sheetId: string;
  /** Header row. */
  top: number;
  left: number;
  right: number;
  /** Last data row (the totals row, when shown, is bottom + 1). */
  bottom: number;
  headers: string[];
  style: string;
  showTotals: boolean;
  showHeaders: boolean;
  showBandedRows: boolean;
  showBandedColumns: boolean;
  showFilterButton: boolean;
  highlightFirstColumn: boolean;
  highlightLastColumn: boolean;
}

/** A workbook setting (workbook.settings): the value as JSON would carry it. */
export interface SettingData {
  readonly key: string;
  value: unknown;
}

export interface NameData {
  name: string;
  comment: string;
  visible: boolean;
  /** Set when the name refers to a range: follows sheet renames, becomes #REF! on deletion. */
  target: { sheetId: string; rect: Rect } | null;
  /** Formula text for names that are not (or no longer) a live range reference. */
  formula: string;
}
