import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/help";
import { parseCommand } from "../../src/cli/command";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { writeXlsxBuffer } from "../../src/xlsx";
import { checkWorkbook } from "../../src/workbook/maintain/healthCheck";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { foreignView } from "../xlsx/foreign/canonicalParts";
import { withForeignParts } from "../xlsx/foreign/foreignParts";
import { cli, NOW } from "./runCli";

describe("finops-workbooks generate --into", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-into-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  test("adds the practice to a user's own workbook: their sheet and names kept, taken names freed", async () => {
    const file = path.join(dir, "own.xlsx");
    const book = new ExcelJS.Workbook();
    book.addWorksheet("Team budget").getCell("A1").value = "The team's own budget sheet";
    book.definedNames.add("'Team budget'!$A$1", "TeamBudgetYTD");
    await book.xlsx.writeFile(file);
    const { code, out, err } = await cli(["generate", "--template", "team-budget", "--into", file]);
    expect(code).toBe(EXIT.ok);
    expect(out).toBe(`Added to ${file}\nSheets: Team budget (2)\n`);
    expect(err).toContain('Note: the sheet "Team budget" is taken; this one is "Team budget (2)".');
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    expect(readBack.sheetNames.slice(0, 2)).toEqual(["Team budget", "Team budget (2)"]);
    expect(readBack.names.find((n) => n.name === "TeamBudgetYTD")?.formula).toBe(
      "='Team budget'!$A$1"
    );
    expect(checkWorkbook(readBack).findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("a workbook with a finance team's own parts keeps every one of them", async () => {
    const { plan } = planTemplates(["team-budget"], DEFAULT_OPTIONS, {
      sheets: [],
      tablesAndNames: [],
    });
    const start = await withForeignParts(new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer));
    const file = path.join(dir, "practice.xlsx");
    fs.writeFileSync(file, start);
    const ids = TEMPLATES.map((t) => t.id).filter((id) => id !== "team-budget");
    const args = ids.flatMap((id) => ["--template", id]);
    expect((await cli(["generate", ...args, "--into", file])).code).toBe(EXIT.ok);
    expect(await foreignView(fs.readFileSync(file))).toEqual(await foreignView(start));
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    const installed = readBack.templates.map((t) => t.record.templateId).sort();
    expect(installed).toEqual(TEMPLATES.map((t) => t.id).sort());
    expect((await cli(["check", file])).code).toBe(EXIT.ok);
  });

  test("unusable targets and flag mistakes", async () => {
    const missing = await cli(["generate", "--all", "--into", path.join(dir, "none.xlsx")]);
    expect(missing.code).toBe(EXIT.input);
    expect(missing.err).toMatch(/no such file .* Nothing was written\.\n$/);
    const problems = (argv: string[]) => {
      const parsed = parseCommand(argv);
      return parsed.kind === "usage" ? parsed.problems : [];
    };
    expect(problems(["generate", "--all", "--out", "a.xlsx", "--into", "b.xlsx"])).toEqual([
      "Use either --out (a new file) or --into (a workbook you have), not both.",
    ]);
    expect(problems(["generate", "--all", "--into", "b.xlsx", "--force"])).toEqual([
      "--force goes with --out; --into changes the workbook in place, all or nothing.",
    ]);
    expect(problems(["generate", "--all", "--into", "b.csv"])).toEqual([
      '--into must name an .xlsx file (got "b.csv").',
    ]);
  });
});
