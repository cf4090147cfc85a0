import { rangeBounds } from "../../workbook/addresses";
import { ReadValidation } from "../../workbook/maintain/readBack";
import { unescapeXml } from "../xmlText";

/**
 * A worksheet's data validation and conditional formats (ECMA-376 Part 1, 18.3.1.32 and 18.3.1.18,
 * and the x14 extension Excel 2010+ writes for rules that refer to other sheets, MS-XLSX 2.6.9 and
 * 2.6.86), read as Office.js reports them for a range.
 */
interface Area {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface FileValidation {
  readonly areas: readonly Area[];
  readonly read: ReadValidation;
}

export interface SheetRules {
  readonly validations: readonly FileValidation[];
  /** One per rule: the areas it covers and an id stable within the file. */
  readonly conditionalFormats: readonly { readonly id: string; readonly areas: readonly Area[] }[];
}

/** "A1:B3 D5" (whole columns and rows too) as areas. */
export function areasOf(sqref: string): Area[] {
  return sqref
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const [a, b = a] = part.replace(/\$/g, "").split(":");
      const whole = (x: string, isEnd: boolean) =>
        /^[A-Z]+$/.test(x)
          ? `${x}${isEnd ? 1048576 : 1}`
          : /^\d+$/.test(x)
            ? `${isEnd ? "XFD" : "A"}${x}`
            : x;
      return rangeBounds(`${whole(a, false)}:${whole(b, true)}`);
    });
}

const OPERATORS: Record<string, string> = {
  between: "Between",
  notBetween: "NotBetween",
  equal: "EqualTo",
  notEqual: "NotEqualTo",
  greaterThan: "GreaterThan",
  lessThan: "LessThan",
  greaterThanOrEqual: "GreaterThanOrEqualTo",
  lessThanOrEqual: "LessThanOrEqualTo",
};

const TYPES: Record<string, [string, string]> = {
  whole: ["WholeNumber", "wholeNumber"],
  decimal: ["Decimal", "decimal"],
  list: ["List", "list"],
  date: ["Date", "date"],
  time: ["Time", "time"],
  textLength: ["TextLength", "textLength"],
  custom: ["Custom", "custom"],
};

/** A rule bound as Office.js gives it: a number when it is one, else the formula with "=". */
const bound = (formula: string | undefined) =>
  formula === undefined || formula === ""
    ? undefined
    : /^-?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(formula)
      ? Number(formula)
      : `=${formula}`;

function validation(attributes: Record<string, string>, f1?: string, f2?: string): ReadValidation {
  const [type, key] = TYPES[attributes.type ?? ""] ?? ["None", ""];
  const title = attributes.promptTitle ?? "";
  const message = attributes.prompt ?? "";
  const shown = attributes.showInputMessage === "1" || attributes.showInputMessage === "true";
  // No prompt at all reads as Office.js's empty one, shown or not.
  const prompt = { showPrompt: shown || (title === "" && message === ""), title, message };
  if (type === "None") return { type, rule: null, prompt };
  let rule: Record<string, unknown>;
  if (key === "list") {
    const literal = /^"([\s\S]*)"$/.exec(f1 ?? "");
    rule = {
      // showDropDown="1" hides the arrow (ECMA-376's inverted flag).
      inCellDropDown: attributes.showDropDown !== "1" && attributes.showDropDown !== "true",
      source: literal ? literal[1].replace(/""/g, '"') : `=${f1 ?? ""}`,
    };
  } else if (key === "custom") rule = { formula: `=${f1 ?? ""}` };
  else {
    const operator = OPERATORS[attributes.operator ?? "between"] ?? "Between";
    const second = bound(f2);
    rule = { formula1: bound(f1), ...(second === undefined ? {} : { formula2: second }), operator };
  }
  return { type, rule: { [key]: rule }, prompt };
}

const attributesOf = (text: string) => {
  const found: Record<string, string> = {};
  for (const attr of text.matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
    found[attr[1]] = unescapeXml(attr[2]);
  return found;
};

const inner = (body: string, tag: string) => {
  const match = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`).exec(body);
  return match ? unescapeXml(match[1]) : undefined;
};

export function readSheetRules(xml: string): SheetRules {
  const validations: FileValidation[] = [];
  for (const m of xml.matchAll(/<dataValidation\b([^>]*?)(?:\/>|>([\s\S]*?)<\/dataValidation>)/g)) {
    const a = attributesOf(m[1]);
    const body = m[2] ?? "";
    validations.push({
      areas: areasOf(a.sqref ?? ""),
      read: validation(a, inner(body, "formula1"), inner(body, "formula2")),
    });
  }
  for (const m of xml.matchAll(/<x14:dataValidation\b([^>]*)>([\s\S]*?)<\/x14:dataValidation>/g)) {
    const body = m[2];
    const f = (n: string) => inner(inner(body, `x14:formula${n}`) ?? "", "xm:f");
    validations.push({
      areas: areasOf(inner(body, "xm:sqref") ?? ""),
      read: validation(attributesOf(m[1]), f("1"), f("2")),
    });
  }
  const conditionalFormats: SheetRules["conditionalFormats"][number][] = [];
  const blocks = [
    ...xml.matchAll(/<conditionalFormatting\b([^>]*)>([\s\S]*?)<\/conditionalFormatting>/g),
  ];
  for (const [, attrs, body] of blocks) {
    const areas = areasOf(attributesOf(attrs).sqref ?? "");
    for (const rule of body.matchAll(/<cfRule\b([^>]*)/g))
      conditionalFormats.push({ id: `${attributesOf(rule[1]).priority ?? ""}`, areas });
  }
  const extended = xml.matchAll(
    /<x14:conditionalFormatting\b[^>]*>([\s\S]*?)<\/x14:conditionalFormatting>/g
  );
  for (const [, body] of extended) {
    const areas = areasOf(inner(body, "xm:sqref") ?? "");
    for (const rule of body.matchAll(/<x14:cfRule\b([^>]*)/g))
      conditionalFormats.push({ id: attributesOf(rule[1]).id ?? "", areas });
  }
  return { validations, conditionalFormats };
}

const overlaps = (a: Area, b: Area) =>
  a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
const covers = (a: Area, row: number, column: number) =>
  row >= a.top && row <= a.bottom && column >= a.left && column <= a.right;

const NONE: ReadValidation = {
  type: "None",
  rule: null,
  prompt: { showPrompt: true, title: "", message: "" },
};

/** The validation Office.js reads for a one-column range: the cells' common rule, else "Inconsistent". */
export function validationOf(rules: SheetRules, area: Area): ReadValidation {
  let found: ReadValidation | undefined;
  for (let row = area.top; row <= area.bottom; row += 1) {
    const here =
      rules.validations.find((v) => v.areas.some((a) => covers(a, row, area.left)))?.read ?? NONE;
    if (found && found !== here && JSON.stringify(found) !== JSON.stringify(here))
      return { type: "Inconsistent" };
    found = here;
  }
  return found ?? NONE;
}

/** The ids of the conditional formats that touch the area. */
export function conditionalFormatIdsOf(rules: SheetRules, area: Area): string[] {
  return rules.conditionalFormats
    .filter((cf) => cf.areas.some((a) => overlaps(a, area)))
    .map((cf) => cf.id);
}
