/** One problem the health check found, with where it is and what to do about it. */
export type Severity = "error" | "warning" | "info";

export type FindingKind =
  | "overwritten"
  | "formulaChanged"
  | "outdatedFormula"
  | "errorValue"
  | "missingSheet"
  | "missingTable"
  | "missingChart"
  | "missingColumn"
  | "missingPeriod"
  | "missingName"
  | "brokenName"
  | "movedName"
  | "invalidInput"
  | "raci"
  | "overBudget"
  | "budgetDetail"
  | "reportingDates"
  | "staffingBudget"
  | "retypedFigure"
  | "overdue"
  | "periodGap"
  | "addinFunction"
  | "numberFormat"
  | "validation"
  | "conditionalFormat"
  | "notChecked"
  | "upgradeAvailable";

export interface Finding {
  readonly severity: Severity;
  readonly kind: FindingKind;
  readonly templateId: string;
  readonly sheet: string;
  /** A1 cell or range on the sheet ("" when the finding is about the whole sheet or template). */
  readonly address: string;
  readonly what: string;
  readonly fix: string;
  /** Refresh restores it. */
  readonly repairable: boolean;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then by sheet and address as a reader goes through the workbook. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      ORDER[a.severity] - ORDER[b.severity] ||
      a.sheet.localeCompare(b.sheet) ||
      a.address.localeCompare(b.address, undefined, { numeric: true })
  );
}
