import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { EXIT } from "../../src/cli/help";
import { METADATA_SHEET, readInstalled } from "../../src/workbook/metadata";
import { nameTarget } from "../../src/workbook/maintain/survey";
import { TemplateOptions } from "../../src/workbook/options";
import { readWorkbookFile } from "../../src/xlsx/read/readWorkbookFile";
import { cli } from "./runCli";

/** Every sheet's cell values as ExcelJS reads them back (formulas by their cached result). */
async function sheetValues(file: string): Promise<Map<string, unknown[][]>> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  const sheets = new Map<string, unknown[][]>();
  book.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, n) => {
      rows[n - 1] = (row.values as unknown[])
        .slice(1)
        .map((v) => (v && typeof v === "object" && "result" in v ? v.result : v));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

/** The options each template's metadata row records, read as the add-in reads them. */
async function recordedOptions(file: string): Promise<TemplateOptions[]> {
  const rows = (await sheetValues(file)).get(METADATA_SHEET) ?? [];
  return readInstalled(rows.map((r) => r ?? [])).map((t) => t.options);
}

/** The sheets a reader sees (the metadata store is very hidden) and their titles (cell A1). */
async function titles(file: string): Promise<string[]> {
  const sheets = await sheetValues(file);
  return [...sheets]
    .filter(([name]) => name !== METADATA_SHEET)
    .map(([, rows]) => String(rows[0][0]));
}

async function namedValue(file: string, name: string): Promise<unknown> {
  const { readBack } = await readWorkbookFile(fs.readFileSync(file));
  const formula = readBack.names.find((n) => n.name === name)?.formula;
  const target = nameTarget(String(formula));
  if (!target) throw new Error(`no name ${name}`);
  const match = /^([A-Z]+)(\d+)$/.exec(target.address) as RegExpExecArray;
  const column = [...match[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return (await sheetValues(file)).get(target.sheet)?.[Number(match[2]) - 1]?.[column - 1];
}

describe("generate --department", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-departments-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = (name: string) => path.join(dir, name);

  test("records the department and its lead: every title, the adoption plan, the metadata", async () => {
    const out = file("payments.xlsx");
    const args = ["generate", "--all", "--department", "  Payments ", "--lead", "Ana Lima"];
    expect((await cli([...args, "--sample", "--out", out])).code).toBe(EXIT.ok);
    const shown = await titles(out);
    // The lens guide is the FinOps Assessment's reference text, the same for everyone: untitled by org.
    expect(shown.filter((t) => t !== "What each lens score means")).toHaveLength(9);
    for (const title of shown.filter((t) => t !== "What each lens score means"))
      expect(title).toMatch(/^Contoso Retail, Payments: .+ \(sample figures\)$/);
    expect(shown).toContain("Contoso Retail, Payments: FinOps team budget FY2026 (sample figures)");
    expect(await namedValue(out, "AdoptionDepartment")).toBe("Payments");
    expect(await namedValue(out, "MaturityTargetGroup")).toBe("Payments");
    const options = await recordedOptions(out);
    expect(options).toHaveLength(7);
    for (const o of options) {
      expect(o.department).toBe("Payments");
      expect(o.departmentLead).toBe("Ana Lima");
    }

    // Without sample data the department is still recorded and named, and the activities are its own.
    const empty = file("empty.xlsx");
    expect((await cli([...args, "--out", empty])).code).toBe(EXIT.ok);
    expect(await titles(empty)).toContain("Contoso Retail, Payments: FinOps adoption plan");
    expect(await namedValue(empty, "AdoptionDepartment")).toBe("Payments");
  }, 60_000);

  test("a department's sample passes the health check with no error, for several departments", async () => {
    for (const department of ["Payments", "Logistics", "Data platform", "Zahlungsverkehr Ü"]) {
      const out = file(`${department}.xlsx`);
      const args = ["generate", "--all", "--sample", "--department", department, "--out", out];
      expect((await cli(args)).code).toBe(EXIT.ok);
      const checked = await cli(["check", out]);
      expect([department, checked.code]).toEqual([department, EXIT.ok]);
      expect(checked.out).toMatch(/: 0 errors, /);
    }
  }, 60_000);

  test("the same department gives the same figures; two departments differ", async () => {
    const generate = async (department: string, name: string) => {
      const out = file(name);
      const args = ["generate", "--all", "--sample", "--department", department, "--out", out];
      expect((await cli(args)).code).toBe(EXIT.ok);
      return sheetValues(out);
    };
    const first = await generate("Payments", "a.xlsx");
    const again = await generate("Payments", "b.xlsx");
    const other = await generate("Logistics", "c.xlsx");
    expect([...again]).toEqual([...first]);
    for (const sheet of ["Team budget", "Staffing plan", "KPI tracker", "Maturity scorecard"])
      expect([sheet, other.get(sheet)]).not.toEqual([sheet, first.get(sheet)]);
  }, 60_000);

  test("bad department or lead: exit 2 with what is wrong and how to fix it", async () => {
    const out = file("x.xlsx");
    const blank = await cli(["generate", "--all", "--department", "   ", "--out", out]);
    expect(blank.code).toBe(EXIT.usage);
    expect(blank.err).toContain(
      "--department: The department is empty: enter its name, or leave it out for an organisation-wide workbook."
    );
    const long = await cli(["generate", "--all", "--department", "D".repeat(81), "--out", out]);
    expect(long.err).toContain(
      "--department: Use at most 80 characters for the department (this one has 81)."
    );
    const lead = await cli(["generate", "--all", "--lead", "Ana Lima", "--out", out]);
    expect(lead.code).toBe(EXIT.usage);
    expect(lead.err).toContain(
      "--lead: A lead is recorded with a department: give the department too."
    );
    const eighty = await cli(["generate", "--all", "--department", "D".repeat(80), "--out", out]);
    expect(eighty.code).toBe(EXIT.ok);
  }, 60_000);
});

describe("generate --departments-from", () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-departments-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const csv = (text: string) => {
    const at = path.join(dir, "departments.csv");
    fs.writeFileSync(at, text);
    return at;
  };
  const generate = (from: string, outDir: string, ...extra: string[]) =>
    cli([
      "generate",
      "--template",
      "adoption-plan",
      "--template",
      "team-budget",
      "--departments-from",
      from,
      "--out-dir",
      outDir,
      ...extra,
    ]);

  test("one workbook per row, as Excel saves the CSV (BOM, CRLF, quoted commas); rows over flags", async () => {
    const from = csv(
      "\uFEFFDepartment,Lead,Team Model,CURRENCY\r\n" +
        "Payments,Ana Lima,central,eur\r\n" +
        '"Stores, EMEA","O\'Brien, Pat",Hub and spoke,GBP\r\n' +
        "Logistics,,,\r\n"
    );
    const outDir = path.join(dir, "new", "folder");
    const { code, out } = await generate(
      from,
      outDir,
      "--org",
      "Fabrikam",
      "--currency",
      "CHF",
      "--team-model",
      "virtual",
      "--sample"
    );
    expect(code).toBe(EXIT.ok);
    const written = ["Payments", "Stores, EMEA", "Logistics"].map((d) =>
      path.join(outDir, `${d}.xlsx`)
    );
    expect(out).toBe(
      `Wrote ${written[0]} (Payments)\nWrote ${written[1]} (Stores, EMEA)\nWrote ${written[2]} (Logistics)\n`
    );
    const expected = [
      { department: "Payments", departmentLead: "Ana Lima", teamModel: "central", currency: "EUR" },
      {
        department: "Stores, EMEA",
        departmentLead: "O'Brien, Pat",
        teamModel: "hub-and-spoke",
        currency: "GBP",
      },
      { department: "Logistics", teamModel: "virtual", currency: "CHF" },
    ];
    for (const [i, at] of written.entries()) {
      const [options] = await recordedOptions(at);
      expect(options).toMatchObject({ ...expected[i], organisation: "Fabrikam", sampleData: true });
      if (expected[i].departmentLead === undefined) expect(options.departmentLead).toBeUndefined();
      expect(await titles(at)).toContain(
        `Fabrikam, ${expected[i].department}: FinOps adoption plan (sample figures)`
      );
    }
  }, 60_000);

  test("a bad row anywhere: exit 5 naming each line and the fix, nothing written", async () => {
    const from = csv(
      "department,team model,currency,lead\n" +
        "Payments,central,EUR,Ana\n" +
        "Stores,matrix,EUR,\n" +
        ",central,EUR,\n" +
        "Logistics,central,EURO,\n" +
        "payments,,,\n" +
        `${"L".repeat(81)},,,\n`
    );
    const outDir = path.join(dir, "out");
    const { code, err } = await generate(from, outDir);
    expect(code).toBe(EXIT.input);
    expect(err).toContain(
      `${from} line 3: team model "matrix" is not one of central, hub-and-spoke, virtual.`
    );
    expect(err).toContain(
      `${from} line 4: the department is empty; write its name, or delete the row.`
    );
    expect(err).toContain(
      `${from} line 5: currency: "EURO" is not an ISO 4217 currency code (for example USD, EUR, GBP).`
    );
    expect(err).toContain(
      `${from} line 6: "payments" is already on line 2; each department gets one workbook, so delete one of the rows.`
    );
    expect(err).toContain(`${from} line 7: department: Use at most 80 characters`);
    expect(err).toContain("Nothing was written");
    expect(fs.existsSync(outDir)).toBe(false);
  }, 60_000);

  test("the file's own mistakes: no department column, unknown column, unclosed quote, empty file", async () => {
    const cases: [string, string][] = [
      [
        "name,lead\nPayments,Ana\n",
        'line 1: unknown column "name". The columns are department, lead, team model, currency (only department is required).',
      ],
      [
        "lead\nAna\n",
        'line 1: no department column. Head the column of department names "department".',
      ],
      [
        'department\n"Payments\n',
        'line 2: a quoted value is not closed; add the closing " (a " inside a value is written "").',
      ],
      [
        "\n\n",
        "The file is empty: write a header row (department, lead, team model, currency), then a row per department.",
      ],
      ["department\n", "line 1: no departments below the header; add a row per department."],
      [
        "department\nPayments, EMEA\n",
        'line 2: more values than columns; put a value with a comma in quotes ("Payments, EMEA").',
      ],
    ];
    for (const [text, message] of cases) {
      const { code, err } = await generate(csv(text), path.join(dir, "out"));
      expect([text, code]).toEqual([text, EXIT.input]);
      expect(err).toContain(message);
    }
    const missing = await generate(path.join(dir, "none.csv"), path.join(dir, "out"));
    expect(missing.code).toBe(EXIT.input);
    expect(missing.err).toContain(
      "none.csv: there is no such file; check the path. Nothing was written."
    );
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  }, 60_000);

  test("a semicolon-separated file, as Excel saves CSV in many European locales, is read too", async () => {
    const from = csv("Department;Currency\nZahlungsverkehr;EUR\n");
    const { code } = await generate(from, path.join(dir, "out"));
    expect(code).toBe(EXIT.ok);
    const [options] = await recordedOptions(path.join(dir, "out", "Zahlungsverkehr.xlsx"));
    expect(options.currency).toBe("EUR");
  }, 60_000);

  test("two departments with one file name: a usage error naming both", async () => {
    const from = csv("department\nFinance/Tax\nFinance:Tax\n");
    const { code, err } = await generate(from, path.join(dir, "out"));
    expect(code).toBe(EXIT.usage);
    expect(err).toContain(
      '"Finance/Tax" (line 2) and "Finance:Tax" (line 3) would both be written to Finance-Tax.xlsx'
    );
    expect(fs.existsSync(path.join(dir, "out"))).toBe(false);
  }, 60_000);

  test("files already there: exit 3 naming them, nothing written; --force overwrites", async () => {
    const from = csv("department\nPayments\nStores\n");
    const outDir = path.join(dir, "out");
    fs.mkdirSync(outDir);
    fs.writeFileSync(path.join(outDir, "Stores.xlsx"), "mine");
    const refused = await generate(from, outDir);
    expect(refused.code).toBe(EXIT.exists);
    expect(refused.err).toContain(
      `In ${outDir}, this file already exists:\n  Stores.xlsx\nAdd --force to overwrite them, or choose another --out-dir. Nothing was written.`
    );
    expect(fs.readdirSync(outDir)).toEqual(["Stores.xlsx"]);
    expect(fs.readFileSync(path.join(outDir, "Stores.xlsx"), "utf8")).toBe("mine");
    const forced = await generate(from, outDir, "--force");
    expect(forced.code).toBe(EXIT.ok);
    expect(fs.readdirSync(outDir).sort()).toEqual(["Payments.xlsx", "Stores.xlsx"]);
    expect((await recordedOptions(path.join(outDir, "Stores.xlsx")))[0].department).toBe("Stores");
  }, 60_000);

  test("--out, --into, --department and --lead do not go with it; --out-dir is needed", async () => {
    const from = csv("department\nPayments\n");
    const clash = await cli([
      "generate",
      "--all",
      "--departments-from",
      from,
      "--out",
      "x.xlsx",
      "--into",
      "y.xlsx",
      "--department",
      "P",
      "--lead",
      "Q",
    ]);
    expect(clash.code).toBe(EXIT.usage);
    for (const flag of ["--out", "--into", "--department", "--lead"])
      expect(clash.err).toContain(`${flag} cannot be used with --departments-from`);
    expect(clash.err).toContain("--departments-from needs --out-dir FOLDER");
    const dirAlone = await cli(["generate", "--all", "--out-dir", dir]);
    expect(dirAlone.code).toBe(EXIT.usage);
    expect(dirAlone.err).toContain("--out-dir goes with --departments-from FILE.csv");
  }, 60_000);

  test("the help explains the new flags", async () => {
    const { out } = await cli(["help", "generate"]);
    for (const flag of [
      "--department NAME",
      "--lead NAME",
      "--departments-from FILE.csv",
      "--out-dir DIR",
    ])
      expect(out).toContain(flag);
  }, 60_000);
});
