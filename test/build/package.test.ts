import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";

/**
 * The command line as users install it: `npm pack` makes the tarball, which installs into an empty
 * folder with runtime dependencies only and runs there without TypeScript or anything of the
 * repository beside it.
 */
const root = path.resolve(__dirname, "../..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const MAX_PACKED_BYTES = 3 * 1024 * 1024;

let work: string;
let tarball: string;
let app: string;

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The installed command, started as npm's bin link starts it. */
function cli(...args: string[]): string {
  const bin = path.join(app, "node_modules", ".bin", "finops-workbooks");
  return run(process.execPath, [fs.realpathSync(bin), ...args], app);
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "finops-package-"));
  const packed = JSON.parse(run(npm, ["pack", "--json", "--pack-destination", work], root));
  tarball = path.join(work, packed[0].filename);
  app = path.join(work, "app");
  fs.mkdirSync(app);
  fs.writeFileSync(
    path.join(app, "package.json"),
    JSON.stringify({ name: "finops-package-test", version: "1.0.0", private: true })
  );
  run(npm, ["install", tarball, "--omit=dev", "--no-audit", "--no-fund"], app);
}, 300_000);

afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

describe("the packed command line", () => {
  it("is a tarball of at most 3 MB holding the compiled CLI, not its TypeScript", () => {
    expect(fs.statSync(tarball).size).toBeLessThanOrEqual(MAX_PACKED_BYTES);
    const listing = JSON.parse(run(npm, ["pack", "--dry-run", "--json"], root))[0].files.map(
      (f: { path: string }) => f.path
    );
    expect(listing).toEqual(
      expect.arrayContaining(["bin/finops-workbooks.js", "lib/cli/main.js", "LICENSE", "README.md"])
    );
    expect(listing.filter((f: string) => /\.tsx?$|^(src|test|node_modules)\//.test(f))).toEqual([]);
  });

  it("installs with its runtime dependencies only", () => {
    const installed = fs.readdirSync(path.join(app, "node_modules"));
    for (const devOnly of ["typescript", "ts-node", "react", "@fluentui", "jest", "webpack"])
      expect({ devOnly, installed: installed.includes(devOnly) }).toEqual({
        devOnly,
        installed: false,
      });
    expect(installed).toContain("exceljs");
  });

  it("answers --version and list", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(cli("--version").trim()).toBe(version);
    expect(cli("list")).toMatch(/^executive-summary\s+v\d+\s+Executive summary$/m);
  });

  it("generates the practice set and imports FOCUS cost data into it", async () => {
    const out = path.join(app, "practice.xlsx");
    expect(cli("generate", "--all", "--sample", "--out", out)).toContain(`Wrote ${out}`);
    const focus = path.join(root, "test/cli/fixtures/focus-small.csv");
    expect(cli("import-focus", focus, "--into", out, "--all-periods")).toMatch(
      /KPI actuals written: [1-9]/
    );

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const names = workbook.worksheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["Executive summary", "Team budget", "KPI tracker", "Cost data"])
    );
  });
});
