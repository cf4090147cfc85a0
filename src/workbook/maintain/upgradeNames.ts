import { InstalledTemplate } from "../metadata";
import { WorkbookSpec } from "../spec";
import { WorkbookReadBack } from "./readBack";

/**
 * Names for the tables and named cells a newer template version adds, chosen when a workbook is
 * upgraded and then recorded with the instance, as generation records its own: the wanted name when
 * it is free, else "Name_2" and on. A second copy of a template (two adoption plans) so gets its own
 * names, and no name the workbook holds is reused.
 */
export function withNewNames(
  readBack: WorkbookReadBack,
  upgrades: readonly { record: InstalledTemplate; spec: WorkbookSpec }[]
): Map<InstalledTemplate, InstalledTemplate> {
  const taken = new Set(
    [
      ...readBack.names.map((n) => n.name),
      ...readBack.tableNames,
      ...readBack.templates.flatMap((t) => [
        ...Object.values(t.record.tables),
        ...Object.values(t.record.names),
      ]),
    ].map((n) => n.toLowerCase())
  );
  const free = (wanted: string) => {
    let chosen = wanted;
    for (let n = 2; taken.has(chosen.toLowerCase()); n++) chosen = `${wanted}_${n}`;
    taken.add(chosen.toLowerCase());
    return chosen;
  };
  const renamed = new Map<InstalledTemplate, InstalledTemplate>();
  for (const { record, spec } of upgrades) {
    const tables = { ...record.tables };
    const names = { ...record.names };
    for (const block of spec.sheets.flatMap((s) => s.blocks)) {
      if (block.kind === "table" && !(block.key in tables)) tables[block.key] = free(block.name);
      if (block.kind === "figures")
        for (const item of block.items) if (!(item.key in names)) names[item.key] = free(item.name);
    }
    renamed.set(record, { ...record, tables, names });
  }
  return renamed;
}
