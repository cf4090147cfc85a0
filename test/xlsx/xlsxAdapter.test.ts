import ExcelJS from "exceljs";
import { generateWorkbooks, ExcelHost } from "../../src/excel/generateWorkbooks";
import { TABLE_STYLE } from "../../src/workbook/styles";
import { CellValue, isErrorValue } from "../../src/domain/cellValue";
import { planTemplates } from "../../src/workbook/generate";
import { METADATA_HEADERS, METADATA_SHEET, metadataRows } from "../../src/workbook/metadata";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { PlannedSheet, RenderPlan } from "../../src/workbook/plan";
import { TEMPLATES } from "../../src/workbook/templates";
import { planToWorkbook, writeXlsxBuffer } from "../../src/xlsx";
import { apiFormula, fileFormula } from "../../src/xlsx/formulas";
import { cellPosition } from "../../src/workbook/addresses";
import { a1, cellsOf } from "../../src/xlsx/ranges";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { createOfficeFake } from "../fakes/excel/office";

/**
 * The file adapter writes what the plan says, and the same cell contents, formats and metadata as the
 * Office.js adapter writes into the in-memory Excel (the "same output from both adapters").
 */
const NOW = new Date("2026-11-29T12:00:00Z");
const PORTABLE: TemplateOptions = { ...DEFAULT_OPTIONS, formulaMode: "portable" };
// A fresh fake workbook holds "Sheet1": plan the file with the same names in use so both choose alike.
const IN_A_NEW_WORKBOOK = { sheets: ["Sheet1"], tablesAndNames: [] };

function hostFor(fake: ExcelFake): ExcelHost {
  return {
    excel: fake.asOfficeExcel(),
    requirements: createOfficeFake({ excelApi: "1.12" }).context.requirements,
    now: () => NOW,
  };
}

async function readBack(plan: RenderPlan) {
  const { buffer, report } = await writeXlsxBuffer(plan, NOW);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return { workbook, report };
}

/** Each worksheet's XML as ExcelJS writes it (stored, not deflated, so that it can be searched). */
async function sheetXml(plan: RenderPlan): Promise<Map<string, string>> {
  const { workbook } = await planToWorkbook(plan, NOW);
  const zip = Buffer.from(
    await workbook.xlsx.writeBuffer({ zip: { compression: "STORE" } } as ExcelJS.XlsxWriteOptions)
  ).toString("utf8");
  const parts = zip.match(/<worksheet [\s\S]*?<\/worksheet>/g) ?? [];
  expect(parts).toHaveLength(workbook.worksheets.length);
  // ExcelJS stores sheet1.xml, sheet2.xml... in the order the sheets were added.
  return new Map(workbook.worksheets.map((sheet, i) => [sheet.name, parts[i]]));
}

/** An ExcelJS cell (through a helper: the Office.js lint rules take getCell for Excel's own). */
function at(sheet: ExcelJS.Worksheet, address: string): ExcelJS.Cell {
  return sheet.getCell(address);
}

function cellXml(xml: string, address: string): string {
  return new RegExp(`<c r="${address}"[^>]*?(/>|>.*?</c>)`).exec(xml)?.[0] ?? "";
}

/** Every planned cell with its address. */
function plannedCells(sheet: PlannedSheet) {
  return sheet.ranges.flatMap((range) => {
    const { row, column } = cellPosition(range.address);
    return range.rows.flatMap((cells, r) =>
      cells.map((cell, c) => ({ address: a1(row + r, column + c), cell }))
    );
  });
}

/** ExcelJS reads a number in a date-formatted cell back as a Date: the serial number the file holds. */
function stored(value: unknown): unknown {
  return value instanceof Date ? (value.getTime() - Date.UTC(1899, 11, 30)) / 86400000 : value;
}

function cachedForm(value: CellValue): unknown {
  return isErrorValue(value) ? { error: value.code } : value;
}

// --- One normal form for a cell of either adapter: content, number format, the formats styles set. ---

type Normal = Record<string, unknown>;

const hex = (argb: unknown) =>
  typeof argb === "string" ? `#${argb.slice(2).toUpperCase()}` : null;

function fileCell(cell: ExcelJS.Cell): Normal {
  const out: Normal = {};
  if (cell.type === ExcelJS.ValueType.Formula) out.formula = `=${cell.formula}`;
  else if (cell.value !== null && cell.value !== undefined && cell.value !== "")
    out.value = stored(cell.value);
  if (cell.numFmt && cell.numFmt !== "General") out.numberFormat = cell.numFmt;
  const font = cell.font ?? {};
  if (font.bold) out.bold = true;
  if (font.italic) out.italic = true;
  if (font.size && font.size !== 11) out.size = font.size;
  const color = hex(font.color?.argb);
  if (color && color !== "#000000") out.color = color;
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  if (fill?.pattern === "solid") out.fill = hex(fill.fgColor?.argb);
  if (cell.protection?.locked === false) out.locked = false;
  return out;
}

function fakeCell(cell: {
  value: unknown;
  formula: string | null;
  numberFormat: string;
  format: Record<string, unknown>;
}): Normal {
  const out: Normal = {};
  if (cell.formula) out.formula = cell.formula;
  else if (cell.value !== null && cell.value !== "") out.value = cell.value;
  if (cell.numberFormat !== "General") out.numberFormat = cell.numberFormat;
  for (const key of ["bold", "italic", "size", "locked"])
    if (key in cell.format) out[key] = cell.format[key];
  for (const key of ["color", "fill"])
    if (typeof cell.format[key] === "string") out[key] = (cell.format[key] as string).toUpperCase();
  return out;
}

function fileSheet(sheet: ExcelJS.Worksheet): Record<string, Normal> {
  const cells: Record<string, Normal> = {};
  sheet.eachRow({ includeEmpty: true }, (row) =>
    row.eachCell({ includeEmpty: true }, (cell) => {
      // ExcelJS reads every cell of a merged area as its first; the first is the one written.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const normal = fileCell(cell);
      if (Object.keys(normal).length > 0) cells[cell.address] = normal;
    })
  );
  return cells;
}

function fakeSheet(sheet: {
  cells: Record<string, Parameters<typeof fakeCell>[0]>;
}): Record<string, Normal> {
  const cells: Record<string, Normal> = {};
  for (const [address, cell] of Object.entries(sheet.cells)) {
    const normal = fakeCell(cell);
    if (Object.keys(normal).length > 0) cells[address] = normal;
  }
  return cells;
}

/** 'Sheet'!$B$5 as both adapters may quote it. */
const unquoted = (reference: string) => reference.replace(/^=/, "").replace(/'/g, "");

interface FileTable {
  name: string;
  tableRef: string;
  totalsRow: boolean;
  columns: { name: string; totalsRowFunction?: string; totalsRowLabel?: string }[];
  style: { theme: string; showRowStripes: boolean };
}

/** What ExcelJS reads into a worksheet but does not type. */
function untyped(sheet: ExcelJS.Worksheet) {
  return sheet as unknown as {
    tables: Record<string, { table: FileTable }>;
    conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
    sheetProtection: { sheet?: boolean } | null;
  };
}

function fileTables(sheet: ExcelJS.Worksheet): FileTable[] {
  return Object.values(untyped(sheet).tables).map((t) => t.table);
}

describe("the .xlsx file adapter", () => {
  let fake: ExcelFake;
  let uninstall: () => void;
  beforeEach(() => {
    fake = createExcelFake();
    uninstall = fake.install();
  });
  afterEach(() => uninstall());

  it.each(TEMPLATES.map((t) => t.id))(
    "writes %s as planned, with the cells, formats and metadata the Office.js adapter writes",
    async (id) => {
      const { plan } = planTemplates([id], PORTABLE, IN_A_NEW_WORKBOOK);
      const { workbook, report } = await readBack(plan);
      expect(report.sheets).toEqual(plan.sheets.map((s) => s.name));
      expect(workbook.worksheets.map((s) => s.name)).toEqual([...report.sheets, METADATA_SHEET]);

      for (const planned of plan.sheets) {
        const sheet = workbook.getWorksheet(planned.name) as ExcelJS.Worksheet;
        // Constants as constants (text stays text), formulas with their cached results.
        for (const { address, cell } of plannedCells(planned)) {
          const written = at(sheet, address);
          if (cell.formula !== undefined) {
            expect({ address, formula: written.formula }).toEqual({
              address,
              formula: cell.formula.slice(1),
            });
            // ExcelJS reads an empty text result back as undefined; sheetXml checks the file has it.
            // Results in date-formatted cells (Next review) read back as Dates, as constants do.
            if (cell.expected !== "")
              expect({ address, result: stored(written.result) }).toEqual({
                address,
                result: cachedForm(cell.expected),
              });
          } else if (cell.value === null || cell.value === undefined || cell.value === "") {
            expect({ address, value: written.value }).toEqual({ address, value: null });
          } else {
            expect({ address, value: stored(written.value) }).toEqual({
              address,
              value: cell.value,
            });
          }
        }
        // Tables: name, range with the totals row, headers, style, totals with their results.
        const tables = fileTables(sheet);
        expect(tables.map((t) => t.name)).toEqual(planned.tables.map((t) => t.name));
        for (const table of planned.tables) {
          const written = tables.find((t) => t.name === table.name) as FileTable;
          const [start, end] = table.address.split(":");
          const last = cellPosition(end);
          expect(written.tableRef).toBe(
            table.totals ? `${start}:${a1(last.row + 1, last.column)}` : table.address
          );
          expect(written.columns.map((c) => c.name)).toEqual(table.headers);
          expect(written.style).toMatchObject({ theme: TABLE_STYLE, showRowStripes: true });
          expect(written.totalsRow).toBe(Boolean(table.totals));
          for (const total of table.totals ?? []) {
            const column = table.headers.indexOf(total.header);
            const cell = at(sheet, a1(last.row + 1, cellPosition(start).column + column));
            expect(cell.formula).toBe(total.formula.slice(1));
            expect(cell.result).toEqual(cachedForm(total.expected));
            expect(written.columns[column].totalsRowFunction).toBe("sum");
          }
        }
        // Validation: list, bounds and prompt on every cell of the planned range.
        for (const validation of planned.validations) {
          for (const address of cellsOf(validation.address)) {
            const rule = sheet.getCell(address).dataValidation;
            expect(rule).toMatchObject({ showErrorMessage: true });
            if (validation.list) {
              expect(rule).toMatchObject({ type: "list", allowBlank: true });
              expect(rule.formulae).toEqual([`"${validation.list.join(",")}"`]);
            } else if (validation.min !== undefined || validation.max !== undefined) {
              expect(rule).toMatchObject({
                type: validation.whole ? "whole" : "decimal",
                allowBlank: true,
              });
              expect(rule.formulae).toEqual(
                validation.max === undefined
                  ? [validation.min]
                  : [validation.min ?? 0, validation.max]
              );
            } else {
              expect(rule.type).toBe("any");
            }
            if (validation.help) expect(rule.prompt).toBe(validation.help.slice(0, 255));
          }
        }
        // Conditional formats: one cellIs rule per planned one, in plan order, with its colours.
        const operators: Record<string, string> = {
          equals: "equal",
          greaterThan: "greaterThan",
          lessThan: "lessThan",
        };
        expect(
          untyped(sheet).conditionalFormattings.map((cf) => {
            const rule = cf.rules[0] as ExcelJS.CellIsRuleType;
            const fill = rule.style?.fill as ExcelJS.FillPattern;
            return {
              address: cf.ref,
              operator: rule.operator,
              formula: rule.formulae?.[0],
              fill: hex(fill.bgColor?.argb),
              font: hex(rule.style?.font?.color?.argb),
            };
          })
        ).toEqual(
          planned.conditionalFormats.map((cf) => ({
            address: cf.address,
            operator: operators[cf.when],
            formula: typeof cf.value === "string" ? `"${cf.value}"` : String(cf.value),
            fill: { good: "#C6EFCE", neutral: "#FFEB9C", bad: "#FFC7CE" }[cf.highlight],
            font: { good: "#006100", neutral: "#9C5700", bad: "#9C0006" }[cf.highlight],
          }))
        );
        // Widths, freeze panes, print setup.
        planned.columnWidths.forEach((width, i) =>
          expect(sheet.getColumn(i + 1).width).toBeCloseTo(width, 2)
        );
        const freeze = planned.freeze ?? { rows: 0, columns: 0 };
        if (freeze.rows + freeze.columns > 0)
          expect(sheet.views[0]).toMatchObject({
            state: "frozen",
            xSplit: freeze.columns,
            ySplit: freeze.rows,
          });
        else expect((sheet.views ?? []).filter((v) => v.state === "frozen")).toEqual([]);
        expect(sheet.pageSetup).toMatchObject({
          orientation: planned.print.landscape ? "landscape" : "portrait",
          // ExcelJS holds a print area's first range; the others are added to the package after it.
          printArea: (planned.printArea ?? planned.usedRange).split(",")[0],
          ...(planned.print.fitToWidth
            ? {
                fitToPage: true,
                fitToWidth: planned.print.pagesWide,
                fitToHeight: planned.print.pagesTall,
              }
            : { fitToPage: false, scale: planned.print.scale }),
        });
        expect(sheet.pageSetup.printTitlesRow).toBe(planned.print.titleRows?.replace(/\$/g, ""));
        expect(sheet.pageSetup.printTitlesColumn).toBe(
          planned.print.titleColumns?.replace(/\$/g, "")
        );
      }
      // Defined names: workbook scope, absolute, on their sheet.
      expect(
        workbook.definedNames.model
          .map((n) => ({ name: n.name, ranges: n.ranges }))
          .sort((a, b) => a.name.localeCompare(b.name))
      ).toEqual(
        plan.sheets
          .flatMap((s) =>
            s.names.map((n) => ({ name: n.name, ranges: [`'${s.name}'!${n.address}`] }))
          )
          .sort((a, b) => a.name.localeCompare(b.name))
      );
      // The metadata store: very hidden, protected, the rows queueMetadata writes.
      const store = workbook.getWorksheet(METADATA_SHEET) as ExcelJS.Worksheet;
      expect(store.state).toBe("veryHidden");
      expect(untyped(store).sheetProtection).toMatchObject({ sheet: true });
      expect(
        store
          .getSheetValues()
          .slice(1)
          .map((row) => (row as unknown[]).slice(1))
      ).toEqual([[...METADATA_HEADERS], ...metadataRows(plan, NOW)]);

      // The Office.js adapter on the in-memory Excel: the same sheets, cells, formats, tables, names, metadata.
      await generateWorkbooks([id], PORTABLE, hostFor(fake));
      const snapshot = fake.state.snapshot();
      expect(snapshot.sheets.map((s) => s.name)).toEqual([
        "Sheet1",
        ...workbook.worksheets.map((s) => s.name),
      ]);
      for (const fakeOne of snapshot.sheets.slice(1)) {
        const fileOne = workbook.getWorksheet(fakeOne.name) as ExcelJS.Worksheet;
        expect({ sheet: fakeOne.name, cells: fileSheet(fileOne) }).toEqual({
          sheet: fakeOne.name,
          cells: fakeSheet(fakeOne),
        });
        // The same merged notes lines, as planned.
        const planned = plan.sheets.find((p) => p.name === fakeOne.name);
        expect(fakeOne.merges).toEqual(planned?.merges ?? []);
        expect([...(fileOne.model.merges ?? [])].sort()).toEqual([...fakeOne.merges].sort());
      }
      expect(fake.state.visibility(METADATA_SHEET)).toBe("VeryHidden");
      expect(fake.state.protected(METADATA_SHEET)).toBe(true);
      expect(
        workbook.worksheets.flatMap((sheet) =>
          fileTables(sheet).map((t) => ({
            name: t.name,
            sheet: sheet.name,
            address: t.tableRef,
            headers: t.columns.map((c) => c.name),
            style: t.style.theme,
            showTotals: t.totalsRow,
          }))
        )
      ).toEqual(
        snapshot.tables.map((t) => ({
          name: t.name,
          sheet: t.sheet,
          address: t.address,
          headers: t.headers,
          style: t.style,
          showTotals: t.showTotals,
        }))
      );
      expect(
        workbook.definedNames.model.map((n) => [n.name, unquoted(n.ranges[0])]).sort()
      ).toEqual(snapshot.names.map((n) => [n.name, unquoted(n.formula)]).sort());
    }
  );

  it('writes falsy cached results (0, empty text) into the file, text results as t="str"', async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...PORTABLE, sampleData: false },
      IN_A_NEW_WORKBOOK
    );
    const xml = await sheetXml(plan);
    const seen = { zero: 0, empty: 0, text: 0 };
    for (const sheet of plan.sheets) {
      for (const { address, cell } of plannedCells(sheet)) {
        if (cell.formula === undefined) continue;
        const written = cellXml(xml.get(sheet.name) as string, address);
        if (cell.expected === 0) {
          seen.zero += 1;
          expect(written).toMatch(/<f>.*<\/f><v>0<\/v><\/c>$/);
        } else if (cell.expected === "") {
          seen.empty += 1;
          expect(written).toMatch(/ t="str">.*<\/f><v><\/v><\/c>$/);
        } else if (typeof cell.expected === "string") {
          seen.text += 1;
          expect(written).toMatch(/ t="str">/);
        }
      }
    }
    expect(seen.zero).toBeGreaterThan(0);
    expect(seen.empty).toBeGreaterThan(0);
    expect(seen.text).toBeGreaterThan(0);
  });

  it("writes add-in formulas as the custom-function form Excel stores in files", async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...DEFAULT_OPTIONS, formulaMode: "addin" },
      IN_A_NEW_WORKBOOK
    );
    const { workbook, report } = await readBack(plan);
    expect(report.formulas).toBeGreaterThan(0);
    const planned = plan.sheets.flatMap((s) =>
      plannedCells(s).flatMap(({ cell }) => (cell.formula ? [cell.formula] : []))
    );
    const calls = (texts: string[], pattern: RegExp) =>
      texts.reduce((n, text) => n + (text.match(pattern) ?? []).length, 0);
    const written: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) written.push(cell.formula);
        })
      )
    );
    expect(calls(planned, /FINOPS\.[A-Z]+\(/g)).toBeGreaterThan(0);
    expect(calls(written, /_xldudf_FINOPS_[A-Z]+\(/g)).toBe(calls(planned, /FINOPS\.[A-Z]+\(/g));
    expect(calls(written, /FINOPS\./g)).toBe(0);
  });

  it("reports every chart written and nothing left out", async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      PORTABLE,
      IN_A_NEW_WORKBOOK
    );
    const { report } = await planToWorkbook(plan, NOW);
    const charts = plan.sheets.reduce((n, s) => n + s.charts.length, 0);
    expect(charts).toBeGreaterThanOrEqual(7);
    expect(report.charts).toBe(charts);
    expect(report.notWritten).toEqual([]);
    expect(report.cells).toBeGreaterThan(report.formulas);
  });
});

describe("file formulas and values", () => {
  it("prefixes functions newer than Excel 2007 and maps FINOPS calls, leaving text and references alone", () => {
    expect(fileFormula("=IFS(A1>0,1,TRUE,0)+SUM(B1:B2)")).toBe(
      "_xlfn.IFS(A1>0,1,TRUE,0)+SUM(B1:B2)"
    );
    expect(fileFormula('=IFERROR(FINOPS.ROI(A1,B1),"IFS( and FINOPS.ROI(")')).toBe(
      'IFERROR(_xldudf_FINOPS_ROI(A1,B1),"IFS( and FINOPS.ROI(")'
    );
    expect(fileFormula("=SUM(T[[#This Row],[IFS(x)]])+'My sheet'!A1")).toBe(
      "SUM(T[[#This Row],[IFS(x)]])+'My sheet'!A1"
    );
    expect(fileFormula("=_xlfn.CONCAT(A1,B1)")).toBe("_xlfn.CONCAT(A1,B1)");
    expect(() => fileFormula("=XLOOKUP(A1,B:B,C:C)")).toThrow(/XLOOKUP cannot be written/);
  });

  it("reads a stored formula back as Office.js shows it, the inverse of the storage form", () => {
    expect(apiFormula("_xlfn.IFS(A1>0,1,TRUE,0)+SUM(B1:B2)")).toBe(
      "=IFS(A1>0,1,TRUE,0)+SUM(B1:B2)"
    );
    expect(apiFormula('IFERROR(_xldudf_FINOPS_ROI(A1,B1),"_xlfn.IFS(")')).toBe(
      '=IFERROR(FINOPS.ROI(A1,B1),"_xlfn.IFS(")'
    );
    expect(apiFormula("SUM(T[[#This Row],[_xlfn.X(y)]])+'_xlfn.A'!A1")).toBe(
      "=SUM(T[[#This Row],[_xlfn.X(y)]])+'_xlfn.A'!A1"
    );
    // Every formula the practice set plans, in both modes, comes back as it was written.
    for (const formulaMode of ["addin", "portable"] as const) {
      const { plan } = planTemplates(
        TEMPLATES.map((t) => t.id),
        { ...DEFAULT_OPTIONS, formulaMode },
        IN_A_NEW_WORKBOOK
      );
      const formulas = plan.sheets.flatMap((sheet) =>
        sheet.ranges.flatMap((r) => r.rows.flat().flatMap((c) => (c.formula ? [c.formula] : [])))
      );
      expect(formulas.length).toBeGreaterThan(500);
      for (const formula of formulas) expect(apiFormula(fileFormula(formula))).toBe(formula);
    }
  });

  it("keeps text that looks like a formula as text, and writes every kind of cached result", async () => {
    const injection = ["=1+1", "+SUM(A1)", "-2+3", "@NOW()", "Jan 2026", "0042"];
    const plan: RenderPlan = {
      options: "{}",
      templates: [
        { templateId: "probe", version: 1, sheets: ["It's a probe"], tables: {}, names: {} },
      ],
      sheets: [
        {
          key: "probe",
          name: "It's a probe",
          ranges: [
            { address: "A1", rows: [injection.map((value) => ({ value }))] },
            {
              address: "A2",
              rows: [
                [
                  { formula: "=1-1", expected: 0 },
                  { formula: '=""', expected: "" },
                  { formula: "=1>2", expected: false },
                  { formula: "=NA()", expected: { code: "#N/A" } },
                  { formula: '="x"', expected: "x" },
                  { value: true },
                ],
              ],
            },
            {
              address: "A4",
              rows: [
                [{ value: "Item" }, { value: "Amount" }],
                [{ value: "a" }, { value: 0 }],
                [{ value: "b" }, { value: 2 }],
              ],
            },
          ],
          formats: [],
          tables: [
            {
              key: "t",
              name: "Probe",
              address: "A4:B6",
              headers: ["Item", "Amount"],
              totals: [{ header: "Amount", formula: "=SUM(Probe[Amount])*1", expected: 2 }],
              totalsLabel: "All",
            },
          ],
          names: [{ key: "n", name: "ProbeName", address: "$B$5" }],
          validations: [],
          conditionalFormats: [],
          charts: [],
          columnWidths: [],
          print: {
            landscape: false,
            fitToWidth: false,
            pagesWide: 1,
            pagesTall: 0,
            columnBreaks: [],
          },
          usedRange: "A1:F7",
          blocks: [],
        },
      ],
    };
    const { workbook, report } = await readBack(plan);
    expect(report.notWritten).toEqual([expect.stringMatching(/print area .* apostrophe/)]);
    const sheet = workbook.getWorksheet("It's a probe") as ExcelJS.Worksheet;
    injection.forEach((text, i) => {
      expect(sheet.getCell(1, i + 1).type).toBe(ExcelJS.ValueType.String);
      expect(sheet.getCell(1, i + 1).value).toBe(text);
    });
    expect(["A2", "C2", "D2", "E2"].map((a) => sheet.getCell(a).result)).toEqual([
      0,
      false,
      { error: "#N/A" },
      "x",
    ]);
    expect(sheet.getCell("F2").value).toBe(true);
    // A totals formula ExcelJS cannot name as a column function goes into its cell, with its result.
    expect(sheet.getCell("A7").value).toBe("All");
    expect(sheet.getCell("B7").formula).toBe("SUM(Probe[Amount])*1");
    expect(sheet.getCell("B7").result).toBe(2);
    expect(workbook.definedNames.model).toEqual([
      { name: "ProbeName", ranges: ["'It''s a probe'!$B$5"] },
    ]);
    expect(sheet.pageSetup.printArea).toBeUndefined();
  });
});
