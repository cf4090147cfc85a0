/*
 * One headless-generation scenario, run in its own process by scripts/bench.ts so that its peak memory
 * is its own: `ts-node scripts/benchHeadless.ts sample|large`. Prints one JSON line.
 *   sample: the practice set with sample data, portable formulas
 *   large:  the same with a large organisation: 500 staff rows, 100 KPIs, 36 monthly periods
 */
import { performance } from "perf_hooks";
import { RenderPlan } from "../src/workbook/plan";
import { writeXlsxBuffer } from "../src/xlsx";
import { benchPlan, Scenario } from "./benchPlans";

const NOW = new Date("2026-11-29T12:00:00Z");

const scenario: Scenario = process.argv[2] === "large" ? "large" : "sample";

async function main() {
  const start = performance.now();
  const plan = benchPlan(scenario);
  const planned = performance.now();
  const { buffer, report } = await writeXlsxBuffer(plan, NOW);
  const done = performance.now();
  // The same plan without its charts, to see what the chart parts cost: both written in turns
  // (so a burst of other load hits both alike), best of seven.
  const bare = { ...plan, sheets: plan.sheets.map((s) => ({ ...s, charts: [] })) };
  const timed = async (p: RenderPlan) => {
    const t0 = performance.now();
    const bytes = (await writeXlsxBuffer(p, NOW)).buffer.length;
    return { ms: performance.now() - t0, kb: Math.round(bytes / 1024) };
  };
  const withCharts = { ms: Infinity, kb: 0 };
  const withoutCharts = { ms: Infinity, kb: 0 };
  for (let i = 0; i < 7; i += 1) {
    for (const [p, best] of [
      [plan, withCharts],
      [bare, withoutCharts],
    ] as const) {
      const run = await timed(p);
      best.ms = Math.min(best.ms, run.ms);
      best.kb = run.kb;
    }
  }
  console.log(
    JSON.stringify({
      scenario,
      planMs: Math.round(planned - start),
      totalMs: Math.round(done - start),
      cells: report.cells,
      formulas: report.formulas,
      charts: report.charts,
      fileKB: Math.round(buffer.length / 1024),
      writeMs: Math.round(withCharts.ms),
      writeMsWithoutCharts: Math.round(withoutCharts.ms),
      fileKBWithoutCharts: withoutCharts.kb,
      peakMemoryMB: Math.round(process.resourceUsage().maxRSS / 1024),
    })
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
