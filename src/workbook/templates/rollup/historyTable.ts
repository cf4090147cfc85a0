import { Consolidation, DepartmentSubmission, HistoryRow } from "../../consolidate/submission";
import { excelSerial } from "../../dates";
import { TableBlock } from "../../spec";
import { HISTORY_HEADERS, HISTORY_TABLE } from "./rollupKeys";
import { amountInput, textInput } from "./rollupValues";

/**
 * The roll-up's history: each consolidation appends a row per department (kept from the roll-up the
 * workbook held, then this one's), so quarters can be compared. Amounts in the department's currency,
 * as submitted: a rate typed later does not rewrite the past.
 */

/** This consolidation's history row for a department. */
function historyRowOf(submission: DepartmentSubmission, date: string): HistoryRow {
  const savings = submission.savings?.validatedSavings.value ?? null;
  const avoidance = submission.savings?.validatedAvoidance.value ?? null;
  return {
    date,
    department: submission.department,
    asAt: submission.asAt,
    practiceScore: submission.maturity?.practiceScore.value ?? null,
    budget: submission.budget?.budget.value ?? null,
    actualYtd: submission.budget?.actualYtd.value ?? null,
    validatedValue:
      savings === null && avoidance === null ? null : (savings ?? 0) + (avoidance ?? 0),
    currency: submission.currency,
  };
}

export function historyTable(consolidation: Consolidation | undefined): TableBlock {
  const history = consolidation
    ? [
        ...consolidation.history,
        ...consolidation.submissions.map((s) => historyRowOf(s, consolidation.date)),
      ]
    : [];
  const h = HISTORY_HEADERS;
  return {
    kind: "table",
    key: HISTORY_TABLE,
    name: "RollupHistory",
    caption:
      "History: a row per department at each consolidation (amounts in the department's currency)",
    columns: [
      { key: "date", header: h.date, kind: "input", type: "date" },
      textInput("department", h.department, 18),
      // The consolidation's date says when; this, which month end the figures are (two consolidations
      // of the same quarter's files show the same as-at).
      { key: "asAt", header: h.asAt, kind: "input", type: "date" },
      {
        key: "practiceScore",
        header: h.practiceScore,
        kind: "input",
        type: "percent",
        min: 0,
        max: 1,
      },
      amountInput("budget", h.budget),
      amountInput("actualYtd", h.actualYtd),
      amountInput("validatedValue", h.validatedValue),
      { ...textInput("currency", h.currency, 10), wrap: false },
    ],
    rows: history.map((row) => ({
      values: {
        date: excelSerial(row.date),
        department: row.department,
        asAt: row.asAt === null ? null : excelSerial(row.asAt),
        practiceScore: row.practiceScore,
        budget: row.budget,
        actualYtd: row.actualYtd,
        validatedValue: row.validatedValue,
        currency: row.currency,
      },
    })),
  };
}
