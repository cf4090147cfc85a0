import { cellAddress, cellPosition, rangeAddress, rangeBounds } from "../addresses";
import { PlannedChart, PlannedSheet } from "../plan";
import { plannedCell } from "../plannedCells";
import { BoundTable } from "./boundTable";
import { Survey, SurveyedTemplate } from "./survey";

/**
 * Template tables and charts missing from a sheet that is still there, written back by refresh: a
 * table a newer version of the template adds (upgrade), or one the template fills itself (its rows
 * are the template's, such as months or lenses) that a user deleted, with its caption and its
 * charts; a block of named cells a newer version adds (none of its names exists yet); and a template
 * chart deleted from over a table that is still there. A table users fill in is not recreated: its
 * content went with it. Additions go below everything the sheet uses now (tables above them may have
 * grown), so they never overwrite a cell, and keep the layout of a fresh generation otherwise.
 */

/** A table with its caption and charts, as part of a planned sheet, moved to where it is written. */
export interface BlockAddition {
  readonly templateId: string;
  readonly sheet: string;
  /** Only the block's cells, formats, rules, table and charts; no widths, panes or print setup. */
  readonly planned: PlannedSheet;
  /** Every cell the block writes (undo clears it). */
  readonly area: string;
  /** Named cells a version adds to a block the sheet has: written under a copy of its heading. */
  readonly partial?: boolean;
}

/** A template chart drawn again over its table as the table is now. */
export interface ChartAddition {
  readonly templateId: string;
  readonly sheet: string;
  readonly chart: PlannedChart;
}

const shiftCell = (cell: string, rows: number) =>
  cell.replace(/(\$?)(\d+)$/, (_, dollar: string, row: string) => `${dollar}${Number(row) + rows}`);

/** An A1 cell or range ("B5", "$B$5", "A1:C9") moved down by `rows`. */
export function shiftAddress(address: string, rows: number): string {
  return address
    .split(":")
    .map((cell) => shiftCell(cell, rows))
    .join(":");
}

const rowsOf = (address: string) => {
  const { top, bottom } = rangeBounds(address.replace(/\$/g, ""));
  return { top, bottom };
};

function shiftChart(chart: PlannedChart, rows: number): PlannedChart {
  return {
    ...chart,
    categories: shiftAddress(chart.categories, rows),
    series: chart.series.map((s) => ({
      ...s,
      values: shiftAddress(s.values, rows),
      withHeader: shiftAddress(s.withHeader, rows),
    })),
    from: shiftAddress(chart.from, rows),
    to: shiftAddress(chart.to, rows),
  };
}

/** The rows top..bottom of a planned sheet (and the charts of `table`), moved down by `offset` rows. */
function slice(
  sheet: PlannedSheet,
  table: string,
  top: number,
  bottom: number,
  offset: number
): PlannedSheet {
  const inside = (address: string) => {
    const span = rowsOf(address);
    return span.top >= top && span.bottom <= bottom;
  };
  const move = <T extends { address: string }>(item: T): T => ({
    ...item,
    address: shiftAddress(item.address, offset),
  });
  const ranges = sheet.ranges.flatMap((range) => {
    const origin = cellPosition(range.address);
    const from = Math.max(top, origin.row);
    const to = Math.min(bottom, origin.row + range.rows.length - 1);
    if (from > to) return [];
    return [
      {
        address: cellAddress(from + offset, origin.column),
        rows: range.rows.slice(from - origin.row, to - origin.row + 1),
      },
    ];
  });
  const lastColumn = Math.max(
    0,
    ...ranges.map((r) => cellPosition(r.address).column + r.rows[0].length - 1)
  );
  return {
    ...sheet,
    ranges,
    formats: sheet.formats.filter((f) => inside(f.address)).map(move),
    tables: sheet.tables.filter((t) => inside(t.address)).map(move),
    names: sheet.names.filter((n) => inside(n.address)).map(move),
    validations: sheet.validations.filter((v) => inside(v.address)).map(move),
    conditionalFormats: sheet.conditionalFormats.filter((c) => inside(c.address)).map(move),
    charts: sheet.charts.filter((c) => c.table === table).map((c) => shiftChart(c, offset)),
    columnWidths: [],
    rowHeights: [],
    merges: [],
    freeze: undefined,
    usedRange: rangeAddress(top + offset, 0, bottom + offset, lastColumn),
  };
}

/** Rows of a planned sheet (not necessarily adjacent) written one under the other from row `at`. */
function stack(sheet: PlannedSheet, rows: readonly number[], at: number): PlannedSheet {
  const parts = rows.map((row, i) => slice(sheet, "", row, row, at + i - row));
  const lastColumn = Math.max(...parts.map((p) => rangeBounds(p.usedRange).right));
  return {
    ...parts[0],
    ranges: parts.flatMap((p) => p.ranges),
    formats: parts.flatMap((p) => p.formats),
    tables: [],
    names: parts.flatMap((p) => p.names),
    validations: parts.flatMap((p) => p.validations),
    conditionalFormats: parts.flatMap((p) => p.conditionalFormats),
    charts: [],
    usedRange: rangeAddress(at, 0, at + rows.length - 1, lastColumn),
  };
}

/** The first row below everything the sheet uses now, with one blank row between. */
function firstFreeRow(survey: Survey, sheet: string): number {
  const used = survey.readBack.sheets.find(
    (s) => s.name.toLowerCase() === sheet.toLowerCase()
  )?.used;
  if (!used) return 0;
  const { bottom } = rangeBounds(used.address);
  const blank = used.formulas.every((row) => row.every((cell) => cell === "" || cell === null));
  return blank ? 0 : bottom + 2;
}

/**
 * The named cells of each figures block of a planned sheet that refresh writes back below the sheet:
 * those whose name is missing and whose planned row does not hold their label now (a newer version
 * laid the block out elsewhere, so the planned cell may sit beside something else). With the block's
 * heading. A missing name whose label is where the plan puts it is repaired in place instead.
 */
function missingFigureBlocks(
  survey: Survey,
  t: SurveyedTemplate,
  planned: PlannedSheet
): { rows: number[]; names: string[]; partial: boolean }[] {
  const spec = t.expected.spec.sheets[t.expected.sheets.indexOf(planned)];
  const exists = new Set(survey.readBack.names.map((n) => n.name.toLowerCase()));
  const shows = (address: string, label: string) =>
    String(survey.cellAt(planned.name, address).value).trim() === label.trim();
  return (spec?.blocks ?? []).flatMap((block) => {
    if (block.kind !== "figures") return [];
    const named = block.items.flatMap((item) => {
      const name = planned.names.find((n) => n.key === item.key);
      return name ? [{ name, label: item.label }] : [];
    });
    if (named.length === 0) return [];
    const missing = named.filter(
      ({ name, label }) =>
        !exists.has(name.name.toLowerCase()) &&
        !shows(cellAddress(rowsOf(name.address).top, 0), label)
    );
    if (missing.length === 0) return [];
    // The block's heading is the row above its first named cell.
    const heading = Math.min(...named.map(({ name }) => rowsOf(name.address).top)) - 1;
    return [
      {
        rows: [heading, ...missing.map(({ name }) => rowsOf(name.address).top)],
        names: missing.map(({ name }) => name.name),
        partial: missing.length < named.length,
      },
    ];
  });
}

/** Named cells of a template that refresh writes back as part of a block (not one by one). */
export function figuresAddedBack(survey: Survey, t: SurveyedTemplate): ReadonlySet<string> {
  return new Set(
    t.expected.sheets
      .filter((s) => t.presentSheets.includes(s.name))
      .flatMap((s) => missingFigureBlocks(survey, t, s).flatMap((b) => b.names))
  );
}

/** The block of a template table: its caption row, the table with its totals row, its charts. */
function blockRows(planned: PlannedSheet, table: string): { top: number; bottom: number } | null {
  const found = planned.tables.find((t) => t.name === table);
  if (!found) return null;
  const { top: header, bottom: lastData } = rangeBounds(found.address);
  const caption = header > 0 && plannedCell(planned, cellAddress(header - 1, 0))?.value;
  const charts = planned.charts.filter((c) => c.table === table).map((c) => rowsOf(c.to).bottom);
  return {
    top: caption ? header - 1 : header,
    bottom: Math.max(lastData + (found.totals ? 1 : 0), ...charts),
  };
}

/**
 * The missing tables and charts of one template that refresh writes back, with preview lines. Only
 * on sheets that are still there (a deleted sheet is recreated whole).
 */
export function planAdditions(
  survey: Survey,
  t: SurveyedTemplate
): { blocks: BlockAddition[]; charts: ChartAddition[]; preview: string[] } {
  const templateId = t.expected.record.templateId;
  const blocks: BlockAddition[] = [];
  const charts: ChartAddition[] = [];
  const preview: string[] = [];
  const nextRow = new Map<string, number>();
  // In the order the plan lays them out, so a version's additions keep their order on the sheet.
  const pending: {
    sheet: string;
    table?: string;
    top: number;
    bottom: number;
    /** A figures block's rows (heading first), written one under the other. */
    rows?: number[];
    names?: string[];
    partial?: boolean;
  }[] = [];
  for (const { template, bound } of t.tables) {
    if (bound || !t.presentSheets.includes(template.sheet) || !template.fixedRows) continue;
    const planned = t.expected.sheets.find((s) => s.name === template.sheet);
    const rows = planned && blockRows(planned, template.name);
    if (planned && rows) pending.push({ sheet: planned.name, table: template.name, ...rows });
  }
  for (const planned of t.expected.sheets.filter((s) => t.presentSheets.includes(s.name)))
    for (const block of missingFigureBlocks(survey, t, planned))
      pending.push({
        sheet: planned.name,
        top: block.rows[0],
        bottom: block.rows[block.rows.length - 1],
        ...block,
      });
  pending.sort((a, b) => a.top - b.top);
  for (const item of pending) {
    const planned = t.expected.sheets.find((s) => s.name === item.sheet)!;
    const free = nextRow.get(item.sheet) ?? firstFreeRow(survey, item.sheet);
    const offset = Math.max(0, free - item.top);
    const block = item.rows
      ? stack(planned, item.rows, Math.max(free, item.top))
      : slice(planned, item.table ?? "", item.top, item.bottom, offset);
    nextRow.set(item.sheet, rowsOf(block.usedRange).bottom + 2);
    blocks.push({
      templateId,
      sheet: item.sheet,
      planned: block,
      area: block.usedRange,
      ...(item.partial ? { partial: true } : {}),
    });
    if (item.table) {
      const at = rangeBounds(block.tables[0].address);
      preview.push(
        `Add the table ${item.table} to "${item.sheet}" at ${cellAddress(at.top, at.left)}${block.charts.length > 0 ? `, with the chart${block.charts.length === 1 ? "" : "s"} ${block.charts.map((c) => `"${c.title}"`).join(", ")}` : ""}.`
      );
    } else {
      const at = rangeBounds(block.usedRange);
      preview.push(
        `Add ${item.names!.join(", ")} to "${item.sheet}" at ${cellAddress(at.top, at.left)}.`
      );
    }
  }
  const read = (sheet: string) =>
    survey.readBack.sheets.find((s) => s.name.toLowerCase() === sheet.toLowerCase());
  for (const planned of t.expected.sheets) {
    const titles = read(planned.name)?.charts;
    const names = read(planned.name)?.chartNames ?? [];
    if (!titles || !t.presentSheets.includes(planned.name)) continue;
    for (const chart of planned.charts) {
      // Drawn (by title), or a chart of the user's already holds its name: left alone.
      if (titles.includes(chart.title) || names.includes(chart.title)) continue;
      const bound = t.tables.find((x) => x.template.name === chart.table)?.bound;
      if (!bound) continue; // drawn with its table, or not at all
      charts.push({ templateId, sheet: planned.name, chart: overTable(chart, planned, bound) });
      preview.push(`Draw the chart "${chart.title}" on "${planned.name}" again.`);
    }
  }
  return { blocks, charts, preview };
}

/** A planned chart pointed at its table's columns as they are now, and moved with the table. */
function overTable(chart: PlannedChart, planned: PlannedSheet, bound: BoundTable): PlannedChart {
  const table = planned.tables.find((t) => t.name === chart.table)!;
  const headerOf = (address: string) =>
    table.headers[rangeBounds(address).left - rangeBounds(table.address).left];
  const column = (header: string) =>
    bound.read.headers.findIndex((h) => h.toLowerCase() === header.toLowerCase());
  const now = rangeBounds(bound.read.address);
  const data = (header: string) => bound.columnAddress(column(header));
  const withHeader = (header: string) =>
    rangeAddress(now.top, now.left + column(header), now.bottom, now.left + column(header));
  const moved = now.bottom - rangeBounds(table.address).bottom;
  return {
    ...chart,
    categories: data(headerOf(chart.categories)),
    series: chart.series.map((s) => ({
      ...s,
      values: data(s.name),
      withHeader: withHeader(s.name),
    })),
    from: shiftAddress(chart.from, moved),
    to: shiftAddress(chart.to, moved),
  };
}
