import { InstalledTemplate } from "../metadata";
import { WorkbookReadBack } from "./readBack";

/** A template sheet an upgrade keeps under another name, with its tables, before laying it out anew. */
export interface SheetRetirement {
  readonly sheet: string;
  readonly to: string;
  readonly tables: readonly { readonly from: string; readonly to: string }[];
  /** Its place among the sheets: the new sheet takes it, the old one moves one to the right. */
  readonly position: number;
}

const SHEET_NAME_LIMIT = 31;
const lower = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));

/**
 * `stem + tail`, or with 2, 3... after it, separated by `separator`: the first not in `taken`. Only the
 * stem is shortened to keep within `limit` characters, so the tail ("(version 3)") is always there.
 */
function free(
  stem: string,
  tail: string,
  taken: Set<string>,
  separator: string,
  limit = 255
): string {
  for (let n = 1; ; n++) {
    const suffix = `${tail}${n === 1 ? "" : `${separator}${n}`}`;
    const name = `${stem.slice(0, limit - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/**
 * Retires the sheets of `records` (templates an upgrade rebuilds from `version`) as Excel would
 * rename them: each sheet becomes "<name> (version N)", its tables "<name>VersionN", and the defined
 * names that pointed at it follow it. Returns the workbook as it reads after those renames, in which
 * the template's sheets are missing (so a refresh recreates them from the new version and points the
 * template's names at them), and the renames to make.
 */
export function retireSheets(
  readBack: WorkbookReadBack,
  records: readonly { readonly record: InstalledTemplate; readonly version: number }[]
): { readBack: WorkbookReadBack; retirements: SheetRetirement[] } {
  const sheetsTaken = lower(readBack.sheetNames);
  // Table and defined names share one namespace in Excel.
  const tablesTaken = lower([...readBack.tableNames, ...readBack.names.map((n) => n.name)]);
  const retirements: SheetRetirement[] = [];
  for (const { record, version } of records)
    for (const sheet of record.sheets) {
      const present = readBack.sheets.find(
        (s) => s.name.toLowerCase() === sheet.toLowerCase() && s.used !== null
      );
      if (!present) continue;
      const to = free(present.name, ` (version ${version})`, sheetsTaken, " ", SHEET_NAME_LIMIT);
      const tables = readBack.tables
        .filter((t) => t.sheet.toLowerCase() === present.name.toLowerCase())
        .map((t) => ({
          from: t.name,
          // No spaces in a table name: ExecKpiStatusVersion3, then ExecKpiStatusVersion3_2.
          to: free(t.name, `Version${version}`, tablesTaken, "_"),
        }));
      const position = readBack.sheetNames.findIndex(
        (n) => n.toLowerCase() === present.name.toLowerCase()
      );
      retirements.push({ sheet: present.name, to, tables, position });
    }
  const retiredSheet = (name: string) =>
    retirements.find((r) => r.sheet.toLowerCase() === name.toLowerCase());
  const pointsAt = (formula: string, sheet: string) =>
    formula.toLowerCase().startsWith(`=${quoted(sheet)}!`.toLowerCase()) ||
    formula.toLowerCase().startsWith(`=${sheet}!`.toLowerCase());
  return {
    retirements,
    readBack: {
      ...readBack,
      sheets: readBack.sheets.map((s) => (retiredSheet(s.name) ? { name: s.name, used: null } : s)),
      tables: readBack.tables.filter((t) => !retiredSheet(t.sheet)),
      names: readBack.names.map((n) => {
        const r = retirements.find((x) => pointsAt(n.formula, x.sheet));
        return r
          ? { ...n, formula: `=${quoted(r.to)}!${n.formula.slice(n.formula.indexOf("!") + 1)}` }
          : n;
      }),
      sheetNames: [...readBack.sheetNames, ...retirements.map((r) => r.to)],
      tableNames: [
        ...readBack.tableNames.filter(
          (t) => !retirements.some((r) => r.tables.some((x) => x.from === t))
        ),
        ...retirements.flatMap((r) => r.tables.map((t) => t.to)),
      ],
    },
  };
}
