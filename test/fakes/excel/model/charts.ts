/** Charts: creation from source data, series, position. Rendering is out of scope. */
import { Rect, qualifiedAddress, rectColumns, rectRows } from "../addresses";
import { excelError, invalidArgument } from "../errors";
import { ChartSeriesBy, ChartType, checkEnum } from "../enums";
import { readGrid } from "./cells";
import { ChartData, CellValue, SeriesData, SheetData } from "./types";
import { WorkbookModel } from "./workbook";

function seriesFromData(source: SheetData, rect: Rect, seriesBy: string): SeriesData[] {
  const grid = readGrid(source, rect, (cell) => cell.value);
  const rows = rectRows(rect);
  const columns = rectColumns(rect);
  // Excel's "Auto": series run along the longer side (one series per column when rows >= columns).
  const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= columns);
  const isText = (value: CellValue) => typeof value === "string";
  const headerRow = grid[0].slice(1).some(isText) || (rows > 1 && grid[0].every(isText));
  const headerColumn = grid.slice(1).some((row) => isText(row[0]));
  const at = (top: number, bottom: number, left: number, right: number) =>
    qualifiedAddress(
      source.name,
      {
        top: rect.top + top,
        bottom: rect.top + bottom,
        left: rect.left + left,
        right: rect.left + right,
      },
      true
    );
  const series: SeriesData[] = [];
  if (byColumns) {
    const first = headerRow ? 1 : 0;
    for (let c = headerColumn ? 1 : 0; c < columns; c += 1) {
      series.push({
        name: headerRow ? String(grid[0][c] ?? "") : `Series${series.length + 1}`,
        values: first < rows ? at(first, rows - 1, c, c) : null,
        xValues: headerColumn && first < rows ? at(first, rows - 1, 0, 0) : null,
      });
    }
  } else {
    const first = headerColumn ? 1 : 0;
    for (let r = headerRow ? 1 : 0; r < rows; r += 1) {
      series.push({
        name: headerColumn ? String(grid[r][0] ?? "") : `Series${series.length + 1}`,
        values: first < columns ? at(r, r, first, columns - 1) : null,
        xValues: headerRow && first < columns ? at(0, 0, first, columns - 1) : null,
      });
    }
  }
  return series;
}

export function addChart(
  model: WorkbookModel,
  sheet: SheetData,
  type: unknown,
  source: { sheet: SheetData; rect: Rect },
  seriesBy: unknown
): ChartData {
  const chartType = checkEnum(type, ChartType, "Chart type");
  if (chartType === "Invalid") throw invalidArgument("Chart type Invalid can't be used.");
  const by = checkEnum(seriesBy ?? "Auto", ChartSeriesBy, "seriesBy");
  model.checkEditable(sheet, null, "add a chart", "allowEditObjects");
  let n = sheet.charts.length + 1;
  while (sheet.charts.some((chart) => chart.name === `Chart ${n}`)) n += 1;
  const chart: ChartData = {
    id: model.newId(),
    name: `Chart ${n}`,
    type: chartType,
    seriesBy: by,
    source: qualifiedAddress(source.sheet.name, source.rect, true),
    title: "",
    titleVisible: false,
    legend: { visible: true, position: "Right" },
    fontSize: 10,
    series: seriesFromData(source.sheet, source.rect, by),
    from: null,
    to: null,
  };
  sheet.charts.push(chart);
  return chart;
}

export function findChart(
  model: WorkbookModel,
  id: string
): { sheet: SheetData; chart: ChartData } | undefined {
  for (const sheet of model.sheets) {
    const chart = sheet.charts.find((c) => c.id === id);
    if (chart) return { sheet, chart };
  }
  return undefined;
}

export function addSeries(chart: ChartData, name: unknown, index: unknown): SeriesData {
  if (name !== undefined && typeof name !== "string")
    throw invalidArgument("A series name must be text.");
  const at = index === undefined ? chart.series.length : (index as number);
  if (!Number.isInteger(at) || at < 0 || at > chart.series.length) {
    throw invalidArgument(`Series index ${String(index)} is outside 0..${chart.series.length}.`);
  }
  const series: SeriesData = {
    name: (name as string) ?? `Series${chart.series.length + 1}`,
    values: null,
    xValues: null,
  };
  chart.series.splice(at, 0, series);
  return series;
}

export function seriesAt(chart: ChartData, index: number): SeriesData {
  const series = chart.series[index];
  if (!series)
    throw excelError("ItemNotFound", `Chart "${chart.name}" has no series at index ${index}.`);
  return series;
}
