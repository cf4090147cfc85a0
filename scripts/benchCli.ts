/*
 * The command line as users run it, for scripts/bench.ts: the compiled CLI started as a new process
 * (bin/finops-workbooks.js, as npm's bin link starts it), timed from process start to exit, best of
 * five; and the size of the tarball `npm pack` makes.
 *   - `finops-workbooks --version`: start-up alone
 *   - `finops-workbooks generate --all --sample --out FILE`: the practice set, start to file written
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const ROUNDS = 5;
const BIN = path.resolve(__dirname, "../bin/finops-workbooks.js");

export interface CliBudget {
  readonly budget: string;
  readonly value: number;
  readonly ok: boolean;
}

/** Wall time of one run of the CLI, in ms; throws when it exits with an error. */
function timeRun(args: string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8" });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) throw new Error(`finops-workbooks ${args.join(" ")} failed: ${run.stderr}`);
  return ms;
}

function bestOf(args: () => string[]): number {
  return Math.min(...Array.from({ length: ROUNDS }, () => timeRun(args())));
}

const round = (x: number, digits = 1) => Number(x.toFixed(digits));

export function benchCli(): {
  versionMs: number;
  practiceSetMs: number;
  practiceSetFileKB: number;
  tarballKB: number;
  budgets: CliBudget[];
} {
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "finops-bench-cli-"));
  try {
    // npm pack runs "prepare" (the CLI's compilation) first, so the timings below run fresh code.
    const packed = JSON.parse(
      execFileSync(npm, ["pack", "--json", "--pack-destination", work], { encoding: "utf8" })
    );
    const tarballKB = fs.statSync(path.join(work, packed[0].filename)).size / 1000;
    const versionMs = bestOf(() => ["--version"]);
    let n = 0;
    let file = "";
    const practiceSetMs = bestOf(() => {
      file = path.join(work, `practice-${n++}.xlsx`);
      return ["generate", "--all", "--sample", "--out", file];
    });
    const practiceSetFileKB = fs.statSync(file).size / 1000;
    return {
      versionMs: round(versionMs),
      practiceSetMs: round(practiceSetMs),
      practiceSetFileKB: round(practiceSetFileKB),
      tarballKB: round(tarballKB),
      budgets: [
        {
          budget: "finops-workbooks --version, process start to exit < 300 ms",
          value: round(versionMs),
          ok: versionMs < 300,
        },
        {
          budget:
            "finops-workbooks generate --all --sample, process start to file written < 1 s (ms)",
          value: round(practiceSetMs),
          ok: practiceSetMs < 1000,
        },
        {
          budget: "npm pack tarball of the CLI <= 3 MB (KB)",
          value: round(tarballKB),
          ok: tarballKB <= (3 * 1024 * 1024) / 1000,
        },
      ],
    };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
