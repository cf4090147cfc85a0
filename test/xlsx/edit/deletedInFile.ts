import { rangeBounds } from "../../../src/workbook/addresses";
import { BlockAddition } from "../../../src/workbook/maintain/blockAdditions";
import { RenderPlan } from "../../../src/workbook/plan";
import { BUDGET_BY_MONTH_CHART } from "../../../src/workbook/templates/teamBudget";
import {
  folderOf,
  relsOf,
  resolveTarget,
  tags,
  XlsxPackage,
} from "../../../src/xlsx/charts/xlsxPackage";
import { addBlocks } from "../../../src/xlsx/edit/addBlocks";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { areasOf } from "../../../src/xlsx/read/sheetRules";

/**
 * What users delete that refresh writes back as blocks (RefreshPlan.blocks): a template table with
 * its chart (on a sheet with no other chart, and on one with others; with conditional formats), one
 * with validation, and named cells with their labels (names, validation, conditional formats).
 */
export type Deletion =
  | { readonly sheet: string; readonly table: string; readonly chart?: string }
  | { readonly sheet: string; readonly names: readonly string[] };

export const DELETIONS: readonly Deletion[] = [
  { sheet: "Team budget", table: "BudgetByMonth", chart: BUDGET_BY_MONTH_CHART },
  {
    sheet: "Maturity scorecard",
    table: "MaturityByLens",
    chart: "Practice maturity by lens against target",
  },
  { sheet: "Executive summary", table: "ExecKpiStatus", chart: "KPI status" },
  { sheet: "Team budget", table: "BudgetDetail" },
  { sheet: "Team budget", names: ["BudgetMateriality", "BudgetMonthsWithoutActuals"] },
];

/** The label cell (column A) of each named cell, where the plan puts it. */
export function labelCells(plan: RenderPlan, sheet: string, names: readonly string[]) {
  const planned = plan.sheets.find((s) => s.name === sheet)!;
  return names.map((name) => {
    const address = planned.names.find((n) => n.name === name)!.address.replace(/\$/g, "");
    return { row: rangeBounds(address).top, column: 0 };
  });
}

/** The deletion in a file of the plan, as Excel saves it. */
export async function deleteInFile(
  bytes: Uint8Array,
  plan: RenderPlan,
  deletion: Deletion
): Promise<Uint8Array> {
  if ("table" in deletion)
    return deleteTableAndChart(bytes, deletion.sheet, deletion.table, deletion.chart);
  const file = await PackageEdit.open(bytes);
  await file.changeNames(deletion.names.map((name) => ({ name, formula: null })));
  await file.writeCells(
    deletion.sheet,
    labelCells(plan, deletion.sheet, deletion.names).map((c) => ({ ...c, value: null }))
  );
  return new Uint8Array(await file.bytes());
}

/** The file with every block of a plan added, sheet by sheet. */
export async function withBlocks(
  bytes: Uint8Array,
  blocks: readonly BlockAddition[]
): Promise<Uint8Array> {
  const file = await PackageEdit.open(bytes);
  for (const sheet of new Set(blocks.map((b) => b.sheet)))
    await addBlocks(
      file,
      sheet,
      blocks.filter((b) => b.sheet === sheet).map((b) => b.planned)
    );
  return new Uint8Array(await file.bytes());
}

/**
 * A template table (and its chart) deleted from a file's sheet as Excel saves the workbook after a user
 * deleted them (and as the in-memory Excel leaves it): the table's part, relationship, <tablePart>
 * and content type go, its cells are emptied and unformatted, their validation cleared; the chart's anchor, part and
 * relationship go, and the drawing with them when it held nothing else.
 */
export async function deleteTableAndChart(
  bytes: Uint8Array,
  sheet: string,
  table: string,
  chart?: string
): Promise<Uint8Array> {
  const edit = await PackageEdit.open(bytes);
  const pkg = edit.pkg;
  const sheetPath = edit.worksheetParts().get(sheet.toLowerCase())!;
  const target = async (owner: string, id: string) => {
    const rel = tags((await pkg.text(relsOf(owner)))!, "Relationship").find((r) => r.Id === id)!;
    return resolveTarget(folderOf(owner), rel.Target);
  };

  const sheetXml = (await pkg.text(sheetPath))!;
  let tableId = "";
  let ref = "";
  for (const { "r:id": id } of tags(sheetXml, "tablePart")) {
    const found = tags((await pkg.text(await target(sheetPath, id)))!, "table")[0];
    if (found.displayName !== table) continue;
    tableId = id;
    ref = found.ref;
    const { top, left, bottom, right } = rangeBounds(ref);
    const cells = [];
    for (let row = top; row <= bottom; row += 1)
      for (let column = left; column <= right; column += 1)
        cells.push({ row, column, value: null, style: 0 });
    await edit.writeCells(sheet, cells);
  }
  await removePart(pkg, sheetPath, tableId, await target(sheetPath, tableId));
  await edit.changeSheet(sheet, (xml) => {
    const left = withoutValidation(xml, ref).replace(`<tablePart r:id="${tableId}"/>`, "");
    const count = tags(left, "tablePart").length;
    return count === 0
      ? left.replace(/<tableParts\b[^>]*>\s*<\/tableParts>/, "")
      : left.replace(/<tableParts count="\d+"/, `<tableParts count="${count}"`);
  });

  if (chart === undefined) return new Uint8Array(await edit.bytes());
  const drawingId = tags(sheetXml, "drawing")[0]["r:id"];
  const drawing = await target(sheetPath, drawingId);
  const anchors = [
    ...(await pkg.text(drawing))!.matchAll(/<xdr:twoCellAnchor\b[\s\S]*?<\/xdr:twoCellAnchor>/g),
  ].map((m) => m[0]);
  const anchor = anchors.find((a) => tags(a, "xdr:cNvPr")[0]?.name === chart)!;
  const chartId = tags(anchor, "c:chart")[0]["r:id"];
  await removePart(pkg, drawing, chartId, await target(drawing, chartId));
  if (anchors.length > 1) {
    pkg.write(drawing, (await pkg.text(drawing))!.replace(anchor, ""));
  } else {
    await removePart(pkg, sheetPath, drawingId, drawing);
    await edit.changeSheet(sheet, (xml) => xml.replace(/<drawing\b[^>]*\/>/, ""));
  }
  return new Uint8Array(await edit.bytes());
}

/** The worksheet without the validation rules that lie wholly in `ref` (the table's). */
function withoutValidation(xml: string, ref: string): string {
  const table = rangeBounds(ref);
  const inside = (sqref: string) =>
    areasOf(sqref).every(
      (a) =>
        a.top >= table.top &&
        a.bottom <= table.bottom &&
        a.left >= table.left &&
        a.right <= table.right
    );
  const kept = xml.replace(/<dataValidation\b[^>]*?(?:\/>|>[\s\S]*?<\/dataValidation>)/g, (rule) =>
    inside(/\bsqref="([^"]*)"/.exec(rule)?.[1] ?? "") ? "" : rule
  );
  const count = (kept.match(/<dataValidation\b/g) ?? []).length;
  return count === 0
    ? kept.replace(/<dataValidations\b[^>]*>\s*<\/dataValidations>/, "")
    : kept.replace(/<dataValidations count="\d+"/, `<dataValidations count="${count}"`);
}

/** A part, its relationships, its content type and the owner's relationship to it removed. */
async function removePart(
  pkg: XlsxPackage,
  owner: string,
  relId: string,
  part: string
): Promise<void> {
  pkg.zip.remove(part);
  pkg.zip.remove(relsOf(part));
  const rels = (await pkg.text(relsOf(owner)))!;
  pkg.write(
    relsOf(owner),
    rels.replace(new RegExp(`<Relationship\\b[^>]*Id="${relId}"[^>]*/>`), "")
  );
  const types = (await pkg.text("[Content_Types].xml"))!;
  pkg.write(
    "[Content_Types].xml",
    types.replace(new RegExp(`<Override PartName="/${part}"[^>]*/>`), "")
  );
}
