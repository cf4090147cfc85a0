/*
 * Maintenance on files for `npm run bench`: `finops-workbooks check` and `repair` as a pipeline runs
 * them, the compiled CLI started as a new process and timed from start to exit, best of five, on:
 *   - the practice set with a year of data: sample figures, then every empty monthly input of every
 *     table filled in, and one cell of every computed column typed over so repair has work everywhere;
 *   - the large organisation (500 staff rows, 100 KPIs, 36 months), edited the same way.
 * Budget: check and repair of the practice set each under 1 s.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { cellPosition, rangeBounds } from "../src/workbook/addresses";
import { CellWrite } from "../src/xlsx/edit/cellWrites";
import { PackageEdit } from "../src/xlsx/edit/packageEdit";
import { writeXlsxBuffer } from "../src/xlsx";
import { readWorkbookFile } from "../src/xlsx/read/readWorkbookFile";
import { benchPlan, Scenario } from "./benchPlans";

const ROUNDS = 5;
const BIN = path.resolve(__dirname, "../bin/finops-workbooks.js");
const MONTH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;
const NOW = new Date("2026-11-29T12:00:00Z");

/** Wall time of one CLI run in ms, and its exit code. */
function timeRun(args: string[]): { ms: number; code: number | null } {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, code: run.status };
}

/** The scenario's workbook, with a year of inputs and one typed-over cell per computed column. */
async function editedWorkbook(
  scenario: Scenario
): Promise<{ bytes: Uint8Array; filled: number; typedOver: number }> {
  const plan = benchPlan(scenario);
  const { buffer } = await writeXlsxBuffer(plan, NOW);
  const { readBack } = await readWorkbookFile(new Uint8Array(buffer));
  const edit = await PackageEdit.open(new Uint8Array(buffer));
  let filled = 0;
  let typedOver = 0;
  for (const table of readBack.tables) {
    const sheet = readBack.sheets.find((s) => s.name === table.sheet)?.used;
    if (!sheet) continue;
    const origin = cellPosition(sheet.address.split(":")[0]);
    const { top, left, bottom } = rangeBounds(table.address);
    const writes: CellWrite[] = [];
    table.headers.forEach((header, c) => {
      const at = (row: number) => sheet.formulas[row - origin.row]?.[left + c - origin.column];
      const formula = at(top + 1);
      if (typeof formula === "string" && formula.startsWith("=")) {
        writes.push({ row: top + 1, column: left + c, value: 1 });
        typedOver += 1;
        return;
      }
      if (!MONTH.test(header)) return;
      for (let row = top + 1; row <= bottom; row += 1)
        if (at(row) === "" || at(row) === undefined) {
          writes.push({ row, column: left + c, value: 100 + row });
          filled += 1;
        }
    });
    await edit.writeCells(table.sheet, writes);
  }
  return { bytes: new Uint8Array(await edit.bytes()), filled, typedOver };
}

export interface FileMaintenanceRun {
  readonly scenario: Scenario;
  readonly fileKB: number;
  readonly inputsFilled: number;
  readonly computedTypedOver: number;
  readonly checkMs: number;
  readonly repairMs: number;
}

export async function benchFileMaintenance(): Promise<{
  runs: FileMaintenanceRun[];
  budgets: { budget: string; value: number; ok: boolean }[];
}> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "finops-bench-files-"));
  try {
    const runs: FileMaintenanceRun[] = [];
    for (const scenario of ["sample", "large"] as const) {
      const { bytes, filled, typedOver } = await editedWorkbook(scenario);
      const original = path.join(work, `${scenario}.xlsx`);
      fs.writeFileSync(original, bytes);
      const best = (args: () => string[], expected: number) =>
        Math.min(
          ...Array.from({ length: ROUNDS }, () => {
            const run = timeRun(args());
            if (run.code !== expected)
              throw new Error(`finops-workbooks ${args().join(" ")} exited ${run.code}`);
            return run.ms;
          })
        );
      // Check finds the typed-over formulas: exit 6, as a pipeline would see it.
      const checkMs = best(() => ["check", original, "--json"], 6);
      let n = 0;
      const repairMs = best(() => {
        const copy = path.join(work, `${scenario}-${n++}.xlsx`);
        fs.copyFileSync(original, copy);
        return ["repair", copy];
      }, 0);
      runs.push({
        scenario,
        fileKB: Math.round(bytes.length / 1000),
        inputsFilled: filled,
        computedTypedOver: typedOver,
        checkMs: Math.round(checkMs),
        repairMs: Math.round(repairMs),
      });
    }
    const sample = runs[0];
    return {
      runs,
      budgets: [
        {
          budget:
            "finops-workbooks check of the practice set with a year of data, start to exit < 1 s (ms)",
          value: sample.checkMs,
          ok: sample.checkMs < 1000,
        },
        {
          budget:
            "finops-workbooks repair of the practice set with a year of data, start to exit < 1 s (ms)",
          value: sample.repairMs,
          ok: sample.repairMs < 1000,
        },
      ],
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

if (require.main === module)
  benchFileMaintenance().then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error) => {
      console.error(error);
      process.exit(1);
    }
  );
