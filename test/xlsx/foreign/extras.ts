import { esc, HEAD, NS } from "./ooxml";
import { EUR_RATE } from "./sheet";

/**
 * The workbook-level parts a year-old finance workbook gathers, as Excel saves them:
 * - an external link (CT_ExternalLink, ECMA-376 Part 1 §18.14: the other book's sheet names and the
 *   cached cell the formulas read, [1]Rates!$B$2) whose path is an External relationship;
 * - custom XML from a document library (customXml/item1.xml, the SharePoint properties item, and
 *   itemProps1.xml naming its data store item and schema, §22.5);
 * - printer settings (a DEVMODE blob Excel stores as is: any bytes will do);
 * - document properties: a custom property (docProps/custom.xml, §22.3), a title in core.xml and a
 *   company in app.xml.
 */

export const EXTERNAL_BOOK_URL =
  "https://contoso.sharepoint.com/sites/finance/Shared%20Documents/FX%20rates%202026.xlsx";

export function externalLinkPart(pathRelId: string): string {
  return (
    `${HEAD}<externalLink xmlns="${NS.main}" xmlns:mc="${NS.mc}" mc:Ignorable="x14" ` +
    `xmlns:x14="${NS.x14}"><externalBook xmlns:r="${NS.r}" r:id="${pathRelId}">` +
    '<sheetNames><sheetName val="Rates"/></sheetNames>' +
    '<sheetDataSet><sheetData sheetId="0"><row r="2"><cell r="B2">' +
    `<v>${EUR_RATE}</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`
  );
}

export const CUSTOM_XML_ITEM_ID = "{6B3E1A57-2C51-4C1B-9D4B-8E2E7F0A9C11}";
const SP_PROPERTIES = "http://schemas.microsoft.com/office/2006/metadata/properties";

export function customXmlItemPart(): string {
  return (
    `<?xml version="1.0"?>\r\n<p:properties xmlns:p="${SP_PROPERTIES}" ` +
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xmlns:pc="http://schemas.microsoft.com/office/infopath/2007/PartnerControls">' +
    "<documentManagement>" +
    '<Department xmlns="1f7c3c0a-9a4e-4c55-8f0e-6d1f0d6e2b71">Finance</Department>' +
    '<ReviewCycle xmlns="1f7c3c0a-9a4e-4c55-8f0e-6d1f0d6e2b71">Quarterly</ReviewCycle>' +
    "</documentManagement></p:properties>"
  );
}

export function customXmlPropsPart(): string {
  const ds = "http://schemas.openxmlformats.org/officeDocument/2006/customXml";
  return (
    `${HEAD}<ds:datastoreItem ds:itemID="${CUSTOM_XML_ITEM_ID}" xmlns:ds="${ds}">` +
    `<ds:schemaRefs><ds:schemaRef ds:uri="${SP_PROPERTIES}"/></ds:schemaRefs></ds:datastoreItem>`
  );
}

/** Printer settings: a DEVMODEW-like blob (device name in UTF-16, then fixed fields). */
export function printerSettingsBytes(): Uint8Array {
  const bytes = new Uint8Array(220);
  const name = "Finance floor printer";
  for (let i = 0; i < name.length; i += 1) bytes[i * 2] = name.charCodeAt(i);
  const view = new DataView(bytes.buffer);
  view.setUint16(64, 0x0401, true); // dmSpecVersion
  view.setUint16(68, 220, true); // dmSize
  view.setUint32(72, 0x0001ff13, true); // dmFields
  view.setInt16(76, 2, true); // landscape
  view.setInt16(78, 9, true); // A4
  return bytes;
}

export const CUSTOM_PROPERTY = { name: "Cost centre", value: "FIN-4410" };

export function customPropertiesPart(): string {
  return (
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
    `xmlns:vt="${NS.vt}"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" ` +
    `name="${esc(CUSTOM_PROPERTY.name)}"><vt:lpwstr>${esc(CUSTOM_PROPERTY.value)}</vt:lpwstr>` +
    "</property></Properties>"
  );
}

export const DOCUMENT_TITLE = "Contoso FinOps practice, FY2026";

/** core.xml with the title set (an empty or missing <dc:title> is replaced or added). */
export function withTitle(core: string): string {
  const title = `<dc:title>${esc(DOCUMENT_TITLE)}</dc:title>`;
  if (/<dc:title\s*\/>|<dc:title>[\s\S]*?<\/dc:title>/.test(core))
    return core.replace(/<dc:title\s*\/>|<dc:title>[\s\S]*?<\/dc:title>/, title);
  return core.replace("</cp:coreProperties>", `${title}</cp:coreProperties>`);
}

/** app.xml with the new sheet among the worksheet titles (at `position`) and the company set. */
export function withSheetTitle(app: string, title: string, position: number): string {
  let xml = app.replace(
    /(<vt:lpstr>Worksheets<\/vt:lpstr><\/vt:variant><vt:variant><vt:i4>)(\d+)(<\/vt:i4>)/,
    (_, open, count, close) => `${open}${Number(count) + 1}${close}`
  );
  xml = xml.replace(
    /(<TitlesOfParts><vt:vector size=")(\d+)(" baseType="lpstr">)([\s\S]*?)(<\/vt:vector>)/,
    (_, open, size, middle, titles: string, close) => {
      const items = titles.match(/<vt:lpstr>[\s\S]*?<\/vt:lpstr>/g) ?? [];
      items.splice(position, 0, `<vt:lpstr>${esc(title)}</vt:lpstr>`);
      return `${open}${Number(size) + 1}${middle}${items.join("")}${close}`;
    }
  );
  return xml.replace(
    /<Company\s*\/>|<Company>[\s\S]*?<\/Company>/,
    "<Company>Contoso Retail</Company>"
  );
}
