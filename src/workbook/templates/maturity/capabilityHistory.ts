import { CellValue } from "../../../domain/cellValue";
import {
  changeSinceRecorded,
  col,
  column,
  columnRange,
  Expr,
  ifBlank,
  name,
  str,
} from "../../expr/expr";
import { ColumnSpec } from "../../spec";
import { CAPABILITIES, Capability, LensScores } from "./capabilities";

// Maturity scorecard version 2: each capability's score kept with every assessment. The history is
// wide (one column per capability, headed by its name, beside the practice score of the same row):
// one row per assessment reads like a finance time series, charts without a pivot table, and a
// version-1 workbook gains it through the columns upgrade already adds (a new table could not be
// placed under a sheet the user has been writing on).

/** Column keys of the recorded capability scores, in framework order. */
export const recordedScoreKey = (index: number) => `capabilityScore${index + 1}`;
export const isRecordedScoreKey = (key: string) => /^capabilityScore\d+$/.test(key);
const FIRST = recordedScoreKey(0);
const LAST = recordedScoreKey(CAPABILITIES.length - 1);

/** The history's capability columns: headed by the capability's name, which is what a record matches. */
export function recordedScoreColumns(): ColumnSpec[] {
  return CAPABILITIES.map((capability, i) => ({
    key: recordedScoreKey(i),
    header: capability.name,
    kind: "input",
    type: "percent",
    min: 0,
    max: 1,
    width: 14,
    help: "This capability's score recorded at this assessment; blank when it was not assessed then.",
  }));
}

/**
 * The capability table's "Change since last record": its score now minus its score at the latest
 * record dated before this assessment. Comparing with records before the assessment date (not the
 * last one) keeps the figure the same before and after this assessment is itself recorded.
 */
export function changeSinceLastRecord(whenScored: (blank: Expr, scored: Expr) => Expr): ColumnSpec {
  const date = name("maturityAssessmentDate");
  return {
    key: "change",
    header: "Change since last record",
    kind: "computed",
    type: "percent",
    width: 12,
    expr: whenScored(
      str(""),
      ifBlank(
        date,
        str(""),
        changeSinceRecorded(
          col("score"),
          col("capability"),
          columnRange("maturityHistory", FIRST, LAST),
          column("maturityHistory", "date"),
          date
        )
      )
    ),
  };
}

/**
 * The sample organisation's previous quarter: 18 capabilities assessed (every fifth not yet), each
 * a step behind today on Adoption, and every other one on Process too.
 */
function previousSample(capability: Capability, i: number): LensScores | undefined {
  if (i % 5 === 4) return undefined;
  const [knowledge, process, metrics, adoption, automation] = capability.sample.scores;
  const lower = (score: number) => Math.max(0, score - 1);
  return [knowledge, i % 2 === 0 ? lower(process) : process, metrics, lower(adoption), automation];
}

/** The recorded capability scores of the sample history's last two rows, by column key. */
export function sampleRecords(score: (lenses: LensScores) => number): {
  previous: Record<string, CellValue>;
  current: Record<string, CellValue>;
  previousPracticeScore: number;
} {
  const previous: Record<string, CellValue> = {};
  const current: Record<string, CellValue> = {};
  CAPABILITIES.forEach((capability, i) => {
    const before = previousSample(capability, i);
    if (before) previous[recordedScoreKey(i)] = score(before);
    current[recordedScoreKey(i)] = score(capability.sample.scores);
  });
  const scores = Object.values(previous) as number[];
  return {
    previous,
    current,
    previousPracticeScore: scores.reduce((total, s) => total + s, 0) / scores.length,
  };
}
