import { inPrintOrder } from "./printOrder";
import { CellValue } from "../../domain/cellValue";
import { agg, column, countIf, countIfs, div, name, num, sub } from "../expr/expr";
import { TemplateOptions } from "../options";
import { Block, ColumnSpec, EarlierVersion, Template, TableRow, WorkbookSpec } from "../spec";
import { PERSONA_NAMES } from "../../domain/personas";
import { ACTIVITIES, STAGES, Status, STATUSES } from "./seedContent/adoptionPlanContent";
import { asAtFigure, overdueFlag, sampleMonthEnd } from "./reportingDate";
import { sheetTitle } from "./sheetTitle";

// Adoption plan: the capability's "Drive stakeholder buy-in" phases (Plan, Socialize,
// Prepare the organization, Drive cultural buy-in) with activities from the personas' functional
// activities; repeated for each department that joins (new business units, acquisitions, reorganisations).

const TABLE = "adoptionActivities";
const SAMPLE_DEPARTMENT = "Retail e-commerce";

/** Version 1 called "Needs escalation" "Blocked"; every other status word is the same. */
const V1_ESCALATION = "Blocked";
const ESCALATION: Status = "Needs escalation";

const statusAt = (version: number, status: Status): string =>
  version === 1 && status === ESCALATION ? V1_ESCALATION : status;

const VERSION_1: EarlierVersion = {
  version: 1,
  build: (options) => buildAdoptionPlan(options, 1),
  migration: [
    {
      kind: "renameValue",
      table: TABLE,
      column: "status",
      from: V1_ESCALATION,
      to: ESCALATION,
    },
  ],
};

/** Version 2 did not flag overdue activities; version 3 adds a Schedule column and block. */
const VERSION_2: EarlierVersion = {
  version: 2,
  build: (options) => buildAdoptionPlan(options, 2),
  migration: [],
};

/**
 * Version 3 printed every column across three pages. Version 4 orders the table for print: stage,
 * activity, owner, due date, status and schedule first; the department, deliverable and evidence
 * after them, on the sheet but off the printout. An upgraded workbook keeps its order.
 */
const VERSION_3: EarlierVersion = {
  version: 3,
  build: (options) => buildAdoptionPlan(options, 3),
  migration: [],
};

export const adoptionPlan: Template = {
  id: "adoption-plan",
  version: 4,
  earlier: [VERSION_1, VERSION_2, VERSION_3],
  title: "Adoption plan",
  purpose:
    "The four stages of FinOps adoption for a department, with each activity's owner persona, due date, status, deliverable and evidence; started again when a department joins.",
  audience: "The FinOps lead and the department heads adopting FinOps",
  build: (options) => buildAdoptionPlan(options, 4),
};

/** Version 3: an activity is overdue once its due date is before the reporting date and it is not done. */
const SCHEDULE: ColumnSpec = {
  key: "schedule",
  header: "Schedule",
  kind: "computed",
  type: "text",
  width: 12,
  expr: overdueFlag("due", "adoptionAsAt", { column: "status", is: "Done" }),
};

function scheduleBlock(options: TemplateOptions): Block {
  return {
    kind: "figures",
    heading: "Schedule",
    items: [
      asAtFigure("adoptionAsAt", "AdoptionAsAt", options),
      {
        key: "adoptionOverdue",
        name: "AdoptionActivitiesOverdue",
        label: "Activities overdue at the reporting date (due before it, not done)",
        type: "integer",
        kind: "computed",
        expr: countIfs(
          { range: column(TABLE, "due"), op: "<", value: name("adoptionAsAt") },
          { range: column(TABLE, "status"), op: "<>", value: "Done" }
        ),
        conditionalFormats: [
          { when: "greaterThan", value: 0, highlight: "bad" },
          { when: "lessThan", value: 1, highlight: "good" },
        ],
      },
    ],
  };
}

/** Version 4's print order: what a reader of progress needs, then the reference columns. */
function inVersionOrder(
  columns: readonly ColumnSpec[],
  version: AdoptionVersion
): { columns: readonly ColumnSpec[]; printedColumns?: number } {
  if (version < 4) return { columns };
  return inPrintOrder(
    columns,
    ["stage", "activity", "owner", "due", "status", "schedule"],
    ["department", "deliverable", "evidence"]
  );
}

type AdoptionVersion = 1 | 2 | 3 | 4;

function buildAdoptionPlan(options: TemplateOptions, version: AdoptionVersion): WorkbookSpec {
  const statuses = STATUSES.map((s) => statusAt(version, s));
  const escalation = statusAt(version, ESCALATION);
  const columns: ColumnSpec[] = [
    { key: "stage", header: "Stage", kind: "input", type: "text", width: 24, list: STAGES },
    { key: "activity", header: "Activity", kind: "input", type: "text", width: 70 },
    {
      key: "owner",
      header: "Owner persona",
      kind: "input",
      type: "text",
      width: 20,
      list: PERSONA_NAMES,
    },
    {
      key: "department",
      header: "Department",
      kind: "input",
      type: "text",
      width: 20,
      help: "The department, business unit or acquired company this round of adoption is for.",
    },
    { key: "due", header: "Due date", kind: "input", type: "date" },
    {
      key: "status",
      header: "Status",
      kind: "input",
      type: "text",
      width: 14,
      list: statuses,
    },
    ...(version < 3 ? [] : [SCHEDULE]),
    { key: "deliverable", header: "Deliverable", kind: "input", type: "text", width: 34 },
    {
      key: "evidence",
      header: "Evidence",
      kind: "input",
      type: "text",
      width: 40,
      help: "Where the deliverable can be checked: a link, a document or minutes.",
    },
  ];

  // A department's workbook is that department's plan: its name on every activity, sample or not.
  const department = options.department ?? SAMPLE_DEPARTMENT;
  const rows: TableRow[] = ACTIVITIES.map((a) => {
    const sample: Record<string, CellValue> = {
      department,
      due: sampleMonthEnd(options, a.month),
      status: statusAt(version, a.status),
    };
    if (a.evidence !== undefined)
      sample.evidence = a.evidence.split(SAMPLE_DEPARTMENT).join(department);
    return {
      values: {
        stage: a.stage,
        activity: a.activity,
        owner: a.owner,
        deliverable: a.deliverable,
        ...(options.department === undefined ? {} : { department: options.department }),
      },
      sample,
      source: a.source,
    };
  });

  const statusCount = (status: string) => countIf(column(TABLE, "status"), status);

  return {
    templateId: "adoption-plan",
    version,
    title: "Adoption plan",
    sheets: [
      {
        key: "adoptionPlan",
        name: "Adoption plan",
        freezeColumns: 2,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: sheetTitle(options, "FinOps adoption plan"),
            subtitle: "Plan, Socialize, Prepare the organization, Drive cultural adoption",
          },
          {
            kind: "notes",
            heading: "How to use",
            lines: [
              "One row per activity, in the four stages of FinOps adoption: Plan, Socialize, Prepare the organization and Drive cultural adoption.",
              `Enter the department being onboarded below, then each activity's due date and status (${statuses.join(", ")}) and where its evidence is kept.${version === 1 ? "" : " Needs escalation: the activity cannot go on until someone decides; take it up the escalation path of the decision model."}`,
              "The stages start again whenever a department joins: a new business unit, an acquisition, a reorganisation or a new management team. Later rounds can skip what is already in place.",
              "For the next department, generate the adoption plan again: it is added as a new sheet and nothing here is overwritten.",
              "The figures count every activity in the table; an activity without a status counts as not started.",
              ...(version < 3
                ? []
                : [
                    "Schedule says Overdue when an activity is due before the reporting date under Schedule and is not Done.",
                  ]),
              ...(version < 4
                ? []
                : ["Not printed: the department, deliverable and evidence, kept after Schedule."]),
            ],
          },
          {
            kind: "figures",
            heading: "Progress",
            items: [
              {
                key: "adoptionDepartment",
                name: "AdoptionDepartment",
                label: "Department being onboarded",
                type: "text",
                kind: "input",
                value: options.department ?? null,
                sample: department,
                help: "A business unit, an acquired company or a reorganised department.",
              },
              {
                key: "adoptionTotal",
                name: "AdoptionActivitiesTotal",
                label: "Activities",
                type: "integer",
                kind: "computed",
                expr: agg("COUNTA", column(TABLE, "activity")),
              },
              {
                key: "adoptionDone",
                name: "AdoptionActivitiesDone",
                label: "Done",
                type: "integer",
                kind: "computed",
                expr: statusCount("Done"),
              },
              {
                key: "adoptionInProgress",
                name: "AdoptionActivitiesInProgress",
                label: "In progress",
                type: "integer",
                kind: "computed",
                expr: statusCount("In progress"),
              },
              {
                key: "adoptionBlocked",
                name: "AdoptionActivitiesBlocked",
                label: escalation,
                type: "integer",
                kind: "computed",
                expr: statusCount(escalation),
                conditionalFormats: [{ when: "greaterThan", value: 0, highlight: "bad" }],
              },
              {
                key: "adoptionNotStarted",
                name: "AdoptionActivitiesNotStarted",
                label: "Not started (or no status yet)",
                type: "integer",
                kind: "computed",
                expr: sub(
                  sub(sub(name("adoptionTotal"), name("adoptionDone")), name("adoptionInProgress")),
                  name("adoptionBlocked")
                ),
              },
              {
                key: "adoptionPercentComplete",
                name: "AdoptionPercentComplete",
                label: "Percent complete",
                type: "percent",
                kind: "computed",
                // MAX(total, 1): 0% rather than #DIV/0! when every activity row has been deleted.
                expr: div(name("adoptionDone"), agg("MAX", name("adoptionTotal"), num(1))),
              },
            ],
          },
          ...(version < 3 ? [] : [scheduleBlock(options)]),
          {
            kind: "table",
            key: TABLE,
            name: "AdoptionPlan",
            caption: "Activities",
            ...inVersionOrder(columns, version),
            rows,
            conditionalFormats: [
              { column: "status", when: "equals", text: "Done", highlight: "good" },
              { column: "status", when: "equals", text: escalation, highlight: "bad" },
              { column: "status", when: "equals", text: "In progress", highlight: "neutral" },
              ...(version < 3
                ? []
                : [
                    {
                      column: "schedule",
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
