import { col, div, ifError, str } from "../../expr/expr";
import { Consolidation } from "../../consolidate/submission";
import { excelSerial } from "../../dates";
import { ColumnSpec, TableBlock } from "../../spec";
import { ESCALATIONS_TABLE, KPIS_TABLE, STAGES_TABLE } from "./rollupKeys";
import { fileColumn, textInput, valueOf } from "./rollupValues";

/**
 * KPIs and adoption, a row per department and KPI, stage or escalated activity: long tables, so any
 * number of departments prints down the page, and the Departments table counts from them.
 */

const submissionsOf = (consolidation: Consolidation | undefined) =>
  consolidation?.submissions ?? [];

const STATUS_RULES = [
  { column: "status", when: "equals", text: "Green", highlight: "good" },
  { column: "status", when: "equals", text: "Amber", highlight: "neutral" },
  { column: "status", when: "equals", text: "Red", highlight: "bad" },
] as const;

export function kpisTable(consolidation: Consolidation | undefined): TableBlock {
  const rows = submissionsOf(consolidation).flatMap((s) =>
    s.kpis.map((k) => ({
      values: {
        department: s.department,
        kpi: k.kpi,
        unit: k.unit,
        latestValue: valueOf(k.latestValue),
        latestPeriod: valueOf(k.latestPeriod),
        status: valueOf(k.status),
        file: s.file,
      },
    }))
  );
  return {
    kind: "table",
    key: KPIS_TABLE,
    name: "RollupKpis",
    caption: "KPIs: each department's latest value (in the unit beside it) and status",
    columns: [
      textInput("department", "Department", 18),
      { ...textInput("kpi", "KPI", 36), wrap: true },
      textInput("unit", "Unit", 12),
      { key: "latestValue", header: "Latest value", kind: "input", type: "number", width: 13 },
      textInput("latestPeriod", "Period", 10),
      { ...textInput("status", "Status", 9), list: ["Green", "Amber", "Red"] },
      fileColumn,
    ],
    rows,
    conditionalFormats: [...STATUS_RULES],
  };
}

export function escalationsTable(consolidation: Consolidation | undefined): TableBlock {
  const rows = submissionsOf(consolidation).flatMap((s) =>
    s.adoption.escalations.map((e) => ({
      values: {
        department: s.department,
        activity: e.activity,
        stage: e.stage,
        owner: e.owner,
        due: e.due === null ? null : excelSerial(e.due),
        status: e.status,
        file: s.file,
      },
    }))
  );
  return {
    kind: "table",
    key: ESCALATIONS_TABLE,
    name: "RollupEscalations",
    caption: "Adoption activities needing escalation",
    columns: [
      textInput("department", "Department", 18),
      { ...textInput("activity", "Activity", 40), wrap: true },
      textInput("stage", "Stage", 14),
      textInput("owner", "Owner", 16),
      { key: "due", header: "Due", kind: "input", type: "date" },
      textInput("status", "Status", 18),
      fileColumn,
    ],
    rows,
  };
}

export function stagesTable(consolidation: Consolidation | undefined): TableBlock {
  const rows = submissionsOf(consolidation).flatMap((s) =>
    s.adoption.stages.map((stage) => ({
      values: {
        department: s.department,
        stage: stage.stage,
        activities: stage.activities,
        done: stage.done,
        file: s.file,
      },
    }))
  );
  const count = (key: string, header: string): ColumnSpec => ({
    key,
    header,
    kind: "input",
    type: "integer",
    min: 0,
    width: 11,
  });
  return {
    kind: "table",
    key: STAGES_TABLE,
    name: "RollupAdoptionStages",
    caption: "Adoption progress by stage (activities done of those planned)",
    columns: [
      textInput("department", "Department", 18),
      textInput("stage", "Stage", 16),
      count("activities", "Activities"),
      count("done", "Done"),
      {
        key: "progress",
        header: "Progress",
        kind: "computed",
        type: "percent",
        width: 10,
        expr: ifError(div(col("done"), col("activities")), str("")),
      },
      fileColumn,
    ],
    rows,
  };
}
