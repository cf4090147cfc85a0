import ExcelJS from "exceljs";
import { CellStyle } from "../workbook/plan";
import { Highlight } from "../workbook/spec";
import { CELL_LOOKS, CellLook, HIGHLIGHT_COLOURS } from "../workbook/styles";

/**
 * The looks of src/workbook/styles.ts in ExcelJS's terms, so that a generated file looks like a workbook
 * the add-in generated.
 */
export const argb = (hex: string) => ({ argb: `FF${hex.slice(1).toUpperCase()}` });

// A font in a file replaces the whole font: name it, or viewers fall back to their own default.
const BODY_FONT: Partial<ExcelJS.Font> = { name: "Calibri", family: 2, scheme: "minor", size: 11 };

export interface FileStyle {
  readonly font?: Partial<ExcelJS.Font>;
  readonly fill?: ExcelJS.Fill;
  readonly protection?: Partial<ExcelJS.Protection>;
  readonly alignment?: Partial<ExcelJS.Alignment>;
}

function fileStyle(look: CellLook): FileStyle {
  const font =
    look.bold || look.italic || look.size || look.color
      ? {
          ...BODY_FONT,
          bold: look.bold,
          italic: look.italic,
          size: look.size ?? BODY_FONT.size,
          color: look.color ? argb(look.color) : undefined,
        }
      : undefined;
  return {
    ...(font
      ? { font: Object.fromEntries(Object.entries(font).filter(([, v]) => v !== undefined)) }
      : {}),
    ...(look.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: argb(look.fill) } as ExcelJS.Fill }
      : {}),
    ...(look.unlocked ? { protection: { locked: false } } : {}),
    ...(look.wrap ? { alignment: { wrapText: true } } : {}),
  };
}

export const FILE_STYLES = Object.fromEntries(
  Object.entries(CELL_LOOKS).map(([style, look]) => [style, fileStyle(look)])
) as Record<CellStyle, FileStyle>;

/** A conditional format's differential style: a solid fill is bgColor in a dxf, not fgColor. */
export function highlightStyle(highlight: Highlight): Partial<ExcelJS.Style> {
  const { fill, font } = HIGHLIGHT_COLOURS[highlight];
  return {
    fill: { type: "pattern", pattern: "solid", bgColor: argb(fill) },
    font: { color: argb(font) },
  };
}
