import { CellValue } from "../../domain/cellValue";
import { cellAddress, cellPosition, rangeBounds } from "../../workbook/addresses";
import { PlannedChart, PlannedSheet } from "../../workbook/plan";
import { plannedCell, plannedNumberFormat, shownValue } from "../../workbook/plannedCells";
import { ChartKind } from "../../workbook/spec";
import { cellsOf } from "../ranges";

/**
 * A chart as the file holds it: sheet-qualified absolute references (LibreOffice rejects table and
 * name references in charts) with the values the plan computed, cached beside each reference so
 * previewers that never recalculate (phones, PowerPoint, Quick Look) show the chart.
 */
export interface FileChart {
  readonly title: string;
  readonly kind: ChartKind;
  readonly categories: CachedRange;
  readonly series: readonly FileSeries[];
  /** Top-left cell and the cell just past the bottom-right one the chart covers, zero-based. */
  readonly from: { readonly column: number; readonly row: number };
  readonly to: { readonly column: number; readonly row: number };
}

export interface FileSeries {
  readonly name: string;
  /** The header cell that names the series. */
  readonly nameRef: string;
  readonly values: CachedRange;
  readonly line: boolean;
}

export interface CachedRange {
  readonly ref: string;
  /** One entry per cell of the range; null where the cell is empty or not a number (numbers). */
  readonly points: readonly (string | number | null)[];
  /** Number format of the first cell, for the cache and the axis ("General" without one). */
  readonly formatCode: string;
}

/** 'Team budget'!$B$36:$B$47: quoted always (Excel accepts it for every name), quotes doubled. */
export function sheetRef(sheet: string, address: string): string {
  const { top, left, bottom, right } = rangeBounds(address);
  const range =
    top === bottom && left === right
      ? cellAddress(top, left, true)
      : `${cellAddress(top, left, true)}:${cellAddress(bottom, right, true)}`;
  return `'${sheet.replace(/'/g, "''")}'!${range}`;
}

/** Where a chart's cached values come from: a planned sheet, or a file's cells as they are. */
export interface ChartCells {
  readonly sheet: string;
  value(address: string): CellValue;
  /** The cell's number format, undefined for General. */
  format(address: string): string | undefined;
}

function cached(cells: ChartCells, address: string, numbers: boolean): CachedRange {
  const values: CellValue[] = cellsOf(address).map((cell) => cells.value(cell));
  const points = values.map((value) => {
    if (typeof value === "number") return value;
    if (numbers) return null;
    return typeof value === "string" ? value : value === null ? null : String(value);
  });
  const first = cellsOf(address)[0];
  return {
    ref: sheetRef(cells.sheet, address),
    points,
    formatCode: cells.format(first) ?? "General",
  };
}

/** The plan's chart with its cached values, read from the planned cells of its own sheet. */
export function fileChart(sheet: PlannedSheet, chart: PlannedChart): FileChart {
  return fileChartOver(
    {
      sheet: sheet.name,
      value: (address) => shownValue(plannedCell(sheet, address)),
      format: (address) => plannedNumberFormat(sheet, address),
    },
    chart
  );
}

/** A planned chart over cells, with its cached values from them. */
export function fileChartOver(cells: ChartCells, chart: PlannedChart): FileChart {
  const from = cellPosition(chart.from);
  const to = cellPosition(chart.to);
  return {
    title: chart.title,
    kind: chart.chart,
    categories: cached(cells, chart.categories, false),
    series: chart.series.map((series) => {
      const header = cellsOf(series.withHeader)[0];
      return {
        name: series.name,
        nameRef: sheetRef(cells.sheet, header),
        values: cached(cells, series.values, true),
        line: series.line === true,
      };
    }),
    // Office.js setPosition(from, to) covers the end cell: the anchor ends where the next cell starts.
    from: { column: from.column, row: from.row },
    to: { column: to.column + 1, row: to.row + 1 },
  };
}
