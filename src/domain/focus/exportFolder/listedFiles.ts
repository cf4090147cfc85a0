import { baseName } from "./folderNames";

/**
 * Finds the local copy of a file a manifest lists by its full name (an s3:// URI or a blob path):
 * the file under the folder whose path ends with the longest run of the listed name's segments. A
 * copy of an export keeps at least the part from the delivery's folder on, so at least that much
 * must match: for AWS the part from `data/` on (`data/BILLING_PERIOD=.../[<time>-<id>/]file`), for
 * others the file and its folder (Azure's run folder). Data files of different deliveries share names
 * (part_0_0001.csv), so a shorter match could be another delivery's file.
 */
export function createLocator(paths: readonly string[]) {
  const byName = new Map<string, string[]>();
  for (const path of paths) {
    const name = baseName(path);
    const same = byName.get(name);
    if (same) same.push(path);
    else byName.set(name, [path]);
  }
  /** The local path, undefined when none matches, or "ambiguous" when several match as well. */
  return (listed: string, manifest: string): string | undefined | { ambiguous: string[] } => {
    const segments = listed
      .replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*\//i, "")
      .split("/")
      .filter(Boolean);
    const data = segments.findIndex(
      (s, i) => s === "data" && segments[i + 1]?.startsWith("BILLING_PERIOD=")
    );
    const needed = data >= 0 ? segments.length - data : Math.min(2, segments.length);
    let best: string[] = [];
    let bestScore = -1;
    for (const path of byName.get(segments[segments.length - 1] ?? "") ?? []) {
      const local = path.split("/");
      let k = 0;
      while (
        k < segments.length &&
        k < local.length &&
        segments[segments.length - 1 - k] === local[local.length - 1 - k]
      )
        k++;
      // A file whose whole path matches is in the delivery's folder itself (the folder given).
      if (k < needed && k < local.length) continue;
      // Equal matches: the copy nearer the manifest (sharing more of its folders) is the delivery's.
      const score = k * 1000 + commonFolders(path, manifest);
      if (score > bestScore) [best, bestScore] = [[path], score];
      else if (score === bestScore) best.push(path);
    }
    if (best.length > 1) return { ambiguous: best };
    return best[0];
  };
}

function commonFolders(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  let n = 0;
  while (n < x.length - 1 && n < y.length - 1 && x[n] === y[n]) n++;
  return n;
}
