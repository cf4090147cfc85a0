/**
 * Layout for a one-page sheet (the executive summary, issue 14): a figure's source written beside its
 * value, charts drawn beside the figures rather than below (stacked, taking no rows), and a print
 * area that ends with a chosen block so the charts' data tables below it are not printed.
 */
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { WorkbookSpec } from "../../src/workbook/spec";
import { num } from "../../src/workbook/expr/expr";
import { planSpecs } from "./planLookup";

const spec: WorkbookSpec = {
  templateId: "test",
  version: 1,
  title: "Test",
  sheets: [
    {
      key: "s",
      name: "One page",
      print: { landscape: true, fitToWidth: true, onePage: true },
      printThrough: "figures:b",
      blocks: [
        { kind: "title", text: "Title" },
        {
          kind: "figures",
          heading: "First",
          items: [
            {
              key: "a",
              name: "A_",
              label: "A",
              type: "integer",
              kind: "computed",
              expr: num(1),
              source: "Sheet one",
            },
          ],
        },
        {
          kind: "figures",
          heading: "Second",
          items: [
            { key: "b", name: "B_", label: "B", type: "integer", kind: "computed", expr: num(2) },
          ],
        },
        {
          kind: "table",
          key: "t",
          name: "T",
          columns: [
            { key: "x", header: "X", kind: "input", type: "text" },
            { key: "y", header: "Y", kind: "input", type: "integer" },
          ],
          rows: [{ values: { x: "p", y: 1 } }, { values: { x: "q", y: 2 } }],
        },
        {
          kind: "chart",
          title: "One",
          chart: "column",
          table: "t",
          categories: "x",
          series: ["y"],
          beside: "figures:a",
        },
        {
          kind: "chart",
          title: "Two",
          chart: "bar",
          table: "t",
          categories: "x",
          series: ["y"],
          beside: "figures:a",
        },
      ],
    },
  ],
};

describe("charts beside figures and a print area above the charts' data", () => {
  const sheet = planSpecs([spec], DEFAULT_OPTIONS).sheets[0];

  it("writes a figure's source beside its value, in the source style", () => {
    // Row 0 title, 1 blank, 2 heading, 3 the figure: A3 label, B3 value, C3 source.
    const range = sheet.ranges.find((r) => r.address === "A4")!;
    expect(range.rows[0].map((c) => c.value ?? c.formula)).toEqual(["A", "=1", "Sheet one"]);
    expect(sheet.formats).toContainEqual({ address: "C4", style: "source" });
  });

  it("stacks the charts beside the figures from the top of the named block, one column apart", () => {
    // The figures use A:C (a source column), so the charts start at E, from the block's heading row.
    expect(sheet.charts.map((c) => [c.title, c.from, c.to])).toEqual([
      ["One", "E3", "J18"],
      ["Two", "E20", "J35"],
    ]);
    // Beside charts take no rows: the table follows the second figures block directly.
    expect(sheet.tables[0].address).toBe("A9:B11");
  });

  it("prints from A1 to the end of the named block, with the charts beside it", () => {
    expect(sheet.printArea).toBe("A1:J35");
    expect(sheet.print).toMatchObject({ fitToWidth: true, pagesWide: 1, pagesTall: 1 });
  });
});
