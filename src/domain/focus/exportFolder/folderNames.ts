/** Which files in a folder are FOCUS data and which are export manifests, by name alone. */

/**
 * .csv, .csv.gz and .parquet (also .snappy.parquet), in any case: any other file (readme.txt.gz, a
 * log) is skipped and listed rather than stopping the import.
 */
export const isFocusDataName = (path: string): boolean => /\.(csv|csv\.gz|parquet)$/i.test(path);

/** AWS Data Exports' `<export>-Manifest.json` or Azure's `manifest.json`, in any case. */
export const isManifestName = (path: string): boolean =>
  /(^|\/)manifest\.json$|-manifest\.json$/i.test(path);

export const baseName = (path: string): string => path.slice(path.lastIndexOf("/") + 1);

/** Sorted by code point, so a listing in any order gives the same plan on every system. */
export const byPath = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An export's time as ISO, from ISO text or AWS's compact folder form (20260203T040506Z), else
 * undefined. Times without a zone are taken as UTC, as the clouds write them.
 */
export function isoTime(text: string): string | undefined {
  const compact = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\.\d+)?Z$/.exec(text);
  const iso = compact
    ? `${compact[1]}-${compact[2]}-${compact[3]}T${compact[4]}:${compact[5]}:${compact[6]}${compact[7] ?? ""}Z`
    : /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(text)
      ? `${text}Z`
      : text;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(iso)) return undefined;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The months from one YYYY-MM to another, both included; the first alone when the second is earlier. */
export function monthsBetween(first: string, last: string): string[] {
  const months = [first];
  let [year, month] = first.split("-").map(Number);
  for (;;) {
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
    const next = `${year}-${String(month).padStart(2, "0")}`;
    if (next > last) return months;
    months.push(next);
  }
}

/** "2026-01", or "2026-01 to 2026-03" for several months. */
export const monthsLabel = (months: readonly string[]): string =>
  months.length > 1 ? `${months[0]} to ${months[months.length - 1]}` : months[0];
