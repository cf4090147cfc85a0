/**
 * Tables ordered for print (issue 14): the columns a reader needs print, the reference columns after
 * them stay on the sheet but off the page; only printed columns decide the print; a printed column may
 * read an unprinted one to its right (the pure evaluators take computed columns in dependency order).
 */
import { computeOrder } from "../../src/workbook/computeOrder";
import { add, col, num } from "../../src/workbook/expr/expr";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { ColumnSpec, WorkbookSpec } from "../../src/workbook/spec";
import { inPrintOrder } from "../../src/workbook/templates/printOrder";
import { TEMPLATES } from "../../src/workbook/templates";
import { planSpecs, shown, tableRows } from "./planLookup";

const input = (key: string, width = 10): ColumnSpec => ({
  key,
  header: key.toUpperCase(),
  kind: "input",
  type: "integer",
  width,
});

function sheetWith(columns: readonly ColumnSpec[], printedColumns?: number): WorkbookSpec {
  return {
    templateId: "test",
    version: 1,
    title: "Test",
    sheets: [
      {
        key: "s",
        name: "Sheet",
        print: { landscape: true, fitToWidth: true },
        blocks: [
          { kind: "title", text: "Title" },
          {
            kind: "table",
            key: "t",
            name: "T",
            columns,
            ...(printedColumns === undefined ? {} : { printedColumns }),
            rows: [{ values: { a: 1, w: 10 } }, { values: { a: 2, w: 20 } }],
          },
        ],
      },
    ],
  };
}

describe("computed columns in dependency order", () => {
  const total: ColumnSpec = {
    key: "total",
    header: "TOTAL",
    kind: "computed",
    type: "integer",
    expr: add(col("a"), col("weighted")),
  };
  const weighted: ColumnSpec = {
    key: "weighted",
    header: "WEIGHTED",
    kind: "computed",
    type: "integer",
    expr: add(col("w"), num(1)),
  };

  it("puts a column after the computed columns it reads, left to right otherwise", () => {
    expect(computeOrder([input("a"), total, input("w"), weighted]).map((c) => c.key)).toEqual([
      "weighted",
      "total",
    ]);
  });

  it("evaluates a printed column that reads an unprinted one to its right (1 + 10 + 1 = 12)", () => {
    const plan = planSpecs(
      [sheetWith([input("a"), total, input("w"), weighted], 2)],
      DEFAULT_OPTIONS
    );
    const rows = tableRows(plan, "t");
    expect(rows.map((r) => shown(r["TOTAL"]))).toEqual([12, 23]);
  });

  it("refuses a cycle when the template is planned", () => {
    const a: ColumnSpec = { ...total, key: "p", header: "P", expr: col("q") };
    const b: ColumnSpec = { ...total, key: "q", header: "Q", expr: col("p") };
    expect(() => computeOrder([a, b])).toThrow(/cycle: p -> q -> p/);
    expect(() => planSpecs([sheetWith([input("a"), input("w"), a, b])], DEFAULT_OPTIONS)).toThrow(
      /cycle/
    );
  });
});

describe("printed columns", () => {
  it("inPrintOrder names every column once, printed ones first", () => {
    const columns = [input("a"), input("b"), input("c")];
    // The last column, with nothing to its right, runs on unwrapped unless the template says otherwise.
    expect(inPrintOrder(columns, ["c", "a"], ["b"])).toEqual({
      columns: [columns[2], columns[0], { ...columns[1], wrap: false }],
      printedColumns: 2,
    });
    const wrapped = { ...columns[1], wrap: true };
    expect(inPrintOrder([columns[0], wrapped], ["a"], ["b"]).columns[1]).toBe(wrapped);
    expect(() => inPrintOrder(columns, ["c", "a"], [])).toThrow(/does not name each/);
    expect(() => inPrintOrder(columns, ["c", "a"], ["b", "b"])).toThrow(/does not name each/);
  });

  it("ends the print area at the last printed column; wide reference columns decide nothing", () => {
    const columns = [input("a"), input("w"), input("ref", 200)];
    const printed = planSpecs([sheetWith(columns, 2)], DEFAULT_OPTIONS).sheets[0];
    // Two narrow printed columns fit one page: fitted to width, the print area stops at column B.
    expect(printed.print.fitToWidth).toBe(true);
    expect(printed.printArea).toMatch(/^A1:B\d+$/);
    const all = planSpecs([sheetWith(columns)], DEFAULT_OPTIONS).sheets[0];
    // Printed, the same column makes a page of its own.
    expect(all.print.fitToWidth).toBe(false);
    expect(all.printArea).toMatch(/^A1:B\d+,C\d+:C\d+$/);
  });

  it("every template's printed columns come first and name a real count", () => {
    for (const template of TEMPLATES)
      for (const sheet of template.build(DEFAULT_OPTIONS).sheets)
        for (const block of sheet.blocks)
          if (block.kind === "table" && block.printedColumns !== undefined) {
            expect(block.printedColumns).toBeGreaterThan(0);
            expect(block.printedColumns).toBeLessThan(block.columns.length);
          }
  });
});
