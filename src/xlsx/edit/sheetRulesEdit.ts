import { rangeAddress } from "../../workbook/addresses";
import { colourScalePoints } from "../../workbook/styles";
import { PlannedConditionalFormat, PlannedValidation } from "../../workbook/plan";
import { escapeXml } from "../charts/chartXml";
import { insertWorksheetChild, worksheetChildrenAfter } from "../charts/xlsxPackage";
import { areasOf } from "../read/sheetRules";

/**
 * Data validation and conditional formats of a worksheet part changed in place (ECMA-376 Part 1,
 * 18.3.1.32-33 and 18.3.1.18), as Office.js `dataValidation.clear()` then a new rule, and
 * `conditionalFormats.add`, change them: only the area given is touched; rules elsewhere, the user's
 * included, keep their cells.
 */
type Area = ReturnType<typeof areasOf>[number];

/** `a` without `b`: up to four rectangles around the overlap. */
function subtract(a: Area, b: Area): Area[] {
  if (b.top > a.bottom || b.bottom < a.top || b.left > a.right || b.right < a.left) return [a];
  const parts: Area[] = [];
  if (a.top < b.top) parts.push({ ...a, bottom: b.top - 1 });
  if (a.bottom > b.bottom) parts.push({ ...a, top: b.bottom + 1 });
  const top = Math.max(a.top, b.top);
  const bottom = Math.min(a.bottom, b.bottom);
  if (a.left < b.left) parts.push({ top, bottom, left: a.left, right: b.left - 1 });
  if (a.right > b.right) parts.push({ top, bottom, left: b.right + 1, right: a.right });
  return parts;
}

const sqrefOf = (areas: readonly Area[]) =>
  areas.map((a) => rangeAddress(a.top, a.left, a.bottom, a.right)).join(" ");

/** The rule's XML as the file adapter writes it (src/xlsx/sheet.ts dataValidation). */
function validationXml(area: Area, v: Omit<PlannedValidation, "address">): string {
  const attributes = ['allowBlank="1"', 'showErrorMessage="1"', 'errorStyle="stop"'];
  let formulas = "";
  if (v.list) {
    attributes.unshift('type="list"');
    const list = v.list.map((item) => item.replace(/"/g, '""')).join(",");
    formulas = `<formula1>${escapeXml(`"${list}"`)}</formula1>`;
  } else if (v.min !== undefined || v.max !== undefined) {
    attributes.unshift(`type="${v.whole ? "whole" : "decimal"}"`);
    attributes.push(`operator="${v.max === undefined ? "greaterThanOrEqual" : "between"}"`);
    formulas =
      v.max === undefined
        ? `<formula1>${v.min}</formula1>`
        : `<formula1>${v.min ?? 0}</formula1><formula2>${v.max}</formula2>`;
  }
  if (v.help)
    attributes.push('showInputMessage="1"', `prompt="${escapeXml(v.help.slice(0, 255))}"`);
  attributes.push(`sqref="${sqrefOf([area])}"`);
  return `<dataValidation ${attributes.join(" ")}>${formulas}</dataValidation>`;
}

/** Clears the area's validation, then gives it `validation`. */
export function setValidation(
  xml: string,
  area: Area,
  validation: Omit<PlannedValidation, "address">
): string {
  const kept: string[] = [];
  const block = /<dataValidations\b[^>]*?(?:\/>|>([\s\S]*?)<\/dataValidations>)/.exec(xml);
  for (const m of (block?.[1] ?? "").matchAll(
    /<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g
  )) {
    const sqref = /\bsqref="([^"]*)"/.exec(m[0])?.[1] ?? "";
    const left = areasOf(sqref).flatMap((a) => subtract(a, area));
    if (left.length > 0)
      kept.push(m[0].replace(`sqref="${sqref}"`, () => `sqref="${sqrefOf(left)}"`));
  }
  kept.push(validationXml(area, validation));
  const element = `<dataValidations count="${kept.length}">${kept.join("")}</dataValidations>`;
  if (block) return xml.replace(block[0], () => element);
  return insertWorksheetChild(xml, worksheetChildrenAfter("dataValidations"), element);
}

/**
 * Adds a highlight rule (or a colour scale) over the area, after every rule the sheet has (lowest
 * priority). `dxfId` gives the highlight's differential style, which a colour scale does not use.
 */
export function addConditionalFormat(
  xml: string,
  area: Area,
  rule: Omit<PlannedConditionalFormat, "address">,
  dxfId: () => number
): string {
  const priorities = [...xml.matchAll(/<(?:x14:)?cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) =>
    Number(m[1])
  );
  const priority = Math.max(0, ...priorities) + 1;
  if (rule.when === "colorScale") {
    const points = colourScalePoints(rule);
    const scale =
      points.map((p) => `<cfvo type="num" val="${p.value}"/>`).join("") +
      points.map((p) => `<color rgb="FF${p.colour.slice(1)}"/>`).join("");
    return insertWorksheetChild(
      xml,
      worksheetChildrenAfter("conditionalFormatting"),
      `<conditionalFormatting sqref="${sqrefOf([area])}"><cfRule type="colorScale" priority="${priority}">` +
        `<colorScale>${scale}</colorScale></cfRule></conditionalFormatting>`
    );
  }
  const operator = { equals: "equal", greaterThan: "greaterThan", lessThan: "lessThan" }[rule.when];
  const formula =
    typeof rule.value === "string" ? `"${rule.value.replace(/"/g, '""')}"` : String(rule.value);
  const element =
    `<conditionalFormatting sqref="${sqrefOf([area])}"><cfRule type="cellIs" dxfId="${dxfId()}" ` +
    `priority="${priority}" operator="${operator}"><formula>${escapeXml(formula)}</formula></cfRule>` +
    `</conditionalFormatting>`;
  return insertWorksheetChild(xml, worksheetChildrenAfter("conditionalFormatting"), element);
}
