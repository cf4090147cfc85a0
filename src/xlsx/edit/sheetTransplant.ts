import { copyPart } from "../charts/carryCharts";
import { tags, XlsxPackage } from "../charts/xlsxPackage";
import { StyleTransplant } from "./styleTransplant";

export const TABLE_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml";

/** A package the file adapter wrote, opened to have its sheets carried into another workbook. */
export interface Scratch {
  readonly pkg: XlsxPackage;
  /** Its [Content_Types].xml. */
  readonly types: string;
  /** The body of each shared string item (<si>), by index. */
  readonly strings: readonly string[];
  readonly styles: StyleTransplant;
}

/** The body of each <si> of a shared string table, as an inline string's <is> takes it. */
export function stringItems(sst: string): string[] {
  return [...sst.matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g)].map((m) => m[1] ?? "");
}

/**
 * Copies a scratch worksheet part into `to` under a free name, with the parts it reaches (tables,
 * drawing, charts) and their relationships (copyPart), and returns its path. The sheet's styles are
 * remapped to the target's records and its shared strings written inline, so the target's shared
 * string table, which its other sheets index, stays as it was; each table gets the next free id,
 * which Excel requires unique across the workbook.
 */
export async function transplantSheet(
  scratch: Scratch,
  path: string,
  to: XlsxPackage,
  nextTableId: () => number
): Promise<string> {
  const copied = new Map<string, string>();
  const target = await copyPart(scratch.pkg, to, path, scratch.types, copied);
  to.write(target, sheetXml((await scratch.pkg.text(path)) ?? "", scratch));
  const tables = new Set(
    tags(scratch.types, "Override")
      .filter((o) => o.ContentType === TABLE_TYPE)
      .map((o) => o.PartName.slice(1))
  );
  for (const [from, part] of copied)
    if (tables.has(from))
      to.write(
        part,
        ((await to.text(part)) ?? "").replace(
          /(<table\b[^>]*?\sid=")\d+"/,
          (_, start: string) => `${start}${nextTableId()}"`
        )
      );
  return target;
}

function sheetXml(xml: string, { styles, strings }: Scratch): string {
  const cells = restyled(xml, "c", "s", (s) => styles.cell(s));
  const rows = restyled(cells, "row", "s", (s) => styles.cell(s));
  const columns = restyled(rows, "col", "style", (s) => styles.cell(s));
  const rules = restyled(columns, "cfRule", "dxfId", (d) => styles.dxf(d));
  return rules.replace(
    /<c\b([^>]*?)\st="s"([^>]*)><v>(\d+)<\/v><\/c>/g,
    (_, before: string, after: string, index: string) =>
      `<c${before} t="inlineStr"${after}><is>${strings[Number(index)]}</is></c>`
  );
}

/** The XML with `attribute` of every `tag` start tag mapped. */
function restyled(xml: string, tag: string, attribute: string, map: (n: number) => number) {
  const pattern = new RegExp(`\\s${attribute}="(\\d+)"`);
  return xml.replace(new RegExp(`<${tag}\\b[^>]*>`, "g"), (start) =>
    start.replace(pattern, (_, n: string) => ` ${attribute}="${map(Number(n))}"`)
  );
}
