/**
 * The XML text helpers every .xlsx reader and editor uses: tag attributes, entities, relationship
 * paths. Free of Node modules (charts/xlsxPackage.ts needs zlib to write), so the pane's Web Worker
 * bundles the file reader (read/) with them.
 */

/** The attributes of every tag named `name` in `xml`, in document order (values unescaped). */
export function tags(xml: string, name: string): Record<string, string>[] {
  const found: Record<string, string>[] = [];
  const pattern = new RegExp(`<${name}\\b([^>]*?)/?>`, "g");
  for (const match of xml.matchAll(pattern)) {
    const attributes: Record<string, string> = {};
    for (const attr of match[1].matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
      attributes[attr[1]] = unescapeXml(attr[2]);
    found.push(attributes);
  }
  return found;
}

export function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&amp;/g, "&");
}

/** A relationship target resolved against the folder of the part that owns the .rels file. */
export function resolveTarget(ownerFolder: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = `${ownerFolder}/${target}`.split("/");
  const resolved: string[] = [];
  for (const part of parts) {
    if (part === "..") resolved.pop();
    else if (part !== "." && part !== "") resolved.push(part);
  }
  return resolved.join("/");
}

export const folderOf = (path: string) => path.slice(0, path.lastIndexOf("/"));
const fileOf = (path: string) => path.slice(path.lastIndexOf("/") + 1);
export const relsOf = (path: string) => `${folderOf(path)}/_rels/${fileOf(path)}.rels`;
