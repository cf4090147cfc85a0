/*
 * The FOCUS import part of `npm run bench` (issue 7): generates a FOCUS 1.0 file of
 * FINOPS_BENCH_FOCUS_ROWS rows (default 1,000,000, about 750 MB) and a quarter-size one in a temporary
 * folder (deleted after), then measures in Node papaparse alone (array mode, 1 MB chunks, rows
 * discarded) as the base and the full import (decoding, checks, aggregation). MB/s, rows/s, ratio to
 * the base and peak RSS sampled during each run; the quarter-size run shows whether memory grows with
 * rows. Best of two rounds. Run alone with `npx ts-node --transpile-only -P scripts/tsconfig.json scripts/benchFocus.ts`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import Papa from "papaparse";
import { FocusGrouping } from "../src/domain/focus/focusTypes";
import { importFocusFiles } from "../src/node/importFocusFiles";

const FOCUS_1_0_COLUMNS = [
  "AvailabilityZone",
  "BilledCost",
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodEnd",
  "BillingPeriodStart",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ChargePeriodEnd",
  "ChargePeriodStart",
  "CommitmentDiscountCategory",
  "CommitmentDiscountId",
  "CommitmentDiscountName",
  "CommitmentDiscountStatus",
  "CommitmentDiscountType",
  "ConsumedQuantity",
  "ConsumedUnit",
  "ContractedCost",
  "ContractedUnitPrice",
  "EffectiveCost",
  "InvoiceIssuerName",
  "ListCost",
  "ListUnitPrice",
  "PricingCategory",
  "PricingQuantity",
  "PricingUnit",
  "ProviderName",
  "PublisherName",
  "RegionId",
  "RegionName",
  "ResourceId",
  "ResourceName",
  "ResourceType",
  "ServiceCategory",
  "ServiceName",
  "SkuId",
  "SkuPriceId",
  "SubAccountId",
  "SubAccountName",
  "Tags",
];

const SERVICES = [
  ["Compute", "Virtual Machines", "Standard_D4s_v5"],
  ["Storage", "Storage Accounts", "Premium_LRS"],
  ["Databases", "Azure SQL Database", "GP_Gen5_8"],
  ["Networking", "Bandwidth", "Data Transfer Out"],
];

/** One realistic FOCUS 1.0 row (about 750 bytes); i drives every varying value. */
function benchRow(i: number): string {
  const [category, service, sku] = SERVICES[i % SERVICES.length];
  const day = String(1 + (i % 28)).padStart(2, "0");
  const month = String(1 + (Math.floor(i / 28) % 12)).padStart(2, "0");
  const hour = String(i % 24).padStart(2, "0");
  const quantity = 1 + (i % 97) / 4;
  const list = quantity * 0.192;
  const committed = i % 5 === 0;
  const contracted = list * 0.9;
  const effective = committed ? contracted * 0.6 : contracted;
  const sub = i % 40;
  return [
    "westeurope-1",
    committed ? "0" : contracted.toFixed(6),
    "8611537",
    "Contoso Ltd",
    "EUR",
    `2025-${month}-01T00:00:00Z`,
    `2025-${month}-01T00:00:00Z`,
    "Usage",
    "",
    `${service} ${sku} usage in West Europe`,
    "Usage-Based",
    `2025-${month}-${day}T${hour}:59:59Z`,
    `2025-${month}-${day}T${hour}:00:00Z`,
    committed ? "Usage" : "",
    committed ? `/providers/Microsoft.Capacity/reservationOrders/ro-${i % 7}` : "",
    committed ? `reservation-${i % 7}` : "",
    committed ? "Used" : "",
    committed ? "Reservation" : "",
    quantity.toFixed(2),
    "Hours",
    contracted.toFixed(6),
    "0.1728",
    effective.toFixed(6),
    "Microsoft",
    list.toFixed(6),
    "0.192",
    committed ? "Committed" : "Standard",
    quantity.toFixed(2),
    "1 Hour",
    "Microsoft",
    "Microsoft",
    "westeurope",
    "West Europe",
    `/subscriptions/00000000-0000-0000-0000-0000000000${String(sub).padStart(2, "0")}/resourceGroups/rg-app-${i % 13}/providers/Microsoft.Compute/virtualMachines/vm-${i % 1000}`,
    `vm-${i % 1000}`,
    "Virtual machine",
    category,
    service,
    `DZH318Z0BQ${i % 50}`,
    `DZH318Z0BQ${i % 50}-0001`,
    `00000000-0000-0000-0000-0000000000${String(sub).padStart(2, "0")}`,
    `Subscription ${sub}`,
    `"{""team"":""team-${i % 9}"",""env"":""${i % 3 ? "prod" : "dev"}""}"`,
  ].join(",");
}

async function writeFile(file: string, rows: number): Promise<number> {
  const out = fs.createWriteStream(file);
  const write = (text: string) =>
    new Promise<void>((resolve, reject) =>
      out.write(text, (error) => (error ? reject(error) : resolve()))
    );
  await write(`${FOCUS_1_0_COLUMNS.join(",")}\n`);
  const batch: string[] = [];
  for (let i = 0; i < rows; i++) {
    batch.push(benchRow(i));
    if (batch.length === 5000 || i === rows - 1) {
      await write(`${batch.join("\n")}\n`);
      batch.length = 0;
    }
  }
  await new Promise<void>((resolve) => out.end(resolve));
  return fs.statSync(file).size;
}

/** Runs `run` while sampling RSS every 20 ms; the peak includes what the process held before. */
async function measured(
  run: () => Promise<unknown>
): Promise<{ seconds: number; peakRssMB: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const start = process.hrtime.bigint();
  try {
    await run();
  } finally {
    clearInterval(timer);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { seconds, peakRssMB: Math.round(Math.max(peak, process.memoryUsage().rss) / 1e6) };
}

function papaparseAlone(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    Papa.parse(fs.createReadStream(file, { highWaterMark: 1 << 20 }), {
      delimiter: ",",
      newline: "\n",
      chunk: () => undefined,
      complete: () => resolve(),
      error: reject,
    });
  });
}

async function bestOf(rounds: number, run: () => Promise<unknown>) {
  let best = { seconds: Infinity, peakRssMB: 0 };
  for (let i = 0; i < rounds; i++) {
    const r = await measured(run);
    best = {
      seconds: Math.min(best.seconds, r.seconds),
      peakRssMB: Math.max(best.peakRssMB, r.peakRssMB),
    };
  }
  return best;
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export interface FocusBenchRun {
  readonly rows: number;
  readonly megabytes: number;
  readonly seconds: number;
  readonly mbPerSecond: number;
  readonly rowsPerSecond: number;
  readonly peakRssMB: number;
}

export async function benchFocus(rounds = 2) {
  const rows = Number(process.env.FINOPS_BENCH_FOCUS_ROWS ?? 1_000_000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-focus-bench-"));
  try {
    const full = path.join(dir, "focus-1.0-full.csv");
    const quarter = path.join(dir, "focus-1.0-quarter.csv");
    const sizes = {
      full: await writeFile(full, rows),
      quarter: await writeFile(quarter, Math.round(rows / 4)),
    };
    const run = (
      label: string,
      file: string,
      rowCount: number,
      r: { seconds: number; peakRssMB: number }
    ): FocusBenchRun & { run: string } => ({
      run: label,
      rows: rowCount,
      megabytes: round(fs.statSync(file).size / 1e6),
      seconds: round(r.seconds, 2),
      mbPerSecond: round(fs.statSync(file).size / 1e6 / r.seconds),
      rowsPerSecond: Math.round(rowCount / r.seconds),
      peakRssMB: r.peakRssMB,
    });
    const month: FocusGrouping = { by: "month" };
    const tag: FocusGrouping = { by: "tag", key: "team" };
    const quarterRows = Math.round(rows / 4);
    const importQuarter = run(
      "import, by month (quarter size)",
      quarter,
      quarterRows,
      await bestOf(rounds, () => importFocusFiles([quarter], { grouping: month }))
    );
    const base = run(
      "papaparse alone",
      full,
      rows,
      await bestOf(rounds, () => papaparseAlone(full))
    );
    const importMonth = run(
      "import, by month",
      full,
      rows,
      await bestOf(rounds, () => importFocusFiles([full], { grouping: month }))
    );
    const importTag = run(
      "import, by tag",
      full,
      rows,
      await bestOf(rounds, () => importFocusFiles([full], { grouping: tag }))
    );
    const ratio = round(importMonth.seconds / base.seconds, 2);
    const budgets = [
      {
        budget: "FOCUS import >= 100 MB/s (Node, by month)",
        value: importMonth.mbPerSecond,
        ok: importMonth.mbPerSecond >= 100,
      },
      {
        budget: "FOCUS import within 1.3x of the CSV parser (time ratio)",
        value: ratio,
        ok: ratio <= 1.3,
      },
      {
        budget:
          "FOCUS import memory does not grow with rows (peak RSS MB, full size minus quarter size)",
        value: importMonth.peakRssMB - importQuarter.peakRssMB,
        ok: importMonth.peakRssMB - importQuarter.peakRssMB < 50,
      },
    ];
    return {
      rows,
      bytes: sizes.full,
      runs: [base, importMonth, importTag, importQuarter],
      ratioToParser: ratio,
      budgets,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchFocus().then((result) => {
    console.table(result.runs);
    console.table(result.budgets);
  });
}
