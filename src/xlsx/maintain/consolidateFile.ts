import { HistoryRow } from "../../workbook/consolidate/submission";
import { readRollupHistory } from "../../workbook/consolidate/rollupHistory";
import {
  METADATA_HEADERS,
  METADATA_SHEET,
  MetadataRow,
  metadataRows,
} from "../../workbook/metadata";
import { ExistingNames } from "../../workbook/names";
import { RenderPlan } from "../../workbook/plan";
import { ROLLUP_TEMPLATE_ID } from "../../workbook/templates/rollup/rollupKeys";
import { tags } from "../charts/xlsxPackage";
import { addSheets } from "../edit/addSheets";
import { deleteSheet } from "../edit/deleteSheet";
import { appendStoreRows, createStore } from "../edit/metadataStore";
import { PackageEdit } from "../edit/packageEdit";
import { storeGrid, WorkbookFile } from "../read/readWorkbookFile";

/**
 * The enterprise roll-up written into a workbook someone already has (`consolidate --into`): a
 * department's workbook, any workbook, or one holding an earlier roll-up. An earlier roll-up's own
 * sheets (its tables and names with them) are replaced, its history and typed rates carried into the
 * new one, and its store row rewritten; every other part of the file stays byte for byte as it was.
 */
export interface RollupTarget {
  /** The earlier roll-up's history, kept and appended to. */
  readonly history: readonly HistoryRow[];
  /** Rates to the roll-up's currency typed in the earlier roll-up. */
  readonly rates: Readonly<Record<string, number>>;
  /** The currency those rates convert to (the earlier roll-up's). */
  readonly ratesTo: string | null;
  /** What the new roll-up may not take: everything in the workbook but the earlier roll-up's own. */
  readonly names: ExistingNames;
  /** The earlier roll-up's sheets, which the new one replaces (none when there is no roll-up). */
  readonly replaces: readonly string[];
}

const WORKBOOK = "xl/workbook.xml";
const CREATED_COLUMN = METADATA_HEADERS.indexOf("Created");
const VIEWS = /<bookViews\b[\s\S]*?<\/bookViews>/;

/** The newest roll-up the store records, if any. */
function earlierRollup(file: WorkbookFile) {
  const rollups = file.readBack.templates.filter((t) => t.record.templateId === ROLLUP_TEMPLATE_ID);
  return rollups[rollups.length - 1];
}

const lower = (names: readonly string[]) => new Set(names.map((n) => n.toLowerCase()));

export function rollupTarget(file: WorkbookFile): RollupTarget {
  const { readBack } = file;
  const earlier = earlierRollup(file);
  const { history, rates, ratesTo, sheets: replaces } = readRollupHistory(readBack);
  // Its tables go with its sheets; its defined names are removed before the new ones are added.
  const owned = lower([
    ...replaces,
    ...Object.values(earlier?.record.tables ?? {}),
    ...Object.values(earlier?.record.names ?? {}),
  ]);
  const free = (names: readonly string[]) => names.filter((n) => !owned.has(n.toLowerCase()));
  return {
    history,
    rates,
    ratesTo,
    replaces,
    names: {
      sheets: free(readBack.sheetNames),
      tablesAndNames: free([...readBack.tableNames, ...readBack.names.map((n) => n.name)]),
    },
  };
}

/**
 * The planned roll-up (one template: its sheets and its store row) written into the file in place.
 * The earlier roll-up's sheets are all deleted before the new ones are added, so the new sheets'
 * references to each other are never turned to #REF! by a deletion; the new sheets take the first
 * old one's tab. The store row of the earlier roll-up is rewritten (its Created stamp kept), else a
 * row is appended, or the store created in a workbook that has none.
 */
export async function rollupIntoFile(
  file: WorkbookFile,
  bytes: Uint8Array,
  plan: RenderPlan,
  now: Date
): Promise<Uint8Array> {
  const { readBack } = file;
  const earlier = earlierRollup(file);
  const { replaces } = rollupTarget(file);
  const edit = await PackageEdit.open(bytes);
  const workbook = (await edit.pkg.text(WORKBOOK)) ?? "";
  const tabs = tags(workbook, "sheet").map((s) => s.name.toLowerCase());
  const views = VIEWS.exec(workbook)?.[0];
  const positions = replaces.map((s) => tabs.indexOf(s.toLowerCase()));
  const at = positions.length > 0 ? Math.min(...positions) : undefined;

  const ownNames = lower(Object.values(earlier?.record.names ?? {}));
  await edit.changeNames(
    readBack.names
      .filter((n) => ownNames.has(n.name.toLowerCase()))
      .map((n) => ({ name: n.name, formula: null }))
  );
  for (const sheet of replaces) await deleteSheet(edit, sheet, { replaced: true });
  await addSheets(
    edit,
    plan.sheets.map((planned, i) => ({
      planned,
      ...(at === undefined ? {} : { position: at + i }),
    }))
  );
  // The tabs in their old order and number: the window (active tab, first tab shown) as it was.
  if (views && replaces.length === plan.sheets.length)
    await edit.changePart(WORKBOOK, (xml) => xml.replace(VIEWS, () => views));

  const rows = metadataRows(plan, now);
  if (earlier) {
    const store = file.sheets.get(METADATA_SHEET.toLowerCase());
    const created = store ? storeGrid(store.cells)[earlier.metadataRow]?.[CREATED_COLUMN] : "";
    const kept = rows.map((row): MetadataRow =>
      typeof created === "string" && created !== ""
        ? (row.map((v, i) => (i === CREATED_COLUMN ? created : v)) as MetadataRow)
        : row
    );
    await appendStoreRows(edit, earlier.metadataRow, kept);
  } else if (readBack.storeRows) await appendStoreRows(edit, readBack.storeRows, rows);
  else if (file.sheets.has(METADATA_SHEET.toLowerCase()))
    await appendStoreRows(edit, 0, [[...METADATA_HEADERS] as unknown as MetadataRow, ...rows]);
  else await createStore(edit, rows);
  return new Uint8Array(await edit.bytes());
}
