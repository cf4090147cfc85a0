/*
 * npm run bench: measures the product's performance budgets for the function library and writes bench/results.json.
 *   - evaluations per second of each FINOPS custom function, called as Excel calls it (wrapper + domain)
 *   - one MATURITYSCORE call over a 10,000 x 5 range (with weights), against a plain-JS loop doing the same arithmetic
 *   - rendering each template (and the practice set) into the in-memory Excel: syncs, largest sync
 *     payload, time, cells written
 *   - headless generation (.xlsx) of the practice set, with sample data and for a large organisation
 *     (500 staff rows, 100 KPIs x 36 periods): time, peak memory, file size
 *   - Check workbook and refresh of the practice set with a year of data (benchMaintain.ts): syncs, payload, time
 *   - the pane in headless Chromium: page load to first screen and to an interactive gallery, JS transferred
 *   - the FOCUS import of a generated 1,000,000-row file (about 750 MB): in Node (benchFocus.ts) and in
 *     the pane's Web Worker in headless Chromium (benchFocusBrowser.ts), with the CSV parsers alone as bases;
 *     the same rows as snappy Parquet in both (benchFocusParquet.ts, benchFocusParquetBrowser.ts), with
 *     DuckDB on one thread as the anchor
 *   - check and repair of workbook files (benchFileMaintain.ts): the practice set with a year of data and
 *     the large organisation, process start to exit
 *   - consolidation (benchConsolidate.ts): 50 department workbooks (the practice set with a year of data
 *     each) rolled up by the CLI, process start to exit, and its peak memory; the same workbooks read in
 *     the pane's Web Worker in headless Chromium (benchConsolidateBrowser.ts), time and worker heap
 *   - the packed command line (benchCli.ts): --version and the practice set from process start to exit,
 *     and the npm pack tarball's size
 *   - production bundle sizes, gzip level 9 in KB of 1000 bytes as the build's budget check (runs the production build first)
 * Figures are the best of several rounds, to keep other load on the machine out of them.
 */
import "../test/fakes/customFunctionsRuntime";
import { execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import * as finops from "../src/functions/functions";
import { generateWorkbooks } from "../src/excel/generateWorkbooks";
import { allCellCount } from "../src/excel/writePlan";
import { planTemplates } from "../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../src/workbook/options";
import { TEMPLATES } from "../src/workbook/templates";
import { createExcelFake } from "../test/fakes/excel";
import { createOfficeFake } from "../test/fakes/excel/office";
import { benchCli } from "./benchCli";
import { benchConsolidation } from "./benchConsolidate";
import { benchConsolidateBrowser } from "./benchConsolidateBrowser";
import { benchFileMaintenance } from "./benchFileMaintain";
import { benchFocus } from "./benchFocus";
import { benchFocusBrowser } from "./benchFocusBrowser";
import { benchFocusParquet, withBenchDir } from "./benchFocusParquet";
import { benchFocusParquetBrowser } from "./benchFocusParquetBrowser";
import { benchMaintenance } from "./benchMaintain";

type Args = unknown[];
const ROUNDS = 5;

function bestOf<T>(rounds: number, run: () => T): { ms: number; result: T } {
  let best = Infinity;
  let result!: T;
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    result = run();
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: best, result };
}

/** Varied valid inputs, so the engine cannot fold a constant call away. */
function inputs(make: (i: number) => Args, count = 1024): Args[] {
  return Array.from({ length: count }, (_, i) => make(i));
}

const money = (i: number) => 1000 + ((i * 7919) % 50000);
const share = (i: number) => ((i * 37) % 100) / 100;
const row = (i: number) => [[share(i), share(i + 1), null, share(i + 3), 1, 0.5]];

const RANGE_FUNCTIONS = ["FTE", "MATURITYSCORE", "RACICHECK"];

const SCALAR_CASES: Record<string, [(...a: never[]) => unknown, Args[]]> = {
  SAVINGS: [finops.savings, inputs((i) => [money(i), money(i + 1)])],
  ESR: [finops.esr, inputs((i) => [money(i), money(i + 1)])],
  COSTAVOIDANCE: [finops.costAvoidance, inputs((i) => [money(i), money(i + 1)])],
  ANOMALYAVOIDANCE: [finops.anomalyAvoidance, inputs((i) => [money(i), i % 30])],
  COVERAGE: [finops.coverage, inputs((i) => [money(i), money(i) * 2])],
  UTILIZATION: [finops.utilization, inputs((i) => [money(i), money(i) * 2])],
  COMMITMENTWASTE: [finops.commitmentWaste, inputs((i) => [money(i), money(i) * 2])],
  BREAKEVEN: [finops.breakEven, inputs((i) => [money(i) % 6000, 3000 + (i % 100), 1500, 12])],
  VARIANCE: [finops.variance, inputs((i) => [money(i), money(i + 1)])],
  VARIANCEPCT: [finops.variancePct, inputs((i) => [money(i), money(i + 1)])],
  BUDGETSTATUS: [finops.budgetStatus, inputs((i) => [money(i), money(i + 1), null])],
  RUNRATE: [finops.runRate, inputs((i) => [money(i), 1 + (i % 29), 30])],
  FORECASTVARIANCE: [finops.forecastVariance, inputs((i) => [money(i), money(i + 1)])],
  ROI: [finops.roi, inputs((i) => [money(i) * 3, money(i)])],
  FTE: [finops.fte, inputs((i) => [row(i)])],
  LOADEDCOST: [finops.loadedCost, inputs((i) => [money(i) * 10, 0.25, share(i), null])],
  MATURITYSCORE: [
    finops.maturityScore,
    inputs((i) => [[[i % 5, (i + 1) % 5, (i + 2) % 5, (i + 3) % 5, (i + 4) % 5]], null, null]),
  ],
  MATURITYLEVEL: [finops.maturityLevel, inputs((i) => [share(i), null, null])],
  KPISTATUS: [
    finops.kpiStatus,
    inputs((i) => [money(i), money(i + 1), i % 2 ? "higher" : "lower", null]),
  ],
  UNITCOST: [finops.unitCost, inputs((i) => [money(i), 1 + (i % 500)])],
  RACICHECK: [finops.raciCheck, inputs((i) => [[["R", i % 3 ? "A" : "C", "C", "I", null, "I"]]])],
};

function evaluationsPerSecond(
  fn: (...a: never[]) => unknown,
  cases: Args[],
  calls = 2_000_000
): number {
  const call = fn as (...a: unknown[]) => unknown;
  const { ms } = bestOf(ROUNDS, () => {
    let sink = 0;
    for (let i = 0; i < calls; i++) {
      const result = call(...cases[i & 1023]);
      sink += typeof result === "number" ? result : (result as string).length;
    }
    return sink;
  });
  return Math.round(calls / (ms / 1000));
}

function maturityRange() {
  const scores = Array.from({ length: 10000 }, (_, r) =>
    Array.from({ length: 5 }, (_, c) => (r * 5 + c) % 5)
  );
  const weights = Array.from({ length: 10000 }, (_, r) =>
    Array.from({ length: 5 }, (_, c) => 1 + ((r + c) % 3))
  );
  const finopsRun = bestOf(20, () => finops.maturityScore(scores, weights, 4));
  const plainRun = bestOf(20, () => {
    let weighted = 0;
    let total = 0;
    for (let r = 0; r < scores.length; r++) {
      for (let c = 0; c < 5; c++) {
        weighted += scores[r][c] * weights[r][c];
        total += weights[r][c];
      }
    }
    return weighted / (4 * total);
  });
  if (Math.abs(finopsRun.result - plainRun.result) > 1e-12)
    throw new Error("MATURITYSCORE and the plain loop disagree");
  return { finopsMs: finopsRun.ms, plainJsMs: plainRun.ms, ratio: finopsRun.ms / plainRun.ms };
}

function bundleSizes() {
  execSync("npx webpack --mode production", { stdio: "ignore" });
  const html = fs.readFileSync("dist/taskpane.html", "utf8");
  // The pane's initial JS is every bundle taskpane.html loads, minus the custom functions which share the page.
  const scripts = [...html.matchAll(/<script[^>]+src="?([^"\s>]+\.js)"?/g)]
    .map((m) => m[1])
    .filter((src) => !/^https?:/.test(src));
  const gzip = (file: string) =>
    gzipSync(fs.readFileSync(path.join("dist", file)), { level: 9 }).length;
  const taskpaneInitial = scripts
    .filter((src) => !src.startsWith("functions"))
    .reduce((sum, src) => sum + gzip(src), 0);
  return {
    taskpaneInitialGzipKB: round(taskpaneInitial / 1000),
    functionsGzipKB: round(gzip("functions.js") / 1000),
    taskpaneScripts: scripts,
  };
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

interface HeadlessRun {
  scenario: string;
  planMs: number;
  totalMs: number;
  cells: number;
  formulas: number;
  charts: number;
  fileKB: number;
  /** Writing the file alone, best of three, with and without the chart parts. */
  writeMs: number;
  writeMsWithoutCharts: number;
  fileKBWithoutCharts: number;
  peakMemoryMB: number;
}

/** The pane's load in headless Chromium (scripts/benchPane.ts) over the e2e build. */
function paneLoad(): {
  firstScreenMs: number;
  interactiveGalleryMs: number;
  initialJsGzipKB: number;
  jsGzipKBWithGallery: number;
} {
  execSync("npx webpack --mode production", {
    stdio: "ignore",
    env: { ...process.env, FINOPS_E2E: "1", ADDIN_PUBLIC_URL: "" },
  });
  const output = execSync(
    "npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchPane.ts",
    { encoding: "utf8" }
  );
  return JSON.parse(output.trim().split("\n").pop() as string);
}

/** A headless-generation scenario in its own process (its peak memory is its own), best of three. */
function headless(scenario: "sample" | "large"): HeadlessRun {
  const runs = [0, 1, 2].map(() => {
    const output = execSync(
      `npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchHeadless.ts ${scenario}`,
      { encoding: "utf8" }
    );
    return JSON.parse(output.trim().split("\n").pop() as string) as HeadlessRun;
  });
  return runs.reduce((best, run) => (run.totalMs < best.totalMs ? run : best));
}

/** Renders templates into a fresh in-memory Excel, best of several rounds. */
async function renderTemplates(ids: string[]) {
  const cells = allCellCount(
    planTemplates(ids, DEFAULT_OPTIONS, { sheets: ["Sheet1"], tablesAndNames: [] }).plan
  );
  let best = Infinity;
  let syncs = 0;
  let largestPayloadKB = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const fake = createExcelFake({ recordOperations: false });
    const host = {
      excel: fake.asOfficeExcel(),
      requirements: createOfficeFake({ excelApi: "1.12" }).context.requirements,
    };
    const start = process.hrtime.bigint();
    await generateWorkbooks(ids, DEFAULT_OPTIONS, host);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e6);
    syncs = fake.syncCount;
    largestPayloadKB = fake.largestPayload / 1024;
  }
  return { syncs, largestPayloadKB: round(largestPayloadKB), ms: round(best), cells };
}

async function main() {
  const evaluations = Object.fromEntries(
    Object.entries(SCALAR_CASES).map(([name, [fn, cases]]) => [
      name,
      evaluationsPerSecond(fn, cases),
    ])
  );
  const maturity = maturityRange();
  const bundles = bundleSizes();
  const generation = { sample: headless("sample"), large: headless("large") };
  const cli = benchCli();
  // After benchCli: its npm pack compiled the CLI these runs start.
  const fileMaintenance = await benchFileMaintenance();
  const consolidation = await benchConsolidation();
  const pane = paneLoad();
  // Rendering last: it allocates a lot, which would disturb the function timings above.
  const rendering: Record<string, Awaited<ReturnType<typeof renderTemplates>>> = {};
  for (const template of TEMPLATES) rendering[template.id] = await renderTemplates([template.id]);
  rendering["practice set"] = await renderTemplates(TEMPLATES.map((t) => t.id));
  const maintenance = await benchMaintenance(ROUNDS);
  // Last: it streams a generated file of about 750 MB (FINOPS_BENCH_FOCUS_ROWS rows, default 1,000,000).
  const focusImport = await benchFocus();
  // The same import in the pane's Web Worker in headless Chromium, over the e2e build paneLoad made.
  const focusBrowser = await benchFocusBrowser();
  // The same rows as snappy Parquet (DuckDB writes it from the CSV), in Node and in the pane's worker,
  // against DuckDB on one thread reading the same file.
  const { focusParquet, focusParquetBrowser } = await withBenchDir(async (dir) => ({
    focusParquet: await benchFocusParquet(dir),
    focusParquetBrowser: await benchFocusParquetBrowser(dir),
  }));
  // The pane's reading of the 50 department workbooks, in its Web Worker, over the same e2e build.
  const consolidationBrowser = await benchConsolidateBrowser();
  // The budget is for scalar functions; FTE, MATURITYSCORE and RACICHECK take a range (6 or 5 cells here).
  const slowest = Math.min(
    ...Object.entries(evaluations)
      .filter(([name]) => !RANGE_FUNCTIONS.includes(name))
      .map(([, perSecond]) => perSecond)
  );
  const perTemplate = Object.entries(rendering).filter(([id]) => id !== "practice set");
  const worstTemplateSyncs = Math.max(...perTemplate.map(([, r]) => r.syncs));
  const largestPayload = Math.max(
    ...Object.values(rendering).map((r) => r.largestPayloadKB),
    maintenance.check.largestPayloadKB,
    maintenance.refresh.largestPayloadKB
  );
  const budgets = [
    {
      budget: "pane initial JS transferred <= 250 KB gzip (headless Chromium)",
      value: pane.initialJsGzipKB,
      ok: pane.initialJsGzipKB <= 250,
    },
    {
      budget: "headless generation of all templates with sample data < 1.5 s (ms)",
      value: generation.sample.totalMs,
      ok: generation.sample.totalMs < 1500,
    },
    {
      budget: "render any template in <= 3 syncs (worst)",
      value: worstTemplateSyncs,
      ok: worstTemplateSyncs <= 3,
    },
    {
      budget: "render the practice set in <= 10 syncs",
      value: rendering["practice set"].syncs,
      ok: rendering["practice set"].syncs <= 10,
    },
    {
      budget: "no sync payload over 5 MB, rendering and maintenance (largest, KB)",
      value: largestPayload,
      ok: largestPayload < 5 * 1024,
    },
    {
      budget: "scalar functions >= 5,000,000 evaluations/s (slowest scalar)",
      value: slowest,
      ok: slowest >= 5_000_000,
    },
    {
      budget: "MATURITYSCORE 10,000 x 5 < 5 ms",
      value: round(maturity.finopsMs, 2),
      ok: maturity.finopsMs < 5,
    },
    {
      budget: "task pane initial JS <= 250 KB gzip",
      value: bundles.taskpaneInitialGzipKB,
      ok: bundles.taskpaneInitialGzipKB <= 250,
    },
    {
      budget: "functions bundle <= 25 KB gzip",
      value: bundles.functionsGzipKB,
      ok: bundles.functionsGzipKB <= 25,
    },
    ...(["sample", "large"] as const).map((scenario) => {
      const run = generation[scenario];
      const added = run.writeMs / run.writeMsWithoutCharts - 1;
      return {
        budget: `charts add at most 20% to writing the ${scenario === "sample" ? "practice set" : "large organisation"} (added share)`,
        value: round(added, 3),
        ok: added <= 0.2,
      };
    }),
    ...cli.budgets,
    ...fileMaintenance.budgets,
    ...consolidation.budgets,
    ...focusImport.budgets,
    ...focusBrowser.budgets,
    ...focusParquet.budgets,
    ...focusParquetBrowser.budgets,
  ];
  const results = {
    measuredAt: new Date().toISOString(),
    node: process.version,
    evaluationsPerSecond: evaluations,
    maturityScore10000x5: {
      finopsMs: round(maturity.finopsMs, 3),
      plainJsMs: round(maturity.plainJsMs, 3),
      ratio: round(maturity.ratio, 2),
    },
    bundles,
    rendering,
    headlessGeneration: generation,
    commandLine: cli,
    fileMaintenance: fileMaintenance.runs,
    consolidation: consolidation.run,
    consolidationInBrowser: consolidationBrowser,
    paneLoad: pane,
    maintenance,
    focusImport: {
      ...focusImport,
      browser: focusBrowser,
      parquet: { ...focusParquet, browser: focusParquetBrowser },
    },
    budgets,
  };
  fs.mkdirSync("bench", { recursive: true });
  fs.writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);

  console.table(
    Object.entries(evaluations).map(([fn, perSecond]) => ({
      function: `FINOPS.${fn}`,
      "evaluations/s": perSecond.toLocaleString("en-US"),
    }))
  );
  console.table([
    {
      "MATURITYSCORE 10,000x5 (ms)": results.maturityScore10000x5.finopsMs,
      "plain JS loop (ms)": results.maturityScore10000x5.plainJsMs,
      ratio: results.maturityScore10000x5.ratio,
    },
  ]);
  console.table(
    Object.entries(rendering).map(([id, r]) => ({
      template: id,
      syncs: r.syncs,
      "largest sync (KB)": r.largestPayloadKB,
      "render (ms)": r.ms,
      cells: r.cells,
    }))
  );
  console.table(Object.values(generation));
  console.table([
    {
      "--version (ms)": cli.versionMs,
      "practice set, start to file (ms)": cli.practiceSetMs,
      "tarball (KB)": cli.tarballKB,
    },
  ]);
  console.table(fileMaintenance.runs);
  console.table([consolidation.run]);
  console.table([consolidationBrowser]);
  console.table([pane]);
  console.table(
    (["check", "refresh"] as const).map((step) => ({
      "practice set, a year of data": step,
      syncs: maintenance[step].syncs,
      "largest sync (KB)": maintenance[step].largestPayloadKB,
      ms: maintenance[step].ms,
    }))
  );
  console.log(
    `maintenance: ${maintenance.inputsFilled} monthly inputs filled, ${maintenance.brokenColumns} computed columns typed over; check found ${maintenance.findings}, refresh made ${maintenance.refreshChanges} changes`
  );
  console.table(focusImport.runs);
  console.table(focusBrowser.runs);
  console.table(focusBrowser.throughPane);
  console.table(
    budgets.map((b) => ({ budget: b.budget, measured: b.value, within: b.ok ? "yes" : "NO" }))
  );
  console.log("wrote bench/results.json");
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
