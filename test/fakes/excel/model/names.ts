/** Workbook-scoped defined names: validity, uniqueness with tables, references that follow sheets. */
import { Rect, formatRect, parseAddress, quoteSheetName } from "../addresses";
import { invalidArgument } from "../errors";
import { checkNewName } from "./tables";
import { NameData } from "./types";
import { WorkbookModel } from "./workbook";

/** "=Budget!$B$5": the sheet's current name, so a rename shows through as in Excel. */
export function nameFormula(model: WorkbookModel, name: NameData): string {
  if (!name.target) return name.formula;
  const sheet = model.sheetById(name.target.sheetId)!;
  return `=${quoteSheetName(sheet.name)}!${formatRect(name.target.rect, true)}`;
}

export function nameType(name: NameData): string {
  if (name.target) return "Range";
  const body = name.formula.slice(1);
  if (body.startsWith("#REF!")) return "Error";
  if (/^(TRUE|FALSE)$/i.test(body)) return "Boolean";
  if (body !== "" && !Number.isNaN(Number(body))) return "Double";
  return "String";
}

/** A text reference like "=Sheet1!$A$1" becomes a live range reference when the sheet exists. */
function parseReference(
  model: WorkbookModel,
  formula: string
): { sheetId: string; rect: Rect } | null {
  try {
    const parsed = parseAddress(formula.slice(1));
    const sheet = parsed.sheet === undefined ? undefined : model.findSheet(parsed.sheet);
    return sheet ? { sheetId: sheet.id, rect: parsed.rect } : null;
  } catch {
    return null;
  }
}

export function addName(
  model: WorkbookModel,
  name: unknown,
  reference: { sheetId: string; rect: Rect } | string,
  comment: unknown
): NameData {
  const text = checkNewName(model, name, "Name");
  if (comment !== undefined && (typeof comment !== "string" || comment.length > 255)) {
    throw invalidArgument("A name's comment must be text of at most 255 characters.");
  }
  let target: NameData["target"] = null;
  let formula = "";
  if (typeof reference === "string") {
    if (reference === "") throw invalidArgument(`Name "${text}" needs a reference.`);
    formula = reference.startsWith("=") ? reference : `=${reference}`;
    target = parseReference(model, formula);
  } else {
    target = reference;
  }
  const defined: NameData = {
    name: text,
    comment: (comment as string) ?? "",
    visible: true,
    target,
    formula,
  };
  model.names.push(defined);
  return defined;
}

export function findName(model: WorkbookModel, key: string): NameData | undefined {
  return model.names.find((n) => n.name.toUpperCase() === key.toUpperCase());
}

export function deleteName(model: WorkbookModel, name: NameData): void {
  model.names.splice(model.names.indexOf(name), 1);
}

export function setNameFormula(model: WorkbookModel, name: NameData, formula: unknown): void {
  if (typeof formula !== "string" || formula === "")
    throw invalidArgument(`Name "${name.name}" needs a reference.`);
  name.formula = formula.startsWith("=") ? formula : `=${formula}`;
  name.target = parseReference(model, name.formula);
}
