import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT } from "../../src/cli/help";
import { parseCommand } from "../../src/cli/command";
import { cellPosition } from "../../src/workbook/addresses";
import { checkWorkbook } from "../../src/workbook/maintain/healthCheck";
import { PackageEdit } from "../../src/xlsx/edit/packageEdit";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { cli } from "./runCli";

describe("finops-workbooks repair", () => {
  let dir: string;
  let file: string;
  let budgetFy: { sheet: string; address: string };
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-repair-"));
    file = path.join(dir, "practice.xlsx");
    expect((await cli(["generate", "--all", "--sample", "--out", file])).code).toBe(EXIT.ok);
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    const lines = readBack.tables.find((t) => t.name === "BudgetLines")!;
    const top = cellPosition(lines.address.split(":")[0]);
    const column = top.column + lines.headers.indexOf("Budget FY");
    budgetFy = { sheet: lines.sheet, address: `${String.fromCharCode(65 + column)}${top.row + 2}` };
    const edit = await PackageEdit.open(fs.readFileSync(file));
    await edit.writeCells(budgetFy.sheet, [{ ...cellPosition(budgetFy.address), value: 400 }]);
    await edit.changeNames([{ name: "TeamBudgetYTD", formula: null }]);
    fs.writeFileSync(file, await edit.bytes());
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const errors = async () =>
    checkWorkbook((await readWorkbookFile(fs.readFileSync(file))).readBack).findings.filter(
      (f) => f.severity === "error"
    );

  test("--dry-run prints the pane's preview and leaves the file byte for byte", async () => {
    const before = fs.readFileSync(file);
    const { code, out } = await cli(["repair", file, "--dry-run"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(
      "practice.xlsx: 2 changes (--dry-run: nothing was written)\n" +
        "  Point the name TeamBudgetYTD at Team budget!B21 again.\n" +
        `  Team budget!${budgetFy.address}: restore the formula of Budget FY (1 cell), replacing what was typed: ${budgetFy.address} 400.\n`
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test("repairs in place: the check is clean after, and a second repair has nothing to do", async () => {
    expect((await errors()).map((f) => f.kind).sort()).toEqual(["missingName", "overwritten"]);
    const { code, out } = await cli(["repair", file]);
    expect(code).toBe(EXIT.ok);
    expect(out).toMatch(/^Repaired practice\.xlsx: 2 changes\n/);
    expect(await errors()).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(["practice.xlsx"]);
    expect((await cli(["repair", file])).out).toBe(
      "practice.xlsx: Nothing to repair: everything the templates own is in place.\n"
    );
  });

  test("a sheet gone from the list but whose table is still in the file: exit 5, said plainly, nothing written", async () => {
    const edit = await PackageEdit.open(fs.readFileSync(file));
    edit.pkg.write(
      "xl/workbook.xml",
      ((await edit.pkg.text("xl/workbook.xml")) ?? "").replace(
        /<sheet [^>]*name="Lens guide"[^>]*\/>/,
        ""
      )
    );
    fs.writeFileSync(file, await edit.bytes());
    const before = fs.readFileSync(file);
    const { code, out, err } = await cli(["repair", file]);
    expect([code, out]).toEqual([EXIT.input, ""]);
    expect(err).toBe(
      `finops-workbooks: ${file}: The workbook already has the name "MaturityLensGuide". Nothing was written.\n`
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  test("usage", () => {
    const problems = (argv: string[]) => {
      const parsed = parseCommand(argv);
      return parsed.kind === "usage" ? parsed.problems : [];
    };
    expect(problems(["repair"])).toEqual([
      "Name the workbook to repair, for example practice.xlsx.",
    ]);
    expect(problems(["repair", "a.xlsx", "--json"])[0]).toMatch(/Unknown option '--json'/);
    expect(parseCommand(["repair", "a.xlsx", "--dry-run"])).toEqual({
      kind: "repair",
      file: "a.xlsx",
      dryRun: true,
    });
    expect(parseCommand(["repair", "-h"])).toEqual({ kind: "help", topic: "repair" });
  });
});
