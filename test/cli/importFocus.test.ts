import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { run } from "../../src/cli/run";
import { EXIT } from "../../src/cli/help";
import JSZip from "jszip";
import { cellAt } from "../../src/xlsx/read/sheetCells";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { openWorkbookPackage } from "../../src/xlsx/read/workbookPackage";
import { foreignView } from "../xlsx/foreign/canonicalParts";
import { withForeignParts } from "../xlsx/foreign/foreignParts";
import { NOTES_SHEET } from "../xlsx/foreign/sheet";
import { chartsOf } from "../xlsx/readCharts";

const FIXTURE = path.join(__dirname, "fixtures/focus-small.csv");
const NOW = new Date("2026-11-29T12:00:00Z");

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), now: () => NOW },
    out: () => out.join(""),
    err: () => err.join(""),
  };
}

async function generated(dir: string, extra: string[] = []): Promise<string> {
  const file = path.join(dir, "practice.xlsx");
  const code = await run(
    ["generate", "--template", "kpi-tracker", "--sample", "--out", file, ...extra],
    io().io
  );
  expect(code).toBe(EXIT.ok);
  return file;
}

async function open(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

describe("finops-workbooks import-focus", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-import-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("writes the Cost data sheet and only the confirmed periods, printing old -> new", async () => {
    const file = await generated(dir);
    const cli = io();
    const code = await run(
      [
        "import-focus",
        FIXTURE,
        "--into",
        file,
        "--group-by",
        "sub-account",
        "--periods",
        "2026-01",
      ],
      cli.io
    );
    expect(code).toBe(EXIT.ok);
    expect(cli.out()).toContain("KPI tracker!G32 Effective savings rate, Jan 2026: 14% -> 27.78%");
    expect(cli.out()).not.toContain("Feb 2026");
    const workbook = await open(file);
    const kpi = workbook.getWorksheet("KPI tracker")!;
    expect(kpi.getCell("G32").value).toBe(27.777778);
    expect(kpi.getCell("H32").value).toBe(16);
    const sheet = workbook.getWorksheet("Cost data")!;
    const groups: unknown[] = [];
    sheet.eachRow((row) => groups.push(row.getCell(2).value));
    // Sub accounts that look like formulas are stored as text, never as formulas.
    expect(groups).toEqual(expect.arrayContaining(['=HYPERLINK("x")', "+1", "-2"]));
    sheet.eachRow((row) => row.eachCell((c) => expect(c.type).not.toBe(ExcelJS.ValueType.Formula)));
    expect(workbook.definedNames.model.find((n) => n.name === "FinOpsCostData")?.ranges).toEqual([
      "'Cost data'!$A$1",
    ]);
  });

  it("without --periods shows the changes and leaves the tracker alone; a second import replaces its sheet", async () => {
    const file = await generated(dir);
    const first = io();
    expect(await run(["import-focus", FIXTURE, "--into", file], first.io)).toBe(EXIT.ok);
    expect(first.out()).toContain("KPI actuals not written");
    expect((await open(file)).getWorksheet("KPI tracker")!.getCell("G32").value).toBe(14);
    const second = io();
    expect(await run(["import-focus", FIXTURE, "--into", file, "--all-periods"], second.io)).toBe(
      EXIT.ok
    );
    expect(second.out()).toContain('replaces the earlier import\'s "Cost data"');
    const names = (await open(file)).worksheets.map((w) => w.name);
    expect(names.filter((n) => n.startsWith("Cost data"))).toEqual(["Cost data"]);
  });

  it("reads a file saved as Excel saves CSV in European locales as it reads FOCUS's own, and says so", async () => {
    // The fixture with ";" between values and amounts written with decimal commas ("100,00").
    const semicolons = path.join(dir, "excel.csv");
    const [header, ...rows] = fs.readFileSync(FIXTURE, "utf8").trim().split("\n");
    const amounts = ["BilledCost", "EffectiveCost", "ListCost", "ContractedCost"].map((c) =>
      header.split(",").indexOf(c)
    );
    const lines = rows.map((line) =>
      line
        .split(",")
        .map((value, i) => (amounts.includes(i) ? `${value},00` : value))
        .join(";")
    );
    fs.writeFileSync(semicolons, [header.replace(/,/g, ";"), ...lines].join("\r\n") + "\r\n");
    const outputs = [];
    for (const [name, input] of [
      ["focus", FIXTURE],
      ["excel", semicolons],
    ]) {
      const file = await generated(fs.mkdtempSync(path.join(dir, name)));
      const cli = io();
      expect(
        await run(["import-focus", input, "--into", file, "--group-by", "sub-account"], cli.io)
      ).toBe(EXIT.ok);
      outputs.push({ out: cli.out().replace(file, "WORKBOOK"), err: cli.err() });
    }
    const [focus, excel] = outputs;
    expect(excel.out).toBe(focus.out);
    expect(focus.err).not.toMatch(/Read as/);
    expect(excel.err).toContain(
      "Read as semicolon-separated values with decimal commas (as Excel saves CSV in many European locales).\n"
    );
  });

  it("refuses bad input with exit codes and leaves the workbook untouched", async () => {
    const file = await generated(dir);
    const before = fs.readFileSync(file);
    const bars = path.join(dir, "bars.csv");
    fs.writeFileSync(bars, fs.readFileSync(FIXTURE, "utf8").replace(/,/g, "|"));
    const cases: [string[], number][] = [
      [["import-focus", FIXTURE], EXIT.usage],
      [["import-focus", FIXTURE, "--into", file, "--group-by", "team"], EXIT.usage],
      [["import-focus", FIXTURE, "--into", file, "--periods", "2026-07"], EXIT.usage],
      [["import-focus", bars, "--into", file], EXIT.input],
      [["import-focus", FIXTURE, "--into", path.join(dir, "missing.xlsx")], EXIT.input],
    ];
    for (const [argv, expected] of cases) {
      const cli = io();
      expect([argv.join(" "), await run(argv, cli.io)]).toEqual([argv.join(" "), expected]);
      expect(cli.err()).toMatch(/finops-workbooks: /);
    }
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(dir).filter((f) => f.includes("partial"))).toEqual([]);
  });

  it("shows a formula typed into a KPI cell as Excel shows it, FINOPS calls and all", async () => {
    const file = await generated(dir);
    const workbook = await open(file);
    // As Excel stores =FINOPS.ESR(100,80) typed into the cell.
    workbook.getWorksheet("KPI tracker")!.getCell("G32").value = {
      formula: "_xldudf_FINOPS_ESR(100,80)",
      result: 0.2,
    } as ExcelJS.CellFormulaValue;
    await workbook.xlsx.writeFile(file);
    const cli = io();
    expect(await run(["import-focus", FIXTURE, "--into", file], cli.io)).toBe(EXIT.ok);
    expect(cli.out()).toContain("Effective savings rate, Jan 2026: =FINOPS.ESR(100,80) -> 27.78%");
  });

  it("says why a workbook file cannot be used: not a workbook, encrypted, open in Excel", async () => {
    const plain = path.join(dir, "notes.xlsx");
    fs.writeFileSync(plain, "Just some text.");
    // An encrypted workbook is an OLE compound file, as an old .xls is.
    const encrypted = path.join(dir, "secret.xlsx");
    fs.writeFileSync(
      encrypted,
      Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(504)])
    );
    const open = await generated(dir);
    fs.writeFileSync(path.join(dir, `~$${path.basename(open)}`), "owner");
    const cases: [string, RegExp][] = [
      [plain, /notes\.xlsx is not an \.xlsx workbook\. Nothing was written\./],
      [
        encrypted,
        /secret\.xlsx is encrypted \(saved with a password\) or an old \.xls file: open it in Excel and save it as an Excel Workbook \(\.xlsx\) without a password\./,
      ],
      [
        open,
        /practice\.xlsx is open in Excel \(its lock file ~\$practice\.xlsx is beside it\): close it in Excel, then run this again\./,
      ],
    ];
    for (const [file, message] of cases) {
      const before = fs.readFileSync(file);
      const cli = io();
      expect(await run(["import-focus", FIXTURE, "--into", file, "--all-periods"], cli.io)).toBe(
        EXIT.input
      );
      expect(cli.err()).toMatch(message);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    }
  });
});

describe("import-focus on a workbook with charts", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-import-charts-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("keeps every chart of the practice set, on its sheet, over the same cells", async () => {
    const file = path.join(dir, "practice.xlsx");
    expect(await run(["generate", "--all", "--sample", "--out", file], io().io)).toBe(EXIT.ok);
    const before = await chartsOf(await JSZip.loadAsync(fs.readFileSync(file)));
    expect(before.length).toBeGreaterThanOrEqual(7);
    const cli = io();
    expect(await run(["import-focus", FIXTURE, "--into", file, "--all-periods"], cli.io)).toBe(
      EXIT.ok
    );
    const zip = await JSZip.loadAsync(fs.readFileSync(file));
    const after = await chartsOf(zip);
    const shape = (charts: typeof before) =>
      charts.map((c) => ({
        sheet: c.sheet,
        title: c.title,
        series: c.series.map((s) => s.values),
        from: c.from,
        to: c.to,
      }));
    expect(shape(after)).toEqual(shape(before));
    // The Cost data sheet was added beside them.
    expect((await open(file)).worksheets.map((s) => s.name)).toContain("Cost data");
    // Importing again carries them again (no duplicates, no lost parts).
    expect(await run(["import-focus", FIXTURE, "--into", file], io().io)).toBe(EXIT.ok);
    expect(shape(await chartsOf(await JSZip.loadAsync(fs.readFileSync(file))))).toEqual(
      shape(before)
    );
    expect(
      Object.keys(zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
    ).toHaveLength(before.length);
  });

  it("keeps the print layout: column page breaks and print areas of several ranges", async () => {
    const file = path.join(dir, "print.xlsx");
    expect(await run(["generate", "--all", "--sample", "--out", file], io().io)).toBe(EXIT.ok);
    // The practice sheets' layout; the Cost data sheet is printed as a new file prints it.
    const layout = async () => {
      const pkg = await openWorkbookPackage(fs.readFileSync(file));
      const book = (await pkg.text("xl/workbook.xml"))!;
      const areas = [...book.matchAll(/<definedName name="_xlnm\.Print_Area"[^>]*>([^<]*)</g)]
        .map((m) => m[1])
        .filter((a) => !a.includes("Cost data"));
      const breaks: string[] = [];
      for (const sheet of pkg.sheets.filter((s) => s.name !== "Cost data"))
        breaks.push(...((await pkg.text(sheet.path))!.match(/<brk id="\d+"/g) ?? []));
      return { areas: areas.sort(), breaks: breaks.sort() };
    };
    const before = await layout();
    // Sheets printed across pages (the staffing plan, the KPI tracker) print areas of several ranges.
    expect(before.areas.some((a) => a.split(",").length >= 2)).toBe(true);
    expect(before.breaks.length).toBeGreaterThan(0);
    expect(await run(["import-focus", FIXTURE, "--into", file], io().io)).toBe(EXIT.ok);
    expect(await layout()).toEqual(before);
  });
});

describe("import-focus on a workbook a team added their own parts to", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-import-foreign-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("leaves their pivot table, slicer, note, picture, chart, links and names as they were", async () => {
    const file = path.join(dir, "team.xlsx");
    // Without sample data, so the tracker's latest values are the imported months'.
    expect(await run(["generate", "--all", "--out", file], io().io)).toBe(EXIT.ok);
    fs.writeFileSync(file, await withForeignParts(fs.readFileSync(file)));
    const before = await foreignView(fs.readFileSync(file));
    const imports = [
      ["--periods", "2026-01"],
      // The second replaces the first's sheet in place.
      ["--all-periods"],
    ];
    const outputs: string[] = [];
    for (const periods of imports) {
      const cli = io();
      expect(await run(["import-focus", FIXTURE, "--into", file, ...periods], cli.io)).toBe(
        EXIT.ok
      );
      outputs.push(cli.out());
      expect(await foreignView(fs.readFileSync(file))).toEqual(before);
    }
    expect(outputs[1]).toContain('replaces the earlier import\'s "Cost data"');

    const workbook = await open(file);
    const names = workbook.worksheets.map((w) => w.name);
    expect([names[1], names[names.length - 1]]).toEqual([NOTES_SHEET, "Cost data"]);
    const kpi = workbook.getWorksheet("KPI tracker")!;
    expect(kpi.getCell("G32").value).toBe(27.777778);
    expect(kpi.getCell("H32").value).toBe(-10);
    const months: unknown[] = [];
    workbook.getWorksheet("Cost data")!.eachRow((row) => months.push(row.getCell(1).value));
    expect(months).toEqual(expect.arrayContaining(["2026-01", "2026-02"]));
    expect(workbook.definedNames.model.find((n) => n.name === "FinOpsCostData")?.ranges).toEqual([
      "'Cost data'!$A$1",
    ]);

    // The tracker's formulas cache what they compute from the imported actuals: the savings
    // rate's latest value and period are February's.
    const { sheets, readBack } = await readWorkbookFile(fs.readFileSync(file));
    const table = readBack.tables.find((t) => t.name === "Kpis")!;
    const cells = sheets.get(table.sheet.toLowerCase())!.cells;
    const top = Number(/\d+/.exec(table.address)![0]) - 1;
    const column = (header: string) => table.headers.indexOf(header);
    const left = table.address.charCodeAt(0) - 65;
    let row = top + 1;
    while (cellAt(cells, row, left + column("ID")).value !== "KL-01") row += 1;
    expect(cellAt(cells, row, left + column("Latest value")).value).toBe(-10);
    expect(cellAt(cells, row, left + column("Latest period")).value).toBe("Feb 2026");
  });
});
