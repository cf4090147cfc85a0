/** CT_Workbook's children after <definedNames>, in the schema's order (ECMA-376 Part 1, A.2). */
const AFTER_DEFINED_NAMES = [
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

/**
 * The workbook part with `element` put where the schema wants a child named `name`: before the
 * first child that must follow it, else at the end. Excel refuses a workbook whose children are out
 * of order.
 */
export function insertWorkbookChild(
  xml: string,
  name: "definedNames" | "calcPr",
  element: string
): string {
  const followers = name === "calcPr" ? AFTER_DEFINED_NAMES.slice(1) : AFTER_DEFINED_NAMES;
  const positions = followers
    .map((tag) => xml.search(new RegExp(`<${tag}[\\s/>]`)))
    .filter((at) => at >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : xml.lastIndexOf("</workbook>");
  return `${xml.slice(0, at)}${element}${xml.slice(at)}`;
}
