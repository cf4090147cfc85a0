import { SAVINGS_KINDS, YES_NO } from "../templates/kpi/savingsLedger";
import { SavingsSubmission, Sourced } from "./submission";
import { TemplateReader } from "./templateReader";

/**
 * Validated savings and validated cost avoidance in the fiscal year, by the ledger's own definitions
 * (docs/TEMPLATES.md): the in-year value (monthly value x months of the fiscal year it applies) of
 * the rows finance validated (Y), summed like its InYearValidatedTotal (SUMIF, so any case of "y"),
 * split by "Savings or avoidance". The FinOps Framework counts savings and cost avoidance achieved in
 * a period; the in-year value is what the year's accounts see. The version 1 ledger had no in-year
 * value: its annualised validated totals are read instead, and a note says so.
 */
export function readSavings(tracker: TemplateReader): {
  savings?: SavingsSubmission;
  notes: string[];
} {
  if (tracker.version === 1) {
    const savings = tracker.number("savingsValidatedTotal");
    const avoidance = tracker.number("avoidanceValidatedTotal");
    if (!savings || !avoidance) return { notes: [] };
    return {
      savings: { validatedSavings: savings, validatedAvoidance: avoidance },
      notes: [
        "The savings ledger's version 1 has no in-year value: its validated savings and avoidance are annualised.",
      ],
    };
  }
  const ledger = tracker.table("savingsInitiatives");
  const [kind, validated, inYear] = ["kind", "validated", "inYear"].map((key) =>
    ledger?.column(key)
  );
  if (!ledger || !kind || !validated || !inYear) return { notes: [] };
  const same = (a: string | null, b: string) => a?.toLowerCase() === b.toLowerCase();
  const [yes] = YES_NO;
  const [savings, avoidance] = SAVINGS_KINDS;
  const sumOf = (wanted: string): Sourced<number> => {
    let total = 0;
    for (let row = 0; row < ledger.rows; row += 1) {
      if (same(validated.text(row).value, yes) && same(kind.text(row).value, wanted))
        total += inYear.number(row).value ?? 0;
    }
    return { value: total, source: inYear.source };
  };
  return {
    savings: { validatedSavings: sumOf(savings), validatedAvoidance: sumOf(avoidance) },
    notes: [],
  };
}
