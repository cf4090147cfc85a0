import { BoundTable } from "./boundTable";
import { Finding } from "./findings";
import { periodColumns } from "./periods";

/**
 * Periods left blank in a row's reporting rhythm: between its first and last value, at the row's
 * step (the shortest distance between two values: 1 for monthly, 3 for a quarterly KPI). Blanks before
 * the first value are a measure that started later, not a gap.
 */
export function checkPeriodGaps(templateId: string, bound: BoundTable): Finding[] {
  const series = periodColumns(templateId, bound.template.key, bound.template.columns).flatMap(
    (column) => {
      const at = bound.present.find((p) => p.column === column);
      return at ? [at] : [];
    }
  );
  const findings: Finding[] = [];
  for (let row = 0; row < bound.rows; row += 1) {
    const filled = series.map(({ index }) => bound.cell(row, index).formula !== "");
    const at = filled.flatMap((f, i) => (f ? [i] : []));
    const step = Math.min(...at.slice(1).map((i, k) => i - at[k]));
    series.forEach(({ column, index }, i) => {
      if (filled[i] || at.length < 2 || i < at[0] || i > at[at.length - 1]) return;
      if ((i - at[0]) % step !== 0) return;
      findings.push({
        severity: "warning",
        kind: "periodGap",
        templateId,
        sheet: bound.read.sheet,
        address: bound.address(row, index),
        what: `No value for ${column.header}, though later periods have one.`,
        fix: "Enter the period's figure (0 if there was none) so totals and latest values are right.",
        repairable: false,
      });
    });
  }
  return findings;
}
