import { CellStyle } from "./plan";
import { Highlight } from "./spec";

/**
 * How the workbooks look, once for every adapter: the cell styles a plan names and the colours of
 * conditional-format highlights (Excel's own Good / Neutral / Bad).
 */
export interface CellLook {
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly size?: number;
  readonly color?: string;
  readonly fill?: string;
  /** Unlocked: protecting the sheet still leaves the cell editable (input cells). */
  readonly unlocked?: boolean;
  /**
   * Text wraps within the column (the layout gives the row the height its lines need); aligned to
   * the bottom as the row's other cells are, so a wrapped label ends level with its value.
   */
  readonly wrap?: boolean;
}

const BRAND = "#0F6B5C";

/** Every table's built-in style (banded rows, a header in the brand's green family). */
export const TABLE_STYLE = "TableStyleMedium7";

export const CELL_LOOKS: Record<CellStyle, CellLook> = {
  title: { bold: true, size: 16, color: BRAND },
  subtitle: { italic: true, color: "#616161" },
  heading: { bold: true, size: 12, color: BRAND },
  label: {},
  note: { color: "#424242" },
  // Where a figure comes from, beside its value: set apart from the number by italics.
  source: { italic: true, color: "#616161" },
  // Shaded cells are the ones to type in, as finance models conventionally mark inputs.
  input: { fill: "#FFF8E1", unlocked: true },
  computed: {},
  // Long text (and table headers) wraps within a narrow column, so wide sheets print legibly.
  wrap: { wrap: true },
};

export const HIGHLIGHT_COLOURS: Record<
  Highlight,
  { readonly fill: string; readonly font: string }
> = {
  good: { fill: "#C6EFCE", font: "#006100" },
  neutral: { fill: "#FFEB9C", font: "#9C5700" },
  bad: { fill: "#FFC7CE", font: "#9C0006" },
};

/** Excel's own red, yellow and green colour scale. */
const SCALE_COLOURS = ["#F8696B", "#FFEB84", "#63BE7B"] as const;

/**
 * The three points of a planned colour scale, low (bad) to high (good): the value each colour stands
 * at, the middle one midway.
 */
export function colourScalePoints(rule: {
  readonly value: string | number;
  readonly high?: number;
}): readonly { readonly value: number; readonly colour: string }[] {
  const low = Number(rule.value);
  const high = rule.high ?? low;
  return [low, (low + high) / 2, high].map((value, i) => ({ value, colour: SCALE_COLOURS[i] }));
}
