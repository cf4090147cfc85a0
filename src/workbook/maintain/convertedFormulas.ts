/**
 * The formulas users typed with FINOPS calls that "Make portable" rewrote, kept in a workbook setting.
 * A twin cannot be read back into the add-in call it came from (many calls share one twin shape), so
 * the way back restores the original only where the cell still holds the twin that was written.
 */
export const CONVERTED_SETTING = "finops.convertedFormulas";

export interface ConvertedFormula {
  readonly sheet: string;
  readonly address: string;
  /** The formula the user typed, as Excel read it. */
  readonly addin: string;
  /** The native formula written in its place. */
  readonly twin: string;
}

const isConverted = (x: unknown): x is ConvertedFormula =>
  typeof x === "object" &&
  x !== null &&
  ["sheet", "address", "addin", "twin"].every(
    (key) => typeof (x as Record<string, unknown>)[key] === "string"
  );

/** The setting's value as stored (JSON text); entries that do not parse are dropped rather than trusted. */
export function readConverted(value: unknown): ConvertedFormula[] {
  if (typeof value !== "string") return [];
  try {
    const parsed: unknown = JSON.parse(value);
    return Array.isArray(parsed) ? parsed.filter(isConverted) : [];
  } catch {
    return [];
  }
}

export const writeConverted = (formulas: readonly ConvertedFormula[]): string =>
  JSON.stringify(formulas);
