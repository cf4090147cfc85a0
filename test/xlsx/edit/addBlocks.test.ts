import JSZip from "jszip";
import { refreshWorkbook } from "../../../src/excel/maintainWorkbook";
import { rangeAddress, rangeBounds } from "../../../src/workbook/addresses";
import { planTemplates } from "../../../src/workbook/generate";
import { BlockAddition } from "../../../src/workbook/maintain/blockAdditions";
import { WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { planRefresh, RefreshPlan } from "../../../src/workbook/maintain/refreshPlan";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { PlannedSheet } from "../../../src/workbook/plan";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { insertWorksheetChild, relsOf } from "../../../src/xlsx/charts/xlsxPackage";
import { addBlocks } from "../../../src/xlsx/edit/addBlocks";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { StyleBook } from "../../../src/xlsx/edit/styleBook";
import { readWorkbookFile, WorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { cellAt } from "../../../src/xlsx/read/sheetCells";
import { readSheetObjects } from "../../../src/xlsx/read/sheetObjects";
import { readSheetRules } from "../../../src/xlsx/read/sheetRules";
import { ExcelFake } from "../../fakes/excel";
import { hostFor, NOW } from "../../excel/hostFor";
import { edit } from "../../excel/maintainHelpers";
import { foreignView } from "../foreign/canonicalParts";
import { withForeignParts } from "../foreign/foreignParts";
import { comparable } from "../fileHost/sameState";
import { generateInBoth, readBoth, TwoHosts } from "../fileHost/twoHosts";
import { deleteInFile, Deletion, DELETIONS, labelCells, withBlocks } from "./deletedInFile";
import { packageProblems, tableIds } from "./packageProblems";

/**
 * addBlocks writes the template tables refresh puts back below a sheet's content (RefreshPlan.blocks)
 * into a file in place. Parity with the Office.js adapter is the reference: the same deletion in the
 * in-memory Excel and in the file, refreshed by the add-in and by addBlocks, leaves the same cells,
 * tables (with their formats and rules), names and charts; and nothing of a finance team's own parts
 * changes.
 */

const ALL = TEMPLATES.map((t) => t.id);

const TABLES = DELETIONS.filter((d) => "table" in d);

/** Deletions made in both hosts: through Office.js in the in-memory Excel, and in the file. */
async function deleteInBoth(hosts: TwoHosts, deletions: readonly Deletion[]): Promise<Uint8Array> {
  let file = hosts.file;
  for (const deletion of deletions) {
    await edit(hosts.fake, (workbook) => {
      if ("table" in deletion) {
        const { sheet, table, chart } = deletion;
        // Its validation goes too: the in-memory Excel counts a cell holding only validation as
        // used, the file's read-back does not, and the blocks go below the used range.
        workbook.tables.getItem(table).getRange().dataValidation.clear();
        workbook.tables.getItem(table).delete();
        if (chart) workbook.worksheets.getItem(sheet).charts.getItem(chart).delete();
      } else {
        for (const name of deletion.names) workbook.names.getItem(name).delete();
        for (const { row, column } of labelCells(hosts.plan, deletion.sheet, deletion.names))
          workbook.worksheets.getItem(deletion.sheet).getCell(row, column).values = [[""]];
      }
    });
    file = await deleteInFile(file, hosts.plan, deletion);
  }
  return file;
}

/** A plan that holds blocks and nothing else refresh writes but the store's stamps. */
function blocksOnly(readBack: WorkbookReadBack): RefreshPlan {
  const plan = planRefresh(readBack);
  expect(plan.blocks.length).toBeGreaterThan(0);
  const { blocks, stamps, preview, ...rest } = plan;
  expect(Object.values(rest).flat()).toEqual([]);
  expect(stamps.length).toBeGreaterThan(0);
  expect(preview.length).toBe(blocks.length);
  return plan;
}

/** The workbook as both hosts must agree after the refresh, but the store's Updated stamps. */
const state = (readBack: WorkbookReadBack) => {
  const { templates, ...rest } = comparable(readBack);
  return { ...rest, templates: templates.map((t) => t.record) };
};

/**
 * The rules over the blocks, which the read-back holds for table columns only: each planned
 * validation's type where the plan puts it, and the areas of the conditional formats in the blocks.
 */
function officeRules(fake: ExcelFake, sheet: string, blocks: readonly BlockAddition[]) {
  const areas = fake.state
    .conditionalFormats(sheet)
    .map((c) => rangeBounds(c.address))
    .filter((a) => inBlocks(a, blocks));
  return {
    validations: blocks.flatMap((b) =>
      b.planned.validations.map((v) => fake.state.validation(sheet, v.address)?.type)
    ),
    conditionalFormats: areas.map((a) => rangeAddress(a.top, a.left, a.bottom, a.right)).sort(),
  };
}

async function fileRules(bytes: Uint8Array, sheet: string, blocks: readonly BlockAddition[]) {
  const file = await readWorkbookFile(bytes);
  const rules = readSheetRules(file.sheets.get(sheet.toLowerCase())!.xml);
  const covering = (address: string) => {
    const { top, left } = rangeBounds(address);
    return rules.validations.find((v) =>
      v.areas.some((a) => a.top <= top && top <= a.bottom && a.left <= left && left <= a.right)
    )?.read.type;
  };
  return {
    validations: blocks.flatMap((b) => b.planned.validations.map((v) => covering(v.address))),
    conditionalFormats: rules.conditionalFormats
      .flatMap((c) => c.areas)
      .filter((a) => inBlocks(a, blocks))
      .map((a) => rangeAddress(a.top, a.left, a.bottom, a.right))
      .sort(),
  };
}

const inBlocks = (a: ReturnType<typeof rangeBounds>, blocks: readonly BlockAddition[]) =>
  blocks.some((b) => {
    const area = rangeBounds(b.area);
    return a.top >= area.top && a.bottom <= area.bottom;
  });

describe("blocks added to a file are what the add-in adds to the open workbook", () => {
  const cases: [string, readonly Deletion[]][] = [
    ...DELETIONS.map((d): [string, Deletion[]] => [JSON.stringify(d), [d]]),
    ["all of them: several blocks on a sheet", DELETIONS],
  ];
  test.each(cases)(
    "%s comes back below the sheet's content",
    async (_, deletions) => {
      const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
      const deleted = await deleteInBoth(hosts, deletions);
      const before = await readBoth({ fake: hosts.fake, file: deleted });
      expect(state(before.file)).toEqual(state(before.office));
      const plan = blocksOnly(before.file);
      expect(blocksOnly(before.office).blocks).toEqual(plan.blocks);
      expect(plan.blocks).toHaveLength(deletions.length);

      await refreshWorkbook(hostFor(hosts.fake));
      const added = await withBlocks(deleted, plan.blocks);
      const after = await readBoth({ fake: hosts.fake, file: added });
      expect(state(after.file)).toEqual(state(after.office));
      for (const sheet of new Set(deletions.map((d) => d.sheet))) {
        const blocks = plan.blocks.filter((b) => b.sheet === sheet);
        const rules = officeRules(hosts.fake, sheet, blocks);
        const planned = blocks.flatMap((b) => b.planned.conditionalFormats);
        expect(rules.validations).not.toContain(undefined);
        expect(rules.conditionalFormats).toHaveLength(planned.length);
        expect(await fileRules(added, sheet, blocks)).toEqual(rules);
      }
      for (const deletion of deletions)
        if ("chart" in deletion && deletion.chart)
          expect(after.file.sheets.find((s) => s.name === deletion.sheet)?.charts).toContain(
            deletion.chart
          );
      expect(planRefresh(after.file).blocks).toEqual([]);
      expect(await packageProblems(added)).toEqual([]);
    },
    60_000
  );
});

describe("blocks added to a workbook holding a finance team's own parts", () => {
  let generated: Uint8Array;
  let blocks: readonly BlockAddition[];
  let before: Uint8Array;
  let after: Uint8Array;
  beforeAll(async () => {
    const { plan } = planTemplates(
      ALL,
      { ...DEFAULT_OPTIONS, sampleData: true },
      { sheets: [], tablesAndNames: [] }
    );
    generated = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
    let bytes = generated;
    for (const deletion of DELETIONS) bytes = await deleteInFile(bytes, plan, deletion);
    before = await withForeignParts(bytes);
    blocks = planRefresh((await readWorkbookFile(before)).readBack).blocks;
    after = await withBlocks(before, blocks);
  });

  test("each table's block is the table's cells of a new file, lower down, in the same styles", async () => {
    const [fresh, added] = await Promise.all([
      readWorkbookFile(generated),
      readWorkbookFile(after),
    ]);
    const tables = blocks.filter((b) => b.planned.tables.length > 0);
    expect(tables).toHaveLength(TABLES.length);
    for (const block of tables) {
      const top = (file: WorkbookFile) =>
        rangeBounds(
          file.readBack.tables.find((t) => t.name === block.planned.tables[0].name)!.address
        ).top;
      const offset = top(added) - top(fresh);
      expect(offset).toBeGreaterThan(0);
      const cells = (file: WorkbookFile, shift: number) => {
        const sheet = file.sheets.get(block.sheet.toLowerCase())!.cells;
        const { top, left, bottom, right } = rangeBounds(block.area);
        return Array.from({ length: bottom - top + 1 }, (_, r) =>
          Array.from({ length: right - left + 1 }, (_, c) =>
            cellAt(sheet, top + r - shift, left + c)
          )
        );
      };
      expect(cells(added, 0)).toEqual(cells(fresh, offset));
    }
  });

  test("the user's parts, names and records are what they were", async () => {
    expect(await foreignView(after)).toEqual(await foreignView(before));
  });

  test("every part parses and resolves, in schema order; table ids stay unique", async () => {
    expect(await packageProblems(after)).toEqual([]);
    const ids = await tableIds(after);
    expect(ids).toHaveLength((await tableIds(before)).length + TABLES.length);
  });

  test("only the blocks' sheets, the parts they reach and the shared lists change", async () => {
    const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
    const changed: string[] = [];
    for (const part of Object.keys(a.files)) {
      const now = await b.file(part)?.async("string");
      if (now !== (await a.file(part)!.async("string"))) changed.push(part);
    }
    const file = await readWorkbookFile(after);
    const owned = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml"]);
    for (const sheet of new Set(blocks.map((b) => b.sheet))) {
      const path = file.sheets.get(sheet.toLowerCase())!.sheet.path;
      const { drawing } = await readSheetObjects(file.pkg, path, (await file.pkg.text(path))!);
      for (const part of [path, drawing!]) owned.add(part).add(relsOf(part));
    }
    expect(changed.filter((part) => !owned.has(part))).toEqual([]);
    expect(changed).toContain("xl/workbook.xml");
    // Style records are only appended: the highlights' differential formats, as refresh writes them.
    const [old, now] = await Promise.all(
      [a, b].map(async (zip) => new StyleBook(await zip.file("xl/styles.xml")!.async("string")))
    );
    for (const list of ["numFmts", "fonts", "fills", "borders", "cellXfs"] as const)
      expect(now.records(list)).toEqual(old.records(list));
    expect(now.records("dxfs").slice(0, old.records("dxfs").length)).toEqual(old.records("dxfs"));
  });
});

describe("cells written over a sheet's cells, as Office.js writes a block", () => {
  test("a format alone keeps the content; a value the plan gives no format keeps the cell's", async () => {
    const { plan } = planTemplates(["maturity-scorecard"], DEFAULT_OPTIONS, {
      sheets: [],
      tablesAndNames: [],
    });
    const sheet = plan.sheets.find((s) => s.name === "Lens guide")!;
    const generated = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
    const userStyle = cellAt(
      (await readWorkbookFile(generated)).sheets.get("lens guide")!.cells,
      0,
      0
    ).style;
    expect(userStyle).toBeGreaterThan(0);
    const file = await PackageEdit.open(generated);
    await file.writeCells(sheet.name, [
      { row: 59, column: 2, value: 7 },
      { row: 61, column: 3, value: "user's", style: userStyle },
    ]);
    const block: PlannedSheet = {
      ...sheet,
      ranges: [
        { address: "B60", rows: [[{ value: "typed" }], [{ formula: "=1+1", expected: 2 }]] },
        { address: "D62", rows: [[{ value: 3 }]] },
      ],
      formats: [{ address: "B60:C61", numberFormat: "0.00" }],
      tables: [],
      names: [],
      validations: [],
      conditionalFormats: [],
      charts: [],
    };
    await addBlocks(file, sheet.name, [block]);
    const after = await readWorkbookFile(new Uint8Array(await file.bytes()));
    const cells = after.sheets.get("lens guide")!.cells;
    const at = (row: number, column: number) => cellAt(cells, row, column);
    const formatted = at(59, 1).style;
    expect(formatted).not.toBe(0);
    expect(at(59, 1)).toMatchObject({ value: "typed", style: formatted });
    expect(at(60, 1)).toMatchObject({ formula: "=1+1", value: 2, style: formatted });
    expect(at(59, 2)).toMatchObject({ value: 7, style: formatted });
    expect(at(61, 3)).toMatchObject({ value: 3, style: userStyle });
    expect(cells.bounds?.bottom).toBeGreaterThanOrEqual(61);
  });
});

describe("insertWorksheetChild", () => {
  test("goes before the worksheet's own followers, not an element of that name nested deeper", () => {
    const sheet =
      '<worksheet><sheetData><row r="1"/></sheetData><conditionalFormatting sqref="A1">' +
      '<cfRule type="dataBar" priority="1"><dataBar/><extLst><ext uri="x"/></extLst></cfRule>' +
      '</conditionalFormatting><pageMargins/><extLst><ext uri="y"/></extLst></worksheet>';
    expect(insertWorksheetChild(sheet, ["extLst"], "<tableParts/>")).toBe(
      sheet.replace(
        '<pageMargins/><extLst><ext uri="y"/>',
        '<pageMargins/><tableParts/><extLst><ext uri="y"/>'
      )
    );
    expect(insertWorksheetChild("<worksheet><sheetData/></worksheet>", ["extLst"], "<x/>")).toBe(
      "<worksheet><sheetData/><x/></worksheet>"
    );
  });
});
