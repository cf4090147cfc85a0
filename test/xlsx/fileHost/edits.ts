import { cellPosition } from "../../../src/workbook/addresses";
import { RawCell } from "../../../src/workbook/maintain/readBack";
import { RenderPlan } from "../../../src/workbook/plan";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { edit } from "../../excel/maintainHelpers";
import { TwoHosts } from "./twoHosts";

/**
 * The edits a user makes, made the same way in both hosts: in the in-memory Excel through Office.js,
 * in the file through the file host's own cell and name writers.
 */
export type UserEdit =
  | {
      readonly kind: "type";
      readonly sheet: string;
      readonly address: string;
      readonly value: RawCell;
    }
  | { readonly kind: "clear"; readonly sheet: string; readonly address: string }
  | {
      readonly kind: "formula";
      readonly sheet: string;
      readonly address: string;
      readonly formula: string;
      readonly shows: number;
    }
  | { readonly kind: "deleteName"; readonly name: string };

export async function editBoth(hosts: TwoHosts, edits: readonly UserEdit[]): Promise<TwoHosts> {
  await edit(hosts.fake, (workbook) => {
    for (const e of edits) {
      if (e.kind === "deleteName") workbook.names.getItem(e.name).delete();
      else {
        const range = workbook.worksheets.getItem(e.sheet).getRange(e.address);
        if (e.kind === "type")
          range.values = [[typeof e.value === "string" ? `'${e.value}` : e.value]];
        if (e.kind === "clear") range.values = [[""]];
        if (e.kind === "formula") range.formulas = [[e.formula]];
      }
    }
  });
  for (const e of edits)
    if (e.kind === "formula") hosts.fake.state.setCachedValue(e.sheet, e.address, e.shows);

  const file = await PackageEdit.open(hosts.file);
  for (const e of edits) {
    if (e.kind === "deleteName") await file.changeNames([{ name: e.name, formula: null }]);
    else {
      const at = cellPosition(e.address);
      const value = e.kind === "type" ? e.value : e.kind === "formula" ? e.shows : null;
      const formula = e.kind === "formula" ? e.formula : undefined;
      await file.writeCells(e.sheet, [{ ...at, value, formula }]);
    }
  }
  return { ...hosts, file: new Uint8Array(await file.bytes()) };
}

/** Where the plan puts things, to aim edits at: a table's computed and input cells, a named cell. */
export function planned(plan: RenderPlan) {
  const cells = plan.sheets.flatMap((sheet) =>
    sheet.ranges.flatMap((range) => {
      const origin = cellPosition(range.address);
      return range.rows.flatMap((row, r) =>
        row.map((cell, c) => ({
          sheet: sheet.name,
          row: origin.row + r,
          column: origin.column + c,
          cell,
        }))
      );
    })
  );
  return {
    cells,
    name: (sheetName: string) => plan.sheets.find((s) => s.name === sheetName)?.names ?? [],
  };
}
