import { awsDelivery } from "./awsManifest";
import { azureDelivery } from "./azureManifest";
import { byPath, isFocusDataName, isManifestName, monthsLabel } from "./folderNames";
import {
  Delivery,
  DeliveryRead,
  DuplicateFile,
  FolderEntry,
  FolderPlanResult,
  ManifestText,
  SkippedFile,
} from "./folderPlan";
import { createLocator } from "./listedFiles";
import { repeatedDeliveries } from "./deliveryFolders";

/**
 * Which files of a folder an import reads (docs/FOCUS.md, "Export folders and manifests"):
 * - with export manifests (AWS Data Exports, Azure Cost Management): per billing period, the files the
 *   newest delivery lists; a data file no manifest lists, or an older delivery's, is skipped and named;
 * - without: every FOCUS file (.csv, .csv.gz, .parquet), sorted, identical copies read once, unless
 *   the layout shows several deliveries of one period (the export's data/ folder chosen).
 * Pure: the host lists the folder, reads the files manifestPaths names and finds identical files
 * among duplicateCandidates.
 */
export interface FolderInput {
  readonly entries: readonly FolderEntry[];
  readonly manifests: readonly ManifestText[];
  /** Groups of files with the same content (the host compared duplicateCandidates' groups). */
  readonly identical?: readonly (readonly string[])[];
}

/** The files to read as manifests. */
export const manifestPaths = (entries: readonly FolderEntry[]): string[] =>
  entries
    .map((e) => e.path)
    .filter(isManifestName)
    .sort(byPath);

/**
 * FOCUS files of equal size, the only ones that can be identical: the host compares their bytes.
 * None when the folder holds export manifests (they say what to read).
 */
export function duplicateCandidates(
  entries: readonly FolderEntry[],
  manifests: readonly ManifestText[]
): string[][] {
  if (manifests.some((m) => classify(m, undefined).kind === "delivery")) return [];
  const bySize = new Map<number, string[]>();
  for (const e of [...entries].sort((a, b) => byPath(a.path, b.path)))
    if (isFocusDataName(e.path) && !isManifestName(e.path)) {
      const same = bySize.get(e.size);
      if (same) same.push(e.path);
      else bySize.set(e.size, [e.path]);
    }
  return [...bySize.values()].filter((group) => group.length > 1);
}

export function planExportFolder(input: FolderInput): FolderPlanResult {
  const entries = [...input.entries].sort((a, b) => byPath(a.path, b.path));
  const modified = new Map(entries.map((e) => [e.path, e.modified]));
  const deliveries: Delivery[] = [];
  const notManifests: SkippedFile[] = [];
  for (const manifest of [...input.manifests].sort((a, b) => byPath(a.path, b.path))) {
    const found = classify(manifest, modified.get(manifest.path));
    if (found.kind === "error") return { ok: false, message: found.message };
    if (found.kind === "delivery") deliveries.push(found.delivery);
    else notManifests.push({ path: manifest.path, reason: found.reason });
  }
  return deliveries.length > 0
    ? byManifests(entries, deliveries, notManifests)
    : everyFile(entries, input.identical ?? [], notManifests);
}

type Classified =
  | { readonly kind: "delivery"; readonly delivery: Delivery }
  | { readonly kind: "other"; readonly reason: string }
  | { readonly kind: "error"; readonly message: string };

function classify(manifest: ManifestText, modified: number | undefined): Classified {
  let json: unknown;
  try {
    json = JSON.parse(manifest.text);
  } catch {
    // A damaged manifest would leave its delivery's files unlisted, or the folder read as if it had
    // none (every delivery counted): the import stops instead.
    return {
      kind: "error",
      message: `${manifest.path} is named like an export manifest but is not valid JSON: download it again.`,
    };
  }
  const object = (typeof json === "object" && json !== null ? json : {}) as Record<string, unknown>;
  const made = Array.isArray(object.dataFiles)
    ? awsDelivery(manifest.path, object, modified)
    : Array.isArray(object.blobs)
      ? azureDelivery(manifest.path, object, modified)
      : undefined;
  if (made === undefined)
    return {
      kind: "other",
      reason: "not an AWS Data Exports or Azure export manifest (it has no dataFiles or blobs)",
    };
  return typeof made === "string"
    ? { kind: "error", message: made }
    : { kind: "delivery", delivery: made };
}

function byManifests(
  entries: readonly FolderEntry[],
  deliveries: Delivery[],
  notManifests: readonly SkippedFile[]
): FolderPlanResult {
  const paths = entries.map((e) => e.path);
  const sizes = new Map(entries.map((e) => [e.path, e.size]));
  const locate = createLocator(paths.filter((p) => !isManifestName(p)));
  // Two exports holding one month would count it twice; the manifests cannot tell two scopes from one.
  // Exports are told apart by their ARN or resource id where the manifest has one: many accounts keep the
  // default name "focus", and one account's delivery must never supersede another's.
  const holders = new Map<string, Map<string, Delivery>>();
  for (const d of deliveries)
    for (const month of d.periods)
      holders.set(month, (holders.get(month) ?? new Map()).set(exportIdentity(d), d));
  for (const month of [...holders.keys()].sort(byPath)) {
    const held = [...holders.get(month)!.values()];
    const labels = new Set(held.map(exportLabel));
    const exportNames = held
      .map((d) =>
        labels.size < held.length ? `${exportLabel(d)} (${exportIdentity(d)})` : exportLabel(d)
      )
      .sort(byPath);
    if (exportNames.length > 1)
      return fail(
        `Two exports hold the billing period ${month} (${exportNames.join(" and ")}): reading both could count its costs twice. If they cover different accounts, name each export's folder on its own (both folders can be given to one import); else remove the one you do not use.`
      );
  }
  // Deliveries of the same months supersede each other: the newest is read.
  const sameMonths = new Map<string, Delivery[]>();
  for (const d of deliveries) {
    const key = `${exportIdentity(d)}\u0000${d.periods.join(",")}`;
    sameMonths.set(key, [...(sameMonths.get(key) ?? []), d]);
  }
  const picks: { delivery: Delivery; older: Delivery[] }[] = [];
  for (const key of [...sameMonths.keys()].sort(byPath)) {
    const all = sameMonths.get(key)!;
    const newestFirst = [...all].sort(newer);
    const [delivery, ...older] = newestFirst;
    if (older.length > 0 && (!delivery.time || delivery.time === older[0].time))
      return fail(
        `${exportLabel(delivery)} has ${all.length} deliveries of ${monthsLabel(delivery.periods)} and their manifests do not say which is newest (${newestFirst.map((d) => d.manifest).join(", ")}): keep only the one to import.`
      );
    picks.push({ delivery, older });
  }
  // A run cannot be read in part: runs whose months overlap without being the same stop the import.
  const coveredBy = new Map<string, Delivery>();
  for (const { delivery } of picks)
    for (const month of delivery.periods) {
      const other = coveredBy.get(month);
      if (other)
        return fail(
          `${exportLabel(delivery)} has deliveries whose months overlap: ${deliveryName(other)} covers ${monthsLabel(other.periods)} (${other.manifest}) and ${deliveryName(delivery)} covers ${monthsLabel(delivery.periods)} (${delivery.manifest}). A delivery cannot be read in part and reading both would count ${month} twice: keep only the one to import (or deliveries of separate months).`
        );
      coveredBy.set(month, delivery);
    }

  const reads: DeliveryRead[] = [];
  const chosenFiles = new Set<string>();
  for (const { delivery: chosen, older } of picks) {
    const period = monthsLabel(chosen.periods);
    const files: string[] = [];
    const missing: string[] = [];
    for (const listed of chosen.listed) {
      const local = locate(listed.name, chosen.manifest);
      if (local === undefined) missing.push(listed.name);
      else if (typeof local !== "string")
        return fail(
          `${chosen.manifest} lists ${listed.name}, and the folder has several copies of it (${local.ambiguous.join(", ")}): keep one.`
        );
      else if (listed.byteCount !== undefined && sizes.get(local) !== listed.byteCount)
        missing.push(
          `${listed.name} (${sizes.get(local)} bytes here, ${listed.byteCount} in the manifest)`
        );
      else files.push(local);
    }
    if (missing.length > 0)
      return fail(
        `The ${period} delivery of ${exportLabel(chosen)} is incomplete: its manifest ${chosen.manifest} lists ${missing.length === 1 ? "a file that is" : `${missing.length} files that are`} missing or not fully downloaded: ${listOf(missing)}. Download the whole delivery again (or wait until the export has finished).`
      );
    for (const file of files) chosenFiles.add(file);
    reads.push({ delivery: chosen, files: [...new Set(files)].sort(byPath), superseded: older });
  }

  // Files of older deliveries are named with the delivery that replaced them.
  const superseded = new Map<string, string>();
  for (const read of reads)
    for (const old of read.superseded)
      for (const listed of old.listed) {
        const local = locate(listed.name, old.manifest);
        if (typeof local === "string" && !chosenFiles.has(local))
          superseded.set(
            local,
            `an older delivery of ${monthsLabel(old.periods)} (${deliveryName(old)}); the newest (${deliveryName(read.delivery)}) is read`
          );
      }
  const skipped: SkippedFile[] = [...notManifests];
  for (const path of paths) {
    if (isManifestName(path) || chosenFiles.has(path)) continue;
    skipped.push({
      path,
      reason:
        superseded.get(path) ??
        (isFocusDataName(path) ? "no manifest lists it" : "not a FOCUS data file"),
    });
  }
  skipped.sort((a, b) => byPath(a.path, b.path));
  const read = [...new Set(reads.flatMap((r) => r.files))];
  if (read.length === 0)
    return fail(
      `The export manifests in this folder list no data files (${listOf(deliveries.map((d) => d.manifest))}).`
    );
  return {
    ok: true,
    plan: { kind: "manifests", read, deliveries: reads, skipped, duplicates: [] },
  };
}

function everyFile(
  entries: readonly FolderEntry[],
  identical: readonly (readonly string[])[],
  notManifests: readonly SkippedFile[]
): FolderPlanResult {
  const data = entries.map((e) => e.path).filter((p) => isFocusDataName(p) && !isManifestName(p));
  const isData = new Set(data);
  const sameAs = new Map<string, string>();
  for (const group of identical) {
    const [first, ...copies] = group.filter((p) => isData.has(p)).sort(byPath);
    for (const copy of copies) sameAs.set(copy, first);
  }
  const duplicates: DuplicateFile[] = [...sameAs].map(([path, first]) => ({ path, sameAs: first }));
  const skipped: SkippedFile[] = [
    ...notManifests,
    ...entries
      .map((e) => e.path)
      .filter((p) => !isFocusDataName(p) && !isManifestName(p))
      .map((path) => ({ path, reason: "not a FOCUS data file" })),
  ].sort((a, b) => byPath(a.path, b.path));
  if (data.length === 0)
    return fail(
      entries.length === 0
        ? "The folder is empty: choose the folder that holds the FOCUS export files (.csv, .csv.gz or .parquet)."
        : `The folder holds no FOCUS files (.csv, .csv.gz or .parquet), only ${listOf(entries.map((e) => e.path))}.`
    );
  const read = data.filter((p) => !sameAs.has(p));
  // Identical copies are read once, so only the files read can count a period twice.
  const repeated = repeatedDeliveries(read);
  if (repeated) return fail(repeated);
  return {
    ok: true,
    plan: {
      kind: "files",
      read,
      deliveries: [],
      skipped,
      duplicates,
    },
  };
}

const fail = (message: string): FolderPlanResult => ({ ok: false, message });

/** Newest first; deliveries without a time last; equal times by id so the order never depends on the listing. */
function newer(a: Delivery, b: Delivery): number {
  if (a.time !== b.time)
    return a.time === undefined ? 1 : b.time === undefined ? -1 : byPath(b.time, a.time);
  return byPath(a.id, b.id);
}

export const exportLabel = (d: Delivery): string => `${d.provider} export "${d.exportName}"`;

/** Which export a delivery belongs to: its ARN or resource id, else its provider and name. */
const exportIdentity = (d: Delivery): string => d.exportId ?? exportLabel(d);

export const deliveryName = (d: Delivery): string =>
  `${d.provider === "AWS" ? "execution" : "run"} ${d.id}${d.time ? ` of ${d.time.replace(/\.000Z$/, "Z")}` : ""}`;

/** At most five names, then how many more. */
function listOf(names: readonly string[]): string {
  const shown = names.slice(0, 5);
  return names.length > 5 ? `${shown.join(", ")} and ${names.length - 5} more` : shown.join(", ");
}
