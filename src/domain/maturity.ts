import { CellMatrix, CellValue, isBlank } from "./cellValue";
import { cellPosition, notANumber, orDefault, passErrors, rejectArgs, rowsOf } from "./arguments";
import { divisionByZero, finite, notAvailable, valueError } from "./formulaError";
import { greater, less } from "./compare";

// Maturity scoring. Score: FinOps Assessment playbook (lenses scored 0..max, weighted).
// Levels: FinOps Framework maturity model (Crawl, Walk, Run).

export type MaturityLevel = "Crawl" | "Walk" | "Run";
export const DEFAULT_MAX_SCORE = 4;
export const DEFAULT_WALK_AT = 0.5;
export const DEFAULT_RUN_AT = 0.8;

/**
 * sum(w x s) / (maxScore x sum(w)), a share between 0 and 1 of the range's fixed maximum. The FinOps
 * Assessment scores a capability "as a percentage of a potential maximum" (five lenses x 4 = 20): a
 * blank score is a lens not assessed yet, which scores 0 of its maximum, so leaving lenses blank can
 * never raise a score or a level. A scored cell needs a weight; a blank score with a blank weight adds
 * nothing. Without weights every cell weighs 1. At least one cell must be scored.
 */
export function maturityScore(
  scores: CellValue | CellMatrix,
  weights?: CellValue | CellMatrix,
  maxScore?: CellValue
): number {
  const s = rowsOf(scores);
  const w = isBlank(weights) ? null : rowsOf(weights);
  const max = orDefault(maxScore, DEFAULT_MAX_SCORE);
  passErrors("scores", s);
  if (w) passErrors("weights", w);
  if (typeof max !== "number") {
    rejectArgs([{ name: "maxScore", value: maxScore, kind: "optional number" }]);
  }
  const columns = s.length === 0 ? 0 : s[0].length;
  if (w && (w.length !== s.length || (w.length > 0 && w[0].length !== columns))) {
    throw valueError(
      `weights must be the same size as scores (${s.length}x${columns}); it is ${w.length}x${w.length === 0 ? 0 : w[0].length}.`
    );
  }
  if (max <= 0) throw valueError("maxScore must be more than 0.");

  let weighted = 0;
  let weightTotal = 0;
  let scored = 0;
  let unweighted: string | null = null; // first scored cell whose weight is blank
  for (let r = 0; r < s.length; r++) {
    const scoreRow = s[r];
    const weightRow = w ? w[r] : null;
    for (let c = 0; c < scoreRow.length; c++) {
      let weight = 1;
      if (weightRow) {
        const value = weightRow[c];
        if (typeof value === "number") weight = value;
        else if (isBlank(value)) weight = NaN;
        else notANumber("weights", value, r, c);
        if (weight < 0) {
          throw valueError(`Weights must be zero or more; ${cellPosition(r, c)} is ${weight}.`);
        }
      }
      const score = scoreRow[c];
      if (typeof score !== "number") {
        if (isBlank(score)) {
          // Not assessed: 0 of this cell's maximum, where its weight is known.
          if (!Number.isNaN(weight)) weightTotal += weight;
          continue;
        }
        notANumber("scores", score, r, c);
      }
      if (score < 0 || greater(score, max)) {
        throw valueError(
          `Each score must be between 0 and ${max}; ${cellPosition(r, c)} is ${score}.`
        );
      }
      if (Number.isNaN(weight)) {
        unweighted ??= cellPosition(r, c);
        continue;
      }
      weighted += score * weight;
      weightTotal += weight;
      scored++;
    }
  }
  // A scored cell without a weight is an oversight, not "weight 0": say so rather than drop the score.
  if (unweighted)
    throw notAvailable(
      `The weight for the score at ${unweighted} is blank: enter a weight (0 leaves the score out).`
    );
  if (scored === 0) throw notAvailable("No scores yet: every score cell is blank.");
  if (weightTotal === 0) throw divisionByZero("The weights add up to 0.");
  return finite(weighted / (max * weightTotal));
}

/** The level a score (0..1) reaches: below walkAt Crawl, below runAt Walk, else Run. */
export function maturityLevel(
  score: CellValue,
  walkAt?: CellValue,
  runAt?: CellValue
): MaturityLevel {
  const walk = orDefault(walkAt, DEFAULT_WALK_AT);
  const run = orDefault(runAt, DEFAULT_RUN_AT);
  if (typeof score !== "number" || typeof walk !== "number" || typeof run !== "number") {
    rejectArgs([
      { name: "score", value: score },
      { name: "walkAt", value: walkAt, kind: "optional number" },
      { name: "runAt", value: runAt, kind: "optional number" },
    ]);
  }
  if (score < 0 || greater(score, 1))
    throw valueError(`score must be between 0 and 1 (a MATURITYSCORE result); it is ${score}.`);
  if (walk < 0 || less(run, walk) || greater(run, 1))
    throw valueError("Thresholds must satisfy 0 <= walkAt <= runAt <= 1.");
  if (less(score, walk)) return "Crawl";
  if (less(score, run)) return "Walk";
  return "Run";
}
