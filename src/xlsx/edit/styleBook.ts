import { escapeXml } from "../charts/chartXml";
import { builtinFormat } from "../read/builtinFormats";

/**
 * The workbook's style part (ECMA-376 Part 1, 18.8) opened for additions: a cell style with another
 * number format, a differential format for a highlight. Records are only ever appended (or an
 * identical one reused), so every cell that uses an existing style looks exactly as it did.
 */
export class StyleBook {
  changed = false;

  constructor(private xml: string) {}

  get text(): string {
    return this.xml;
  }

  /** The cellXfs index of `style` with the number format `code`. */
  withNumberFormat(style: number, code: string): number {
    const xfs = this.block("cellXfs");
    const records = [...xfs.body.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
    const base =
      records[style] ??
      records[0] ??
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const id = this.numberFormatId(code);
    if (Number(/\bnumFmtId="(\d+)"/.exec(base)?.[1] ?? 0) === id) return style;
    const wanted = withAttributes(base, { numFmtId: String(id), applyNumberFormat: "1" });
    const found = records.indexOf(wanted);
    if (found >= 0) return found;
    this.append("cellXfs", wanted);
    return records.length;
  }

  /** The dxf index of a fill and font colour ("#RRGGBB"), as a conditional format's highlight uses. */
  highlight(fill: string, font: string): number {
    const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    const dxf =
      `<dxf><font><color rgb="${argb(font)}"/></font>` +
      `<fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`;
    if (!/<dxfs\b/.test(this.xml)) this.insert("dxfs", '<dxfs count="0"/>');
    const records = [...this.block("dxfs").body.matchAll(/<dxf>[\s\S]*?<\/dxf>|<dxf\/>/g)].map(
      (m) => m[0]
    );
    const found = records.indexOf(dxf);
    if (found >= 0) return found;
    this.append("dxfs", dxf);
    return records.length;
  }

  /** A built-in id for a built-in code, else the custom one already there, else a new one. */
  private numberFormatId(code: string): number {
    for (let id = 0; id <= 49; id += 1) if (builtinFormat(id) === code) return id;
    const custom = [...this.xml.matchAll(/<numFmt\b[^>]*\/>/g)].map((m) => ({
      id: Number(/\bnumFmtId="(\d+)"/.exec(m[0])?.[1]),
      code: unescape(/\bformatCode="([^"]*)"/.exec(m[0])?.[1] ?? ""),
    }));
    const same = custom.find((f) => f.code === code);
    if (same) return same.id;
    const id = Math.max(163, ...custom.map((f) => f.id)) + 1;
    if (!/<numFmts\b/.test(this.xml)) this.insert("numFmts", '<numFmts count="0"/>');
    this.append("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private block(name: string): { body: string } {
    const match = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(this.xml);
    return { body: match?.[1] ?? "" };
  }

  /** Appends a record to a counted list, keeping its count attribute true. */
  private append(name: string, record: string): void {
    const open = new RegExp(`<${name}\\b([^>]*?)(/?)>`);
    const match = open.exec(this.xml) as RegExpExecArray;
    const count = (
      this.xml.slice(match.index).match(new RegExp(`<${name.slice(0, -1)}\\b`, "g")) ?? []
    ).length;
    const records = match[2] === "/" ? 0 : count;
    const head = `<${name}${withCount(match[1], records + 1)}>`;
    this.xml =
      match[2] === "/"
        ? this.xml.replace(match[0], `${head}${record}</${name}>`)
        : this.xml.replace(match[0], head).replace(`</${name}>`, `${record}</${name}>`);
    this.changed = true;
  }

  /** An empty list where CT_Stylesheet's sequence puts it. */
  private insert(name: "numFmts" | "dxfs", element: string): void {
    const after =
      name === "numFmts"
        ? ["fonts", "fills", "borders", "cellStyleXfs", "cellXfs"]
        : ["tableStyles", "colors", "extLst"];
    const at = after
      .map((tag) => this.xml.search(new RegExp(`<${tag}[\\s/>]`)))
      .filter((i) => i >= 0);
    const index = at.length > 0 ? Math.min(...at) : this.xml.lastIndexOf("</styleSheet>");
    this.xml = `${this.xml.slice(0, index)}${element}${this.xml.slice(index)}`;
    this.changed = true;
  }
}

const withCount = (attributes: string, count: number) =>
  /\bcount="/.test(attributes)
    ? attributes.replace(/\bcount="\d*"/, `count="${count}"`)
    : `${attributes} count="${count}"`;

function withAttributes(element: string, values: Record<string, string>): string {
  let out = element;
  for (const [name, value] of Object.entries(values)) {
    const pattern = new RegExp(`\\s${name}="[^"]*"`);
    out = pattern.test(out)
      ? out.replace(pattern, ` ${name}="${value}"`)
      : out.replace(/^<xf\b/, `<xf ${name}="${value}"`);
  }
  return out;
}

const unescape = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
