import { maturityScore } from "../../src/domain/maturity";
import { CAPABILITIES } from "../../src/workbook/templates/maturity/capabilities";
import { LENSES } from "../../src/workbook/templates/maturity/lenses";
import { ExcelFake } from "../fakes/excel";
import { showInName } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";

export const CAPABILITY_TABLE = "MaturityCapabilities";

/** Lens weights typed in Settings: uneven, so a wrong weight would show in every score. */
export const WEIGHTS = [2, 1.5, 1, 1, 0.5];

/** Lens scores of each capability in a round of assessment; null: not scored (every seventh from the fourth). */
export function lensScores(round: number): (number[] | null)[] {
  return CAPABILITIES.map((_, i) =>
    i % 7 === 3 ? null : LENSES.map((_, l) => (i * 3 + l * 2 + round) % 5)
  );
}

/** A capability's score as the domain computes it from typed lens scores and weights. */
export const scoreOf = (lenses: readonly number[]): number =>
  maturityScore([[...lenses]], [WEIGHTS]);

/**
 * Types the lens scores and weights, and shows the scores, practice score and results the scorecard
 * would compute (the fake never calculates): what a finished assessment looks like.
 */
export async function typeAssessment(fake: ExcelFake, round: number, date: number): Promise<void> {
  const scores = lensScores(round);
  await edit(fake, (workbook) => {
    LENSES.forEach((lens, l) => {
      workbook.names.getItem(`MaturityWeight${lens.name}`).getRange().values = [[WEIGHTS[l]]];
      const at = columnOf(fake, CAPABILITY_TABLE, lens.name);
      workbook.worksheets
        .getItem(at.sheet)
        .getRange(`${at.letter}${at.first}:${at.letter}${at.last}`).values = scores.map((s) => [
        s ? s[l] : "",
      ]);
    });
    workbook.names.getItem("MaturityAssessmentDate").getRange().values = [[date]];
  });
  const score = columnOf(fake, CAPABILITY_TABLE, "Score");
  scores.forEach((s, i) =>
    fake.state.setCachedValue(score.sheet, score.cell(i), s ? scoreOf(s) : "")
  );
  const scored = scores.filter((s): s is number[] => s !== null).map(scoreOf);
  showInName(fake, "PracticeMaturityScore", scored.reduce((a, b) => a + b, 0) / scored.length);
  showInName(fake, "MaturityTargetScore", 0.6);
  showInName(fake, "CapabilitiesAssessed", scored.length);
  showInName(fake, "ChecklistLevelReached", "Crawl");
}
