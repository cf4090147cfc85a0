import { rangeBounds } from "../addresses";
import { isoDate } from "../dates";
import { gridReader } from "../maintain/grid";
import { RawCell, ReadTable, WorkbookReadBack } from "../maintain/readBack";
import {
  CURRENCY_HEADER,
  DEPARTMENTS_TABLE,
  HISTORY_HEADERS,
  HISTORY_TABLE,
  rateHeader,
  ROLLUP_TEMPLATE_ID,
} from "../templates/rollup/rollupKeys";
import { HistoryRow } from "./submission";

/** What a consolidation keeps from the roll-up a workbook holds already. */
export interface KeptRollup {
  readonly history: HistoryRow[];
  /** Rates typed in the Departments table, by currency code (a currency's first rate). */
  readonly rates: Record<string, number>;
  /**
   * The currency those rates convert to (the roll-up's): a roll-up in another currency must not
   * reuse them. null when the workbook holds no roll-up.
   */
  readonly ratesTo: string | null;
  /** The roll-up's own sheets now in the workbook: the ones a new consolidation replaces. */
  readonly sheets: string[];
}

/**
 * The history rows, the typed rates and the sheets of the newest roll-up the workbook's metadata store
 * records (found through its recorded table names, read by header as they are now: rows users added
 * included); all empty when the workbook holds no roll-up. History rows without a date or department
 * are not history and are left out.
 */
export function readRollupHistory(readBack: WorkbookReadBack): KeptRollup {
  const rollups = readBack.templates.filter((t) => t.record.templateId === ROLLUP_TEMPLATE_ID);
  const newest = rollups[rollups.length - 1];
  if (!newest) return { history: [], rates: {}, ratesTo: null, sheets: [] };
  const present = new Set(readBack.sheetNames.map((s) => s.toLowerCase()));
  const sheets = newest.record.sheets.filter((s) => present.has(s.toLowerCase()));
  const rows = (key: string) => tableRows(readBack, newest.record.tables[key]);
  const history = rows(HISTORY_TABLE).flatMap((row) => historyRow(row));
  const rates: Record<string, number> = {};
  const rateHeaderNow = rateHeader(newest.record.options.currency);
  for (const row of rows(DEPARTMENTS_TABLE)) {
    const currency = text(row[CURRENCY_HEADER]);
    const rate = row[rateHeaderNow];
    if (currency && typeof rate === "number" && rate > 0 && !(currency in rates))
      rates[currency] = rate;
  }
  return { history, rates, ratesTo: newest.record.options.currency, sheets };
}

function historyRow(row: Readonly<Record<string, RawCell>>): HistoryRow[] {
  const h = HISTORY_HEADERS;
  const date = dateText(row[h.date]);
  const department = text(row[h.department]);
  if (!date || !department) return [];
  return [
    {
      date,
      department,
      asAt: dateText(row[h.asAt]) ?? null,
      practiceScore: numberOrNull(row[h.practiceScore]),
      budget: numberOrNull(row[h.budget]),
      actualYtd: numberOrNull(row[h.actualYtd]),
      validatedValue: numberOrNull(row[h.validatedValue]),
      currency: text(row[h.currency]) ?? "",
    },
  ];
}

/** A recorded table's data rows as values by header; [] when the table is gone. */
function tableRows(
  readBack: WorkbookReadBack,
  name: string | undefined
): Record<string, RawCell>[] {
  const table: ReadTable | undefined =
    name === undefined
      ? undefined
      : readBack.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
  const sheet = table && readBack.sheets.find((s) => s.name === table.sheet);
  if (!table || !sheet) return [];
  const cell = gridReader(sheet.used);
  const { top, left, bottom } = rangeBounds(table.address);
  const rows: Record<string, RawCell>[] = [];
  for (let r = top + 1; r <= bottom; r++)
    rows.push(
      Object.fromEntries(table.headers.map((header, c) => [header, cell(r, left + c).value]))
    );
  return rows;
}

const text = (value: RawCell | undefined): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

const numberOrNull = (value: RawCell | undefined): number | null =>
  typeof value === "number" ? value : null;

/** A date cell (a serial) or a date typed as text, as "YYYY-MM-DD". */
function dateText(value: RawCell | undefined): string | undefined {
  if (typeof value === "number") return isoDate(value);
  const typed = text(value);
  return typed && /^\d{4}-\d{2}-\d{2}$/.test(typed) ? typed : undefined;
}
