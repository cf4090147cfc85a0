import ExcelJS from "exceljs";
import JSZip from "jszip";
import { planTemplates } from "../../../src/workbook/generate";
import { METADATA_SHEET } from "../../../src/workbook/metadata";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { CHART_SEQUENCES, outOfOrder, WORKBOOK_SEQUENCE, WORKSHEET_SEQUENCE } from "../ooxmlOrder";
import {
  canonicalParts,
  foreignView,
  ownership,
  parseXml,
  relsPathOf,
  resolvePart,
} from "./canonicalParts";
import { NOTE } from "./comments";
import { DOCUMENT_TITLE } from "./extras";
import { NOTES_NAMES, NOTES_POSITION, withForeignParts } from "./foreignParts";
import { GRAND_TOTAL, NOTES_SHEET } from "./sheet";

/**
 * The fixture of the in-place commands (a practice workbook with a finance team's own parts added, as
 * Excel writes them) and the comparator their tests use (foreignView: what the project does not own,
 * as canonical XML). The fixture must be a package Excel could open: well-formed parts, relationships
 * that resolve, a content type for every part, elements in schema order; the comparator must be
 * stable where nothing changed and must fail where a user's part did.
 */

const NOW = new Date("2026-11-29T12:00:00Z");

let practice: Uint8Array;
let fixture: Uint8Array;

beforeAll(async () => {
  const { plan } = planTemplates(
    TEMPLATES.map((t) => t.id),
    DEFAULT_OPTIONS,
    { sheets: [], tablesAndNames: [] }
  );
  practice = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
  fixture = await withForeignParts(practice);
});

const partPaths = (zip: JSZip) => Object.keys(zip.files).filter((path) => !zip.files[path].dir);
const isXml = (path: string) => /\.(xml|rels|vml)$/i.test(path);

/** The package zipped again from scratch: entries in reverse order, maximum compression. */
async function rezip(
  xlsx: Uint8Array,
  edit: (parts: Map<string, string | Uint8Array>) => void = () => {}
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(xlsx);
  const parts = new Map<string, string | Uint8Array>();
  for (const path of partPaths(zip).reverse())
    parts.set(
      path,
      isXml(path)
        ? await zip.file(path)!.async("string")
        : await zip.file(path)!.async("uint8array")
    );
  edit(parts);
  const out = new JSZip();
  for (const [path, data] of parts) out.file(path, data);
  return out.generateAsync({
    type: "uint8array",
    compression: "DEFLATE",
    compressionOptions: { level: 9 },
  });
}

/** A text part changed by `change`, which must change it. */
function editPart(
  parts: Map<string, string | Uint8Array>,
  path: string,
  change: (xml: string) => string
) {
  const before = parts.get(path);
  if (typeof before !== "string") throw new Error(`No text part ${path}`);
  const after = change(before);
  if (after === before) throw new Error(`The edit of ${path} changed nothing`);
  parts.set(path, after);
}

/** Keys whose entries differ between two views (missing on one side counts). */
function changedEntries(a: Record<string, string>, b: Record<string, string>): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => a[key] !== b[key])
    .sort();
}

async function pathOfSheet(xlsx: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(xlsx);
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="(rId\\d+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!id || !target) throw new Error(`No sheet ${name}`);
  return resolvePart("xl/workbook.xml", target);
}

// CT_ sequences of ECMA-376 Part 1 (sml.xsd, dml-spreadsheetDrawing.xsd) and [MS-XLSX] for the
// elements the fixture writes; an element whose parent is not listed is not checked.
const ANCHORED = "sp|grpSp|graphicFrame|cxnSp|pic|contentPart|AlternateContent";
const SEQUENCES: Record<string, readonly string[]> = {
  workbook: WORKBOOK_SEQUENCE,
  worksheet: WORKSHEET_SEQUENCE,
  sheetPr: ["tabColor", "outlinePr", "pageSetUpPr"],
  sparklineGroup: [
    "colorSeries",
    "colorNegative",
    "colorAxis",
    "colorMarkers",
    "colorFirst",
    "colorLast",
    "colorHigh",
    "colorLow",
    "f",
    "sparklines",
    "extLst",
  ],
  sparkline: ["f", "sqref"],
  pivotTableDefinition: [
    "location",
    "pivotFields",
    "rowFields",
    "rowItems",
    "colFields",
    "colItems",
    "pageFields",
    "dataFields",
    "formats",
    "conditionalFormats",
    "chartFormats",
    "pivotHierarchies",
    "pivotTableStyleInfo",
    "filters",
    "rowHierarchiesUsage",
    "colHierarchiesUsage",
    "extLst",
  ],
  pivotCacheDefinition: [
    "cacheSource",
    "cacheFields",
    "cacheHierarchies",
    "kpis",
    "tupleCache",
    "calculatedItems",
    "calculatedMembers",
    "dimensions",
    "measureGroups",
    "maps",
    "extLst",
  ],
  cacheField: ["sharedItems", "fieldGroup", "mpMap", "extLst"],
  slicerCacheDefinition: ["pivotTables", "data", "extLst"],
  comments: ["authors", "commentList", "extLst"],
  externalBook: ["sheetNames", "definedNames", "sheetDataSet"],
  twoCellAnchor: ["from", "to", ANCHORED, "clientData"],
  pic: ["nvPicPr", "blipFill", "spPr", "style"],
  graphicFrame: ["nvGraphicFramePr", "xfrm", "graphic"],
};

describe("the foreign-parts fixture", () => {
  it("adds a user's sheet after the first one, with the parts a year-old workbook holds", async () => {
    const zip = await JSZip.loadAsync(fixture);
    const workbook = await zip.file("xl/workbook.xml")!.async("string");
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names[NOTES_POSITION]).toBe(NOTES_SHEET);
    const practiceWorkbook = await (
      await JSZip.loadAsync(practice)
    )
      .file("xl/workbook.xml")!
      .async("string");
    expect(names).toHaveLength(practiceWorkbook.match(/<sheet /g)!.length + 1);
    const sheet = await pathOfSheet(fixture, NOTES_SHEET);
    const sheetRels = await zip.file(relsPathOf(sheet))!.async("string");
    for (const type of ["printerSettings", "drawing", "vmlDrawing", "comments", "pivotTable"])
      expect(sheetRels).toContain(`relationships/${type}"`);
    expect(sheetRels).toContain("relationships/slicer");
    for (const part of [
      "xl/comments1.xml",
      "xl/drawings/vmlDrawing1.vml",
      "xl/media/image1.png",
      "xl/pivotTables/pivotTable1.xml",
      "xl/pivotCache/pivotCacheDefinition1.xml",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/slicers/slicer1.xml",
      "xl/slicerCaches/slicerCache1.xml",
      "xl/externalLinks/externalLink1.xml",
      "xl/printerSettings/printerSettings1.bin",
      "customXml/item1.xml",
      "customXml/itemProps1.xml",
      "docProps/custom.xml",
      "xl/theme/theme1.xml",
    ])
      expect(zip.file(part)).not.toBeNull();
    const drawing = await zip.file("xl/drawings/drawing6.xml")!.async("string");
    expect(drawing).toContain("<xdr:pic>");
    expect(drawing).toContain("<c:chart ");
    expect(drawing).toContain("<sle:slicer ");
    const sheetXml = await zip.file(sheet)!.async("string");
    expect(sheetXml).toContain("<x14:sparklineGroups");
    expect(sheetXml).toContain("<x14:slicerList>");
    expect(sheetXml).toContain("<conditionalFormatting");
    expect(sheetXml).toContain("<dataValidations");
    expect(workbook).toContain(
      `<definedName name="${NOTES_NAMES.sheet}" localSheetId="${NOTES_POSITION}">`
    );
    expect(workbook).toContain(`<definedName name="${NOTES_NAMES.workbook}">`);
    expect(workbook).toMatch(
      /<pivotCaches><pivotCache cacheId="1" r:id="rId\d+"\/><\/pivotCaches>/
    );
    expect(workbook).toContain("<x14:slicerCaches>");
    expect(workbook).toMatch(/<externalReferences><externalReference r:id="rId\d+"\/>/);
    // The practice workbook's own print areas still name their sheets after the insertion.
    expect(workbook).toMatch(/localSheetId="0">&apos;Executive summary&apos;/);
    expect(workbook).toMatch(/localSheetId="2">&apos;Team budget&apos;/);
    expect(await zip.file("docProps/core.xml")!.async("string")).toContain(
      `<dc:title>${DOCUMENT_TITLE}</dc:title>`
    );
    expect(await zip.file("docProps/app.xml")!.async("string")).toContain(
      `<vt:lpstr>${NOTES_SHEET}</vt:lpstr>`
    );
  });

  it("has only well-formed XML parts", async () => {
    const zip = await JSZip.loadAsync(fixture);
    const xmlParts = partPaths(zip).filter(isXml);
    expect(xmlParts.length).toBeGreaterThan(60);
    const unreadable: string[] = [];
    for (const path of xmlParts) {
      try {
        parseXml(await zip.file(path)!.async("string"), path);
      } catch (error) {
        unreadable.push(String(error));
      }
    }
    expect(unreadable).toEqual([]);
    // The parser is strict: what xmldom would recover from is a failure.
    expect(() => parseXml("<a><b></a>", "broken.xml")).toThrow(/broken.xml is not well-formed/);
  });

  it("resolves every relationship to a part in the package, except the external ones", async () => {
    const zip = await JSZip.loadAsync(fixture);
    const missing: string[] = [];
    let external = 0;
    for (const rels of partPaths(zip).filter((p) => p.endsWith(".rels"))) {
      const source = rels === "_rels/.rels" ? "" : rels.replace(/_rels\/([^/]+)\.rels$/, "$1");
      const doc = parseXml(await zip.file(rels)!.async("string"), rels);
      for (const rel of Array.from(doc.getElementsByTagName("Relationship"))) {
        const target = rel.getAttribute("Target") ?? "";
        if (rel.getAttribute("TargetMode") === "External") {
          external += 1;
          continue;
        }
        if (!zip.file(resolvePart(source, target))) missing.push(`${rels}: ${target}`);
      }
    }
    expect(missing).toEqual([]);
    expect(external).toBe(1);
  });

  it("gives every part a content type", async () => {
    const zip = await JSZip.loadAsync(fixture);
    const types = parseXml(await zip.file("[Content_Types].xml")!.async("string"), "types");
    const overrides = new Set(
      Array.from(types.getElementsByTagName("Override")).map((o) => o.getAttribute("PartName"))
    );
    const defaults = new Set(
      Array.from(types.getElementsByTagName("Default")).map((d) => d.getAttribute("Extension"))
    );
    const untyped = partPaths(zip)
      .filter((p) => p !== "[Content_Types].xml")
      .filter((p) => !overrides.has(`/${p}`) && !defaults.has(p.slice(p.lastIndexOf(".") + 1)));
    expect(untyped).toEqual([]);
    // Every override names a part that exists.
    expect([...overrides].filter((o) => !zip.file(String(o).slice(1)))).toEqual([]);
  });

  it("writes the user's parts with their elements in schema order", async () => {
    const zip = await JSZip.loadAsync(fixture);
    const check = async (path: string, sequences: Record<string, readonly string[]>) => {
      const doc = parseXml(await zip.file(path)!.async("string"), path);
      return outOfOrder(doc.documentElement as unknown as globalThis.Element, sequences).map(
        (problem) => `${path}: ${problem}`
      );
    };
    const problems = [
      ...(await check("xl/workbook.xml", SEQUENCES)),
      ...(await check(await pathOfSheet(fixture, NOTES_SHEET), SEQUENCES)),
      ...(await check("xl/pivotTables/pivotTable1.xml", SEQUENCES)),
      ...(await check("xl/pivotCache/pivotCacheDefinition1.xml", SEQUENCES)),
      ...(await check("xl/slicerCaches/slicerCache1.xml", SEQUENCES)),
      ...(await check("xl/comments1.xml", SEQUENCES)),
      ...(await check("xl/externalLinks/externalLink1.xml", SEQUENCES)),
      ...(await check("xl/drawings/drawing6.xml", SEQUENCES)),
      ...(await check("xl/charts/chart9.xml", CHART_SEQUENCES)),
    ];
    expect(problems).toEqual([]);
  });

  it("leaves the practice workbook's own parts as they were, extending only the shared ones", async () => {
    const before = await canonicalParts(practice);
    const after = await canonicalParts(fixture);
    const extended = new Set([
      "[Content_Types].xml",
      "_rels/.rels",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/sharedStrings.xml",
      "docProps/app.xml",
      "docProps/core.xml",
    ]);
    const changed = [...before.keys()].filter((p) => before.get(p) !== after.get(p));
    expect(changed.sort()).toEqual([...extended].sort());
  });

  it("can still be read by ExcelJS", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(fixture) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((s) => s.name)[NOTES_POSITION]).toBe(NOTES_SHEET);
    const notes = workbook.getWorksheet(NOTES_SHEET)!;
    const cell = (ref: string) => notes.getCell(ref);
    expect(cell("A1").value).toBe(NOTES_SHEET);
    expect(cell("C10").value).toEqual({ formula: "SUM(C4:C9)", result: GRAND_TOTAL });
    expect(JSON.stringify(cell(NOTE.ref).note)).toContain(NOTE.text);
    expect(notes.getImages()).toHaveLength(1);
    expect(workbook.getWorksheet(METADATA_SHEET)?.state).toBe("veryHidden");
  });
});

describe("foreignView", () => {
  it("sorts the template sheets, their parts and the store as owned, the user's as foreign", async () => {
    const sorted = await ownership(fixture);
    const notes = await pathOfSheet(fixture, NOTES_SHEET);
    const budget = await pathOfSheet(fixture, "Team budget");
    const store = await pathOfSheet(fixture, METADATA_SHEET);
    for (const part of [
      budget,
      relsPathOf(budget),
      store,
      "xl/tables/table1.xml",
      "xl/charts/chart1.xml",
    ])
      expect([part, sorted.owned.has(part)]).toEqual([part, true]);
    for (const part of [
      notes,
      relsPathOf(notes),
      "xl/charts/chart9.xml",
      "xl/drawings/drawing6.xml",
      "xl/media/image1.png",
      "xl/pivotCache/pivotCacheRecords1.xml",
      "xl/slicerCaches/slicerCache1.xml",
      "xl/theme/theme1.xml",
      "customXml/itemProps1.xml",
      "docProps/custom.xml",
    ])
      expect([part, sorted.foreign.has(part)]).toEqual([part, true]);
    expect(sorted.shared.has("xl/styles.xml")).toBe(true);
    expect(sorted.ownedSheets.has(NOTES_SHEET.toLowerCase())).toBe(false);
    // Of the defined names, the user's: both scopes, the slicer's, and their sheet's print area.
    const names = (await foreignView(fixture))["xl/workbook.xml#definedNames"].split("\n");
    expect(names.map((n) => /name="([^"]+)"/.exec(n)?.[1]).sort()).toEqual(
      [NOTES_NAMES.sheet, NOTES_NAMES.workbook, "Slicer_Region", "_xlnm.Print_Area"].sort()
    );
    expect(names.find((n) => n.includes("_xlnm.Print_Area"))).toContain(
      `localSheet="${NOTES_SHEET}"`
    );
  });

  it("is the same after the package is zipped again, in another order and compression", async () => {
    const again = await rezip(fixture);
    expect(Buffer.from(again).equals(Buffer.from(fixture))).toBe(false);
    expect(await canonicalParts(again)).toEqual(await canonicalParts(fixture));
    expect(await foreignView(again)).toEqual(await foreignView(fixture));
  });

  it("fails when one attribute of the user's pivot table changes", async () => {
    const edited = await rezip(fixture, (parts) =>
      editPart(parts, "xl/pivotTables/pivotTable1.xml", (xml) =>
        xml.replace('dataCaption="Values"', 'dataCaption="Figures"')
      )
    );
    expect(changedEntries(await foreignView(fixture), await foreignView(edited))).toEqual([
      "xl/pivotTables/pivotTable1.xml",
    ]);
  });

  it("fails when the theme, a custom property or the external link's path changes", async () => {
    const edited = await rezip(fixture, (parts) => {
      editPart(parts, "xl/theme/theme1.xml", (xml) => xml.replace('val="4F81BD"', 'val="4F81BE"'));
      editPart(parts, "docProps/custom.xml", (xml) => xml.replace("FIN-4410", "FIN-4411"));
      editPart(parts, "xl/externalLinks/_rels/externalLink1.xml.rels", (xml) =>
        xml.replace("FX%20rates%202026", "FX%20rates%202027")
      );
    });
    expect(changedEntries(await foreignView(fixture), await foreignView(edited))).toEqual([
      "docProps/custom.xml",
      "xl/externalLinks/_rels/externalLink1.xml.rels",
      "xl/theme/theme1.xml",
    ]);
  });

  it("ignores attribute order, indentation and the XML declaration", async () => {
    const edited = await rezip(fixture, (parts) =>
      editPart(parts, "xl/slicerCaches/slicerCache1.xml", (xml) =>
        xml
          .replace(/^<\?xml[^>]*\?>\s*/, "")
          .replace(
            'name="Slicer_Region" sourceName="Region"',
            'sourceName="Region"  name="Slicer_Region"'
          )
          .replace(/></g, ">\n  <")
      )
    );
    expect(await foreignView(edited)).toEqual(await foreignView(fixture));
  });

  it("does not look at what the project owns, nor at style records and strings appended", async () => {
    const budget = await pathOfSheet(fixture, "Team budget");
    const edited = await rezip(fixture, (parts) => {
      editPart(parts, budget, (xml) => xml.replace(/<v>[^<]*<\/v>/, "<v>0</v>"));
      editPart(parts, "xl/tables/table1.xml", (xml) =>
        xml.replace(/ name="[^"]+"/, ' name="Renamed"')
      );
      editPart(parts, "xl/charts/chart1.xml", (xml) =>
        xml.replace(/<c:f>[^<]*<\/c:f>/, () => "<c:f>'Team budget'!$Z$1</c:f>")
      );
      editPart(parts, "xl/styles.xml", (xml) =>
        xml
          .replace(/<cellXfs count="(\d+)">/, (_, n) => `<cellXfs count="${Number(n) + 1}">`)
          .replace(
            "</cellXfs>",
            '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>'
          )
      );
      editPart(parts, "xl/sharedStrings.xml", (xml) =>
        xml.replace("</sst>", "<si><t>Added by an upgrade</t></si></sst>")
      );
      editPart(parts, "xl/workbook.xml", (xml) =>
        xml.replace(
          /(<definedName name="_xlnm.Print_Area" localSheetId="2">)[^<]*/,
          (_, open) => `${open}'Team budget'!$A$1:$Z$99`
        )
      );
      editPart(parts, "docProps/core.xml", (xml) =>
        xml.replace(/(<dcterms:modified[^>]*>)[^<]*/, (_, open) => `${open}2027-01-15T08:00:00Z`)
      );
    });
    expect(changedEntries(await foreignView(fixture), await foreignView(edited))).toEqual([]);
  });

  it("fails when a style record or a shared string the user's cells use changes", async () => {
    const styled = await rezip(fixture, (parts) =>
      editPart(parts, "xl/styles.xml", (xml) =>
        // The header format the user copied from the practice sheets (cellXfs 3): a new font.
        xml.replace(
          /(<cellXfs count="\d+"><xf [^>]*\/><xf [^>]*\/><xf [^>]*\/><xf [^>]*fontId=")(\d+)/,
          "$10"
        )
      )
    );
    expect(changedEntries(await foreignView(fixture), await foreignView(styled))).toEqual([
      "xl/styles.xml#stylesPrefix",
    ]);
    const renamed = await rezip(fixture, (parts) =>
      editPart(parts, "xl/sharedStrings.xml", (xml) =>
        xml.replace("<t>Dana Whitfield</t>", "<t>D. Whitfield</t>")
      )
    );
    expect(changedEntries(await foreignView(fixture), await foreignView(renamed))).toEqual([
      "xl/sharedStrings.xml#sharedStringsPrefix",
    ]);
  });

  it("follows a sheet-scoped name to its sheet when sheets move, and fails when it is left behind", async () => {
    const first = /<sheet [^>]*name="Executive summary"[^>]*\/>/;
    const moveFirstAfterNotes = (xml: string) => {
      const entry = first.exec(xml)![0];
      return xml
        .replace(entry, "")
        .replace(/(<sheet [^>]*name="Team notes"[^>]*\/>)/, `$1${entry}`);
    };
    const swapScopes = (xml: string) =>
      xml.replace(/localSheetId="([01])"/g, (_, n) => `localSheetId="${n === "0" ? 1 : 0}"`);
    const moved = await rezip(fixture, (parts) =>
      editPart(parts, "xl/workbook.xml", (xml) => swapScopes(moveFirstAfterNotes(xml)))
    );
    expect(changedEntries(await foreignView(fixture), await foreignView(moved))).toEqual([]);
    const leftBehind = await rezip(fixture, (parts) =>
      editPart(parts, "xl/workbook.xml", moveFirstAfterNotes)
    );
    expect(changedEntries(await foreignView(fixture), await foreignView(leftBehind))).toEqual([
      "xl/workbook.xml#definedNames",
    ]);
  });

  it("sees what an ExcelJS load and save of the workbook loses", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(fixture) as unknown as ExcelJS.Buffer);
    const saved = new Uint8Array(await workbook.xlsx.writeBuffer());
    const changed = changedEntries(await foreignView(fixture), await foreignView(saved));
    expect(changed).toEqual(
      expect.arrayContaining([
        "customXml/item1.xml",
        "docProps/custom.xml",
        "xl/externalLinks/externalLink1.xml",
        "xl/pivotTables/pivotTable1.xml",
        "xl/slicerCaches/slicerCache1.xml",
        "xl/workbook.xml#pivotCaches",
        "xl/workbook.xml#extLst",
        await pathOfSheet(fixture, NOTES_SHEET),
      ])
    );
  });

  it("fails when a foreign sheet, its relationship or its content type goes missing", async () => {
    const notes = await pathOfSheet(fixture, NOTES_SHEET);
    const dropped = await rezip(fixture, (parts) => {
      parts.delete("xl/comments1.xml");
      editPart(parts, "[Content_Types].xml", (xml) =>
        xml.replace(/<Override PartName="\/xl\/comments1.xml"[^>]*\/>/, "")
      );
      editPart(parts, relsPathOf(notes), (xml) =>
        xml.replace(/<Relationship [^>]*comments1.xml"\/>/, "")
      );
    });
    expect(changedEntries(await foreignView(fixture), await foreignView(dropped))).toEqual(
      ["[Content_Types].xml#types", "xl/comments1.xml", relsPathOf(notes)].sort()
    );
  });
});
