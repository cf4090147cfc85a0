import { folderOf, relsOf, resolveTarget, tags, XlsxPackage } from "../charts/xlsxPackage";

const contentTypeOf = (types: string, part: string) =>
  tags(types, "Override").find((o) => o.PartName === `/${part}`)?.ContentType;

/**
 * Copies a part of one package into another under a free name, with every part its relationships
 * reach, each under a free name with its content type. `types` is the source's
 * [Content_Types].xml; `copied` maps the parts copied so far to their new paths, so a part reached
 * twice is copied once. Returns the new path.
 */
export async function copyPart(
  from: XlsxPackage,
  to: XlsxPackage,
  part: string,
  types: string,
  copied: Map<string, string>
): Promise<string> {
  const done = copied.get(part);
  if (done) return done;
  const folder = part.slice(part.indexOf("/") + 1, part.lastIndexOf("/"));
  const stem = part.slice(part.lastIndexOf("/") + 1).replace(/\d*\.xml$/, "");
  const target = to.freePart(folder, stem);
  copied.set(part, target);
  to.write(target, (await from.text(part)) ?? "");
  const type = contentTypeOf(types, part);
  if (type) to.override(target, type);
  const rels = await from.text(relsOf(part));
  if (rels) {
    for (const rel of tags(rels, "Relationship")) {
      if (rel.TargetMode === "External") continue;
      const reached = resolveTarget(folderOf(part), rel.Target);
      const copy = await copyPart(from, to, reached, types, copied);
      await to.relate(target, rel.Type, copy, rel.Id);
    }
  }
  return target;
}
