import { CellValue, excelTrim } from "./cellValue";
import { orDefault, rejectArgs } from "./arguments";
import { valueError } from "./formulaError";
import { atLeast, atMost } from "./compare";

// KPI tracking: red/amber/green status against a target, for measures where higher or lower is better.

export type KpiStatus = "Green" | "Amber" | "Red";
export type KpiDirection = "higher" | "lower";
export const DEFAULT_DIRECTION: KpiDirection = "higher";
export const DEFAULT_AMBER_BAND = 0.1;

/**
 * Green when the target is met; Amber when the miss is within amberBand x |target|; else Red.
 * Direction "higher" means higher is better (savings rate), "lower" means lower is better (unit cost).
 * The rule is symmetric: KPISTATUS(a, t, "higher") = KPISTATUS(-a, -t, "lower").
 */
export function kpiStatus(
  actual: CellValue,
  target: CellValue,
  direction?: CellValue,
  amberBand?: CellValue
): KpiStatus {
  const dir = orDefault(direction, DEFAULT_DIRECTION);
  const band = orDefault(amberBand, DEFAULT_AMBER_BAND);
  if (
    typeof actual !== "number" ||
    typeof target !== "number" ||
    typeof dir !== "string" ||
    typeof band !== "number"
  ) {
    rejectArgs([
      { name: "actual", value: actual },
      { name: "target", value: target },
      { name: "direction", value: direction, kind: "optional text" },
      { name: "amberBand", value: amberBand, kind: "optional number" },
    ]);
  }
  const normalized = excelTrim(dir).toLowerCase();
  if (normalized !== "higher" && normalized !== "lower") {
    throw valueError(`direction must be "higher" or "lower" (which way is better), not "${dir}".`);
  }
  if (band < 0) throw valueError("amberBand must be zero or more, for example 0.1 for 10%.");
  const tolerance = band * Math.abs(target);
  if (normalized === "lower") {
    if (atMost(actual, target)) return "Green";
    return atMost(actual, target + tolerance) ? "Amber" : "Red";
  }
  if (atLeast(actual, target)) return "Green";
  return atLeast(actual, target - tolerance) ? "Amber" : "Red";
}
