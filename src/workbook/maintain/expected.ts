import { Expr, walk } from "../expr/expr";
import { planEditions } from "../layout";
import { InstalledTemplate, latestPerTemplate } from "../metadata";
import { checkOptions } from "../options";
import { WorkbookSpec } from "../spec";
import { findTemplate } from "../templates";
import { buildAt } from "../templateVersions";
import { TWIN_REVISIONS, TwinEdition } from "../twins/nativeTwins";
import { ExpectedTemplate, UnplannedTemplate } from "./expectedTemplate";
import { templateTables } from "./templateParts";

/** A template as the workbook should hold it: the recorded version, options and names, planned again. */
/**
 * Plans every installed template instance again exactly as it was generated: same version, options,
 * sheet, table and defined names, so each computed cell gets the formula text a fresh generation writes.
 * Templates it links to (the executive summary's sources) are known through their newest records, as
 * generation and the fiscal-year roll forward link them.
 */
export function expectTemplates(installed: readonly InstalledTemplate[]): Expected {
  // Reading, checking and planning each need them, often for the same records: planned once.
  // Records are matched by identity downstream, so a remembered answer gets the caller's records.
  const key = JSON.stringify(installed);
  const known = recent.find((r) => r.key === key);
  if (known) {
    const own = (record: InstalledTemplate) => installed[known.installed.indexOf(record)];
    return {
      expected: known.value.expected.map((e) => ({ ...e, record: own(e.record) })),
      unplanned: known.value.unplanned.map((u) => ({ ...u, record: own(u.record) })),
    };
  }
  const value = planExpected(installed);
  recent.unshift({ key, installed, value });
  recent.length = Math.min(recent.length, RECENT);
  return value;
}

interface Expected {
  readonly expected: readonly ExpectedTemplate[];
  readonly unplanned: readonly UnplannedTemplate[];
}

const RECENT = 4;
const recent: {
  key: string;
  installed: readonly InstalledTemplate[];
  value: Expected;
}[] = [];

function planExpected(installed: readonly InstalledTemplate[]): Expected {
  const expected: ExpectedTemplate[] = [];
  const unplanned: UnplannedTemplate[] = [];
  const specs = new Map<InstalledTemplate, WorkbookSpec>();
  for (const record of installed) {
    const template = findTemplate(record.templateId);
    // A workbook is planned at the version that made it, so an earlier version is checked as it is.
    const reason = !template
      ? "this version of the add-in does not know this template"
      : Object.keys(checkOptions(record.options)).length > 0
        ? "its recorded options cannot be read"
        : undefined;
    const spec = template && !reason && buildAt(template, record.version, record.options);
    if (spec) specs.set(record, spec);
    else
      unplanned.push({
        record,
        reason:
          reason ??
          `it was made by version ${record.version} of the template, which this add-in (version ${template?.version}) does not know`,
      });
  }
  const newest = new Map(latestPerTemplate(installed, (r) => r).map((r) => [r.templateId, r]));
  for (const record of installed) {
    const spec = specs.get(record);
    if (!spec) continue;
    if (spec.sheets.length !== record.sheets.length) {
      unplanned.push({ record, reason: "its recorded sheets do not match the template" });
      continue;
    }
    const sheets = Object.fromEntries(spec.sheets.map((s, i) => [s.key, record.sheets[i]]));
    const needs = findTemplate(record.templateId)?.needs ?? [];
    const sources = needs.flatMap((id) => {
      const source = newest.get(id);
      const sourceSpec = source && specs.get(source);
      return source && sourceSpec ? [{ record: source, spec: sourceSpec }] : [];
    });
    // Its own names first-hand; a source's names are the newest source's. A table or named cell a
    // later version added has no recorded name yet: it gets the name it wants.
    const wantedTables = Object.assign(
      {},
      ...[spec, ...sources.map((s) => s.spec)].map(wantedTableNames)
    );
    const tables = Object.assign(
      wantedTables,
      ...sources.map((s) => s.record.tables),
      record.tables
    );
    const names = Object.assign({}, ...sources.map((s) => s.record.names), record.names);
    try {
      const wanted = Object.fromEntries(
        spec.sheets
          .flatMap((s) => s.blocks)
          .flatMap((b) => (b.kind === "figures" ? b.items.map((i) => [i.key, i.name]) : []))
      );
      // Only a formula calling a revised function can hold an earlier twin (templateParts.ts).
      const editions: TwinEdition[] =
        record.options.formulaMode === "portable" && callsRevisedTwin(spec)
          ? ["current", "earlier"]
          : ["current"];
      const [current, earlier] = planEditions(
        [spec],
        record.options,
        { sheets, tables, names: { ...wanted, ...names }, renamed: [] },
        sources.map((s) => s.spec),
        editions
      );
      expected.push({ record, spec, sheets: current.sheets, earlierSheets: earlier?.sheets });
    } catch (error) {
      // A source it links to is no longer recorded: its formulas cannot be written again.
      unplanned.push({
        record,
        reason: `it links to a template the workbook no longer records (${(error as Error).message})`,
      });
    }
  }
  return { expected, unplanned };
}

/** What the adapter reads for maintenance: the recorded sheets and tables, and which columns carry rules. */
export interface ReadRequest {
  readonly sheets: readonly string[];
  readonly tables: readonly { readonly name: string; readonly ruleColumns: readonly string[] }[];
}

export function readRequest(installed: readonly InstalledTemplate[]): ReadRequest {
  const { expected } = expectTemplates(installed);
  return {
    sheets: [...new Set(installed.flatMap((r) => r.sheets))],
    tables: expected.flatMap((e) =>
      templateTables(e).map((table) => ({
        name: table.name,
        ruleColumns: table.columns
          .filter((c) => c.validation || c.conditionalFormats.length > 0)
          .map((c) => c.header),
      }))
    ),
  };
}

/** Whether a computed cell of the spec calls a function whose native twin was revised. */
function callsRevisedTwin(spec: WorkbookSpec): boolean {
  const revised = (expr: Expr) =>
    [...walk(expr)].some((e) => e.k === "fn" && TWIN_REVISIONS[e.fn] !== undefined);
  return spec.sheets
    .flatMap((s) => s.blocks)
    .some((b) =>
      b.kind === "table"
        ? b.columns.some((c) => c.kind === "computed" && revised(c.expr))
        : b.kind === "figures" && b.items.some((i) => i.kind === "computed" && revised(i.expr))
    );
}

/** The Excel name each table of a spec asks for, by key. */
function wantedTableNames(spec: WorkbookSpec): Record<string, string> {
  return Object.fromEntries(
    spec.sheets
      .flatMap((s) => s.blocks)
      .flatMap((b) => (b.kind === "table" ? [[b.key, b.name]] : []))
  );
}
