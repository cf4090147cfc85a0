import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT } from "../../src/cli/help";
import { parseCommand } from "../../src/cli/command";
import { cellPosition } from "../../src/workbook/addresses";
import { checkWorkbook } from "../../src/workbook/maintain/healthCheck";
import { planWorkbook } from "../../src/workbook/layout";
import { chooseNames } from "../../src/workbook/names";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { WorkbookSpec } from "../../src/workbook/spec";
import { TEMPLATES } from "../../src/workbook/templates";
import { buildAt } from "../../src/workbook/templateVersions";
import { writeXlsxBuffer } from "../../src/xlsx";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { cli, NOW } from "./runCli";

const findings = async (file: string) =>
  checkWorkbook((await readWorkbookFile(fs.readFileSync(file))).readBack).findings;

describe("finops-workbooks convert and upgrade", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-convert-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("convert --to portable and back: template formulas, and the recorded mode", async () => {
    const file = path.join(dir, "practice.xlsx");
    await cli(["generate", "--all", "--sample", "--mode", "addin", "--out", file]);
    const allFormulas = async () =>
      (await readWorkbookFile(fs.readFileSync(file))).readBack.sheets.flatMap(
        (s) => s.used?.formulas.flat() ?? []
      );
    const before = await allFormulas();
    const usesAddin = (f: unknown) =>
      typeof f === "string" && f.startsWith("=") && /FINOPS\./i.test(f);
    expect(before.filter(usesAddin).length).toBeGreaterThan(100);
    const { code, out } = await cli(["convert", file, "--to", "portable"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^Converted practice\.xlsx: \d+ changes\n/);
    expect(out).toContain("Team budget is recorded as portable.");
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    expect(readBack.templates.every((t) => t.record.options.formulaMode === "portable")).toBe(true);
    const formulas = readBack.sheets.flatMap((s) => s.used?.formulas.flat() ?? []);
    const addin = (f: unknown) => typeof f === "string" && f.startsWith("=") && /FINOPS\./i.test(f);
    expect(formulas.filter(addin)).toEqual([]);
    expect((await findings(file)).filter((f) => f.severity === "error")).toEqual([]);
    expect((await cli(["convert", file, "--to", "addin"])).code).toBe(EXIT.ok);
    expect(await allFormulas()).toEqual(before);
    expect((await cli(["convert", file, "--to", "addin"])).out).toBe(
      "practice.xlsx: Nothing to convert.\n"
    );
  });

  test("a formula a user typed needs the add-in's record: exit 5, said, nothing written", async () => {
    const file = path.join(dir, "practice.xlsx");
    await cli(["generate", "--template", "team-budget", "--mode", "addin", "--out", file]);
    const edit = await PackageEdit.open(fs.readFileSync(file));
    await edit.writeCells("Team budget", [
      { ...cellPosition("Z1"), formula: "=FINOPS.VARIANCE(10,12)", value: 2 },
    ]);
    fs.writeFileSync(file, await edit.bytes());
    const before = fs.readFileSync(file);
    const { code, err } = await cli(["convert", file, "--to", "portable"]);
    expect(code).toBe(EXIT.input);
    expect(err).toContain("keep the 1 formulas you typed that are rewritten");
    expect(err).toContain(
      "Open it in Excel and use Make portable or Use add-in functions in the add-in."
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test("upgrade moves a version-1 decision model to the current version", async () => {
    const template = TEMPLATES.find((t) => t.id === "decision-model")!;
    const specs = [buildAt(template, 1, DEFAULT_OPTIONS) as WorkbookSpec];
    const plan = planWorkbook(
      specs,
      DEFAULT_OPTIONS,
      chooseNames(specs, { sheets: [], tablesAndNames: [] })
    );
    const file = path.join(dir, "old.xlsx");
    fs.writeFileSync(file, (await writeXlsxBuffer(plan, NOW)).buffer);
    expect((await findings(file)).map((f) => f.kind)).toContain("upgradeAvailable");
    const dry = await cli(["upgrade", file, "--dry-run"]);
    expect(dry.code).toBe(EXIT.ok);
    expect(dry.out).toMatch(/^old\.xlsx: \d+ changes? \(--dry-run: nothing was written\)\n/);
    expect((await cli(["upgrade", file])).code).toBe(EXIT.ok);
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    expect(readBack.templates[0].record.version).toBe(template.version);
    expect((await findings(file)).map((f) => f.kind)).not.toContain("upgradeAvailable");
    expect((await findings(file)).filter((f) => f.severity === "error")).toEqual([]);
    expect((await cli(["upgrade", file])).out).toBe(
      "old.xlsx: Nothing to upgrade: every template is at the version this tool writes.\n"
    );
  });

  test("usage", () => {
    const problems = (argv: string[]) => {
      const parsed = parseCommand(argv);
      return parsed.kind === "usage" ? parsed.problems : [];
    };
    expect(problems(["convert", "a.xlsx"])).toEqual([
      "Say which formulas to use: --to portable (Excel's own) or --to addin (FINOPS functions).",
    ]);
    expect(problems(["convert", "a.xlsx", "--to", "native"])).toEqual([
      '--to must be portable or addin (got "native").',
    ]);
    expect(parseCommand(["upgrade", "a.xlsx", "--dry-run"])).toEqual({
      kind: "upgrade",
      file: "a.xlsx",
      dryRun: true,
    });
  });
});
