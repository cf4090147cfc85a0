import { MigratedCell } from "../migration";
import { findTemplate } from "../templates";
import { upgradeSteps, UpgradeStep } from "../templateVersions";
import { Template } from "../spec";
import { migrateTable, MigratedTable } from "./migrateValues";
import { migratedFormats } from "./migrateFormats";
import { ReadTemplate, WorkbookReadBack } from "./readBack";
import {
  CellRestore,
  ColumnAddition,
  MetadataStamp,
  ColumnFormatting,
  planRefresh,
  RefreshPlan,
} from "./refreshPlan";
import { Survey, SurveyedTemplate, surveyWorkbook } from "./survey";
import { versionChanges, VersionChanges } from "./versionChanges";
import { withNewNames } from "./upgradeNames";
import { columnRenames, withRenames } from "./columnRenames";
import { namesCell } from "../metadata";
import { retireSheets, SheetRetirement } from "./retireSheets";

/** A template the workbook holds at an earlier version, and the version an upgrade moves it to. */
export interface TemplateUpgrade {
  readonly templateId: string;
  readonly title: string;
  readonly from: number;
  readonly to: number;
}

/**
 * An upgrade as data: the refresh of the workbook at the templates' new versions, plus the migrated
 * input values, new columns' values, changed drop-downs and highlighting, reworded template text and
 * the new versions in the metadata store. The Excel adapter writes `refresh` as it writes a refresh
 * (one batch, undone from its `previous` fields on failure); its preview is the upgrade's preview.
 */
export interface UpgradePlan {
  readonly upgrades: readonly TemplateUpgrade[];
  readonly refresh: RefreshPlan;
}

interface Pending {
  readonly read: ReadTemplate;
  readonly template: Template;
  readonly steps: readonly UpgradeStep[];
}

/** Templates an upgrade would move on: known here, at an earlier version with a path to the current one. */
export function pendingUpgrades(readBack: WorkbookReadBack): Pending[] {
  return readBack.templates.flatMap((read) => {
    const template = findTemplate(read.record.templateId);
    const steps = template && upgradeSteps(template, read.record.version);
    return template && steps && steps.length > 0 ? [{ read, template, steps }] : [];
  });
}

const NOTHING: RefreshPlan = {
  sheets: [],
  blocks: [],
  charts: [],
  columns: [],
  cells: [],
  names: [],
  formats: [],
  stamps: [],
  preview: [],
};

/** The upgrade of a workbook as read back. Pure, so the preview is exactly what is applied. */
export function planUpgrade(readBack: WorkbookReadBack): UpgradePlan {
  const pending = pendingUpgrades(readBack);
  const old = surveyWorkbook(readBack);
  // Only templates both versions can plan are upgraded (a template whose options cannot be read is not).
  const ready = pending.filter((p) => surveyed(old, p) !== undefined);
  if (ready.length === 0) return { upgrades: [], refresh: NOTHING };
  const named = withNewNames(
    readBack,
    ready.map((p) => ({
      record: p.read.record,
      spec: p.template.build(p.read.record.options),
    }))
  );
  const renames = ready.flatMap((p) =>
    columnRenames(surveyed(old, p) as SurveyedTemplate, p.template, p.steps)
  );
  // Templates laid out anew: their sheets are kept under other names and planned as if missing.
  const rebuilt = ready.filter((p) => p.read.record.version < (p.template.rebuildsBefore ?? 0));
  const retired = retireSheets(
    readBack,
    rebuilt.map((p) => ({ record: p.read.record, version: p.read.record.version }))
  );
  const upgraded: WorkbookReadBack = {
    ...withRenames(retired.readBack, renames),
    templates: readBack.templates.map((t) => {
      const p = ready.find((r) => r.read === t);
      const record = named.get(t.record);
      return p && record ? { ...t, record: { ...record, version: p.template.version } } : t;
    }),
  };
  const next = surveyWorkbook(upgraded);
  const base = planRefresh(upgraded);
  // Lines refresh would show at the old versions too are repairs; the rest the upgrade describes itself.
  const repairs = new Set(planRefresh(readBack).preview);
  const plan = {
    ...base,
    // Undo names a rebuilt sheet's names as they were: at the old sheet, once it has its name back.
    names: base.names.map((n) => ({
      ...n,
      previous:
        n.previous &&
        readBack.names.find((r) => r.name.toLowerCase() === n.name.toLowerCase())?.formula,
    })),
    retired: retired.retirements,
    columns: [...base.columns],
    cells: [...base.cells],
    formats: [...base.formats],
    stamps: base.stamps.filter((s) => !ready.some((p) => p.read.metadataRow === s.row)),
    preview: [] as string[],
    renames,
  };
  const upgrades: TemplateUpgrade[] = [];
  for (const p of ready) {
    const before = surveyed(old, p) as SurveyedTemplate;
    const after = next.templates.find((t) => t.read.metadataRow === p.read.metadataRow);
    if (!after) continue;
    const to = p.template.version;
    upgrades.push({
      templateId: p.template.id,
      title: p.template.title,
      from: p.read.record.version,
      to,
    });
    plan.preview.push(
      `${p.template.title}: upgrade from version ${p.read.record.version} to version ${to}.`
    );
    const retirements = retired.retirements.filter((r) => p.read.record.sheets.includes(r.sheet));
    if (rebuilt.includes(p)) {
      plan.preview.push(...retirements.map((r) => `${p.template.title}: ${laidOutAnew(r, to)}`));
      pushStamp(plan, p, after);
      continue;
    }
    const lines = [
      ...renames
        .filter((r) => before.tables.some((t) => t.bound?.read.name === r.table))
        .map((r) => `the column "${r.from}" of table ${r.table} is renamed "${r.to}".`),
      ...planTemplate(old, before, after, p.steps, plan),
    ];
    lines.push(...newBlocks(base, after, p.template.id));
    plan.preview.push(...lines.map((line) => `${p.template.title}: ${line}`));
    pushStamp(plan, p, after);
  }
  plan.preview.push(...base.preview.filter((line) => repairs.has(line)));
  return { upgrades, refresh: plan };
}

function pushStamp(plan: { stamps: MetadataStamp[] }, p: Pending, after: SurveyedTemplate): void {
  plan.stamps.push({
    row: p.read.metadataRow,
    previous: p.read.updated,
    version: { previous: p.read.record.version, next: p.template.version },
    names: { previous: namesCell(p.read.record), next: namesCell(after.read.record) },
  });
}

/** A sheet laid out anew, in words. */
function laidOutAnew(r: SheetRetirement, version: number): string {
  const tables = r.tables.map((t) => `${t.from} as ${t.to}`).join(", ");
  return `the sheet "${r.sheet}" is laid out anew at version ${version}. The earlier sheet stays, with everything on it, as "${r.to}"${tables ? ` (its tables renamed: ${tables})` : ""}: nothing typed there is read any more; delete it once you no longer need it.`;
}

/** The tables and charts the new version adds to the template's sheets, in words. */
function newBlocks(base: RefreshPlan, after: SurveyedTemplate, templateId: string): string[] {
  const mine = after.read.record.sheets;
  return [
    ...base.blocks
      .filter((b) => b.templateId === templateId && mine.includes(b.sheet))
      .map((b) =>
        b.planned.tables.length > 0
          ? `new table ${b.planned.tables.map((t) => t.name).join(", ")} on "${b.sheet}"${b.planned.charts.length > 0 ? `, with the chart ${b.planned.charts.map((c) => `"${c.title}"`).join(", ")}` : ""}.`
          : b.partial
            ? `new named cells ${b.planned.names.map((n) => n.name).join(", ")} of "${String(b.planned.ranges[0]?.rows[0]?.[0]?.value ?? "")}" on "${b.sheet}", below its content under a copy of that heading.`
            : `new block "${String(b.planned.ranges[0]?.rows[0]?.[0]?.value ?? "")}" on "${b.sheet}", below its content: ${b.planned.names.map((n) => n.name).join(", ")}.`
      ),
    ...base.charts
      .filter((c) => c.templateId === templateId && mine.includes(c.sheet))
      .map((c) => `new chart "${c.chart.title}" on "${c.sheet}".`),
  ];
}

function surveyed(survey: Survey, p: Pending): SurveyedTemplate | undefined {
  return survey.templates.find((t) => t.read.metadataRow === p.read.metadataRow);
}

type Building = {
  columns: ColumnAddition[];
  cells: CellRestore[];
  formats: ColumnFormatting[];
};

/** Adds one template's migrated values and version changes to the plan; returns its preview lines. */
function planTemplate(
  survey: Survey,
  before: SurveyedTemplate,
  after: SurveyedTemplate,
  steps: readonly UpgradeStep[],
  plan: Building
): string[] {
  const changes = versionChanges(survey, before, after);
  const lines: string[] = [];
  for (const { template, bound } of before.tables) {
    if (!bound) continue;
    const target = after.tables.find((t) => t.template.key === template.key)?.template;
    const header = (key: string) =>
      target?.columns.find((c) => c.key === key)?.header ??
      template.columns.find((c) => c.key === key)?.header ??
      key;
    const migrated = migrateTable(bound, steps, header);
    lines.push(...migrated.notes);
    plan.cells.push(...migratedCells(migrated));
    const formatted = migratedFormats(migrated, steps);
    lines.push(...formatted.notes);
    plan.formats.push(...formatted.formats);
    for (const [key, values] of migrated.columns) {
      const added = plan.columns.findIndex(
        (c) => c.table === bound.read.name && c.header === header(key)
      );
      if (added >= 0 && !bound.present.some((p) => p.column.key === key))
        plan.columns[added] = { ...plan.columns[added], values: values.map((v) => [v]) };
    }
  }
  lines.push(...describe(changes, plan.columns));
  addRules(after, changes, plan);
  for (const text of changes.text)
    plan.cells.push({
      sheet: text.sheet,
      address: text.address,
      formulas: [[asInput(text.value as MigratedCell)]],
      previous: { formulas: [[text.now.formula]], values: [[text.now.value]] },
    });
  return lines;
}

/** Changed cells of one column in runs of consecutive rows: one write each. */
function migratedCells(migrated: MigratedTable): CellRestore[] {
  const { bound } = migrated;
  const restores: CellRestore[] = [];
  for (const [key, rows] of migrated.changed) {
    const index = bound.present.find((p) => p.column.key === key)?.index ?? -1;
    const values = migrated.columns.get(key) ?? [];
    const runs: number[][] = [];
    for (const row of rows) {
      const run = runs[runs.length - 1];
      if (run && run[run.length - 1] + 1 === row) run.push(row);
      else runs.push([row]);
    }
    for (const run of runs) {
      const cells = run.map((row) => bound.cell(row, index));
      restores.push({
        sheet: bound.read.sheet,
        address: bound.columnAddress(index, run[0], run.length),
        table: { name: bound.read.name, header: bound.read.headers[index], row: run[0] },
        formulas: run.map((row) => [asInput(values[row])]),
        previous: {
          formulas: cells.map((c) => [c.formula]),
          values: cells.map((c) => [c.value]),
        },
      });
    }
  }
  return restores;
}

/**
 * New drop-down lists and highlight rules on columns both versions have (refresh re-applies rules
 * only when they are lost). A rule the old version had is left: it matches no value once the values
 * are renamed, and telling it from a user's own rule would need each rule's text read back.
 */
function addRules(after: SurveyedTemplate, changes: VersionChanges, plan: Building): void {
  for (const change of changes.rules) {
    const bound = after.tables.find((t) => t.template.key === change.table.key)?.bound;
    const present = bound?.present.find((p) => p.column.header === change.column.header);
    if (!bound || !present) continue;
    const rules = bound.read.columnRules[present.column.header] ?? {};
    const existing = plan.formats.findIndex(
      (f) => !f.added && f.table === bound.read.name && f.header === present.column.header
    );
    const current = existing >= 0 ? plan.formats[existing] : undefined;
    const formatting: ColumnFormatting = {
      sheet: bound.read.sheet,
      table: bound.read.name,
      header: present.column.header,
      rows: bound.rows,
      added: false,
      ...current,
      validation: change.validation ? present.column.validation : current?.validation,
      previousValidation: rules.validation,
      // Refresh already adds every rule to a column that has none left.
      conditionalFormats:
        current?.conditionalFormats ??
        (change.highlights.length > 0 ? change.highlights : undefined),
      previousConditionalFormatIds: rules.conditionalFormatIds,
    };
    if (existing >= 0) plan.formats[existing] = formatting;
    else plan.formats.push(formatting);
  }
}

function describe(changes: VersionChanges, added: readonly ColumnAddition[]): string[] {
  const lines: string[] = [];
  const columns = changes.newColumns.map(({ table, column }) => {
    const addition = added.find((a) => a.table === table.name && a.header === column.header);
    const filled = addition?.values?.filter(([v]) => v !== "").length ?? 0;
    return { table: table.name, column, addition, filled, empty: !!addition && filled === 0 };
  });
  for (const c of columns) {
    const { table, column, addition, filled } = c;
    // Empty new input columns of a table are said in one line: a version may add many (the scorecard's 22).
    const together = columns.filter(
      (o) => o.empty && o.column.kind === "input" && o.table === table
    );
    if (together.length > 1 && together.includes(c)) {
      if (together[0] === c)
        lines.push(
          `${together.length} new columns in table ${table}, empty for you to fill in: ${together.map((o) => `"${o.column.header}"`).join(", ")}.`
        );
      continue;
    }
    lines.push(
      !addition
        ? `the column "${column.header}" already in table ${table} becomes the template's column.`
        : column.kind === "computed"
          ? `new column "${column.header}" in table ${table}, with its formula.`
          : `new column "${column.header}" in table ${table}${filled > 0 ? `, filled in ${filled === 1 ? "1 row" : `${filled} rows`}` : ", empty for you to fill in"}.`
    );
  }
  for (const { column, validation, highlights } of changes.rules) {
    if (validation && column.validation?.list)
      lines.push(`${column.header} drop-down: ${column.validation.list.join(", ")}.`);
    else if (validation) lines.push(`${column.header}: new data validation.`);
    for (const rule of highlights) lines.push(`${column.header}: highlight ${rule.value}.`);
  }
  if (changes.formulas.length > 0) lines.push(`new formula in ${changes.formulas.join(", ")}.`);
  if (changes.dropped.length > 0)
    lines.push(
      `${changes.dropped.join("; ")}: no longer part of the template, left as they are (delete them once you no longer need them).`
    );
  if (changes.text.length > 0)
    lines.push(
      `${changes.text.length === 1 ? "1 line" : `${changes.text.length} lines`} of template text reworded (${changes.text.map((t) => t.address).join(", ")}).`
    );
  return lines;
}

/**
 * A value as `Range.formulas` input that Excel stores as this constant: text that Excel would read as a
 * formula, a number or a boolean is marked as text, as typing an apostrophe does; numbers and
 * booleans are written as Excel spells them.
 */
export function asInput(value: MigratedCell): string {
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return String(value);
  const parsed = /^[=+-]/.test(value) || /^(true|false)$/i.test(value) || isNumeric(value);
  return parsed ? `'${value}` : value;
}

const isNumeric = (text: string) => text.trim() !== "" && Number.isFinite(Number(text));
