import { CellValue } from "../../../domain/cellValue";
import {
  agg,
  compareCells,
  Expr,
  ifNoNumbers,
  isNumber,
  num,
  span,
  str,
  sumProduct,
} from "../../expr/expr";
import { Consolidation } from "../../consolidate/submission";
import { TemplateOptions } from "../../options";
import { ColumnSpec, ConditionalFormat, TableBlock, TableRow } from "../../spec";
import { LENSES } from "../maturity/lenses";
import { departmentHeaders, HEAT_MAP_TABLE, LENSES_TABLE } from "./rollupKeys";
import { fileColumn, textInput, valueOf } from "./rollupValues";

/**
 * Maturity by capability and department (the FinOps Assessment's capability scores, as shares of the
 * top score): a column per department, then the spread of each capability across departments. Each
 * department's own target for the capability sits off the page, right of the spread, so "below
 * target" compares each department with its own ambition rather than one enterprise line.
 */

const scoreKey = (i: number) => `score${i + 1}`;
const targetKey = (i: number) => `target${i + 1}`;

const STATISTICS = ["lowest", "median", "highest", "belowTarget", "scored"] as const;

/** The heat map's colours: red at 0, yellow at half the top score, green at the top, in every column. */
const heat = (column: string): ConditionalFormat => ({
  column,
  when: "colorScale",
  low: 0,
  high: 1,
});

/** The capabilities of every department, in the order the scorecards list them (first seen first). */
function capabilities(consolidation: Consolidation | undefined) {
  const seen = new Map<string, string>();
  for (const s of consolidation?.submissions ?? [])
    for (const c of s.maturity?.capabilities ?? [])
      if (!seen.has(c.capability)) seen.set(c.capability, c.domain);
  return [...seen].map(([capability, domain]) => ({ capability, domain }));
}

function statistics(count: number): ColumnSpec[] {
  const scores = count > 0 ? span(scoreKey(0), scoreKey(count - 1)) : undefined;
  const targets = count > 0 ? span(targetKey(0), targetKey(count - 1)) : undefined;
  const spread = (fn: "MIN" | "MEDIAN" | "MAX"): Expr =>
    scores ? ifNoNumbers(scores, str(""), agg(fn, scores)) : str("");
  const computed = (key: string, header: string, type: ColumnSpec["type"], expr: Expr) =>
    ({ key, header, kind: "computed", type, expr, width: 10 }) as ColumnSpec;
  return [
    computed("lowest", "Lowest", "percent", spread("MIN")),
    computed("median", "Median", "percent", spread("MEDIAN")),
    computed("highest", "Highest", "percent", spread("MAX")),
    // Departments scored on the capability whose score is under their own target for it.
    computed(
      "belowTarget",
      "Below target",
      "integer",
      scores && targets
        ? sumProduct(isNumber(scores), isNumber(targets), compareCells(scores, "<", targets))
        : num(0)
    ),
    computed("scored", "Departments scored", "integer", scores ? agg("COUNT", scores) : num(0)),
  ];
}

export function heatMapTable(
  options: TemplateOptions,
  consolidation: Consolidation | undefined
): TableBlock {
  const departments = options.departments ?? [];
  const fixed = [
    "Capability",
    "Domain",
    "Lowest",
    "Median",
    "Highest",
    "Below target",
    "Departments scored",
  ];
  const headers = departmentHeaders(departments, fixed);
  const targetHeaders = departmentHeaders(
    departments.map((d) => `${d} target`),
    [...fixed, ...headers]
  );
  const percent = (key: string, header: string): ColumnSpec => ({
    key,
    header,
    kind: "input",
    type: "percent",
    min: 0,
    max: 1,
    width: 10,
  });
  const columns: ColumnSpec[] = [
    textInput("capability", "Capability", 28),
    textInput("domain", "Domain", 18),
    ...headers.map((header, i) => percent(scoreKey(i), header)),
    ...statistics(departments.length),
    ...targetHeaders.map((header, i) => percent(targetKey(i), header)),
  ];
  const byDepartment = (consolidation?.submissions ?? []).map(
    (s) => new Map((s.maturity?.capabilities ?? []).map((c) => [c.capability, c]))
  );
  const rows: TableRow[] = capabilities(consolidation).map(({ capability, domain }) => {
    const values: Record<string, CellValue> = { capability, domain };
    departments.forEach((_, i) => {
      const scored = byDepartment[i]?.get(capability);
      values[scoreKey(i)] = valueOf(scored?.score);
      values[targetKey(i)] = valueOf(scored?.target);
    });
    return { values };
  });
  return {
    kind: "table",
    key: HEAT_MAP_TABLE,
    name: "RollupHeatMap",
    caption:
      "Capability scores by department (each department's targets are kept off the page, on the right)",
    columns,
    printedColumns: 2 + departments.length + STATISTICS.length,
    rows,
    conditionalFormats: departments.map((_, i) => heat(scoreKey(i))),
  };
}

/** The five lenses of the FinOps Assessment, a row per department. */
export function lensesTable(consolidation: Consolidation | undefined): TableBlock {
  const rows: TableRow[] = (consolidation?.submissions ?? []).map((s) => {
    const byLens = new Map((s.maturity?.lenses ?? []).map((l) => [l.lens.toLowerCase(), l.score]));
    return {
      values: {
        department: s.department,
        ...Object.fromEntries(
          LENSES.map((l) => [l.key, valueOf(byLens.get(l.name.toLowerCase()))])
        ),
        file: s.file,
      },
    };
  });
  return {
    kind: "table",
    key: LENSES_TABLE,
    name: "RollupLenses",
    caption: "The five lenses by department (share of the top score)",
    columns: [
      textInput("department", "Department", 18),
      ...LENSES.map((l): ColumnSpec => ({
        key: l.key,
        header: l.name,
        kind: "input",
        type: "percent",
        min: 0,
        max: 1,
        width: 11,
      })),
      fileColumn,
    ],
    rows,
    conditionalFormats: LENSES.map((l) => heat(l.key)),
  };
}
