import { folderOf, relsOf, resolveTarget, tags, XlsxPackage } from "../charts/xlsxPackage";
import { withoutReferencesTo } from "./deletedReferences";
import { changeFormulas } from "./formulaPlaces";
import { PackageEdit } from "./packageEdit";
import { TABLE_TYPE } from "./sheetTransplant";
import { withoutSheetAt } from "./workbookSheets";

const WORKBOOK = "xl/workbook.xml";
const WORKBOOK_RELS = "xl/_rels/workbook.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";

/**
 * Deletes a worksheet from a package in place, as Excel deletes a sheet (Delete Sheet on its tab):
 *
 * - its <sheet> entry and relationship go, with its part and every part only it reaches through
 *   relationships (its tables, drawing, charts, pictures, comments and their VML, pivot tables...),
 *   their relationships and content-type overrides. A part anything else reaches stays: a picture
 *   another drawing shows, and what the workbook itself refers to (a pivot table's cache, a slicer's
 *   cache), which Excel keeps as long as the file has them;
 * - names scoped to it go; later sheets' names and the window's active and first tab follow their
 *   sheets (workbookSheets.ts withoutSheetAt);
 * - references to it (and to its tables) in every other formula become #REF!, as Excel makes them
 *   (deletedReferences.ts), wherever the package stores formulas (formulaPlaces.ts: names of either
 *   scope, cells, validation, conditional formats, sparklines, links, table column formulas, chart
 *   series). Their cached values stay until the workbook is recalculated, which it is when opened
 *   (PackageEdit). A pivot cache whose source was the sheet keeps it, with its records: Excel
 *   reports the source missing when the pivot table is refreshed;
 * - docProps/app.xml keeps its list of sheet titles: Excel writes it again when it saves (as after
 *   addSheets.ts).
 *
 * Refuses to delete the workbook's last visible sheet, which Excel refuses too, unless another
 * takes its place in the same edit (`replaced`, replaceSheet.ts).
 */
export async function deleteSheet(
  edit: PackageEdit,
  sheet: string,
  options: { readonly replaced?: boolean } = {}
): Promise<void> {
  const pkg = edit.pkg;
  const workbook = (await pkg.text(WORKBOOK)) ?? "";
  const entries = tags(workbook, "sheet");
  const position = entries.findIndex((s) => s.name.toLowerCase() === sheet.toLowerCase());
  if (position < 0) throw new Error(`The workbook has no sheet "${sheet}".`);
  const visible = entries.some((s, i) => i !== position && (s.state ?? "visible") === "visible");
  if (!visible && !options.replaced)
    throw new Error(`"${sheet}" is the workbook's only visible sheet: a workbook keeps one.`);
  const relId = entries[position]["r:id"];
  const rels = (await pkg.text(WORKBOOK_RELS)) ?? "";
  const target = tags(rels, "Relationship").find((r) => r.Id === relId)?.Target;
  const gone = target ? await reachedOnlyFrom(pkg, resolveTarget("xl", target)) : new Set<string>();

  let types = (await pkg.text(CONTENT_TYPES)) ?? "";
  const overrides = tags(types, "Override").map((o) => ({
    part: o.PartName.slice(1),
    type: o.ContentType,
  }));
  const tables = await Promise.all(
    overrides
      .filter((o) => o.type === TABLE_TYPE && gone.has(o.part))
      .map(async ({ part }) => {
        const table = tags((await pkg.text(part)) ?? "", "table")[0] ?? {};
        return table.displayName ?? table.name ?? "";
      })
  );
  for (const part of gone) {
    pkg.zip.remove(part);
    pkg.zip.remove(relsOf(part));
  }
  types = types.replace(/<Override\b[^>]*\/>/g, (override) =>
    gone.has((tags(override, "Override")[0]?.PartName ?? "").slice(1)) ? "" : override
  );
  pkg.write(CONTENT_TYPES, types);
  pkg.write(
    WORKBOOK_RELS,
    rels.replace(/<Relationship\b[^>]*\/>/g, (rel) =>
      tags(rel, "Relationship")[0]?.Id === relId ? "" : rel
    )
  );

  pkg.write(WORKBOOK, withoutSheetAt(workbook, position));
  edit.sheetDeleted(entries[position].name);
  await changeFormulas(edit, withoutReferencesTo(entries[position].name, tables));
}

/** The parts `root` reaches through relationships (itself included) that nothing else in the package reaches. */
async function reachedOnlyFrom(pkg: XlsxPackage, root: string): Promise<Set<string>> {
  const reach = async (starts: readonly string[], avoid?: string) => {
    const found = new Set<string>();
    const visit = async (part: string): Promise<void> => {
      if (found.has(part) || part === avoid || !pkg.zip.file(part)) return;
      found.add(part);
      for (const rel of tags((await pkg.text(relsOf(part))) ?? "", "Relationship"))
        if (rel.TargetMode !== "External") await visit(resolveTarget(folderOf(part), rel.Target));
    };
    for (const start of starts) await visit(start);
    return found;
  };
  const roots = tags((await pkg.text("_rels/.rels")) ?? "", "Relationship")
    .filter((r) => r.TargetMode !== "External")
    .map((r) => resolveTarget("", r.Target));
  const elsewhere = await reach(roots, root);
  return new Set([...(await reach([root]))].filter((part) => !elsewhere.has(part)));
}
