import { execFile } from "node:child_process";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { Command, parseCommand, UsageError } from "../../src/cli/command";
import { EXIT, helpText } from "../../src/cli/help";
import { CliIO, run } from "../../src/cli/run";
import { planTemplates } from "../../src/workbook/generate";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { RenderPlan } from "../../src/workbook/plan";
import { TEMPLATES } from "../../src/workbook/templates";
import { version } from "../../package.json";

const ALL = TEMPLATES.map((t) => t.id);
const REPO = resolve(__dirname, "../..");
const CLI_DEFAULTS: TemplateOptions = {
  ...DEFAULT_OPTIONS,
  sampleData: false,
  formulaMode: "portable",
};

function problems(argv: string[]): readonly string[] {
  const result = parseCommand(argv);
  if (result.kind !== "usage")
    throw new Error(`Expected a usage error, got ${JSON.stringify(result)}`);
  return result.problems;
}

function generateCommand(argv: string[]) {
  const result = parseCommand(["generate", ...argv]);
  if (result.kind !== "generate")
    throw new Error(`Expected generate, got ${JSON.stringify(result)}`);
  return result;
}

function options(argv: string[]): TemplateOptions {
  return generateCommand(["--all", "--out", "x.xlsx", ...argv]).options;
}

describe("parseCommand", () => {
  describe("commands", () => {
    const cases: [string[], Command | Partial<UsageError>][] = [
      [["--help"], { kind: "help" }],
      [["-h"], { kind: "help" }],
      [["help"], { kind: "help" }],
      [["help", "generate"], { kind: "help", topic: "generate" }],
      [["help", "list"], { kind: "help", topic: "list" }],
      [["help", "help"], { kind: "help", topic: "help" }],
      [["--help", "generate"], { kind: "help", topic: "generate" }],
      [["generate", "--help"], { kind: "help", topic: "generate" }],
      [["generate", "--bogus", "-h"], { kind: "help", topic: "generate" }],
      [["list", "--help"], { kind: "help", topic: "list" }],
      [["--version"], { kind: "version" }],
      [["list"], { kind: "list" }],
    ];
    it.each(cases)("%j", (argv, expected) => {
      expect(parseCommand(argv)).toEqual({ topic: undefined, ...expected });
    });

    it.each([
      [[], "Missing command."],
      [
        ["make"],
        'Unknown command "make". Commands: generate, import-focus, focus-query, check, repair, upgrade, roll-forward, record-assessment, convert, consolidate, list, help.',
      ],
      [["--all"], 'Unknown option "--all".'],
      [
        ["help", "make"],
        'No help for "make". Commands: generate, import-focus, focus-query, check, repair, upgrade, roll-forward, record-assessment, convert, consolidate, list, help.',
      ],
      [["help", "generate", "list"], 'help takes one command (got "list" too).'],
      [["--version", "x"], '--version takes no arguments (got "x").'],
      [["list", "--all"], 'list takes no arguments (got "--all").'],
    ])("%j is a usage error", (argv, message) => {
      expect(problems(argv)).toEqual([message]);
    });
  });

  describe("generate", () => {
    it("needs only the templates and --out: portable, no sample data, the rest from DEFAULT_OPTIONS", () => {
      expect(parseCommand(["generate", "--all", "--out", "practice.xlsx"])).toEqual({
        kind: "generate",
        templates: ALL,
        options: CLI_DEFAULTS,
        out: "practice.xlsx",
        force: false,
      });
    });

    it("--template repeats, keeps the order given and drops duplicates", () => {
      const command = generateCommand([
        "--template",
        "kpi-tracker",
        "--template=team-budget",
        "--template",
        "kpi-tracker",
        "--out",
        "x.xlsx",
      ]);
      expect(command.templates).toEqual(["kpi-tracker", "team-budget"]);
    });

    it.each<[string[], Partial<TemplateOptions>]>([
      [["--sample"], { sampleData: true }],
      [["--mode", "addin"], { formulaMode: "addin" }],
      [["--mode=portable"], { formulaMode: "portable" }],
      [["--currency", "EUR"], { currency: "EUR" }],
      [["--currency", "gbp"], { currency: "GBP" }],
      [["--fiscal-start", "4"], { fiscalYearStartMonth: 4 }],
      [["--first-period", "2026-04"], { firstPeriod: "2026-04" }],
      [["--periods", "18"], { periods: 18 }],
      [["--team-model", "central"], { teamModel: "central" }],
      [["--team-model", "virtual"], { teamModel: "virtual" }],
      [["--org", "Fabrikam Ltd"], { organisation: "Fabrikam Ltd" }],
      [["--org=Name with = sign"], { organisation: "Name with = sign" }],
      [["--as-at", "2026-06-30"], { asAt: "2026-06-30" }],
    ])("%j", (argv, changed) => {
      expect(options(argv)).toEqual({ ...CLI_DEFAULTS, ...changed });
    });

    it("--force and --out", () => {
      expect(generateCommand(["--all", "--out=dir/x.XLSX", "--force"])).toMatchObject({
        out: "dir/x.XLSX",
        force: true,
      });
    });

    it.each([
      [
        ["--tempalte", "x", "--out", "x.xlsx"],
        'Unknown option "--tempalte" (did you mean --template?).',
      ],
      [
        ["--all", "--organisation", "X", "--out", "x.xlsx"],
        'Unknown option "--organisation" (did you mean --org?).',
      ],
      [["--all", "--xyz", "--out", "x.xlsx"], 'Unknown option "--xyz".'],
      [
        ["--all", "-o", "x.xlsx"],
        'Unknown option "-o" (options are written in full, for example --template).',
      ],
      [["--all", "--force=yes", "--out", "x.xlsx"], '--force takes no value (got "yes").'],
      [["--all", "--sample=false", "--out", "x.xlsx"], '--sample takes no value (got "false").'],
      [["--all", "--out"], "--out needs a value, for example --out finops-practice.xlsx."],
      [
        ["--all", "--out", "--force"],
        "--out needs a value, for example --out finops-practice.xlsx.",
      ],
      [
        ["--template", "--all", "--out", "x.xlsx"],
        "--template needs a value, for example --template team-budget.",
      ],
      [
        ["--all", "--out", "x.xlsx", "--currency"],
        "--currency needs a value, for example --currency EUR.",
      ],
      [["--all", "--out", "a.xlsx", "--out", "b.xlsx"], "--out is given more than once."],
      [
        ["--all", "--out", "x.xlsx", "--currency", "EUR", "--currency=GBP"],
        "--currency is given more than once.",
      ],
      [
        ["team-budget", "--out", "x.xlsx"],
        'Unexpected argument "team-budget"; choose templates with --template <id> or --all.',
      ],
      [
        ["--all", "--template", "team-budget", "--out", "x.xlsx"],
        "Use either --template or --all, not both.",
      ],
      [["--out", "x.xlsx"], "Choose templates with --template <id> (repeat it for more) or --all."],
      [
        ["--template", "budget", "--out", "x.xlsx"],
        `Unknown template "budget". Known templates: ${ALL.join(", ")}.`,
      ],
      [
        ["--template", "enterpriseRollup", "--out", "x.xlsx"],
        '"enterpriseRollup" is made from department workbooks: use the consolidate command (consolidate FILE.xlsx ... --out FILE.xlsx).',
      ],
      [
        ["--all"],
        "Say where to write the workbook with --out FILE.xlsx (a new file) or --into FILE.xlsx (a workbook you have).",
      ],
      [["--all", "--out", "x.xls"], '--out must name an .xlsx file (got "x.xls").'],
      [
        ["--all", "--out", "x.xlsx", "--mode", "web"],
        '--mode must be portable or addin (got "web").',
      ],
      [
        ["--all", "--out", "x.xlsx", "--currency", "EURO"],
        '--currency: "EURO" is not an ISO 4217 currency code (for example USD, EUR, GBP).',
      ],
      [
        ["--all", "--out", "x.xlsx", "--currency", "ABC"],
        '--currency: "ABC" is not an ISO 4217 currency code (for example USD, EUR, GBP).',
      ],
      [
        ["--all", "--out", "x.xlsx", "--fiscal-start", "13"],
        "--fiscal-start: Choose a month from 1 (January) to 12 (December).",
      ],
      [
        ["--all", "--out", "x.xlsx", "--fiscal-start", "April"],
        "--fiscal-start: Choose a month from 1 (January) to 12 (December).",
      ],
      [
        ["--all", "--out", "x.xlsx", "--first-period", "2026-13"],
        '--first-period: Use the form YYYY-MM, for example "2026-04".',
      ],
      [
        ["--all", "--out", "x.xlsx", "--as-at", "2026-02-30"],
        '--as-at: Use the form YYYY-MM-DD, for example "2026-06-30".',
      ],
      [
        ["--all", "--out", "x.xlsx", "--periods", "0"],
        "--periods: Choose 1 to 36 monthly periods.",
      ],
      [
        ["--all", "--out", "x.xlsx", "--periods", "37"],
        "--periods: Choose 1 to 36 monthly periods.",
      ],
      [
        ["--all", "--out", "x.xlsx", "--periods", "1.5"],
        "--periods: Choose 1 to 36 monthly periods.",
      ],
      [
        ["--all", "--out", "x.xlsx", "--team-model", "matrix"],
        "--team-model: Choose one of central, hub-and-spoke, virtual.",
      ],
      [["--all", "--out", "x.xlsx", "--org", " "], "--org: Enter the organisation's name."],
      [["--all", "--out", "x.xlsx", "--org", "x".repeat(81)], "--org: Use at most 80 characters."],
    ])("%j is a usage error", (argv, message) => {
      const result = parseCommand(["generate", ...argv]);
      expect(result).toEqual({ kind: "usage", problems: [message], topic: "generate" });
    });

    it("reports every bad option at once", () => {
      expect(
        problems([
          "generate",
          "--all",
          "--out",
          "x.xlsx",
          "--currency",
          "EURO",
          "--periods",
          "99",
          "--mode",
          "web",
        ])
      ).toEqual([
        '--mode must be portable or addin (got "web").',
        '--currency: "EURO" is not an ISO 4217 currency code (for example USD, EUR, GBP).',
        "--periods: Choose 1 to 36 monthly periods.",
      ]);
    });
  });
});

/** A run with collected output, a clock that advances 100 ms per reading, and optionally a stand-in writer. */
function cli(writeFile?: CliIO["writeFile"], canWrite?: CliIO["canWrite"]) {
  const out: string[] = [];
  const err: string[] = [];
  let ms = Date.UTC(2026, 3, 1, 9);
  const io: CliIO = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    now: () => new Date((ms += 100)),
    writeFile,
    canWrite,
  };
  return {
    run: (argv: string[]) => run(argv, io),
    stdout: () => out.join(""),
    stderr: () => err.join(""),
  };
}

describe("run: help, version and list", () => {
  it("--help names every command, every generate flag and every exit code, on stdout", async () => {
    const c = cli();
    expect(await c.run(["--help"])).toBe(EXIT.ok);
    const help = c.stdout();
    expect(c.stderr()).toBe("");
    for (const command of ["generate", "list", "help", "--help", "--version"])
      expect(help).toContain(command);
    for (const flag of [
      "--template",
      "--all",
      "--sample",
      "--mode",
      "--currency",
      "--fiscal-start",
      "--first-period",
      "--periods",
      "--team-model",
      "--org",
      "--out",
      "--force",
    ]) {
      expect(help).toContain(flag);
    }
    for (const code of [0, 1, 2, 3, 4]) expect(help).toMatch(new RegExp(`^ +${code} +\\S`, "m"));
  });

  it("help <command> prints that command's help, with the exit codes", async () => {
    for (const topic of ["generate", "list", "help"] as const) {
      const c = cli();
      expect(await c.run(["help", topic])).toBe(EXIT.ok);
      expect(c.stdout()).toBe(helpText(topic));
      expect(c.stdout()).toContain(`Usage: finops-workbooks ${topic}`);
      expect(c.stdout()).toContain("Exit codes:");
    }
    expect(helpText("generate")).toContain(ALL.join(", "));
  });

  it("--version prints the package version", async () => {
    const c = cli();
    expect(await c.run(["--version"])).toBe(EXIT.ok);
    expect(c.stdout()).toBe(`${version}\n`);
  });

  it("list prints every template's id, version, title and purpose", async () => {
    const c = cli();
    expect(await c.run(["list"])).toBe(EXIT.ok);
    const listing = c.stdout();
    const words = listing.replace(/\s+/g, " ");
    for (const t of TEMPLATES) {
      expect(listing).toMatch(new RegExp(`^${t.id} +v${t.version} +${t.title}$`, "m"));
      expect(words).toContain(t.purpose.replace(/\s+/g, " "));
    }
    // The roll-up is listed too, said to be made by consolidate.
    expect(listing).toMatch(/^enterpriseRollup +v1 +Enterprise roll-up$/m);
    expect(words).toContain('Made by "finops-workbooks consolidate", not by generate.');
    expect(c.stderr()).toBe("");
  });

  it("a usage error goes to stderr with the help to read, exit 2", async () => {
    const c = cli();
    expect(await c.run(["generate", "--all", "--out", "x.xlsx", "--bogus"])).toBe(EXIT.usage);
    expect(c.stdout()).toBe("");
    expect(c.stderr()).toBe(
      'finops-workbooks: Unknown option "--bogus".\nRun "finops-workbooks help generate" for usage.\n'
    );
  });

  it("an unknown template is exit 2 with the known ids", async () => {
    const c = cli();
    expect(await c.run(["generate", "--template", "budget", "--out", "x.xlsx"])).toBe(EXIT.usage);
    expect(c.stderr()).toContain(`Unknown template "budget". Known templates: ${ALL.join(", ")}.`);
  });

  it("a bad currency is exit 2", async () => {
    const c = cli();
    expect(await c.run(["generate", "--all", "--currency", "XYZ1", "--out", "x.xlsx"])).toBe(
      EXIT.usage
    );
    expect(c.stderr()).toContain('--currency: "XYZ1" is not an ISO 4217 currency code');
  });

  it("bad options are one per line", async () => {
    const c = cli();
    const argv = ["generate", "--all", "--periods", "0", "--fiscal-start", "0", "--out", "x.xlsx"];
    expect(await c.run(argv)).toBe(EXIT.usage);
    expect(c.stderr().split("\n")).toEqual([
      "finops-workbooks: --fiscal-start: Choose a month from 1 (January) to 12 (December).",
      "finops-workbooks: --periods: Choose 1 to 36 monthly periods.",
      'Run "finops-workbooks help generate" for usage.',
      "",
    ]);
  });
});

describe("run: generate", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "finops-cli-"));
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  const sheetNames = async (path: string) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    return workbook.worksheets.map((w) => w.name).filter((name) => name !== METADATA_SHEET);
  };
  const plannedSheets = (ids: readonly string[], changes: Partial<TemplateOptions> = {}) =>
    planTemplates(
      ids,
      { ...CLI_DEFAULTS, ...changes },
      { sheets: [], tablesAndNames: [] }
    ).plan.sheets.map((s) => s.name);

  /** A stand-in writer: records the plan and writes a small file where it was asked to. */
  const fakeWriter = (notWritten: string[] = []) => {
    const calls: { plan: RenderPlan; path: string; now?: Date }[] = [];
    const write = async (plan: RenderPlan, path: string, now?: Date) => {
      calls.push({ plan, path, now });
      writeFileSync(path, "new workbook");
      return {
        sheets: plan.sheets.map((s) => s.name),
        cells: 2804,
        formulas: 1200,
        charts: 7,
        notWritten,
      };
    };
    return { calls, write };
  };

  it("--all --sample writes a workbook ExcelJS reads back with every planned sheet", async () => {
    const out = join(dir, "finops-practice.xlsx");
    const c = cli();
    expect(await c.run(["generate", "--all", "--sample", "--out", out])).toBe(EXIT.ok);
    expect(await sheetNames(out)).toEqual(plannedSheets(ALL, { sampleData: true }));
    expect(c.stdout()).toMatch(
      new RegExp(`^Wrote ${out.replace(/[.\\]/g, "\\$&")}\nSheets: .+\n$`)
    );
    const progress = c.stderr().split("\n");
    expect(progress[0]).toBe("Planning 7 templates...");
    expect(progress[1]).toBe("Writing finops-practice.xlsx...");
    expect(c.stderr()).toMatch(
      /^Done: \d+ sheets, [\d,]+ cells \([\d,]+ formulas\), \d+ charts in \d+\.\d s$/m
    );
    expect(readdirSync(dir)).toEqual(["finops-practice.xlsx"]);
  }, 60_000);

  it("a relative --out is written from the working directory, with the chosen options", async () => {
    const cwd = process.cwd();
    process.chdir(dir);
    try {
      const c = cli();
      const argv = [
        "generate",
        "--template",
        "team-budget",
        "--currency",
        "EUR",
        "--out",
        "budget.xlsx",
      ];
      expect(await c.run(argv)).toBe(EXIT.ok);
    } finally {
      process.chdir(cwd);
    }
    expect(await sheetNames(join(dir, "budget.xlsx"))).toEqual(plannedSheets(["team-budget"]));
  }, 60_000);

  it("passes the plan of the chosen options and the clock to the writer, and prints its notes", async () => {
    const writer = fakeWriter(["3 charts (open the file in Excel with the add-in to add them)"]);
    const c = cli(writer.write);
    const out = join(dir, "summary.xlsx");
    const argv = [
      "generate",
      "--template",
      "executive-summary",
      "--mode",
      "addin",
      "--fiscal-start",
      "4",
      "--out",
      out,
    ];
    expect(await c.run(argv)).toBe(EXIT.ok);
    // Without --as-at the reporting date is the clock's day, on the user's own calendar.
    const day = new Date(Date.UTC(2026, 3, 1, 9));
    const today = [day.getFullYear(), day.getMonth() + 1, day.getDate()]
      .map((n, i) => String(n).padStart(i === 0 ? 4 : 2, "0"))
      .join("-");
    const expected = planTemplates(
      ["executive-summary"],
      { ...CLI_DEFAULTS, formulaMode: "addin", fiscalYearStartMonth: 4, asAt: today },
      { sheets: [], tablesAndNames: [] }
    ).plan;
    expect(writer.calls).toHaveLength(1);
    expect(writer.calls[0].plan).toEqual(expected);
    expect(writer.calls[0].now).toBeInstanceOf(Date);
    expect(readFileSync(out, "utf8")).toBe("new workbook");
    expect(c.stderr()).toContain("Planning 1 template...\n");
    expect(c.stderr()).toContain(
      `Note: also added ${ALL.slice(1).join(", ")}, which the chosen templates link to.\n`
    );
    expect(c.stderr()).toContain(
      "Note: not written to the file: 3 charts (open the file in Excel with the add-in to add them)\n"
    );
    expect(c.stderr()).toContain(
      `Done: ${expected.sheets.length} sheets, 2,804 cells (1,200 formulas), 7 charts in `
    );
  });

  it("refuses to overwrite an existing file (exit 3, file untouched); --force overwrites it", async () => {
    const out = join(dir, "practice.xlsx");
    writeFileSync(out, "my own work");
    const refused = cli();
    expect(await refused.run(["generate", "--all", "--out", out])).toBe(EXIT.exists);
    expect(readFileSync(out, "utf8")).toBe("my own work");
    expect(refused.stderr()).toBe(
      `finops-workbooks: ${out} already exists. Add --force to overwrite it, or choose another --out.\n`
    );
    expect(refused.stdout()).toBe("");

    const forced = cli();
    expect(await forced.run(["generate", "--all", "--out", out, "--force"])).toBe(EXIT.ok);
    expect(await sheetNames(out)).toEqual(plannedSheets(ALL));
    expect(readdirSync(dir)).toEqual(["practice.xlsx"]);
  }, 60_000);

  it("a failed write leaves the existing file as it was and no partial file", async () => {
    const out = join(dir, "practice.xlsx");
    writeFileSync(out, "my own work");
    const failing = async (_plan: RenderPlan, path: string) => {
      writeFileSync(path, "half");
      throw Object.assign(new Error("ENOSPC: no space left on device"), { code: "ENOSPC" });
    };
    const c = cli(failing);
    expect(await c.run(["generate", "--all", "--out", out, "--force"])).toBe(EXIT.cannotWrite);
    expect(c.stderr()).toContain(`finops-workbooks: Cannot write ${out}: not enough disk space.\n`);
    expect(readFileSync(out, "utf8")).toBe("my own work");
    expect(readdirSync(dir)).toEqual(["practice.xlsx"]);
  });

  it("a missing folder is exit 4, before anything is planned", async () => {
    const writer = fakeWriter();
    const c = cli(writer.write);
    const out = join(dir, "missing", "practice.xlsx");
    expect(await c.run(["generate", "--all", "--out", out])).toBe(EXIT.cannotWrite);
    expect(c.stderr()).toBe(
      `finops-workbooks: The folder ${join(dir, "missing")} does not exist. Create it first, or choose another --out.\n`
    );
    expect(writer.calls).toHaveLength(0);
  });

  it("a folder as --out, or a file as its folder, is exit 4", async () => {
    mkdirSync(join(dir, "book.xlsx"));
    writeFileSync(join(dir, "notes.txt"), "");
    for (const out of [join(dir, "book.xlsx"), join(dir, "notes.txt", "practice.xlsx")]) {
      const c = cli(fakeWriter().write);
      expect(await c.run(["generate", "--all", "--out", out])).toBe(EXIT.cannotWrite);
    }
  });

  it("a folder without write permission is exit 4", async () => {
    // Root may write anywhere, so the permission answer is the test's: the message and exit code are the point.
    const c = cli(fakeWriter().write, async (path) => path !== dir);
    expect(await c.run(["generate", "--all", "--out", join(dir, "practice.xlsx")])).toBe(
      EXIT.cannotWrite
    );
    expect(c.stderr()).toBe(`finops-workbooks: No permission to write in the folder ${dir}.\n`);
  });

  it("permission denied while writing is exit 4, with the advice to close the file in Excel", async () => {
    const denied = async () => {
      throw Object.assign(new Error("EACCES: permission denied"), { code: "EACCES" });
    };
    const out = join(dir, "practice.xlsx");
    const c = cli(denied);
    expect(await c.run(["generate", "--all", "--out", out])).toBe(EXIT.cannotWrite);
    expect(c.stderr()).toContain(
      `finops-workbooks: Cannot write ${out}: permission denied (if the file is open in Excel, close it and try again).\n`
    );
  });

  it("an unexpected failure is exit 1 with its message", async () => {
    const broken = async () => {
      throw new Error("cell A1 has no style");
    };
    const c = cli(broken);
    expect(await c.run(["generate", "--all", "--out", join(dir, "practice.xlsx")])).toBe(
      EXIT.failure
    );
    expect(c.stderr()).toContain("finops-workbooks: unexpected failure: cell A1 has no style\n");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("the bin", () => {
  const bin = join(REPO, "bin", "finops-workbooks.js");
  const spawn = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      const child = execFile(
        process.execPath,
        [bin, ...args],
        { cwd: tmpdir() },
        (_error, stdout, stderr) => done({ code: child.exitCode, stdout, stderr })
      );
    });

  it("node bin/finops-workbooks.js list runs without a build and lists every template", async () => {
    const { code, stdout, stderr } = await spawn(["list"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    for (const id of ALL) expect(stdout).toContain(id);
  }, 60_000);

  it("passes the exit code of a usage error to the shell", async () => {
    const { code, stdout, stderr } = await spawn(["generate", "--all"]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe("");
    expect(stderr).toContain("--out FILE.xlsx");
  }, 60_000);

  it("is an executable node script", () => {
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
    expect(statSync(bin).mode & 0o111).not.toBe(0);
  });
});
