/**
 * Excel adds a row to a table only when every table below it, in its columns, moves whole: a wider
 * table below refuses the row. So no template puts a table users add rows to above a wider one (issue
 * 14 found the scorecard's history, 29 columns, below its 24-column capability table). A table the
 * template fills itself (a year's months, the KPI statuses) never grows and is exempt.
 */
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { rangeBounds } from "../../src/workbook/addresses";
import { TEMPLATES } from "../../src/workbook/templates";
import { TableBlock } from "../../src/workbook/spec";

/** Every input of every row given by the template (not sample data): the table never grows. */
const fixed = (table: TableBlock) =>
  table.columns
    .filter((c) => c.kind === "input")
    .every((c) => table.rows.every((r) => r.values[c.key] !== undefined && !r.sampleOnly));

describe("tables stacked on a sheet", () => {
  it.each(TEMPLATES.map((t) => [t.id]))("%s never puts a table above a wider one", (id) => {
    const { plan } = planTemplates([id], DEFAULT_OPTIONS, { sheets: [], tablesAndNames: [] });
    const specs = TEMPLATES.flatMap((t) => t.build(DEFAULT_OPTIONS).sheets).flatMap((s) =>
      s.blocks.filter((b): b is TableBlock => b.kind === "table")
    );
    const grows = (name: string) => {
      const spec = specs.find((t) => t.name === name);
      return spec !== undefined && !fixed(spec);
    };
    for (const sheet of plan.sheets) {
      const tables = sheet.tables
        .map((t) => ({ name: t.name, ...rangeBounds(t.address) }))
        .sort((a, b) => a.top - b.top);
      tables.forEach((upper, i) => {
        if (!grows(upper.name)) return;
        for (const lower of tables.slice(i + 1)) {
          const overlaps = lower.left <= upper.right && lower.right >= upper.left;
          const whole = lower.left >= upper.left && lower.right <= upper.right;
          expect([sheet.name, upper.name, lower.name, !overlaps || whole]).toEqual([
            sheet.name,
            upper.name,
            lower.name,
            true,
          ]);
        }
      });
    }
  });
});
