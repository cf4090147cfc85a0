import { DEFAULT_OPTIONS } from "../options";
import { latestPerTemplate, readInstances } from "../metadata";
import { KPI_TABLE } from "../templates/kpiTracker";

/** Where an import goes in a workbook, from its metadata store: the KPI table to fill and the currency. */
export interface CostImportTarget {
  /** The newest KPI tracker's table name (the one roll forward extends), if the workbook has one. */
  readonly trackerTable?: string;
  /** The workbook's currency: the tracker's, else any template's, else the default. */
  readonly currency: string;
}

export function costImportTarget(storeValues: readonly (readonly unknown[])[]): CostImportTarget {
  const newest = latestPerTemplate(
    readInstances(storeValues).map((r) => r.template),
    (t) => t
  );
  const tracker = newest.find((t) => t.templateId === "kpi-tracker");
  return {
    trackerTable: tracker?.tables[KPI_TABLE],
    currency: (tracker ?? newest[newest.length - 1])?.options.currency ?? DEFAULT_OPTIONS.currency,
  };
}

/** The sheet a marker name's formula ("='Cost data'!$A$1") points at; undefined for #REF! or anything else. */
export function markedSheet(formula: string | undefined): string | undefined {
  const match = /^='?(.+?)'?!\$?[A-Z]+\$?\d+$/.exec(formula ?? "");
  if (!match || match[1].startsWith("#REF")) return undefined;
  return match[1].replace(/''/g, "'");
}

/**
 * A name not in use ("Cost data (2)" for a sheet, "FocusCostData_2" for a table), for the replaced
 * sheet and table while the new ones take their names.
 */
export function freeName(
  wanted: string,
  inUse: readonly string[],
  kind: "sheet" | "table"
): string {
  const taken = new Set(inUse.map((n) => n.toLowerCase()));
  let chosen = wanted;
  for (let n = 2; taken.has(chosen.toLowerCase()); n++)
    chosen = kind === "sheet" ? `${wanted.slice(0, 25)} (${n})` : `${wanted}_${n}`;
  return chosen;
}
