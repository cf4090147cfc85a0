import { PERSONAS } from "../../domain/personas";
import { RACI_OK, raciCheck } from "../../domain/raci";
import { BoundTable, indexOf } from "./boundTable";
import { Finding } from "./findings";
import { asCellValue } from "./grid";

/** The decision model's rule: each decision has exactly one A and at least one R (domain raciCheck). */
export function checkRaci(templateId: string, bound: BoundTable): Finding[] {
  if (templateId !== "decision-model") return [];
  const decision = indexOf(bound, "decision");
  const personas = PERSONAS.map((p) => indexOf(bound, p.key)).filter((i) => i >= 0);
  if (personas.length === 0) return [];
  const findings: Finding[] = [];
  for (let row = 0; row < bound.rows; row += 1) {
    // A row without a decision is still being written: not a problem yet.
    if (decision >= 0 && bound.cell(row, decision).value === "") continue;
    let verdict: string;
    try {
      verdict = raciCheck([personas.map((i) => asCellValue(bound.cell(row, i).value))]);
    } catch (error) {
      verdict = (error as Error).message;
    }
    if (verdict === RACI_OK) continue;
    findings.push({
      severity: "error",
      kind: "raci",
      templateId,
      sheet: bound.read.sheet,
      address: bound.rowAddress(row, Math.min(...personas), Math.max(...personas)),
      what: `Decision "${decision >= 0 ? bound.cell(row, decision).value : row + 1}": ${verdict}.`,
      fix: "Give the decision exactly one A (Accountable) and at least one R (Responsible).",
      repairable: false,
    });
  }
  return findings;
}
