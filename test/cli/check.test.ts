import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/help";
import { parseCommand } from "../../src/cli/command";
import { cellPosition } from "../../src/workbook/addresses";
import { METADATA_SHEET, VERSION_COLUMN } from "../../src/workbook/metadata";
import { nameTarget } from "../../src/workbook/maintain/survey";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { cli } from "./runCli";

/** Rewrites a file through the file host's cell writer. */
async function change(
  file: string,
  sheet: string,
  writes: { address: string; value: string | number; formula?: string }[]
): Promise<void> {
  const edit = await PackageEdit.open(fs.readFileSync(file));
  await edit.writeCells(
    sheet,
    writes.map((w) => ({ ...cellPosition(w.address), value: w.value, formula: w.formula }))
  );
  fs.writeFileSync(file, await edit.bytes());
}

describe("finops-workbooks check", () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-check-"));
    file = path.join(dir, "practice.xlsx");
    expect((await cli(["generate", "--all", "--out", file])).code).toBe(EXIT.ok);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("a fresh workbook passes: exit 0, and says so", async () => {
    const { code, out } = await cli(["check", file]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(
      "Checked 7 templates in practice.xlsx: 0 errors, 0 warnings, 0 notes.\nEverything matches its template.\n"
    );
  });

  test("a formula typed over: exit 6, with the sheet, cell, what is wrong and the fix", async () => {
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    const ytd = readBack.names.find((n) => n.name === "TeamBudgetYTD")!.formula;
    const { sheet, address: cell } = nameTarget(ytd)!;
    await change(file, sheet, [{ address: cell, value: 5000 }]);
    const { code, out } = await cli(["check", file]);
    expect(code).toBe(EXIT.checkFailed);
    expect(out).toMatch(/^Checked 7 templates in practice\.xlsx: 1 error, 0 warnings, 0 notes\.\n/);
    expect(out).toContain(
      `\nerror: '${sheet}'!${cell} (Team budget)\n  5000 was typed over the formula of`
    );
    expect(out).toMatch(/\n {2}Fix: Repair puts the formula back \(=.+\)\.\n/);
  });

  test("--json is a stable list: format, counts and each finding's place", async () => {
    const clean = JSON.parse((await cli(["check", file, "--json"])).out);
    expect(clean).toEqual({
      format: 1,
      file,
      checked: expect.arrayContaining(["team-budget", "kpi-tracker"]),
      counts: { error: 0, warning: 0, info: 0 },
      repairable: 0,
      findings: [],
    });
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    const lines = readBack.tables.find((t) => t.name === "BudgetLines")!;
    const first = cellPosition(lines.address.split(":")[0]);
    const budget = lines.headers.findIndex((h) => /^Budget [A-Z][a-z]{2} \d{4}$/.test(h));
    const cell = `${String.fromCharCode(65 + first.column + budget)}${first.row + 2}`;
    await change(file, lines.sheet, [{ address: cell, value: "about 400" }]);
    const { code, out } = await cli(["check", file, "--json"]);
    expect(code).toBe(EXIT.ok);
    const report = JSON.parse(out);
    expect(report.counts).toEqual({ error: 0, warning: 1, info: 0 });
    expect(report.findings).toEqual([
      {
        severity: "warning",
        kind: "invalidInput",
        template: "team-budget",
        sheet: lines.sheet,
        cell,
        location: `'${lines.sheet}'!${cell}`,
        what: expect.stringContaining('"about 400"'),
        fix: expect.any(String),
        repairable: false,
      },
    ]);
  });

  describe("unusable workbooks: exit 5 and a plain message", () => {
    const refused = async (target: string, message: RegExp) => {
      const { code, out, err } = await cli(["check", target]);
      expect([code, out]).toEqual([EXIT.input, ""]);
      expect(err).toMatch(message);
      expect(err).not.toMatch(/unexpected|bug/i);
    };

    test("missing, a folder, not a zip, encrypted, open in Excel", async () => {
      await refused(path.join(dir, "none.xlsx"), /Cannot read .*none\.xlsx: there is no such file/);
      fs.mkdirSync(path.join(dir, "folder.xlsx"));
      await refused(path.join(dir, "folder.xlsx"), /is a folder/);
      const text = path.join(dir, "notes.xlsx");
      fs.writeFileSync(text, "Date,Amount\n2026-01-01,5\n");
      await refused(text, /notes\.xlsx is not an \.xlsx workbook/);
      const encrypted = path.join(dir, "locked.xlsx");
      fs.writeFileSync(
        encrypted,
        Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])
      );
      await refused(encrypted, /is encrypted \(saved with a password\)/);
      fs.writeFileSync(path.join(dir, "~$practice.xlsx"), "owner");
      await refused(file, /is open in Excel/);
    });

    test("a zip that is no workbook, and a workbook not made by this tool", async () => {
      const broken = path.join(dir, "broken.xlsx");
      fs.writeFileSync(
        broken,
        Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)])
      );
      await refused(broken, /broken\.xlsx is not a readable \.xlsx workbook/);
      const plain = path.join(dir, "plain.xlsx");
      const workbook = new ExcelJS.Workbook();
      workbook.addWorksheet("Sheet1").getCell("A1").value = 5;
      await workbook.xlsx.writeFile(plain);
      await refused(plain, /plain\.xlsx holds no practice templates made by this tool/);
    });

    test("a template version newer than this tool knows", async () => {
      await change(file, METADATA_SHEET, [
        { address: `${String.fromCharCode(65 + VERSION_COLUMN)}2`, value: 99 },
      ]);
      await refused(
        file,
        /made by a newer version of this tool \(.* is at version 99, this tool knows \d+\): update finops-workbooks/
      );
    });
  });

  test("usage: one .xlsx workbook, --json the only option", () => {
    const problems = (argv: string[]) => {
      const parsed = parseCommand(argv);
      return parsed.kind === "usage" ? parsed.problems : [];
    };
    expect(problems(["check"])).toEqual(["Name the workbook to check, for example practice.xlsx."]);
    expect(problems(["check", "a.xlsx", "b.xlsx"])).toEqual([
      'check takes one workbook (got "a.xlsx", "b.xlsx").',
    ]);
    expect(problems(["check", "a.csv"])).toEqual(['check works on .xlsx workbooks (got "a.csv").']);
    expect(problems(["check", "a.xlsx", "--fix"])[0]).toMatch(/Unknown option '--fix'/);
    expect(parseCommand(["check", "a.xlsx", "--json"])).toEqual({
      kind: "check",
      file: "a.xlsx",
      json: true,
    });
    expect(parseCommand(["check", "--help"])).toEqual({ kind: "help", topic: "check" });
  });
});
