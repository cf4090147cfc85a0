/**
 * Comparisons as spreadsheet engines make them. Excel and LibreOffice treat two numbers that differ
 * only in their last bits as equal (LibreOffice: rtl::math::approxEqual, 2^-48 relative), so
 * 0.315 - 0.3 is not more than 0.05 x 0.3 there. Statuses and limits compare through these so that a
 * FINOPS function and its native twin land on the same side of every threshold.
 */
const RELATIVE = 1 / (16777216 * 16777216);

export function approxEqual(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) < Math.abs(a) * RELATIVE;
}

/** a - b, snapped to 0 when a and b are equal to the last bits (what the engines' subtraction does). */
export function approxSub(a: number, b: number): number {
  if (((a < 0 && b < 0) || (a > 0 && b > 0)) && approxEqual(a, b)) return 0;
  return a - b;
}

export const greater = (a: number, b: number): boolean => a > b && !approxEqual(a, b);
export const less = (a: number, b: number): boolean => a < b && !approxEqual(a, b);
export const atLeast = (a: number, b: number): boolean => !less(a, b);
export const atMost = (a: number, b: number): boolean => !greater(a, b);
