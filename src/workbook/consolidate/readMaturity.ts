import { DEFAULT_MAX_SCORE } from "../../domain/maturity";
import { LENSES } from "../templates/maturity/lenses";
import { ColumnReader, orBlankIn, TableReader, TemplateReader } from "./templateReader";
import { CapabilityScore, LensScore, MaturitySubmission, Sourced } from "./submission";

/** The scorecard's practice figures, capability rows and the five lenses (FinOps Assessment). */
export function readMaturity(scorecard: TemplateReader): {
  maturity: MaturitySubmission;
  notes: string[];
} {
  const notes: string[] = [];
  const orBlank = <T>(figure: Sourced<T> | undefined) => orBlankIn(scorecard, figure);
  const capabilities = scorecard.table("maturityCapabilities");
  const assessmentDate = orBlank(scorecard.date("maturityAssessmentDate"));
  return {
    maturity: {
      practiceScore: orBlank(scorecard.number("maturityScore")),
      level: orBlank(scorecard.text("maturityLevel")),
      targetScore: orBlank(scorecard.number("maturityTargetScore")),
      assessmentDate,
      capabilities: capabilities ? capabilityScores(capabilities) : [],
      lenses: lensScores(scorecard, capabilities, assessmentDate.value !== null, notes),
    },
    notes,
  };
}

function capabilityScores(table: TableReader): CapabilityScore[] {
  const [capability, domain, score, target] = ["capability", "domain", "score", "target"].map(
    (key) => table.column(key)
  );
  if (!capability) return [];
  const blank = (column: ColumnReader | null, row: number) =>
    column ? column.number(row) : { value: null, source: capability.number(row).source };
  return Array.from({ length: table.rows }, (_, row) => row).flatMap((row) => {
    const name = capability.text(row).value;
    if (name === null) return [];
    return [
      {
        capability: name,
        domain: domain?.text(row).value ?? "",
        score: blank(score, row),
        target: blank(target, row),
      },
    ];
  });
}

/**
 * Version 3 on, the scorecard's own table by lens. Earlier versions have none: each lens is computed
 * as that table defines it (maturityScorecard.ts practiceByLens): the lens's scores summed over the
 * capability table, as a share of 4 x the capabilities assessed (a blank lens scores 0, as in the
 * practice score), with the lens column as its source.
 */
function lensScores(
  scorecard: TemplateReader,
  capabilities: TableReader | null,
  assessed: boolean,
  notes: string[]
): LensScore[] {
  const byLens = scorecard.table("maturityByLens");
  const lens = byLens?.column("lens");
  const score = byLens?.column("score");
  if (byLens && lens && score)
    return Array.from({ length: byLens.rows }, (_, row) => row).flatMap((row) => {
      const name = lens.text(row).value;
      return name === null ? [] : [{ lens: name, score: score.number(row) }];
    });
  if (scorecard.version >= 3 || !capabilities) return [];
  const count = scorecard.number("maturityCapabilitiesAssessed")?.value ?? null;
  notes.push(
    `The maturity scorecard's version ${scorecard.version} has no table by lens: each lens was computed from the capability table's lens column.`
  );
  return LENSES.flatMap((l) => {
    const column = capabilities.column(l.key);
    if (!column) return [];
    const values = Array.from({ length: capabilities.rows }, (_, row) => column.number(row).value);
    const total = values.reduce<number>((sum, v) => sum + (v ?? 0), 0);
    // Blank before an assessment date is entered, as the version 3 table is.
    const value =
      assessed && count !== null && count > 0 ? total / (DEFAULT_MAX_SCORE * count) : null;
    return [{ lens: l.name, score: { value, source: column.source } }];
  });
}
