import { WorkbookSpec } from "./spec";

/** Names already used in the workbook being written into. */
export interface ExistingNames {
  readonly sheets: readonly string[];
  /** Table names and defined names share one namespace in Excel. */
  readonly tablesAndNames: readonly string[];
}

/** The names this run uses, by key, and what had to be renamed to avoid overwriting anything. */
export interface ChosenNames {
  readonly sheets: Readonly<Record<string, string>>;
  readonly tables: Readonly<Record<string, string>>;
  readonly names: Readonly<Record<string, string>>;
  readonly renamed: readonly {
    readonly kind: "sheet" | "table" | "name";
    readonly wanted: string;
    readonly chosen: string;
  }[];
}

export const SHEET_NAME_MAX = 31;

/**
 * Picks a free name for every sheet, table and defined name of the specs: the wanted one when it is
 * free, else "Name (2)" for sheets and "Name_2" for tables and names. Existing names are never reused,
 * so nothing the user has is overwritten.
 */
export function chooseNames(specs: readonly WorkbookSpec[], existing: ExistingNames): ChosenNames {
  const takenSheets = new Set(existing.sheets.map((s) => s.toLowerCase()));
  const takenNames = new Set(existing.tablesAndNames.map((s) => s.toLowerCase()));
  const sheets: Record<string, string> = {};
  const tables: Record<string, string> = {};
  const names: Record<string, string> = {};
  const renamed: ChosenNames["renamed"][number][] = [];

  const pick = (wanted: string, taken: Set<string>, variant: (n: number) => string) => {
    let chosen = wanted;
    for (let n = 2; taken.has(chosen.toLowerCase()); n++) chosen = variant(n);
    taken.add(chosen.toLowerCase());
    return chosen;
  };

  for (const spec of specs) {
    for (const sheet of spec.sheets) {
      const chosen = pick(
        sheet.name,
        takenSheets,
        (n) => `${sheet.name.slice(0, SHEET_NAME_MAX - ` (${n})`.length)} (${n})`
      );
      sheets[sheet.key] = chosen;
      if (chosen !== sheet.name) renamed.push({ kind: "sheet", wanted: sheet.name, chosen });
      for (const block of sheet.blocks) {
        if (block.kind === "table") {
          tables[block.key] = pick(block.name, takenNames, (n) => `${block.name}_${n}`);
          if (tables[block.key] !== block.name)
            renamed.push({ kind: "table", wanted: block.name, chosen: tables[block.key] });
        }
        if (block.kind === "figures") {
          for (const item of block.items) {
            names[item.key] = pick(item.name, takenNames, (n) => `${item.name}_${n}`);
            if (names[item.key] !== item.name)
              renamed.push({ kind: "name", wanted: item.name, chosen: names[item.key] });
          }
        }
      }
    }
  }
  return { sheets, tables, names, renamed };
}
