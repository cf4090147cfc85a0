import { inPrintOrder } from "./printOrder";
import { CellValue } from "../../domain/cellValue";
import { DEFAULT_MAX_SCORE, maturityScore } from "../../domain/maturity";
import { excelDate } from "../dates";
import {
  add,
  agg,
  col,
  column,
  columnRange,
  countIf,
  div,
  Expr,
  finops,
  ifBlank,
  ifError,
  ifNoNumbers,
  mul,
  name,
  nthLargestLabel,
  num,
  pick,
  rowNumber,
  span,
  str,
  sub,
  sum,
  sumIf,
} from "../expr/expr";
import { periodAt, TemplateOptions } from "../options";
import {
  Block,
  ColumnSpec,
  EarlierVersion,
  Figure,
  TableRow,
  Template,
  WorkbookSpec,
} from "../spec";
import { CAPABILITIES, CAPABILITY_SOURCE, DOMAINS, LensScores } from "./maturity/capabilities";
import {
  changeSinceLastRecord,
  recordedScoreColumns,
  sampleRecords,
} from "./maturity/capabilityHistory";
import {
  CHECKLIST,
  CHECKLIST_STATUSES,
  checklistSource,
  MaturityStage,
  STAGES,
} from "./maturity/checklist";
import { Lens, LENS_SOURCE, LENSES } from "./maturity/lenses";
import { asAtFigure } from "./reportingDate";
import { sheetTitle } from "./sheetTitle";

// Maturity scorecard: (a) the FinOps Practice Operations checklist, every Crawl,
// Walk and Run statement of the capability as an assessment item giving the level reached; (b) the capability
// assessment of the FinOps Assessment playbook: the 22 FinOps Framework 2026 capabilities x five lenses
// scored 0-4, weighted, against a target, with a history of assessments for the trend.

const PLAYBOOK = "FinOps Foundation, FinOps Assessment playbook";

/** Lens weights of the sample organisation: knowledge and process first, as the playbook suggests early on. */
const SAMPLE_WEIGHTS: Readonly<Record<Lens["key"], number>> = {
  knowledge: 2,
  process: 1.5,
  metrics: 1,
  adoption: 1,
  automation: 0.5,
};

/** The checklist level of the sample organisation (the rule below applied to the sample statuses). */
const SAMPLE_CHECKLIST_LEVEL: MaturityStage = "Crawl";

/** Earlier quarterly assessments of the sample organisation, oldest first; the current one follows. */
const SAMPLE_HISTORY = [
  {
    score: 0.31,
    target: 0.5,
    capabilities: 8,
    note: "Baseline: Understand Usage & Cost and Manage the FinOps Practice",
  },
  {
    score: 0.36,
    target: 0.5,
    capabilities: 14,
    note: "Quantify Business Value added to the scope",
  },
  {
    score: 0.4,
    target: 0.6,
    capabilities: 18,
    note: "Optimize Usage & Cost added; target raised to 60%",
  },
] as const;
const DEFAULT_TARGET = 0.6;

const weightKey = (lens: Lens) => `w${lens.name}`;
const weightFigure = (lens: Lens) => `maturityWeight${lens.name}`;

/** The sample assessments: quarterly, the current one on the 15th of the first tracked month. */
function sampleDates(options: TemplateOptions): number[] {
  const [year, month] = options.firstPeriod.split("-").map(Number);
  // Quarterly, the latest in the fiscal year's fourth month: before the reporting date of the
  // sample story (the end of the sixth), so the scorecard and the other sheets tell one half-year.
  return [-6, -3, 0, 3].map((offset) => {
    const period = periodAt(year, month, offset);
    return excelDate(period.year, period.month, 15);
  });
}

/** A capability's score from its lens scores with the sample weights, as the workbook computes it. */
const sampleScore = (scores: LensScores): number =>
  maturityScore([[...scores]], [LENSES.map((lens) => SAMPLE_WEIGHTS[lens.key])]);

/** The practice score of the sample data, computed as the workbook does: for the history's last row. */
export function samplePracticeScore(): number {
  const scores = CAPABILITIES.map((c) => sampleScore(c.sample.scores));
  return scores.reduce((total, score) => total + score, 0) / scores.length;
}

type Version = 1 | 2 | 3 | 4 | 5;

/** Version 1 kept practice-level history only; version 2 adds columns, so nothing typed moves. */
const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildMaturityScorecard(options, 1),
  migration: [],
};

/**
 * Version 2 scored a capability once its Knowledge lens was, over its scored lenses only; version 3
 * counts a capability as assessed once any lens is scored, shows how many lenses are, and (through
 * MATURITYSCORE) scores a blank lens 0 of its maximum. It adds one computed column: nothing typed moves.
 */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildMaturityScorecard(options, 2),
  migration: [],
};

/** Version 3 had no reporting date: version 4 adds it with the assessment's age, below the results. */
const VERSION_3: EarlierVersion = {
  version: 3,
  build: (options) => buildMaturityScorecard(options, 3),
  migration: [],
};

/**
 * Version 4 printed every column of the capability table across five pages. Version 5 orders it for
 * print: the scores, target, status and level first; the domain, weights, target override, assessor,
 * date, evidence and next action after them, on the sheet but off the printout. An upgraded workbook
 * keeps its order (and its print setup): nothing moves.
 */
const VERSION_4: EarlierVersion = {
  version: 4,
  build: (options) => buildMaturityScorecard(options, 4),
  migration: [],
};

export const maturityScorecard: Template = {
  id: "maturity-scorecard",
  version: 5,
  earlier: [VERSION_1, VERSION_2, VERSION_3, VERSION_4],
  title: "Maturity scorecard",
  purpose:
    "FinOps Practice Operations checklist (Crawl, Walk, Run) and the 22 FinOps Framework capabilities scored on five lenses against a target, with level, gaps and trend.",
  audience: "The FinOps lead, who assesses; the CFO and executives, who review",
  build: (options) => buildMaturityScorecard(options, 5),
};

/** Version 5's charts beside the settings and results: D to H, within the first page across. */
const BESIDE_COLUMNS = 5;

function buildMaturityScorecard(options: TemplateOptions, version: Version): WorkbookSpec {
  const dates = sampleDates(options);
  const assessedOn = dates[dates.length - 1];
  const capabilityBlocks: Block[] = [
    {
      kind: "table",
      key: "maturityCapabilities",
      name: "MaturityCapabilities",
      caption: "Capability assessment",
      ...capabilityTableColumns(version),
      rows: capabilityRows(assessedOn),
      conditionalFormats: [
        { column: "status", when: "equals", text: "Green", highlight: "good" },
        { column: "status", when: "equals", text: "Amber", highlight: "neutral" },
        { column: "status", when: "equals", text: "Red", highlight: "bad" },
        { column: "level", when: "equals", text: "Run", highlight: "good" },
      ],
    },
    {
      kind: "chart",
      title: "Score vs target by capability",
      chart: "bar",
      table: "maturityCapabilities",
      categories: "capability",
      series: ["score", "target"],
      // Version 5: beside the results, so the history and its trend print a page earlier.
      ...(version < 5
        ? {}
        : {
            beside: "figures:maturityScore",
            besideColumns: BESIDE_COLUMNS,
            besideRows: 1 + results().length + assessmentAge(options).length,
          }),
    },
  ];
  const historyBlocks: Block[] = [
    {
      kind: "table",
      key: "maturityHistory",
      name: "MaturityHistory",
      caption: "Assessment history",
      columns: historyColumns(version),
      // Each capability's past scores after the assessment's own columns: kept for the
      // trend and the change since the last record, not printed across pages of their own.
      printedColumns: version < 5 ? 7 : 6,
      rows: historyRows(dates, version),
      conditionalFormats: [{ column: "level", when: "equals", text: "Run", highlight: "good" }],
    },
    {
      kind: "chart",
      title: "Practice score trend",
      chart: "line",
      table: "maturityHistory",
      categories: "date",
      series: ["score", "target"],
      // Version 5: beside the settings, so the capability table and history share a page.
      ...(version < 5
        ? {}
        : {
            beside: "figures:maturityTargetGroup",
            besideColumns: BESIDE_COLUMNS,
            besideRows: settings(options, assessedOn).length + 1,
          }),
    },
  ];
  return {
    templateId: "maturity-scorecard",
    version,
    title: "Maturity scorecard",
    sheets: [
      {
        key: "maturityScorecard",
        name: "Maturity scorecard",
        freezeColumns: 1,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, "FinOps maturity scorecard"),
            subtitle:
              "Capabilities scored on the five lenses of the FinOps Assessment playbook; FinOps Practice Operations checklist on the next sheet",
          },
          {
            kind: "notes",
            heading: "How to use",
            lines: [
              "Score each capability 0 (none) to 4 (leading) on each lens. Select a score cell to see what each value means, or read the Lens guide sheet.",
              ...(version < 3
                ? [
                    "Score = sum of weight x lens score / (4 x sum of weights): the share of the best possible score. Blank lenses are not assessed and are left out.",
                    "A capability is scored once its Knowledge lens is scored; until then it shows no score and the level Not assessed.",
                  ]
                : [
                    "Score = sum of weight x lens score / (4 x sum of weights): the share of the best possible score (FinOps Assessment: out of a fixed maximum). A lens left blank scores 0, so a partly assessed capability never looks more mature than it is.",
                    "A capability is assessed once any lens is scored; Lenses assessed shows how many of the five are. Until then it shows no score and the level Not assessed.",
                  ]),
              "Target: the target score below, unless you enter a target override for the capability. Gap = target - score; positive means short of target.",
              "Level: below the Walk threshold Crawl, below the Run threshold Walk, else Run. Target status: Green at or above target, Amber within the near-target band, else Red.",
              "Enter the date of this assessment: the practice results appear once it is set. The practice score is the average score of the assessed capabilities.",
              version === 1
                ? "After each assessment add a row to the history. Keep the same target group and lens weights between assessments so that scores compare."
                : "After each assessment use Record assessment (Workbook tab): it adds the practice and capability scores to the history. Change since last record compares with the latest record before the assessment date. Keep the target group and lens weights the same so that scores compare.",
              ...(version < 5
                ? []
                : [
                    "Not printed: each capability's domain, lens weights, target override, assessor, date, evidence and next action, kept after Level.",
                  ]),
              "Sources: FinOps Framework 2026 capabilities and the FinOps Assessment playbook (FinOps Foundation, CC BY 4.0).",
            ],
          },
          { kind: "figures", heading: "Settings", items: settings(options, assessedOn) },
          {
            kind: "figures",
            heading: "Results",
            items: [...results(), ...(version < 4 ? [] : assessmentAge(options))],
          },
          // Version 5: the history (wider) above the capability table, so that Excel can add a
          // capability row: it moves a table below only whole.
          ...(version < 5 ? capabilityBlocks : historyBlocks),
          ...(version < 5 ? historyBlocks : capabilityBlocks),
          ...(version < 3 ? [] : practiceByLens(version)),
        ],
      },
      {
        key: "maturityChecklist",
        name: "Practice checklist",
        freezeColumns: 0,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, "FinOps Practice Operations checklist"),
            subtitle:
              "The Crawl, Walk and Run statements of the FinOps Practice Operations capability (FinOps Framework, paraphrased)",
          },
          {
            kind: "notes",
            heading: "How to use",
            lines: [
              "Set the status of each statement: Met (true today, with evidence), Partly (in progress, or true for part of the organisation) or Not met. Add the evidence and an owner.",
              "Met counts 1 point, Partly 0.5, Not met or blank 0. A level's achievement is its points divided by its number of statements.",
              "A level is complete when its achievement reaches the pass mark (Green). Amber means within the near-target band of the pass mark.",
              "Level reached: Run when Crawl, Walk and Run are complete; Walk when Crawl and Walk are; otherwise Crawl, the level every practice starts at.",
              "Some statements describe the situation at a level (such as a virtual team at Crawl): mark them Met once the organisation has been through that stage.",
              "Results appear once the date of this assessment is set on the Maturity scorecard sheet.",
            ],
          },
          { kind: "figures", heading: "Checklist results", items: checklistFigures() },
          {
            kind: "table",
            key: "maturityChecklist",
            name: "MaturityChecklist",
            caption: "Practice Operations checklist",
            columns: checklistColumns(),
            rows: checklistRows(),
            conditionalFormats: [
              { column: "status", when: "equals", text: "Met", highlight: "good" },
              { column: "status", when: "equals", text: "Partly", highlight: "neutral" },
              { column: "status", when: "equals", text: "Not met", highlight: "bad" },
            ],
          },
        ],
      },
      {
        key: "maturityLensGuide",
        name: "Lens guide",
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: "What each lens score means",
            subtitle:
              "FinOps Assessment playbook lenses, paraphrased (FinOps Foundation, CC BY 4.0)",
          },
          {
            kind: "notes",
            heading: "The five lenses",
            lines: LENSES.map((lens) => `${lens.name}: ${lens.question}`),
          },
          {
            kind: "table",
            key: "maturityLensGuide",
            name: "MaturityLensGuide",
            caption: "Scores 0 to 4 by lens",
            columns: [
              { key: "lens", header: "Lens", kind: "input", type: "text", width: 14 },
              { key: "score", header: "Score", kind: "input", type: "integer", width: 8 },
              { key: "heading", header: "Level", kind: "input", type: "text", width: 34 },
              {
                key: "description",
                header: "What it looks like",
                kind: "input",
                type: "text",
                width: 110,
              },
            ],
            rows: LENSES.flatMap((lens) =>
              lens.levels.map((level, score): TableRow => ({
                values: {
                  lens: lens.name,
                  score,
                  heading: level.heading,
                  description: level.description,
                },
                source: LENS_SOURCE,
              }))
            ),
          },
        ],
      },
    ],
  };
}

/**
 * Version 4: the practice set's reporting date and how old the assessment is then, so a score from a
 * stale assessment is read as such (the FinOps Assessment is repeated each quarter or half-year). Last
 * of the results; upgrade writes them below the sheet under the results' heading.
 */
function assessmentAge(options: TemplateOptions): Figure[] {
  return [
    asAtFigure("maturityAsAt", "MaturityAsAt", options),
    {
      key: "maturityAssessmentAge",
      name: "MaturityAssessmentAge",
      label: "Days since this assessment, at the reporting date",
      type: "integer",
      kind: "computed",
      expr: ifBlank(
        name("maturityAssessmentDate"),
        str(""),
        sub(name("maturityAsAt"), name("maturityAssessmentDate"))
      ),
      conditionalFormats: [{ when: "greaterThan", value: 183, highlight: "neutral" }],
    },
  ];
}

function settings(options: TemplateOptions, assessedOn: number): Figure[] {
  return [
    {
      key: "maturityTargetGroup",
      name: "MaturityTargetGroup",
      label: "Target group assessed",
      type: "text",
      kind: "input",
      value: options.department ?? "Whole organisation",
      sample: `${options.organisation}, all departments`,
      help: "The part of the organisation this assessment covers. Keep it the same between assessments so that scores compare.",
    },
    {
      key: "maturityAssessmentDate",
      name: "MaturityAssessmentDate",
      label: "Date of this assessment",
      type: "date",
      kind: "input",
      value: null,
      sample: assessedOn,
      help: "When the scores below were agreed. The practice results appear once this date is set.",
    },
    {
      key: "maturityTargetScore",
      name: "MaturityTargetScore",
      label: "Target score (every capability)",
      type: "percent",
      kind: "input",
      value: DEFAULT_TARGET,
      help: "How good is good enough at this stage: a share of the best possible score. A capability's own target override takes precedence.",
    },
    {
      key: "maturityWalkAt",
      name: "MaturityWalkAt",
      label: "Walk from score",
      type: "percent",
      kind: "input",
      value: 0.5,
      help: "Lowest score that counts as Walk; below it a capability is at Crawl.",
    },
    {
      key: "maturityRunAt",
      name: "MaturityRunAt",
      label: "Run from score",
      type: "percent",
      kind: "input",
      value: 0.8,
      help: "Lowest score that counts as Run. Must be at least the Walk threshold and at most 100%.",
    },
    {
      key: "maturityNearBand",
      name: "MaturityNearTargetBand",
      label: "Near-target band",
      type: "percent",
      kind: "input",
      value: 0.1,
      help: "A score short of its target by at most this share of the target shows Amber rather than Red.",
    },
    ...LENSES.map((lens): Figure => ({
      key: weightFigure(lens),
      name: `MaturityWeight${lens.name}`,
      label: `Weight of the ${lens.name} lens`,
      type: "number",
      kind: "input",
      value: 1,
      sample: SAMPLE_WEIGHTS[lens.key],
      help: "How much this lens counts in every capability's score (0 or more; 0 leaves it out). Early on, knowledge and process often weigh more than automation.",
    })),
  ];
}

const assessed = (then: Expr, otherwise: Expr) =>
  ifBlank(name("maturityAssessmentDate"), then, otherwise);
const capabilityColumn = (key: string) => column("maturityCapabilities", key);

function results(): Figure[] {
  const scores = capabilityColumn("score");
  const countLevel = (level: MaturityStage): Figure => ({
    key: `maturityAt${level}`,
    name: `CapabilitiesAt${level}`,
    label: `Capabilities at ${level}`,
    type: "integer",
    kind: "computed",
    expr: countIf(capabilityColumn("level"), level),
  });
  return [
    {
      key: "maturityScore",
      name: "PracticeMaturityScore",
      label: "Practice score (average of capabilities)",
      type: "percent",
      kind: "computed",
      // SUM and COUNT skip the blank ("") scores of capabilities not assessed; MAX(...,1) keeps an
      // assessment without scores at 0 rather than #DIV/0!.
      expr: assessed(str(""), div(sum(scores), agg("MAX", agg("COUNT", scores), num(1)))),
    },
    {
      key: "maturityLevel",
      name: "PracticeMaturityLevel",
      label: "Practice level",
      type: "text",
      kind: "computed",
      expr: assessed(
        str("Not assessed"),
        finops(
          "MATURITYLEVEL",
          name("maturityScore"),
          name("maturityWalkAt"),
          name("maturityRunAt")
        )
      ),
      conditionalFormats: [{ when: "equals", text: "Run", highlight: "good" }],
    },
    {
      key: "maturityStatus",
      name: "PracticeMaturityStatus",
      label: "Practice score vs target",
      type: "text",
      kind: "computed",
      expr: assessed(
        str(""),
        finops(
          "KPISTATUS",
          name("maturityScore"),
          name("maturityTargetScore"),
          str("higher"),
          name("maturityNearBand")
        )
      ),
      conditionalFormats: [
        { when: "equals", text: "Green", highlight: "good" },
        { when: "equals", text: "Amber", highlight: "neutral" },
        { when: "equals", text: "Red", highlight: "bad" },
      ],
    },
    {
      key: "maturityCapabilitiesAssessed",
      name: "CapabilitiesAssessed",
      label: `Capabilities assessed (of ${CAPABILITIES.length})`,
      type: "integer",
      kind: "computed",
      expr: agg("COUNT", scores),
    },
    {
      key: "maturityAtTarget",
      name: "CapabilitiesAtTarget",
      label: "Capabilities at or above target",
      type: "integer",
      kind: "computed",
      expr: countIf(capabilityColumn("status"), "Green"),
    },
    {
      key: "maturityFarBelowTarget",
      name: "CapabilitiesFarBelowTarget",
      label: "Capabilities well below target (Red)",
      type: "integer",
      kind: "computed",
      expr: countIf(capabilityColumn("status"), "Red"),
    },
    ...STAGES.map(countLevel),
    {
      key: "maturityLargestGap",
      name: "MaturityLargestGap",
      label: "Largest gap to target",
      type: "text",
      kind: "computed",
      expr: assessed(
        str(""),
        nthLargestLabel(capabilityColumn("gap"), capabilityColumn("capability"), 1)
      ),
    },
    {
      key: "maturityPracticeOperationsLevel",
      name: "PracticeOperationsLevel",
      label: "FinOps Practice Operations checklist level",
      type: "text",
      kind: "computed",
      expr: name("maturityChecklistLevel"),
    },
  ];
}

/**
 * `blank` until a capability is assessed, then `scored`. Version 3: once any lens is scored; earlier
 * versions: once the first lens (Knowledge) is.
 */
type WhenScored = (blank: Expr, scored: Expr) => Expr;

/** Version 5: the columns a reader of the scores needs print; the rest follow, off the printout. */
function capabilityTableColumns(version: Version): {
  columns: ColumnSpec[];
  printedColumns?: number;
} {
  const columns = capabilityColumns(version);
  if (version < 5) return { columns };
  return inPrintOrder(
    columns,
    [
      "capability",
      ...LENSES.map((lens) => lens.key),
      "lensesAssessed",
      "score",
      "change",
      "target",
      "gap",
      "status",
      "level",
    ],
    [
      "domain",
      ...LENSES.map((lens) => weightKey(lens)),
      "targetOverride",
      "assessor",
      "assessedOn",
      "evidence",
      "nextAction",
    ]
  );
}

function capabilityColumns(version: Version): ColumnSpec[] {
  const first = LENSES[0];
  const last = LENSES[LENSES.length - 1];
  const lenses = span(first.key, last.key);
  const whenScored: WhenScored =
    version < 3
      ? (blank, scored) => ifBlank(col(first.key), blank, scored)
      : (blank, scored) => ifNoNumbers(lenses, blank, scored);
  return [
    { key: "capability", header: "Capability", kind: "input", type: "text", width: 32 },
    {
      key: "domain",
      header: "Domain",
      kind: "input",
      type: "text",
      list: DOMAINS,
      width: 26,
    },
    ...LENSES.map((lens): ColumnSpec => ({
      key: lens.key,
      header: lens.name,
      kind: "input",
      type: "integer",
      min: 0,
      max: 4,
      help: lens.help,
      width: 11,
    })),
    ...(version < 3
      ? []
      : [
          {
            key: "lensesAssessed",
            header: "Lenses assessed",
            kind: "computed",
            type: "integer",
            width: 10,
            expr: agg("COUNT", lenses),
          } satisfies ColumnSpec,
        ]),
    ...LENSES.map((lens): ColumnSpec => ({
      key: weightKey(lens),
      header: `${lens.name} weight`,
      kind: "computed",
      type: "number",
      expr: name(weightFigure(lens)),
    })),
    {
      key: "score",
      header: "Score",
      kind: "computed",
      type: "percent",
      width: 10,
      expr: whenScored(
        str(""),
        finops("MATURITYSCORE", lenses, span(weightKey(first), weightKey(last)))
      ),
    },
    ...(version === 1 ? [] : [changeSinceLastRecord(whenScored)]),
    {
      key: "targetOverride",
      header: "Target override",
      kind: "input",
      type: "percent",
      min: 0,
      max: 1,
      help: "Leave blank to use the target score in Settings. Enter a share (for example 70%) where this capability matters more or less at this stage.",
    },
    {
      key: "target",
      header: "Target",
      kind: "computed",
      type: "percent",
      width: 10,
      expr: ifBlank(col("targetOverride"), name("maturityTargetScore"), col("targetOverride")),
    },
    {
      key: "gap",
      header: "Gap to target",
      kind: "computed",
      type: "percent",
      expr: whenScored(str(""), sub(col("target"), col("score"))),
    },
    {
      key: "status",
      header: "Target status",
      kind: "computed",
      type: "text",
      width: 14,
      expr: whenScored(
        str(""),
        finops("KPISTATUS", col("score"), col("target"), str("higher"), name("maturityNearBand"))
      ),
    },
    {
      key: "level",
      header: "Level",
      kind: "computed",
      type: "text",
      width: 14,
      expr: whenScored(
        str("Not assessed"),
        finops("MATURITYLEVEL", col("score"), name("maturityWalkAt"), name("maturityRunAt"))
      ),
    },
    { key: "assessor", header: "Assessor", kind: "input", type: "text", width: 22 },
    { key: "assessedOn", header: "Assessed on", kind: "input", type: "date" },
    { key: "evidence", header: "Evidence", kind: "input", type: "text", width: 44 },
    { key: "nextAction", header: "Next action", kind: "input", type: "text", width: 44 },
  ];
}

function capabilityRows(assessedOn: number): TableRow[] {
  return CAPABILITIES.map((capability, i) => {
    const sample: Record<string, CellValue> = {
      assessor: capability.sample.assessor,
      // Workshops spread over the week before the agreed assessment date.
      assessedOn: assessedOn - (i % 5),
      evidence: capability.sample.evidence,
      nextAction: capability.sample.nextAction,
    };
    LENSES.forEach((lens, l) => (sample[lens.key] = capability.sample.scores[l]));
    if (capability.sample.target !== undefined) sample.targetOverride = capability.sample.target;
    return {
      values: { domain: capability.domain, capability: capability.name },
      sample,
      source: `${CAPABILITY_SOURCE}; scoring: ${PLAYBOOK}`,
    };
  });
}

const NOTE: ColumnSpec = { key: "note", header: "Note", kind: "input", type: "text", width: 60 };

function historyColumns(version: Version): ColumnSpec[] {
  return [
    { key: "date", header: "Date", kind: "input", type: "date" },
    {
      key: "score",
      header: "Practice score",
      kind: "input",
      type: "percent",
      min: 0,
      max: 1,
      help: "The practice score recorded at this assessment.",
    },
    {
      key: "target",
      header: "Target",
      kind: "input",
      type: "percent",
      min: 0,
      max: 1,
      help: "The target score that applied at this assessment.",
    },
    {
      key: "level",
      header: "Level",
      kind: "computed",
      type: "text",
      width: 14,
      expr: ifBlank(
        col("score"),
        str(""),
        finops("MATURITYLEVEL", col("score"), name("maturityWalkAt"), name("maturityRunAt"))
      ),
    },
    {
      key: "capabilities",
      header: "Capabilities assessed",
      kind: "input",
      type: "integer",
      min: 0,
      max: CAPABILITIES.length,
    },
    {
      key: "checklistLevel",
      header: "Checklist level",
      kind: "input",
      type: "text",
      list: STAGES,
      width: 16,
    },
    // Version 5 keeps the note last, off the printout, running on unwrapped: one line a record.
    ...(version < 5 ? [NOTE] : []),
    ...(version === 1 ? [] : recordedScoreColumns()),
    ...(version < 5 ? [] : [{ ...NOTE, wrap: false }]),
  ];
}

function historyRows(dates: number[], version: Version): TableRow[] {
  const source = `${PLAYBOOK}: continuous assessment (sample history)`;
  // Version 2's sample recorded capability scores from the previous quarter on: that row's practice
  // score is their average, as a record would have written it.
  const records = version === 1 ? undefined : sampleRecords(sampleScore);
  const previous = SAMPLE_HISTORY.length - 1;
  const earlier = SAMPLE_HISTORY.map((entry, i): TableRow => ({
    values: {},
    sample: {
      ...(records && i === previous ? records.previous : {}),
      date: dates[i],
      score: records && i === previous ? records.previousPracticeScore : entry.score,
      target: entry.target,
      capabilities: entry.capabilities,
      checklistLevel: "Crawl",
      note: entry.note,
    },
    sampleOnly: true,
    source,
  }));
  const current: TableRow = {
    values: {},
    sample: {
      date: dates[dates.length - 1],
      score: samplePracticeScore(),
      target: DEFAULT_TARGET,
      capabilities: CAPABILITIES.length,
      checklistLevel: SAMPLE_CHECKLIST_LEVEL,
      note: "All 22 capabilities of the FinOps Framework 2026 assessed",
      ...records?.current,
    },
    sampleOnly: true,
    source,
  };
  return [...earlier, current];
}

function checklistColumns(): ColumnSpec[] {
  return [
    { key: "ref", header: "Ref", kind: "input", type: "text", width: 6 },
    { key: "stage", header: "Level", kind: "input", type: "text", list: STAGES, width: 8 },
    { key: "statement", header: "Statement", kind: "input", type: "text", width: 105 },
    {
      key: "status",
      header: "Status",
      kind: "input",
      type: "text",
      list: CHECKLIST_STATUSES,
      width: 10,
      help: "Met: true today, with evidence (1 point). Partly: in progress, or true for part of the organisation (0.5). Not met: not yet true (0).",
    },
    {
      key: "points",
      header: "Points",
      kind: "computed",
      type: "score",
      // COUNTIF on this row's cell is 1 when it holds the status, else 0: Met 1, Partly 0.5, else 0.
      expr: add(countIf(col("status"), "Met"), mul(num(0.5), countIf(col("status"), "Partly"))),
    },
    { key: "owner", header: "Owner", kind: "input", type: "text", width: 18 },
    { key: "evidence", header: "Evidence", kind: "input", type: "text", width: 44 },
  ];
}

function checklistRows(): TableRow[] {
  const counters: Record<MaturityStage, number> = { Crawl: 0, Walk: 0, Run: 0 };
  return CHECKLIST.map((item) => {
    counters[item.stage] += 1;
    const sample: Record<string, CellValue> = {
      status: item.sample.status,
      owner: item.sample.owner,
    };
    if (item.sample.evidence) sample.evidence = item.sample.evidence;
    return {
      values: {
        ref: `${item.stage[0]}${counters[item.stage]}`,
        stage: item.stage,
        statement: item.statement,
      },
      sample,
      source: checklistSource(item.stage),
    };
  });
}

function checklistFigures(): Figure[] {
  const stages = column("maturityChecklist", "stage");
  const achieved = (stage: MaturityStage): Figure => ({
    key: `maturity${stage}Achieved`,
    name: `Checklist${stage}Achieved`,
    label: `${stage} statements achieved`,
    type: "percent",
    kind: "computed",
    expr: div(sumIf(stages, stage, column("maturityChecklist", "points")), countIf(stages, stage)),
  });
  const status = (stage: MaturityStage): Figure => ({
    key: `maturity${stage}Status`,
    name: `Checklist${stage}Status`,
    label: `${stage} status vs pass mark`,
    type: "text",
    kind: "computed",
    expr: assessed(
      str(""),
      finops(
        "KPISTATUS",
        name(`maturity${stage}Achieved`),
        name("maturityPassMark"),
        str("higher"),
        name("maturityNearBand")
      )
    ),
    conditionalFormats: [
      { when: "equals", text: "Green", highlight: "good" },
      { when: "equals", text: "Amber", highlight: "neutral" },
      { when: "equals", text: "Red", highlight: "bad" },
    ],
  });
  const complete = (stage: MaturityStage) => countIf(name(`maturity${stage}Status`), "Green");
  return [
    {
      key: "maturityPassMark",
      name: "ChecklistPassMark",
      label: "Pass mark for a level",
      type: "percent",
      kind: "input",
      value: 0.8,
      help: "Share of a level's points needed to complete it (Met 1, Partly 0.5). 100% asks for every statement to be Met.",
    },
    ...STAGES.flatMap((stage) => [achieved(stage), status(stage)]),
    {
      key: "maturityLevelsComplete",
      name: "ChecklistLevelsComplete",
      label: "Levels complete, in order (0-3)",
      type: "integer",
      kind: "computed",
      // A level counts once it and every level below it are complete: Crawl, then Walk, then Run.
      expr: add(
        add(complete("Crawl"), agg("MIN", complete("Crawl"), complete("Walk"))),
        agg("MIN", complete("Crawl"), complete("Walk"), complete("Run"))
      ),
    },
    {
      key: "maturityChecklistLevel",
      name: "ChecklistLevelReached",
      label: "Level reached",
      type: "text",
      kind: "computed",
      // 0 or 1 levels complete: Crawl (the starting level); 2: Walk; 3: Run. As a share of 3 with
      // thresholds 0.5 and 1: 0 and 1/3 are below 0.5, 2/3 is between, 3/3 is 1.
      expr: assessed(
        str("Not assessed"),
        finops("MATURITYLEVEL", div(name("maturityLevelsComplete"), num(3)), num(0.5), num(1))
      ),
      conditionalFormats: [{ when: "equals", text: "Run", highlight: "good" }],
    },
  ];
}

export const LENS_TABLE = "maturityByLens";
export const LENS_CHART = "Practice maturity by lens against target";

/**
 * Version 3: the five lenses at practice level against the target, for the radar chart. A lens's
 * score is its average over the assessed capabilities as a share of 4, a blank lens scoring 0 as in
 * MATURITYSCORE: INDEX picks the row's lens column, so the formula is the same in every row.
 */
function practiceByLens(version: Version): Block[] {
  const lenses = columnRange("maturityCapabilities", LENSES[0].key, LENSES[LENSES.length - 1].key);
  return [
    {
      kind: "table",
      key: LENS_TABLE,
      name: "MaturityByLens",
      caption: "Practice maturity by lens",
      columns: [
        { key: "lens", header: "Lens", kind: "input", type: "text", width: 14 },
        {
          key: "score",
          header: "Practice score",
          kind: "computed",
          type: "percent",
          expr: assessed(
            str(""),
            ifError(
              div(
                sum(pick(lenses, rowNumber("lens"))),
                mul(num(DEFAULT_MAX_SCORE), name("maturityCapabilitiesAssessed"))
              ),
              str("")
            )
          ),
        },
        {
          key: "target",
          header: "Target",
          kind: "computed",
          type: "percent",
          expr: name("maturityTargetScore"),
        },
      ],
      rows: LENSES.map((lens) => ({
        values: { lens: lens.name },
        source: `${PLAYBOOK}: lenses used in assessment`,
      })),
    },
    {
      kind: "chart",
      title: LENS_CHART,
      chart: "radar",
      table: LENS_TABLE,
      categories: "lens",
      series: ["score", "target"],
      // Beside its five rows rather than below them, within the first page across: the scorecard
      // ends 16 rows sooner and the chart is never split between pages.
      beside: `table:${LENS_TABLE}`,
      besideColumns: 5,
      // Version 5: shorter, so that it ends on the page that holds the capability table.
      ...(version < 5 ? {} : { besideRows: 11 }),
    },
  ];
}
