import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { EXIT } from "../../src/cli/help";
import { parseCommand } from "../../src/cli/command";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { cli } from "./runCli";

describe("finops-workbooks record-assessment", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-record-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const history = async (file: string) => {
    const { readBack } = await readWorkbookFile(fs.readFileSync(file));
    return readBack.tables.find((t) => t.name === "MaturityHistory")!;
  };

  test("adds a row to the history and stretches the chart; --dry-run writes nothing", async () => {
    const file = path.join(dir, "practice.xlsx");
    await cli(["generate", "--all", "--sample", "--out", file]);
    const before = await history(file);
    const bytes = fs.readFileSync(file);
    const dry = await cli(["record-assessment", file, "--date", "2026-09-30", "--dry-run"]);
    expect(dry.code).toBe(EXIT.ok);
    expect(dry.out).toMatch(
      /^practice\.xlsx: 2 changes \(--dry-run: nothing was written\)\n {2}Maturity scorecard: add 2026-09-30 to the assessment history: practice score/
    );
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);

    const { code, out } = await cli(["record-assessment", file, "--date", "2026-09-30"]);
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('the chart "Practice score trend" covers the');
    const after = await history(file);
    const rows = (address: string) => {
      const [a, b] = address.split(":").map((c) => Number(/\d+$/.exec(c)![0]));
      return b - a;
    };
    expect(rows(after.address)).toBe(rows(before.address) + 1);
    // The record is the history's last row, dated as asked, and the trend chart reaches it.
    const file_ = await readWorkbookFile(fs.readFileSync(file));
    const last = Number(/\d+$/.exec(after.address)![0]);
    const scorecard = file_.sheets.get(after.sheet.toLowerCase())!;
    const dates = [...(scorecard.cells.rows.get(last - 1)?.values() ?? [])].map((c) => c.value);
    expect(dates).toContain(46295); // 2026-09-30
    const chart = scorecard.objects.charts.find((c) => c.title === "Practice score trend")!;
    const refs = [...((await file_.pkg.text(chart.path)) ?? "").matchAll(/<c:f>([^<]*)<\/c:f>/g)]
      .map((m) => m[1])
      .filter((ref) => ref.includes(":"));
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(ref.endsWith(`$${last}`)).toBe(true);
    expect((await cli(["check", file])).code).toBe(EXIT.ok);
  });

  test("a workbook without a scorecard: nothing recorded, and why", async () => {
    const file = path.join(dir, "budget.xlsx");
    await cli(["generate", "--template", "team-budget", "--out", file]);
    const bytes = fs.readFileSync(file);
    const { code, out, err } = await cli(["record-assessment", file]);
    expect([code, out]).toEqual([EXIT.ok, "budget.xlsx: Nothing recorded.\n"]);
    expect(err).toBe("Note: This workbook has no maturity scorecard made by the add-in.\n");
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
  });

  test("usage", () => {
    const problems = (argv: string[]) => {
      const parsed = parseCommand(argv);
      return parsed.kind === "usage" ? parsed.problems : [];
    };
    expect(problems(["record-assessment", "a.xlsx", "--date", "2026-02-30"])).toEqual([
      '--date takes a date as YYYY-MM-DD (got "2026-02-30").',
    ]);
    expect(problems(["record-assessment"])).toEqual([
      "Name the workbook to record the assessment in, for example practice.xlsx.",
    ]);
    expect(parseCommand(["record-assessment", "a.xlsx", "--date", "2026-06-30"])).toEqual({
      kind: "record-assessment",
      file: "a.xlsx",
      dryRun: false,
      date: new Date("2026-06-30T00:00:00Z"),
    });
  });
});
