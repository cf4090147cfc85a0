/**
 * The child element order of the DrawingML chart elements the file adapter writes, written out from
 * the ECMA-376 schema (Part 1, dml-chart.xsd: each complex type's xsd:sequence), as an independent
 * check that a written part has its elements in the order Excel requires (Excel "repairs" a file
 * whose order is wrong). Only the elements we write are listed; an element not listed is not checked.
 */
export const CHART_SEQUENCES: Record<string, readonly string[]> = {
  chartSpace: [
    "date1904",
    "lang",
    "roundedCorners",
    "AlternateContent",
    "style",
    "clrMapOvr",
    "pivotSource",
    "protection",
    "chart",
    "spPr",
    "txPr",
    "externalData",
    "printSettings",
    "userShapes",
    "extLst",
  ],
  chart: [
    "title",
    "autoTitleDeleted",
    "pivotFmts",
    "view3D",
    "floor",
    "sideWall",
    "backWall",
    "plotArea",
    "legend",
    "plotVisOnly",
    "dispBlanksAs",
    "showDLblsOverMax",
    "extLst",
  ],
  title: ["tx", "layout", "overlay", "spPr", "txPr", "extLst"],
  plotArea: [
    "layout",
    "areaChart|area3DChart|lineChart|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart",
    "valAx|catAx|dateAx|serAx",
    "dTable",
    "spPr",
    "extLst",
  ],
  barChart: [
    "barDir",
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "gapWidth",
    "overlap",
    "serLines",
    "axId",
    "extLst",
  ],
  lineChart: [
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "dropLines",
    "hiLowLines",
    "upDownBars",
    "marker",
    "smooth",
    "axId",
    "extLst",
  ],
  radarChart: ["radarStyle", "varyColors", "ser", "dLbls", "axId", "extLst"],
  // CT_BarSer, CT_LineSer and CT_RadarSer share their start and end; one list in schema order.
  ser: [
    "idx",
    "order",
    "tx",
    "spPr",
    "invertIfNegative|marker",
    "pictureOptions",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "shape|smooth",
    "extLst",
  ],
  catAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses|crossesAt",
    "auto",
    "lblAlgn",
    "lblOffset",
    "tickLblSkip",
    "tickMarkSkip",
    "noMultiLvlLbl",
    "extLst",
  ],
  valAx: [
    "axId",
    "scaling",
    "delete",
    "axPos",
    "majorGridlines",
    "minorGridlines",
    "title",
    "numFmt",
    "majorTickMark",
    "minorTickMark",
    "tickLblPos",
    "spPr",
    "txPr",
    "crossAx",
    "crosses|crossesAt",
    "crossBetween",
    "majorUnit",
    "minorUnit",
    "dispUnits",
    "extLst",
  ],
  scaling: ["logBase", "orientation", "max", "min", "extLst"],
  legend: ["legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"],
  numRef: ["f", "numCache", "extLst"],
  strRef: ["f", "strCache", "extLst"],
  numCache: ["formatCode", "ptCount", "pt", "extLst"],
  strCache: ["ptCount", "pt", "extLst"],
};

/** "parent: child" for each child that comes before one the sequence puts earlier, or is unknown. */
export function outOfOrder(root: Element, sequences: Record<string, readonly string[]>): string[] {
  const problems: string[] = [];
  const visit = (element: Element) => {
    const sequence = sequences[element.localName];
    const children = Array.from(element.childNodes).filter((n): n is Element => n.nodeType === 1);
    if (sequence) {
      let last = -1;
      for (const child of children) {
        const at = sequence.findIndex((names) => names.split("|").includes(child.localName));
        if (at < 0) problems.push(`${element.localName}: unexpected ${child.localName}`);
        else if (at < last) problems.push(`${element.localName}: ${child.localName} out of order`);
        else last = at;
      }
    }
    children.forEach(visit);
  };
  visit(root);
  return problems;
}

/** CT_Workbook's children in its sequence's order (ECMA-376 Part 1, sml.xsd). */
export const WORKBOOK_SEQUENCE: readonly string[] = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** CT_Worksheet's children in its sequence's order (ECMA-376 Part 1, sml.xsd). */
export const WORKSHEET_SEQUENCE: readonly string[] = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
