import { esc, HEAD, NS } from "./ooxml";

/**
 * The "Team notes" worksheet a finance team added by hand to the practice workbook, modelled on what
 * Excel 2016+ saves (CT_Worksheet, ECMA-376 Part 1 §18.3.1.99, in its sequence order): a title, an
 * owner, a small table of amounts by region and quarter, a formula column that reads an external
 * workbook ([1] = xl/externalLinks/externalLink1.xml) as a shared formula, a total, list validation,
 * a conditional format, a sparkline (x14:sparklineGroups as in rust_xlsxwriter's
 * src/sparkline/tests.rs, which compares with files Excel saved), the pivot table's rendered cells,
 * page setup with printer settings, and the references to its drawing, legacy (VML) drawing and
 * slicer.
 *
 * Its strings are appended to (or, when Excel would share them, found in) the package's shared string
 * table, and its own number format, font, cell formats and differential formats are appended to
 * styles.xml, as Excel does when a user formats cells: so the user's cells depend on records of the
 * shared parts, which is what the comparator's "prefix" entries protect.
 */

export const NOTES_SHEET = "Team notes";

export interface SourceRow {
  readonly region: string;
  readonly quarter: string;
  readonly amount: number;
}

/** The table the pivot table, chart, sparkline and formulas read: A3:C9 with its header row. */
export const SOURCE_ROWS: readonly SourceRow[] = [
  { region: "North", quarter: "Q1", amount: 1200 },
  { region: "South", quarter: "Q1", amount: 950 },
  { region: "East", quarter: "Q1", amount: 780 },
  { region: "North", quarter: "Q2", amount: 1320 },
  { region: "South", quarter: "Q2", amount: 1010 },
  { region: "East", quarter: "Q2", amount: 640 },
];
export const FIRST_DATA_ROW = 4;
export const LAST_DATA_ROW = FIRST_DATA_ROW + SOURCE_ROWS.length - 1;
/** The rate the external workbook held when the file was last saved ([1]Rates!$B$2). */
export const EUR_RATE = 0.92;

/** Regions in order of first appearance: the pivot cache's shared items. */
export const REGIONS = [...new Set(SOURCE_ROWS.map((r) => r.region))];
export const QUARTERS = [...new Set(SOURCE_ROWS.map((r) => r.quarter))];

/** Sum of amounts per region, regions sorted as a pivot table shows them (ascending). */
export function regionTotals(): { region: string; total: number }[] {
  return [...REGIONS].sort().map((region) => ({
    region,
    total: SOURCE_ROWS.filter((r) => r.region === region).reduce((n, r) => n + r.amount, 0),
  }));
}

export const GRAND_TOTAL = SOURCE_ROWS.reduce((n, r) => n + r.amount, 0);

/** Where the pivot table is drawn: row labels in F, values in G, header row 3, grand total last. */
export const PIVOT_LOCATION = `F3:G${3 + REGIONS.length + 1}`;

const round2 = (n: number) => Math.round(n * 100) / 100;

// ---------------------------------------------------------------------------------------------
// Shared strings

/** Every string the sheet's cells hold, in the order Excel would first meet them. */
export const SHEET_STRINGS = [
  NOTES_SHEET,
  "Owner",
  "Dana Whitfield",
  "Region",
  "Quarter",
  "Amount",
  "Amount in EUR",
  ...REGIONS,
  ...QUARTERS,
  "Total",
  "Trend",
  "Row Labels",
  "Sum of Amount",
  "Grand Total",
];

/** The plain text of a shared string item (<si><t>text</t></si>) as a regular expression. */
function plainItem(text: string): RegExp {
  const escaped = esc(text).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`<si><t(?: xml:space="preserve")?>${escaped}</t></si>`);
}

/**
 * The shared string table with `texts` in it: a text already there as a plain item is shared (as
 * Excel shares "Total" with the practice sheets), the others are appended. Returns each text's index.
 */
export function withSharedStrings(
  sst: string,
  texts: readonly string[]
): { xml: string; index: Map<string, number> } {
  const items = sst.match(/<si>[\s\S]*?<\/si>|<si\/>/g) ?? [];
  const index = new Map<string, number>();
  const added: string[] = [];
  for (const text of texts) {
    if (index.has(text)) continue;
    const existing = items.findIndex((item) => plainItem(text).test(item));
    if (existing >= 0) {
      index.set(text, existing);
    } else {
      index.set(text, items.length + added.length);
      added.push(`<si><t>${esc(text)}</t></si>`);
    }
  }
  const unique = items.length + added.length;
  const xml = sst
    .replace(/uniqueCount="\d+"/, `uniqueCount="${unique}"`)
    .replace(/<\/sst>/, `${added.join("")}</sst>`);
  return { xml, index };
}

// ---------------------------------------------------------------------------------------------
// Styles

/** The style records the user's cells use: indexes into cellXfs and dxfs. */
export interface UserStyles {
  /** One of the practice workbook's own cell formats, reused for the header row (copied format). */
  readonly header: number;
  readonly title: number;
  readonly amount: number;
  readonly euro: number;
  /** Conditional format: amounts over 1,000. */
  readonly highlightDxf: number;
  /** The pivot table's values area format. */
  readonly pivotDxf: number;
}

/** Appends `items` to the <tag count="n"> list (made if missing, before `before`); returns the old count. */
function appendToList(
  xml: string,
  tag: string,
  items: readonly string[],
  before: string
): { xml: string; first: number } {
  const open = new RegExp(`<${tag}\\b([^>]*?)(/?)>`);
  const match = open.exec(xml);
  if (!match) {
    const list = `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    return { xml: xml.replace(`<${before}`, `${list}<${before}`), first: 0 };
  }
  const first = Number(/count="(\d+)"/.exec(match[1])?.[1] ?? 0);
  const attributes = match[1].replace(/\s*count="\d+"/, "");
  const opened = `<${tag} count="${first + items.length}"${attributes}>`;
  if (match[2] === "/")
    return { xml: xml.replace(match[0], `${opened}${items.join("")}</${tag}>`), first };
  const updated = xml.replace(match[0], opened).replace(`</${tag}>`, `${items.join("")}</${tag}>`);
  return { xml: updated, first };
}

/** styles.xml with the user's number format, font, cell formats and differential formats appended. */
export function withUserStyles(styles: string): { xml: string; styles: UserStyles } {
  const used = [...styles.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]));
  const euroFormat = Math.max(163, ...used) + 1;
  let xml = styles;
  let appended = appendToList(
    xml,
    "numFmts",
    [`<numFmt numFmtId="${euroFormat}" formatCode="#,##0.00\\ &quot;EUR&quot;"/>`],
    "fonts"
  );
  xml = appended.xml;
  appended = appendToList(
    xml,
    "fonts",
    [
      '<font><b/><sz val="14"/><color theme="3"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
    ],
    "fills"
  );
  xml = appended.xml;
  const titleFont = appended.first;
  appended = appendToList(
    xml,
    "cellXfs",
    [
      `<xf numFmtId="0" fontId="${titleFont}" fillId="0" borderId="0" xfId="0" applyFont="1"/>`,
      '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      `<xf numFmtId="${euroFormat}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`,
    ],
    "cellStyles"
  );
  xml = appended.xml;
  const firstXf = appended.first;
  appended = appendToList(
    xml,
    "dxfs",
    [
      '<dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf>',
      '<dxf><numFmt numFmtId="3" formatCode="#,##0"/></dxf>',
    ],
    "tableStyles"
  );
  xml = appended.xml;
  return {
    xml,
    styles: {
      header: Math.min(3, firstXf - 1),
      title: firstXf,
      amount: firstXf + 1,
      euro: firstXf + 2,
      highlightDxf: appended.first,
      pivotDxf: appended.first + 1,
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The worksheet

/** Relationship ids of the sheet's own parts (its .rels). */
export interface SheetRelIds {
  readonly printerSettings: string;
  readonly drawing: string;
  readonly legacyDrawing: string;
  readonly slicer: string;
}

type Cell = { ref: string; xml: string };

const stringCell = (ref: string, index: number, style?: number): Cell => ({
  ref,
  xml: `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`} t="s"><v>${index}</v></c>`,
});
const numberCell = (ref: string, value: number, style?: number): Cell => ({
  ref,
  xml: `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><v>${value}</v></c>`,
});
const formulaCell = (ref: string, formula: string, value: number, style?: number): Cell => ({
  ref,
  xml: `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><f>${esc(formula)}</f><v>${value}</v></c>`,
});

/** The sheet's XML: cells, formats, validation, page setup, drawings and the Excel 2010 extensions. */
export function notesWorksheet(
  strings: Map<string, number>,
  styles: UserStyles,
  ids: SheetRelIds
): string {
  const s = (text: string) => {
    const index = strings.get(text);
    if (index === undefined) throw new Error(`"${text}" is not in the shared strings`);
    return index;
  };
  const rows = new Map<number, Cell[]>();
  const put = (cell: Cell) => {
    const row = Number(/\d+$/.exec(cell.ref)![0]);
    rows.set(row, [...(rows.get(row) ?? []), cell]);
  };
  put(stringCell("A1", s(NOTES_SHEET), styles.title));
  put(stringCell("A2", s("Owner")));
  put(stringCell("B2", s("Dana Whitfield")));
  for (const [column, text] of [
    ["A", "Region"],
    ["B", "Quarter"],
    ["C", "Amount"],
    ["D", "Amount in EUR"],
  ])
    put(stringCell(`${column}3`, s(text), styles.header));
  SOURCE_ROWS.forEach((source, i) => {
    const row = FIRST_DATA_ROW + i;
    put(stringCell(`A${row}`, s(source.region)));
    put(stringCell(`B${row}`, s(source.quarter)));
    put(numberCell(`C${row}`, source.amount, styles.amount));
    // One shared formula over D4:D9, as Excel saves a filled-down column.
    const value = round2(source.amount * EUR_RATE);
    const formula =
      i === 0
        ? `<f t="shared" ref="D${FIRST_DATA_ROW}:D${LAST_DATA_ROW}" si="0">C${row}*[1]Rates!$B$2</f>`
        : '<f t="shared" si="0"/>';
    put({ ref: `D${row}`, xml: `<c r="D${row}" s="${styles.euro}">${formula}<v>${value}</v></c>` });
  });
  const total = LAST_DATA_ROW + 1;
  put(stringCell(`A${total}`, s("Total")));
  put(
    formulaCell(
      `C${total}`,
      `SUM(C${FIRST_DATA_ROW}:C${LAST_DATA_ROW})`,
      GRAND_TOTAL,
      styles.amount
    )
  );
  put(
    formulaCell(
      `D${total}`,
      `SUM(D${FIRST_DATA_ROW}:D${LAST_DATA_ROW})`,
      round2(SOURCE_ROWS.reduce((n, r) => n + round2(r.amount * EUR_RATE), 0)),
      styles.euro
    )
  );
  put(stringCell(`A${total + 2}`, s("Trend")));
  // The pivot table's rendered cells (Excel saves them as ordinary cells).
  put(stringCell("F3", s("Row Labels")));
  put(stringCell("G3", s("Sum of Amount")));
  regionTotals().forEach(({ region, total: sum }, i) => {
    put(stringCell(`F${4 + i}`, s(region)));
    put(numberCell(`G${4 + i}`, sum));
  });
  const grand = 4 + REGIONS.length;
  put(stringCell(`F${grand}`, s("Grand Total")));
  put(numberCell(`G${grand}`, GRAND_TOTAL));

  const columnIndex = (ref: string) => /^[A-Z]+/.exec(ref)![0].charCodeAt(0);
  const sheetData = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(
      ([row, cells]) =>
        `<row r="${row}" x14ac:dyDescent="0.25">${cells
          .sort((a, b) => columnIndex(a.ref) - columnIndex(b.ref))
          .map((c) => c.xml)
          .join("")}</row>`
    )
    .join("");
  const amounts = `C${FIRST_DATA_ROW}:C${LAST_DATA_ROW}`;
  const quarters = `B${FIRST_DATA_ROW}:B${LAST_DATA_ROW}`;
  return (
    `${HEAD}<worksheet xmlns="${NS.main}" xmlns:r="${NS.r}" xmlns:mc="${NS.mc}" ` +
    `mc:Ignorable="x14ac" xmlns:x14ac="${NS.x14ac}">` +
    '<sheetPr><tabColor rgb="FF7030A0"/><pageSetUpPr fitToPage="1"/></sheetPr>' +
    `<dimension ref="A1:G${total + 2}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><selection activeCell="B2" sqref="B2"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>' +
    '<cols><col min="1" max="1" width="16.7109375" customWidth="1"/><col min="4" max="4" width="15.28515625" customWidth="1"/><col min="6" max="6" width="13.140625" bestFit="1" customWidth="1"/></cols>' +
    `<sheetData>${sheetData}</sheetData>` +
    `<conditionalFormatting sqref="${amounts}">` +
    `<cfRule type="cellIs" dxfId="${styles.highlightDxf}" priority="1" operator="greaterThan"><formula>1000</formula></cfRule>` +
    "</conditionalFormatting>" +
    '<dataValidations count="1">' +
    `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${quarters}">` +
    "<formula1>&quot;Q1,Q2,Q3,Q4&quot;</formula1></dataValidation></dataValidations>" +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    `<pageSetup paperSize="9" orientation="landscape" fitToHeight="0" r:id="${ids.printerSettings}"/>` +
    `<drawing r:id="${ids.drawing}"/>` +
    `<legacyDrawing r:id="${ids.legacyDrawing}"/>` +
    "<extLst>" +
    `<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="${NS.x14}">` +
    `<x14:sparklineGroups xmlns:xm="${NS.xm}">` +
    '<x14:sparklineGroup type="column" displayEmptyCellsAs="gap" high="1">' +
    '<x14:colorSeries theme="4" tint="-0.499984740745262"/><x14:colorNegative theme="5"/>' +
    '<x14:colorAxis rgb="FF000000"/><x14:colorMarkers theme="4" tint="-0.499984740745262"/>' +
    '<x14:colorFirst theme="4" tint="0.39997558519241921"/><x14:colorLast theme="4" tint="0.39997558519241921"/>' +
    '<x14:colorHigh rgb="FFC00000"/><x14:colorLow theme="4"/>' +
    `<x14:sparklines><x14:sparkline><xm:f>'${NOTES_SHEET}'!${amounts}</xm:f>` +
    `<xm:sqref>B${total + 2}</xm:sqref></x14:sparkline></x14:sparklines>` +
    "</x14:sparklineGroup></x14:sparklineGroups></ext>" +
    `<ext uri="{A8765BA9-456A-4dab-B4F3-ACF838C121DE}" xmlns:x14="${NS.x14}">` +
    `<x14:slicerList><x14:slicer r:id="${ids.slicer}"/></x14:slicerList></ext>` +
    "</extLst></worksheet>"
  );
}
