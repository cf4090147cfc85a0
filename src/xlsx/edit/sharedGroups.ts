import { escapeXml } from "../charts/chartXml";
import { unescapeXml } from "../charts/xlsxPackage";
import { shiftFormula } from "../read/sharedFormulas";
import { SheetRows } from "./sheetRows";

/**
 * Shared formulas (ECMA-376 Part 1, 18.3.1.40) in a worksheet being edited: a group is its anchor
 * (which holds the text) and the cells that hold only its id. A write into a group, or a move that
 * splits it, first writes every member's formula out in full, as Excel shows it.
 */
/** Shared formula groups (18.3.1.40) with a member where `split` holds, written out per cell. */
export function unshare(rows: SheetRows, split: (row: number, column: number) => boolean): void {
  const groups = sharedGroups(rows);
  for (const group of groups.values())
    if (group.anchor && group.members.some((m) => split(m.row, m.column)))
      writeOut(rows, group, (text) => text);
}

export interface SharedGroup {
  anchor?: { row: number; column: number; text: string };
  members: { row: number; column: number }[];
}

export function sharedGroups(rows: SheetRows): Map<string, SharedGroup> {
  const groups = new Map<string, SharedGroup>();
  for (const row of rows.rowNumbers()) {
    if (!rows.rowIncludes(row, 't="shared"')) continue;
    for (const [column, xml] of rows.cells(row)) {
      const f = /<f\b([^>]*?)(?:\/>|>([\s\S]*?)<\/f>)/.exec(xml);
      if (!f || !/\bt="shared"/.test(f[1])) continue;
      const si = /\bsi="(\d+)"/.exec(f[1])?.[1];
      if (si === undefined) continue;
      const group = groups.get(si) ?? { members: [] };
      group.members.push({ row, column });
      if (f[2]) group.anchor = { row, column, text: unescapeXml(f[2]) };
      groups.set(si, group);
    }
  }
  return groups;
}

/** Every member of the group gets its own formula, passed through `change`. */
export function writeOut(
  rows: SheetRows,
  group: SharedGroup,
  change: (text: string) => string
): void {
  const anchor = group.anchor as NonNullable<SharedGroup["anchor"]>;
  for (const member of group.members) {
    const cells = rows.cells(member.row);
    const text = change(
      shiftFormula(anchor.text, member.row - anchor.row, member.column - anchor.column)
    );
    const xml = cells.get(member.column) as string;
    cells.set(
      member.column,
      xml.replace(/<f\b[^>]*?(?:\/>|>[\s\S]*?<\/f>)/, () => `<f>${escapeXml(text)}</f>`)
    );
  }
}
