import { escapeXml } from "../charts/chartXml";
import { insertWorkbookChild } from "./workbookOrder";

/**
 * Workbook-scoped defined names (ECMA-376 Part 1, 18.2.5) set, added or removed in workbook.xml in
 * place; names scoped to a sheet (localSheetId), Excel's own (_xlnm.*) and every other element stay
 * as they are. Names are matched case-insensitively, as Excel does.
 */
export interface NameChange {
  readonly name: string;
  /** The formula as Office.js takes it ("='Team budget'!$B$12"), or null to remove the name. */
  readonly formula: string | null;
}

const NAME = /<definedName\b([^>]*)>([\s\S]*?)<\/definedName>/g;

export function changeDefinedNames(workbookXml: string, changes: readonly NameChange[]): string {
  if (changes.length === 0) return workbookXml;
  const wanted = new Map(changes.map((c) => [c.name.toLowerCase(), c]));
  const done = new Set<string>();
  const xml = workbookXml.replace(NAME, (whole, attributes: string) => {
    if (/\blocalSheetId="/.test(attributes)) return whole;
    const name = /\bname="([^"]*)"/.exec(attributes)?.[1] ?? "";
    const change = wanted.get(name.toLowerCase());
    if (!change) return whole;
    done.add(name.toLowerCase());
    return change.formula === null
      ? ""
      : `<definedName${attributes}>${body(change.formula)}</definedName>`;
  });
  const added = changes
    .filter((c) => c.formula !== null && !done.has(c.name.toLowerCase()))
    .map(
      (c) => `<definedName name="${escapeXml(c.name)}">${body(c.formula as string)}</definedName>`
    )
    .join("");
  if (added === "") return xml.replace(/<definedNames>\s*<\/definedNames>/, "");
  if (/<definedNames\b[^>]*>/.test(xml))
    return xml.replace("</definedNames>", () => `${added}</definedNames>`);
  if (/<definedNames\s*\/>/.test(xml))
    return xml.replace(/<definedNames\s*\/>/, () => `<definedNames>${added}</definedNames>`);
  return insertWorkbookChild(xml, "definedNames", `<definedNames>${added}</definedNames>`);
}

/** A name's stored text: the formula without its "=", escaped. */
const body = (formula: string) => escapeXml(formula.startsWith("=") ? formula.slice(1) : formula);
