import { planWorkbook } from "./layout";
import { ChosenNames, chooseNames, ExistingNames } from "./names";
import { checkOptions, TemplateOptions } from "./options";
import { InstalledTemplate } from "./metadata";
import { RenderPlan } from "./plan";
import { Template, WorkbookSpec } from "./spec";
import { TEMPLATES, templateById } from "./templates";

/** Options a template cannot be built with; each message says how to fix one field. */
export class OptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The options need fixing: ${problems.join(" ")}`);
    this.name = "OptionsError";
  }
}

export interface PracticePlan {
  readonly plan: RenderPlan;
  readonly renamed: ChosenNames["renamed"];
  /** Templates added because a chosen one links to them (the executive summary's sources). */
  readonly addedForLinks: readonly string[];
  /** Templates already in the workbook that the chosen ones link to instead of adding copies. */
  readonly linkedTo: readonly string[];
}

/**
 * Plans the chosen templates for a workbook that already holds `existing` names and the `installed`
 * templates its metadata store lists: the one entry point adapters and the CLI call. A template another
 * one needs is linked when the workbook already has it intact, else added, in gallery order.
 */
export function planTemplates(
  ids: readonly string[],
  options: TemplateOptions,
  existing: ExistingNames,
  installed: readonly InstalledTemplate[] = []
): PracticePlan {
  const problems = Object.values(checkOptions(options));
  if (problems.length > 0) throw new OptionsError(problems);
  const wanted = new Set(ids.map((id) => templateById(id).id));
  const added: string[] = [];
  const linked = new Map<string, { spec: WorkbookSpec; record: InstalledTemplate }>();
  const inUse = new Set(existing.tablesAndNames.map((n) => n.toLowerCase()));
  const addNeeds = (template: Template) => {
    for (const need of template.needs ?? []) {
      if (wanted.has(need) || linked.has(need)) continue;
      const intact = intactInstall(need, installed, inUse);
      if (intact) {
        linked.set(need, intact);
      } else {
        wanted.add(need);
        added.push(need);
        addNeeds(templateById(need));
      }
    }
  };
  for (const id of [...wanted]) addNeeds(templateById(id));
  const specs = TEMPLATES.filter((t) => wanted.has(t.id)).map((t) => t.build(options));
  const chosen = chooseNames(specs, existing);
  const records = [...linked.values()].map((l) => l.record);
  const names: ChosenNames = {
    ...chosen,
    tables: Object.assign({}, ...records.map((r) => r.tables), chosen.tables),
    names: Object.assign({}, ...records.map((r) => r.names), chosen.names),
  };
  return {
    plan: planWorkbook(
      specs,
      options,
      names,
      [...linked.values()].map((l) => l.spec)
    ),
    renamed: chosen.renamed,
    addedForLinks: added,
    linkedTo: [...linked.keys()],
  };
}

/**
 * A template the store lists whose every table and defined name is still in the workbook, built with
 * the options it was generated with (so its structure matches what is there); undefined otherwise.
 */
function intactInstall(
  id: string,
  installed: readonly InstalledTemplate[],
  inUse: ReadonlySet<string>
): { spec: WorkbookSpec; record: InstalledTemplate } | undefined {
  const record = installed.find((i) => i.templateId === id);
  if (!record || record.version !== templateById(id).version) return undefined;
  if (Object.keys(checkOptions(record.options)).length > 0) return undefined;
  const spec = templateById(id).build(record.options);
  const blocks = spec.sheets.flatMap((s) => s.blocks);
  const tableKeys = blocks.flatMap((b) => (b.kind === "table" ? [b.key] : []));
  const nameKeys = blocks.flatMap((b) =>
    b.kind === "figures" ? b.items.map((item) => item.key) : []
  );
  const present = (name: string | undefined) => name !== undefined && inUse.has(name.toLowerCase());
  const intact =
    tableKeys.every((k) => present(record.tables[k])) &&
    nameKeys.every((k) => present(record.names[k]));
  return intact ? { spec, record } : undefined;
}
