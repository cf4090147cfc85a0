/**
 * Rules attached to cells: data validation (stored per cell, so a new rule replaces the old) and
 * conditional formats (stored per sheet with their range).
 */
import { Rect, overlaps } from "../addresses";
import { invalidArgument } from "../errors";
import { ConditionalCellValueOperator, DataValidationOperator, checkEnum } from "../enums";
import { normalizeColor, updateCells, updateStoredCells } from "./cells";
import {
  ColorScaleCriterion,
  ConditionalFormatData,
  SheetData,
  ValidationData,
  ValidationPrompt,
  ValidationRule,
} from "./types";
import { WorkbookModel } from "./workbook";

// ---- data validation ----

const validationTypes: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

function checkBounds(kind: string, criterion: Record<string, unknown>): Record<string, unknown> {
  const operator = checkEnum(criterion.operator, DataValidationOperator, `${kind} operator`);
  if (
    criterion.formula1 === undefined ||
    criterion.formula1 === null ||
    criterion.formula1 === ""
  ) {
    throw invalidArgument(`A ${kind} rule needs formula1.`);
  }
  const two = operator === "Between" || operator === "NotBetween";
  if (
    two &&
    (criterion.formula2 === undefined || criterion.formula2 === null || criterion.formula2 === "")
  ) {
    throw invalidArgument(`A ${kind} rule with operator ${operator} needs formula2.`);
  }
  if (two && typeof criterion.formula1 === "number" && typeof criterion.formula2 === "number") {
    if (criterion.formula2 < criterion.formula1) {
      throw invalidArgument(
        `The maximum (${criterion.formula2}) must be >= the minimum (${criterion.formula1}).`
      );
    }
  }
  return two
    ? { formula1: criterion.formula1, formula2: criterion.formula2, operator }
    : { formula1: criterion.formula1, operator };
}

/** Checks a DataValidationRule (Range sources already turned into "=Sheet!$A$1:$A$3" text). */
export function normalizeRule(rule: unknown): ValidationRule {
  if (typeof rule !== "object" || rule === null)
    throw invalidArgument("A data validation rule must be an object.");
  const keys = Object.keys(rule).filter((key) => (rule as Record<string, unknown>)[key] != null);
  if (keys.length !== 1 || !(keys[0] in validationTypes)) {
    throw invalidArgument(
      `A data validation rule needs exactly one of ${Object.keys(validationTypes).join(", ")}; got ${keys.join(", ") || "none"}.`
    );
  }
  const kind = keys[0];
  const criterion = (rule as Record<string, Record<string, unknown>>)[kind];
  if (kind === "list") {
    const source = criterion.source;
    if (typeof source !== "string" || source === "")
      throw invalidArgument("A list rule needs a source.");
    // Excel caps a typed-in list (not a range reference) at 255 characters.
    if (!source.startsWith("=") && source.length > 255) {
      throw invalidArgument(`A list source of ${source.length} characters exceeds Excel's 255.`);
    }
    return { list: { inCellDropDown: criterion.inCellDropDown !== false, source } };
  }
  if (kind === "custom") {
    if (typeof criterion.formula !== "string" || criterion.formula === "") {
      throw invalidArgument("A custom rule needs a formula.");
    }
    return { custom: { formula: criterion.formula } };
  }
  return { [kind]: checkBounds(kind, criterion) };
}

export function ruleType(rule: ValidationRule | null): string {
  return rule ? validationTypes[Object.keys(rule)[0]] : "None";
}

const noValidation = (): ValidationData => ({
  rule: null,
  prompt: null,
  errorAlert: null,
  ignoreBlanks: true,
});

function updateValidation(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  change: (v: ValidationData) => void,
  clearing = false
): void {
  model.checkEditable(sheet, null, "change data validation");
  (clearing ? updateStoredCells : updateCells)(sheet, rect, (cell) => {
    const validation = { ...(cell.validation ?? noValidation()) };
    change(validation);
    const empty =
      !validation.rule && !validation.prompt && !validation.errorAlert && validation.ignoreBlanks;
    cell.validation = empty ? null : validation;
  });
}

export function setValidationRule(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  rule: unknown
): void {
  const normalized = normalizeRule(rule);
  updateValidation(model, sheet, rect, (v) => {
    v.rule = normalized;
  });
}

export function setValidationPrompt(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  prompt: unknown
): void {
  const p = (prompt ?? {}) as Partial<ValidationPrompt>;
  const normalized: ValidationPrompt = {
    message: p.message ?? "",
    title: p.title ?? "",
    showPrompt: p.showPrompt ?? true,
  };
  // Excel's input message limits: title 32 characters, message 255.
  if (normalized.title.length > 32) {
    throw invalidArgument(
      `A validation prompt title of ${normalized.title.length} characters exceeds Excel's 32.`
    );
  }
  if (normalized.message.length > 255) {
    throw invalidArgument(
      `A validation prompt message of ${normalized.message.length} characters exceeds Excel's 255.`
    );
  }
  updateValidation(model, sheet, rect, (v) => {
    v.prompt = normalized;
  });
}

export function setValidationField(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  field: "errorAlert" | "ignoreBlanks",
  value: unknown
): void {
  updateValidation(model, sheet, rect, (v) => {
    if (field === "ignoreBlanks") v.ignoreBlanks = value !== false;
    else v.errorAlert = { ...(value as Record<string, unknown>) };
  });
}

export function clearValidation(model: WorkbookModel, sheet: SheetData, rect: Rect): void {
  const clear = (v: ValidationData) => Object.assign(v, noValidation());
  updateValidation(model, sheet, rect, clear, true);
}

// ---- conditional formats ----

export function addConditionalFormat(
  model: WorkbookModel,
  sheet: SheetData,
  rect: Rect,
  type: string
): ConditionalFormatData {
  model.checkEditable(sheet, null, "add conditional formats", "allowFormatCells");
  const cf: ConditionalFormatData = {
    id: model.newId(),
    type,
    rect,
    rule: null,
    format: { fill: null, fontColor: null, bold: null, italic: null },
    stopIfTrue: false,
  };
  sheet.conditionalFormats.push(cf);
  return cf;
}

export function setCellValueRule(cf: ConditionalFormatData, rule: unknown): void {
  if (cf.type !== "CellValue")
    throw invalidArgument(`This conditional format is ${cf.type}, not CellValue.`);
  const r = (rule ?? {}) as Record<string, unknown>;
  const operator = checkEnum(
    r.operator,
    ConditionalCellValueOperator,
    "Conditional format operator"
  );
  if (operator === "Invalid")
    throw invalidArgument("Conditional format operator Invalid can't be set.");
  if (typeof r.formula1 !== "string" || r.formula1 === "") {
    throw invalidArgument("A cell-value conditional format rule needs formula1 (text).");
  }
  const two = operator === "Between" || operator === "NotBetween";
  if (two && (typeof r.formula2 !== "string" || r.formula2 === "")) {
    throw invalidArgument(`Conditional format operator ${operator} needs formula2 (text).`);
  }
  cf.rule = two
    ? { formula1: r.formula1, formula2: r.formula2 as string, operator }
    : { formula1: r.formula1, operator };
}

/** A colour scale's criteria: a minimum and a maximum (a midpoint optional), each a number and a colour. */
export function setColorScaleCriteria(cf: ConditionalFormatData, criteria: unknown): void {
  if (cf.type !== "ColorScale")
    throw invalidArgument(`This conditional format is ${cf.type}, not ColorScale.`);
  const c = (criteria ?? {}) as Record<string, Record<string, unknown> | undefined>;
  const point = (name: string): ColorScaleCriterion | undefined => {
    const p = c[name];
    if (p === undefined) return undefined;
    if (typeof p.formula !== "string" || typeof p.type !== "string" || typeof p.color !== "string")
      throw invalidArgument(`A colour scale's ${name} needs formula, type and color (text).`);
    return { formula: p.formula, type: p.type, color: normalizeColor(p.color) };
  };
  const minimum = point("minimum");
  const maximum = point("maximum");
  if (!minimum || !maximum)
    throw invalidArgument("A colour scale needs a minimum and a maximum criterion.");
  const midpoint = point("midpoint");
  cf.criteria = midpoint ? { minimum, midpoint, maximum } : { minimum, maximum };
}

export function conditionalFormatsOn(sheet: SheetData, rect: Rect): ConditionalFormatData[] {
  return sheet.conditionalFormats.filter((cf) => overlaps(cf.rect, rect));
}
