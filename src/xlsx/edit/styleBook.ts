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
    const records = this.records("cellXfs");
    const base =
      records[style] ??
      records[0] ??
      '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const id = this.numberFormatId(code);
    if (Number(/\bnumFmtId="(\d+)"/.exec(base)?.[1] ?? 0) === id) return style;
    return this.record(
      "cellXfs",
      withAttributes(base, { numFmtId: String(id), applyNumberFormat: "1" })
    );
  }

  /** The dxf index of a fill and font colour ("#RRGGBB"), as a conditional format's highlight uses. */
  highlight(fill: string, font: string): number {
    const argb = (hex: string) => `FF${hex.replace("#", "").toUpperCase()}`;
    return this.record(
      "dxfs",
      `<dxf><font><color rgb="${argb(font)}"/></font>` +
        `<fill><patternFill><bgColor rgb="${argb(fill)}"/></patternFill></fill></dxf>`
    );
  }

  /** The index in `list` of a record identical to `record` (as text), else of `record` appended. */
  record(list: StyleList, record: string): number {
    const records = this.records(list);
    const found = records.indexOf(record);
    if (found >= 0) return found;
    if (!new RegExp(`<${list}\\b`).test(this.xml)) this.insert(list);
    this.append(list, record);
    return records.length;
  }

  /** The records of a list, as text. */
  records(list: StyleList): string[] {
    const tag = list === "cellXfs" ? "xf" : list.slice(0, -1);
    const record = new RegExp(`<${tag}\\b[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g");
    return [...this.block(list).body.matchAll(record)].map((m) => m[0]);
  }

  /** A built-in id for a built-in code, else the custom one already there, else a new one. */
  numberFormatId(code: string): number {
    for (let id = 0; id <= 49; id += 1) if (builtinFormat(id) === code) return id;
    const custom = this.records("numFmts").map((f) => ({
      id: Number(/\bnumFmtId="(\d+)"/.exec(f)?.[1]),
      code: unescape(/\bformatCode="([^"]*)"/.exec(f)?.[1] ?? ""),
    }));
    const same = custom.find((f) => f.code === code);
    if (same) return same.id;
    const id = Math.max(163, ...custom.map((f) => f.id)) + 1;
    this.record("numFmts", `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private block(name: string): { body: string } {
    const match = new RegExp(`<${name}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${name}>)`).exec(this.xml);
    return { body: match?.[1] ?? "" };
  }

  /** Appends a record to a counted list, keeping its count attribute true. */
  private append(list: StyleList, record: string): void {
    const records = this.records(list).length;
    const match = new RegExp(`<${list}\\b([^>]*?)(/?)>`).exec(this.xml) as RegExpExecArray;
    const head = `<${list}${withCount(match[1], records + 1)}>`;
    const after = match.index + match[0].length;
    const empty = match[2] === "/";
    const bodyEnd = empty ? after : this.xml.indexOf(`</${list}>`, after);
    const rest = empty ? after : bodyEnd + `</${list}>`.length;
    // Sliced, not String.replace: a record's text may hold "$&" (a currency format).
    this.xml =
      this.xml.slice(0, match.index) +
      head +
      this.xml.slice(after, bodyEnd) +
      record +
      `</${list}>` +
      this.xml.slice(rest);
    this.changed = true;
  }

  /** An empty list where CT_Stylesheet's sequence puts it. */
  private insert(list: StyleList): void {
    const at = STYLESHEET.slice(STYLESHEET.indexOf(list) + 1)
      .map((tag) => this.xml.search(new RegExp(`<${tag}[\\s/>]`)))
      .filter((i) => i >= 0);
    const index = at.length > 0 ? Math.min(...at) : this.xml.lastIndexOf("</styleSheet>");
    this.xml = `${this.xml.slice(0, index)}<${list} count="0"/>${this.xml.slice(index)}`;
    this.changed = true;
  }
}

/** CT_Stylesheet's children in its sequence's order (ECMA-376 Part 1, 18.8.39). */
const STYLESHEET = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
] as const;

/** The lists records are appended to. */
export type StyleList = "numFmts" | "fonts" | "fills" | "borders" | "cellXfs" | "dxfs";

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
