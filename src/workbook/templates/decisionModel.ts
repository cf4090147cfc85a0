import { inPrintOrder } from "./printOrder";
import { CellValue } from "../../domain/cellValue";
import {
  add,
  agg,
  col,
  column,
  countIf,
  countIfs,
  finops,
  ifBlank,
  name,
  span,
  str,
  sub,
} from "../expr/expr";
import { TemplateOptions } from "../options";
import { Block, ColumnSpec, EarlierVersion, Template, TableRow, WorkbookSpec } from "../spec";
import { PERSONAS } from "../../domain/personas";
import { asAtFigure, overdueFlag, sampleMonthEnd } from "./reportingDate";
import { DECISIONS, DEFAULT_REVIEW_DAYS, RACI_LETTERS } from "./seedContent/decisionModelContent";
import { sheetTitle } from "./sheetTitle";

// Decision and accountability model: the recurring FinOps decisions x the six
// personas, R/A/C/I checked by FINOPS.RACICHECK, with threshold, escalation path and time to decide.
// Seed: "Ensure the FinOps decision and accountability structure is clear and documented", and each
// persona's "Participate in ... decision-making models" activity.

const TABLE = "raciDecisions";
const FIRST_PERSONA = PERSONAS[0].key;
const LAST_PERSONA = PERSONAS[PERSONAS.length - 1].key;

/** RACI check of this row: blank while the row has no decision, so a new row is not a "problem". */
export const RACI_CHECK = ifBlank(
  col("decision"),
  str(""),
  finops("RACICHECK", span(FIRST_PERSONA, LAST_PERSONA))
);

/** Next review of this row: blank until it has a last review date and a cycle. */
export const NEXT_REVIEW = ifBlank(
  col("lastReviewed"),
  str(""),
  ifBlank(col("reviewDays"), str(""), add(col("lastReviewed"), col("reviewDays")))
);

/**
 * Version 1 had no review columns. Upgrading fills "Review every (days)" with the template's cycle
 * for the template's own decisions (matched by name) and once a year for decisions users added;
 * "Last reviewed" starts empty, since nobody recorded when a row was last gone over.
 */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildDecisionModel(options, 1),
  migration: [
    {
      kind: "addColumn",
      table: TABLE,
      column: "reviewDays",
      value: (row) => {
        const decision = String(row.decision ?? "")
          .trim()
          .toLowerCase();
        if (decision === "") return null;
        const known = DECISIONS.find((d) => d.decision.toLowerCase() === decision);
        return known?.reviewDays ?? DEFAULT_REVIEW_DAYS;
      },
    },
  ],
};

/**
 * Version 2 had no reporting date and did not flag overdue reviews; version 3 adds both (a Review
 * status column, a Reviews block). Nothing users typed changes.
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildDecisionModel(options, 2),
  migration: [],
};

/**
 * Version 3 printed every column across two pages. Version 4 orders the table for print: each
 * decision's RACI, its check, threshold and review status first; the time to decide, review cycle,
 * last review, description and escalation path after them, on the sheet but off the printout. An
 * upgraded workbook keeps its order.
 */
const VERSION_3: EarlierVersion = {
  version: 3,
  build: (options) => buildDecisionModel(options, 3),
  migration: [],
};

export const decisionModel: Template = {
  id: "decision-model",
  version: 4,
  earlier: [VERSION_1, VERSION_2, VERSION_3],
  title: "Decision and accountability model",
  purpose:
    "Who is Responsible, Accountable, Consulted and Informed for each recurring FinOps decision, with thresholds, escalation path and time to decide; every row checked for exactly one A and at least one R.",
  audience: "The FinOps lead, Finance, and the executives who sponsor the practice",
  build: (options) => buildDecisionModel(options, 4),
};

/** Version 2's review columns: how often each row is gone over with its owners, and when next. */
const REVIEW_COLUMNS: readonly ColumnSpec[] = [
  {
    key: "reviewDays",
    header: "Review every (days)",
    kind: "input",
    type: "integer",
    min: 1,
    max: 730,
    help: "Days between reviews of this row with its Accountable and Responsible roles.",
  },
  {
    key: "lastReviewed",
    header: "Last reviewed",
    kind: "input",
    type: "date",
    help: "When this row was last gone over with its owners.",
  },
  {
    key: "nextReview",
    header: "Next review",
    kind: "computed",
    type: "date",
    expr: NEXT_REVIEW,
  },
];

/** Version 3: a review is overdue once its next review date is before the reporting date. */
const REVIEW_STATUS: ColumnSpec = {
  key: "reviewStatus",
  header: "Review status",
  kind: "computed",
  type: "text",
  width: 14,
  expr: overdueFlag("nextReview", "decisionsAsAt"),
};

function reviewsBlock(options: TemplateOptions): Block {
  return {
    kind: "figures",
    heading: "Reviews",
    items: [
      asAtFigure("decisionsAsAt", "DecisionsAsAt", options),
      {
        key: "reviewsOverdue",
        name: "DecisionReviewsOverdue",
        label: "Reviews overdue at the reporting date",
        type: "integer",
        kind: "computed",
        expr: countIfs({
          range: column(TABLE, "nextReview"),
          op: "<",
          value: name("decisionsAsAt"),
        }),
        conditionalFormats: [
          { when: "greaterThan", value: 0, highlight: "bad" },
          { when: "lessThan", value: 1, highlight: "good" },
        ],
      },
    ],
  };
}

type DecisionVersion = 1 | 2 | 3 | 4;

/** Version 4's print order: who decides and whether the row is sound and current, then the rest. */
function inVersionOrder(
  columns: readonly ColumnSpec[],
  version: DecisionVersion
): { columns: readonly ColumnSpec[]; printedColumns?: number } {
  if (version < 4) return { columns };
  return inPrintOrder(
    columns.map((c) => (c.key === "raciCheck" ? { ...c, width: 22, wrap: true } : c)),
    [
      "decision",
      ...PERSONAS.map((p) => p.key),
      "raciCheck",
      "threshold",
      "nextReview",
      "reviewStatus",
    ],
    ["days", "reviewDays", "lastReviewed", "trigger", "escalation"]
  );
}

function buildDecisionModel(options: TemplateOptions, version: DecisionVersion): WorkbookSpec {
  const columns: ColumnSpec[] = [
    { key: "decision", header: "Decision", kind: "input", type: "text", width: 34 },
    {
      key: "trigger",
      header: "Description and trigger",
      kind: "input",
      type: "text",
      width: 60,
    },
    ...PERSONAS.map((persona): ColumnSpec => ({
      key: persona.key,
      header: persona.name,
      kind: "input",
      type: "text",
      width: 12,
      list: RACI_LETTERS,
      help: "R responsible, A accountable (exactly one), C consulted, I informed; blank if not involved.",
    })),
    {
      key: "raciCheck",
      header: "RACI check",
      kind: "computed",
      type: "text",
      width: 30,
      expr: RACI_CHECK,
    },
    {
      key: "threshold",
      header: "Threshold",
      kind: "input",
      type: "currency",
      min: 0,
      help: "At or above this amount the decision goes through this model; below it the Responsible roles act under standing policy. Blank: every case.",
    },
    { key: "escalation", header: "Escalation path", kind: "input", type: "text", width: 40 },
    {
      key: "days",
      header: "Time to decide (days)",
      kind: "input",
      type: "integer",
      min: 0,
      max: 365,
      help: "Days the Accountable role has to decide before the escalation path applies.",
    },
    ...(version === 1 ? [] : REVIEW_COLUMNS),
    ...(version < 3 ? [] : [REVIEW_STATUS]),
  ];

  const rows: TableRow[] = DECISIONS.map((d) => {
    const values: Record<string, CellValue> = {
      decision: d.decision,
      trigger: d.trigger,
      escalation: d.escalation,
    };
    for (const persona of PERSONAS) values[persona.key] = d.raci[persona.key] ?? null;
    const sample: Record<string, CellValue> = { days: d.days };
    if (version > 1) {
      values.reviewDays = d.reviewDays;
      sample.lastReviewed = sampleMonthEnd(options, d.reviewedMonth);
    }
    if (d.threshold !== undefined) sample.threshold = d.threshold;
    return { values, sample, source: d.source };
  });

  return {
    templateId: "decision-model",
    version,
    title: "Decision and accountability model",
    sheets: [
      {
        key: "decisionModel",
        name: "Decision model",
        freezeColumns: 1,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, "FinOps decision and accountability model"),
            subtitle: `Amounts in ${options.currency}`,
          },
          {
            kind: "notes",
            heading: "How to use",
            lines: [
              "One row per recurring FinOps decision. For each persona enter R, A, C or I, or leave the cell blank when the persona takes no part.",
              "R Responsible: prepares the decision and carries it out. A Accountable: takes the decision and answers for it; exactly one per decision.",
              "C Consulted: gives expert input before the decision. I Informed: is told the outcome. Leadership is the executives, including the FinOps sponsor.",
              "RACI check shows OK when a row has exactly one A and at least one R; otherwise it says what to fix.",
              "Threshold: at or above this amount the decision goes through the model; below it the Responsible roles act under standing policy. Blank means every case.",
              `Escalation path: who decides, in order, when the Accountable role has not decided within the time to decide or the parties disagree.${version === 1 ? "" : " Go over each row with its owners by its Next review date (Last reviewed plus Review every), so the model keeps up with the organisation."}`,
              ...(version < 3
                ? []
                : [
                    "Review status says Overdue when the next review date is before the reporting date under Reviews; enter the new Last reviewed date once the row has been gone over.",
                  ]),
              ...(version < 4
                ? []
                : [
                    "Not printed: the time to decide, review cycle, last review, description and escalation path, kept after Review status.",
                  ]),
            ],
          },
          {
            kind: "figures",
            heading: "Checks",
            items: [
              {
                key: "decisionsChecked",
                name: "DecisionsChecked",
                label: "Decisions in the model",
                type: "integer",
                kind: "computed",
                expr: agg("COUNTA", column(TABLE, "decision")),
              },
              {
                key: "decisionsWithRaciProblem",
                name: "DecisionsWithRaciProblem",
                label: "Decisions with a RACI problem",
                type: "integer",
                kind: "computed",
                expr: sub(name("decisionsChecked"), countIf(column(TABLE, "raciCheck"), "OK")),
                conditionalFormats: [
                  { when: "greaterThan", value: 0, highlight: "bad" },
                  { when: "lessThan", value: 1, highlight: "good" },
                ],
              },
            ],
          },
          ...(version < 3 ? [] : [reviewsBlock(options)]),
          {
            kind: "table",
            key: TABLE,
            name: "DecisionModel",
            caption: "Decisions",
            ...inVersionOrder(columns, version),
            rows,
            conditionalFormats: [
              { column: "raciCheck", when: "equals", text: "OK", highlight: "good" },
              ...(version < 3
                ? []
                : [
                    {
                      column: "reviewStatus",
                      when: "equals" as const,
                      text: "Overdue",
                      highlight: "bad" as const,
                    },
                  ]),
            ],
          },
        ],
      },
    ],
  };
}
