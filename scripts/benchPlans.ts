/*
 * The bench's workbooks as plans: the practice set with sample data, and a large organisation (500
 * staff rows, 100 KPIs, 36 monthly periods), both with portable formulas.
 */
import { planWorkbook } from "../src/workbook/layout";
import { chooseNames } from "../src/workbook/names";
import { DEFAULT_OPTIONS, TemplateOptions } from "../src/workbook/options";
import { RenderPlan } from "../src/workbook/plan";
import { TableBlock, TableRow, WorkbookSpec } from "../src/workbook/spec";
import { TEMPLATES } from "../src/workbook/templates";
import { KPI_TABLE } from "../src/workbook/templates/kpiTracker";
import { STAFF_TABLE } from "../src/workbook/templates/staffingPlan";

export type Scenario = "sample" | "large";

/** The table's rows repeated up to `count` (a larger organisation with the same kind of content). */
function grow(rows: readonly TableRow[], count: number): TableRow[] {
  return Array.from({ length: count }, (_, i) => rows[i % rows.length]);
}

export function benchPlan(scenario: Scenario): RenderPlan {
  const options: TemplateOptions = {
    ...DEFAULT_OPTIONS,
    formulaMode: "portable",
    periods: scenario === "large" ? 36 : DEFAULT_OPTIONS.periods,
  };
  const sizes: Record<string, number> =
    scenario === "large" ? { [STAFF_TABLE]: 500, [KPI_TABLE]: 100 } : {};
  const scaled = (spec: WorkbookSpec): WorkbookSpec => ({
    ...spec,
    sheets: spec.sheets.map((sheet) => ({
      ...sheet,
      blocks: sheet.blocks.map((block) =>
        block.kind === "table" && sizes[block.key]
          ? ({ ...block, rows: grow(block.rows, sizes[block.key]) } as TableBlock)
          : block
      ),
    })),
  });
  const specs = TEMPLATES.map((t) => scaled(t.build(options)));
  return planWorkbook(specs, options, chooseNames(specs, { sheets: [], tablesAndNames: [] }));
}
