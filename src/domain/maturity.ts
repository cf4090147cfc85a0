import { CellMatrix, CellValue, isBlank } from "./cellValue";
import { cellPosition, numericCells, orDefault, passErrors, rejectArgs } from "./arguments";
import { divisionByZero, finite, notAvailable, valueError } from "./formulaError";

// Maturity scoring. Score: FinOps Assessment playbook (lenses scored 0..max, weighted).
// Levels: FinOps Framework maturity model (Crawl, Walk, Run).

export type MaturityLevel = "Crawl" | "Walk" | "Run";
export const DEFAULT_MAX_SCORE = 4;
export const DEFAULT_WALK_AT = 0.5;
export const DEFAULT_RUN_AT = 0.8;

/**
 * sum(w x s) / (maxScore x sum(w)) over the scored cells, a share between 0 and 1.
 * A blank score means "not assessed": the cell and its weight are left out. A blank weight counts as 0.
 * Without weights every scored cell weighs 1.
 */
export function maturityScore(
  scores: CellValue | CellMatrix,
  weights?: CellValue | CellMatrix,
  maxScore?: CellValue
): number {
  const hasWeights = !isBlank(weights);
  const max = orDefault(maxScore, DEFAULT_MAX_SCORE);
  passErrors("scores", scores);
  if (hasWeights) passErrors("weights", weights);
  if (typeof max !== "number")
    rejectArgs([{ name: "maxScore", value: maxScore, kind: "optional number" }]);

  const s = numericCells("scores", scores);
  const w = hasWeights ? numericCells("weights", weights) : null;
  if (w && (w.rows !== s.rows || w.columns !== s.columns)) {
    throw valueError(
      `weights must be the same size as scores (${s.rows}x${s.columns}); it is ${w.rows}x${w.columns}.`
    );
  }
  if (max <= 0) throw valueError("maxScore must be more than 0.");

  let weighted = 0;
  let weightTotal = 0;
  let scored = 0;
  for (let i = 0; i < s.cells.length; i++) {
    const score = s.cells[i];
    const weight = w ? (w.cells[i] ?? 0) : 1;
    if (weight < 0)
      throw valueError(`Weights must be zero or more; ${cellPosition(i, s.columns)} is ${weight}.`);
    if (score === null) continue;
    if (score < 0 || score > max) {
      throw valueError(
        `Each score must be between 0 and ${max}; ${cellPosition(i, s.columns)} is ${score}.`
      );
    }
    weighted += score * weight;
    weightTotal += weight;
    scored++;
  }
  if (scored === 0) throw notAvailable("No scores yet: every score cell is blank.");
  if (weightTotal === 0) throw divisionByZero("The weights of the scored cells add up to 0.");
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
  if (score < 0 || score > 1)
    throw valueError(`score must be between 0 and 1 (a MATURITYSCORE result); it is ${score}.`);
  if (walk < 0 || run < walk || run > 1)
    throw valueError("Thresholds must satisfy 0 <= walkAt <= runAt <= 1.");
  if (score < walk) return "Crawl";
  if (score < run) return "Walk";
  return "Run";
}
