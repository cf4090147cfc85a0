/**
 * The print rule (src/workbook/printLayout.ts) and wrapped rows (src/workbook/rowHeights.ts), each
 * against figures worked by hand from the column arithmetic: a column w characters wide is
 * 0.75 x (7w + 5) points; a landscape page holds (11 - 0.5) x 72 = 756 points, 95% of it at 75% scale
 * is 957.6 points at 100%.
 */
import {
  columnPoints,
  decidePrint,
  MIN_PRINT_SCALE,
  stripAreas,
  widenWrapped,
} from "../../src/workbook/printLayout";
import { LINE_POINTS, wrappedLines, wrappedRowHeights } from "../../src/workbook/rowHeights";
import { withColumnBreaks } from "../../src/xlsx/pageBreaks";
import { columnLetter } from "../../src/workbook/addresses";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";

const LANDSCAPE = { landscape: true, fitToWidth: true };

describe("the print rule", () => {
  it("fits a sheet to one page wide while that keeps 75% or more", () => {
    // 10 columns of 18: 10 x 0.75 x 131 = 982.5 pt; 756 x 0.95 / 982.5 = 73.1% < 75%: too wide.
    expect(decidePrint(LANDSCAPE, Array(10).fill(18)).pagesWide).toBe(2);
    // 10 columns of 17: 10 x 0.75 x 124 = 930 pt; 718.2 / 930 = 77.2%: one page, fitted.
    expect(decidePrint(LANDSCAPE, Array(10).fill(17))).toMatchObject({
      fit: { wide: 1, tall: 0 },
      pagesWide: 1,
      columnBreaks: [],
    });
    expect(columnPoints(17)).toBe(93);
  });

  it("prints a wider sheet at the minimum scale, a group of columns whole on a page", () => {
    // Column A 30 (repeated on each page, 161.25 pt), then 4 summary columns of 13 (72 pt each) and
    // two groups of 12 months of 10 (56.25 pt each, 675 pt a group).
    const widths = [30, 13, 13, 13, 13, ...Array(24).fill(10)];
    const decision = decidePrint(LANDSCAPE, widths, 1, [5, 17]);
    // Page 1: A + summary (449.25) + months would overflow 957.6 with a whole group: the group moves.
    expect(decision).toMatchObject({
      scale: MIN_PRINT_SCALE,
      columnBreaks: [5, 17],
      pagesWide: 3,
      titleColumns: 1,
    });
    // A one-page sheet is fitted whatever it holds.
    expect(decidePrint({ ...LANDSCAPE, onePage: true }, widths)).toMatchObject({
      fit: { wide: 1, tall: 1 },
    });
  });

  it("prints the pages after the first with only the rows that hold something in their columns", () => {
    const rows = (c: number) => (c < 3 ? { top: 0, bottom: 40 } : { top: 20, bottom: 30 });
    expect(stripAreas([3, 6], 8, 60, rows)).toEqual([
      { top: 0, left: 0, bottom: 60, right: 2 },
      { top: 20, left: 3, bottom: 30, right: 5 },
      { top: 20, left: 6, bottom: 30, right: 8 },
    ]);
    // An empty page across is not printed.
    expect(stripAreas([3], 5, 10, (c) => (c < 3 ? { top: 0, bottom: 10 } : undefined))).toEqual([
      { top: 0, left: 0, bottom: 10, right: 2 },
    ]);
  });

  it("gives a page's spare width to its wrapped text columns, never a page more", () => {
    const widths = [8, 36, 12, 12];
    const wider = widenWrapped(widths, new Map([[1, 90]]), LANDSCAPE);
    // One page holds 957.6 pt at 75%: (957.6 / 0.75 - 3.75 x 4) / 5.25 = 240.3 characters in all.
    expect(wider[1]).toBe(90);
    // [45, 36, 45, 45]: 171 characters, 912.75 pt; 8 more fit (954.75 pt), a ninth would not.
    const crowded = widenWrapped([45, 36, 45, 45], new Map([[1, 90]]), LANDSCAPE);
    expect(crowded[1]).toBe(44);
    expect(decidePrint(LANDSCAPE, crowded).pagesWide).toBe(1);
    expect(decidePrint(LANDSCAPE, [45, 45, 45, 45]).pagesWide).toBe(2);
  });
});

describe("rows of wrapped text", () => {
  it("counts the lines a text takes at word breaks", () => {
    // A column of 10 holds 10 characters a line (10 x 1.05, rounded down).
    expect(wrappedLines("short", 10)).toBe(1);
    expect(wrappedLines("one two three four", 10)).toBe(2); // "one two" / "three four"
    expect(wrappedLines("abcdefghijklmnopqrstuvwxy", 10)).toBe(3); // a long word breaks itself
  });

  it("gives a row the height of its tallest wrapped cell, and leaves one-line rows alone", () => {
    const ranges = [
      { address: "A1", rows: [[{ value: "a label that needs two lines" }, { value: 5 }]] },
      { address: "A2", rows: [[{ value: "short" }, { value: 6 }]] },
    ];
    const formats = [{ address: "A1:A2", style: "wrap" as const }];
    expect(wrappedRowHeights(ranges, formats, [20, 10])).toEqual([
      { row: 0, points: 2 * LINE_POINTS },
    ]);
  });
});

describe("column page breaks in the sheet part", () => {
  it("puts colBreaks where the schema wants it, before the drawing", () => {
    const sheet = '<worksheet><sheetData/><pageSetup/><drawing r:id="rId1"/></worksheet>';
    expect(withColumnBreaks(sheet, [12, 5])).toBe(
      '<worksheet><sheetData/><pageSetup/><colBreaks count="2" manualBreakCount="2">' +
        '<brk id="5" max="1048575" man="1"/><brk id="12" max="1048575" man="1"/></colBreaks>' +
        '<drawing r:id="rId1"/></worksheet>'
    );
  });
});

describe("notes lines longer than column A", () => {
  it("are merged across the first printed page and wrap there, the row as tall as its lines", () => {
    const { plan } = planTemplates(["staffing-plan"], DEFAULT_OPTIONS, {
      sheets: [],
      tablesAndNames: [],
    });
    const sheet = plan.sheets[0];
    const pageEnd = (sheet.print.columnBreaks[0] ?? sheet.columnWidths.length) - 1;
    const notes = sheet.ranges.find((r) => r.address === "A4")!.rows.slice(1);
    const long = notes
      .map((row, i) => ({ row: 4 + i, text: String(row[0].value) }))
      .filter(({ text }) => wrappedLines(text, sheet.columnWidths[0]) > 1);
    expect(long.length).toBeGreaterThan(0);
    expect(sheet.merges).toEqual(
      long.map(({ row }) => `A${row + 1}:${columnLetter(pageEnd)}${row + 1}`)
    );
    const width = sheet.columnWidths.slice(0, pageEnd + 1).reduce((a, b) => a + b, 0);
    for (const { row, text } of long) {
      expect(sheet.formats).toContainEqual({ address: `A${row + 1}`, style: "wrap" });
      const lines = wrappedLines(text, width);
      const height = sheet.rowHeights?.find((h) => h.row === row)?.points ?? LINE_POINTS;
      expect(height).toBe(lines * LINE_POINTS);
    }
  });
});
