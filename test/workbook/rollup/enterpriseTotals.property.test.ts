import fc from "fast-check";
import { planRollup } from "../../../src/workbook/consolidate/planRollup";
import { Consolidation } from "../../../src/workbook/consolidate/submission";
import { rollupOptions } from "../../../src/workbook/templates/enterpriseRollup";
import { figureValue, tableColumn } from "../planLookup";
import { Spec, submission } from "./threeDepartments";

/**
 * For random departments (currencies with and without a rate, scores and amounts missing here and
 * there), the roll-up's enterprise figures equal an independent computation written here: totals as
 * sums over the departments with a rate, the spread with this file's own median, the spend-weighted
 * score as a weighted mean. FINOPS_PROPERTY_RUNS raises the runs.
 */
const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 100);
const CAPABILITIES = ["Allocation", "Forecasting", "Budgeting", "Anomalies", "Rate optimisation"];
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 4 });
const share = fc.integer({ min: 0, max: 100 }).map((n) => n / 100);
const amount = fc.integer({ min: 0, max: 5_000_000 });

const department = fc.record({
  currency: fc.constantFrom("USD", "USD", "EUR", "GBP"),
  practice: maybe(share),
  target: maybe(share),
  capabilities: fc
    .subarray(CAPABILITIES)
    .chain((names) =>
      fc.tuple(...names.map((name) => fc.tuple(fc.constant(name), maybe(share), share)))
    ),
  budget: fc.tuple(maybe(amount), maybe(amount), maybe(amount)),
  cost: maybe(amount),
  cloudSpend: maybe(amount),
  savings: fc.tuple(maybe(amount), maybe(amount)),
});

const rates = fc.record(
  {
    EUR: fc.integer({ min: 50, max: 200 }).map((n) => n / 100),
    GBP: fc.integer({ min: 50, max: 200 }).map((n) => n / 100),
  },
  { requiredKeys: [] }
);

type Drawn = typeof department extends fc.Arbitrary<infer T> ? T : never;

function consolidationOf(drawn: readonly Drawn[], known: Record<string, number>): Consolidation {
  const submissions = drawn.map((d, i) => {
    const spec: Spec = {
      department: `Department ${i + 1}`,
      file: `department-${i + 1}.xlsx`,
      currency: d.currency,
      practice: d.practice,
      target: d.target,
      level: "Walk",
      capabilities: d.capabilities.map(([name, score, target]) => [name, "Domain", score, target]),
      lenses: [0.5, 0.5, 0.5, 0.5, 0.5],
      kpis: [],
      stages: [],
      escalations: 0,
      budget: d.budget,
      categories: [],
      models: [["Central", 1, d.cost]],
      cloudSpend: d.cloudSpend,
      savings: d.savings,
    };
    return submission(spec);
  });
  return { submissions, history: [], date: "2026-07-01", rates: known };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length / 2;
  return Number.isInteger(half) ? (sorted[half - 1] + sorted[half]) / 2 : sorted[Math.floor(half)];
}

const close = (actual: unknown, expected: number | "") => {
  if (expected === "") return expect(actual).toBe("");
  expect(typeof actual).toBe("number");
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected))
  );
};

describe("enterprise figures equal an independent computation, for random departments", () => {
  it("totals, spread and the spend-weighted score", () => {
    fc.assert(
      fc.property(fc.array(department, { minLength: 1, maxLength: 6 }), rates, (drawn, known) => {
        const consolidation = consolidationOf(drawn, known);
        const options = rollupOptions(consolidation.submissions, {
          date: consolidation.date,
          currency: "USD",
        });
        const plan = planRollup(consolidation, options, { sheets: [], tablesAndNames: [] });
        const value = (key: string) => figureValue(plan, key);

        const rateOf = (d: Drawn) => (d.currency === "USD" ? 1 : known[d.currency as "EUR"]);
        const withRate = drawn.filter((d) => rateOf(d) !== undefined);
        const total = (pick: (d: Drawn) => number | null) =>
          withRate.reduce((sum, d) => sum + (pick(d) ?? 0) * rateOf(d)!, 0);
        close(
          value("rollupBudget"),
          total((d) => d.budget[0])
        );
        close(
          value("rollupBudgetYtd"),
          total((d) => d.budget[1])
        );
        close(
          value("rollupActualYtd"),
          total((d) => d.budget[2])
        );
        close(
          value("rollupOverUnder"),
          total((d) =>
            d.budget[1] === null || d.budget[2] === null ? null : d.budget[2] - d.budget[1]
          )
        );
        close(
          value("rollupTeamCost"),
          total((d) => d.cost)
        );
        close(
          value("rollupSavings"),
          total((d) => d.savings[0])
        );
        close(
          value("rollupAvoidance"),
          total((d) => d.savings[1])
        );
        expect(value("rollupWithoutRate")).toBe(drawn.length - withRate.length);

        const scores = drawn.flatMap((d) => (d.practice === null ? [] : [d.practice]));
        expect(value("rollupScored")).toBe(scores.length);
        close(value("rollupLowest"), scores.length ? Math.min(...scores) : "");
        close(value("rollupMedian"), scores.length ? median(scores) : "");
        close(value("rollupHighest"), scores.length ? Math.max(...scores) : "");
        expect(value("rollupBelowTarget")).toBe(
          drawn.filter((d) => d.practice !== null && d.target !== null && d.practice < d.target)
            .length
        );

        const weighed = withRate.filter((d) => d.practice !== null && d.cloudSpend !== null);
        const weight = (d: Drawn) => d.cloudSpend! * rateOf(d)!;
        const weights = weighed.reduce((sum, d) => sum + weight(d), 0);
        expect(value("rollupWeighted")).toBe(weighed.length);
        close(
          value("rollupWeightedScore"),
          weights > 0 ? weighed.reduce((sum, d) => sum + d.practice! * weight(d), 0) / weights : ""
        );

        // Each capability: the spread over the departments that scored it, below each one's own target.
        const seen = [...new Set(drawn.flatMap((d) => d.capabilities.map(([name]) => name)))];
        // A table with no capability keeps one empty row, as every empty template table does.
        expect(tableColumn(plan, "rollupHeatMap", "Capability")).toEqual(
          seen.length ? seen : [null]
        );
        seen.forEach((name, row) => {
          const rows = drawn.flatMap((d) => d.capabilities.filter(([n]) => n === name));
          const scored = rows.flatMap(([, score]) => (score === null ? [] : [score]));
          const at = (header: string) => tableColumn(plan, "rollupHeatMap", header)[row];
          close(at("Lowest"), scored.length ? Math.min(...scored) : "");
          close(at("Median"), scored.length ? median(scored) : "");
          close(at("Highest"), scored.length ? Math.max(...scored) : "");
          expect(at("Departments scored")).toBe(scored.length);
          expect(at("Below target")).toBe(
            rows.filter(([, score, target]) => score !== null && score < target).length
          );
        });
      }),
      { numRuns: RUNS }
    );
  });
});
