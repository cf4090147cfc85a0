import { CellValue } from "../../domain/cellValue";
import { FocusAggregate, FocusGrouping, FocusImport } from "../../domain/focus/focusTypes";
import { rangeAddress, rangeBounds } from "../addresses";
import { planWorkbook } from "../layout";
import { chooseNames, ExistingNames } from "../names";
import { currencyFormat, DEFAULT_OPTIONS, TemplateOptions } from "../options";
import { PlannedFormat, PlannedSheet } from "../plan";
import { ColumnSpec, WorkbookSpec } from "../spec";

/**
 * The "Cost data" sheet a FOCUS import writes: what was read (files, versions, rows, issues, grouping,
 * currencies) and one table row per aggregate. Values only, never formulas: the sheet is a snapshot
 * of billing data, replaced by the next import. It is planned as a one-sheet spec through the same
 * layout as the templates, so both adapters write it with their RenderPlan writers (which keep text
 * beginning with = + - @ as text).
 */
export const COST_DATA_SHEET = "Cost data";
export const COST_DATA_TABLE = "FocusCostData";
/**
 * The defined name on the sheet's first cell that marks it as the add-in's own. A name follows the
 * sheet when it is renamed, and a user's sheet that happens to be called "Cost data" has none, so a
 * re-import replaces only what an import wrote. Not a metadata store row: the store lists templates,
 * which maintenance checks and refreshes, and this sheet is not one.
 */
export const COST_DATA_MARKER = "FinOpsCostData";

/** The sheet an earlier import wrote, found through its marker name, which this import replaces. */
export interface PreviousCostData {
  readonly sheet: string;
  /** Its table's name, freed for the new table. */
  readonly table?: string;
}

const money = (key: string, header: string, width = 14): ColumnSpec => ({
  key,
  header,
  kind: "input",
  type: "currency",
  width,
});
const rate = (key: string, header: string): ColumnSpec => ({
  key,
  header,
  kind: "input",
  type: "percent",
  width: 12,
});

/** The measure columns, in the order of FocusAggregate; amounts and rates in the row's currency. */
const MEASURE_COLUMNS: readonly ColumnSpec[] = [
  { key: "rows", header: "FOCUS rows", kind: "input", type: "integer", width: 11 },
  money("billedCost", "Billed cost"),
  money("effectiveCost", "Effective cost"),
  money("listCost", "List cost"),
  money("contractedCost", "Contracted cost"),
  money("negotiatedSavings", "Negotiated savings"),
  money("commitmentSavings", "Commitment savings"),
  money("totalSavings", "Total savings"),
  rate("effectiveSavingsRate", "Effective savings rate"),
  money("commitmentUsedCost", "Commitment used"),
  money("commitmentUnusedCost", "Commitment unused"),
  rate("commitmentUtilisation", "Commitment utilisation"),
  money("commitmentCoveredCost", "Covered usage at list"),
  money("commitmentEligibleCost", "Eligible usage at list"),
  rate("commitmentCoverage", "Commitment coverage"),
  money("allocatedCost", "Allocated cost"),
  rate("allocationCoverage", "Allocation coverage"),
  money("hubsTotalSavings", "Total savings, FinOps hubs rule", 16),
  rate("hubsEffectiveSavingsRate", "ESR, FinOps hubs rule"),
];

/** How the measures are defined, for the reader of the sheet (docs/FOCUS.md has the sources). */
const MEASURE_NOTES: readonly string[] = [
  "Savings are list cost minus effective cost; the effective savings rate is savings over list cost. Commitment purchases (and their tax) count in billed cost only: their cost reaches effective cost through the usage they cover. Unused commitment counts in effective cost but not in list cost, so waste lowers savings, which can be negative.",
  "Coverage compares covered and on-demand usage on one basis, list cost (the on-demand equivalent): covered usage at list over covered plus on-demand usage at list. Utilisation is the used share of the commitment's effective cost.",
  "The last two columns repeat savings and ESR as Microsoft's FinOps hubs compute them (each row's savings floored at 0, unused commitment in the list base), for comparison with a hubs report.",
];

/** The group column's header: what the rows are grouped by (header text may not hold [ ] # '). */
export function groupHeader(grouping: FocusGrouping): string | undefined {
  switch (grouping.by) {
    case "month":
      return undefined;
    case "subAccount":
      return "Sub account";
    case "serviceCategory":
      return "Service category";
    case "tag":
      return `Tag ${grouping.key.replace(/[[\]#']/g, " ").trim()}`.slice(0, 80);
  }
}

export function groupingText(grouping: FocusGrouping): string {
  switch (grouping.by) {
    case "month":
      return "month";
    case "subAccount":
      return "month and sub account";
    case "serviceCategory":
      return "month and service category";
    case "tag":
      return `month and the value of tag "${grouping.key}" (rows without it are in the blank group)`;
  }
}

const count = (n: number) => n.toLocaleString("en-US");

const IMPORTED = "Imported";

/** When the import that wrote a Cost data sheet ran and which months it holds: the pane's summary. */
export interface ImportStamp {
  /** ISO date and time, UTC ("2026-12-07T07:00Z"). */
  readonly at: string;
  readonly firstMonth: string | null;
  readonly lastMonth: string | null;
}

/**
 * Reads back what importNotes and the title wrote at the top of a Cost data sheet (its first column,
 * top down): null when the sheet does not say when it was imported (edited, or not ours).
 */
export function readImportStamp(column: readonly unknown[]): ImportStamp | null {
  const lines = column.map((cell) => (typeof cell === "string" ? cell : ""));
  const stamp = lines
    .map((line) =>
      new RegExp(`^${IMPORTED} (\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}) UTC\\.`).exec(line)
    )
    .find((match) => match !== null);
  if (!stamp) return null;
  const months = lines.map((line) => /^(\d{4}-\d{2}) to (\d{4}-\d{2});/.exec(line)).find(Boolean);
  return {
    at: `${stamp[1]}T${stamp[2]}Z`,
    firstMonth: months?.[1] ?? null,
    lastMonth: months?.[2] ?? null,
  };
}

/** The notes above the table: what the import read, in words. */
export function importNotes(result: FocusImport, importedAt: Date): string[] {
  const files = result.versions.map((v) => `${v.file} (FOCUS ${v.version})`).join(", ");
  const currencies =
    result.currencies.length > 1
      ? `Currencies: ${result.currencies.map((c) => c || "none given on some rows").join(", ")}. Amounts in different currencies are never added together: each currency has its own rows, shown in its own format.`
      : `Currency: ${result.currencies[0] || "none given in the files"}.`;
  return [
    result.warehouseResult === undefined
      ? `Files: ${files || "none"}.`
      : `Summed in a warehouse by the focus-query query: ${result.warehouseResult}.`,
    `Rows read: ${count(result.rowsRead)}; skipped because of an error: ${count(result.rowsSkipped)}.`,
    `Issues found: ${count(result.issueCount)}${result.issueCount > result.issues.length ? ` (the import lists the first ${count(result.issues.length)})` : ""}.`,
    `Grouped by ${groupingText(result.grouping)}.`,
    currencies,
    `${IMPORTED} ${importedAt.toISOString().slice(0, 16).replace("T", " ")} UTC. Values, not formulas: importing again replaces this sheet, so keep your own work on other sheets.`,
    ...MEASURE_NOTES,
  ];
}

function costDataColumns(grouping: FocusGrouping): ColumnSpec[] {
  const group = groupHeader(grouping);
  return [
    { key: "month", header: "Month", kind: "input", type: "text", width: 10 },
    ...(group
      ? [{ key: "group", header: group, kind: "input", type: "text", width: 28 } as const]
      : []),
    { key: "currency", header: "Currency", kind: "input", type: "text", width: 10 },
    ...MEASURE_COLUMNS,
  ];
}

function costDataSpec(result: FocusImport, columns: ColumnSpec[], importedAt: Date): WorkbookSpec {
  const months = result.aggregates.map((a) => a.month);
  return {
    templateId: "cost-data",
    version: 1,
    title: COST_DATA_SHEET,
    sheets: [
      {
        key: "costData",
        name: COST_DATA_SHEET,
        freezeColumns: result.grouping.by === "month" ? 1 : 2,
        print: { landscape: true, fitToWidth: true },
        blocks: [
          {
            kind: "title",
            text: "Cost data from FOCUS billing exports",
            subtitle:
              months.length > 0
                ? `${months[0]} to ${months[months.length - 1]}; each row in its billing currency`
                : "No rows imported",
          },
          { kind: "notes", heading: "What was imported", lines: importNotes(result, importedAt) },
          {
            kind: "table",
            key: "costData",
            name: COST_DATA_TABLE,
            columns,
            rows: result.aggregates.map((a) => ({ values: rowValues(a) })),
          },
        ],
      },
    ],
  };
}

function rowValues(a: FocusAggregate): Record<string, CellValue> {
  const values: Record<string, CellValue> = { month: a.month, currency: a.currency };
  // Grouped by month alone there is no group column (and every group is null).
  if (a.group !== null) values.group = a.group;
  for (const column of MEASURE_COLUMNS)
    values[column.key] = a[column.key as keyof FocusAggregate] as number | null;
  return values;
}

/**
 * A currency's number format with cents. A code from the file that is not three letters (a broken or
 * hostile export) gets a plain number format rather than being written into the format text.
 */
export function amountFormat(code: string): string {
  return /^[A-Z]{3}$/.test(code) ? currencyFormat(code, 2) : "#,##0.00";
}

/**
 * Plans the Cost data sheet for a workbook holding `existing` names. The previous import's sheet and
 * table are left out of the names in use, so the new sheet takes their names as it replaces them.
 * Amount columns are formatted in `currency` (the workbook's) where rows are in it; rows in another
 * currency get their own format.
 */
export function planCostDataSheet(
  result: FocusImport,
  currency: string,
  existing: ExistingNames,
  previous: PreviousCostData | undefined,
  importedAt: Date
): PlannedSheet {
  if (result.aggregates.length === 0)
    throw new Error("The import holds no rows to write: nothing was read that could be summed.");
  const free = (names: readonly string[], mine: string | undefined) =>
    names.filter((n) => mine === undefined || n.toLowerCase() !== mine.toLowerCase());
  const inUse: ExistingNames = {
    sheets: free(existing.sheets, previous?.sheet),
    tablesAndNames: free(free(existing.tablesAndNames, previous?.table), COST_DATA_MARKER),
  };
  const base = result.currencies.includes(currency) ? currency : (result.currencies[0] ?? currency);
  const columns = costDataColumns(result.grouping);
  const spec = costDataSpec(result, columns, importedAt);
  const options: TemplateOptions = { ...DEFAULT_OPTIONS, currency: base, sampleData: false };
  const [planned] = planWorkbook([spec], options, chooseNames([spec], inUse)).sheets;
  const table = planned.tables[0];
  return {
    ...planned,
    formats: [
      // The table columns' formats from the layout carry the base currency without cents.
      ...planned.formats.map((f) =>
        f.numberFormat === currencyFormat(base) ? { ...f, numberFormat: amountFormat(base) } : f
      ),
      ...otherCurrencyFormats(result.aggregates, table.address, columns, base),
    ],
    names: [{ key: "costData", name: COST_DATA_MARKER, address: "$A$1" }],
  };
}

/** Formats of the amount cells of rows in a currency other than `base`, one range per run of rows. */
function otherCurrencyFormats(
  aggregates: readonly FocusAggregate[],
  tableAddress: string,
  columns: readonly ColumnSpec[],
  base: string
): PlannedFormat[] {
  const amountColumns = columns.flatMap((c, i) => (c.type === "currency" ? [i] : []));
  const { top, left } = rangeBounds(tableAddress);
  const formats: PlannedFormat[] = [];
  let start = 0;
  for (let i = 1; i <= aggregates.length; i++) {
    if (i < aggregates.length && aggregates[i].currency === aggregates[start].currency) continue;
    const code = aggregates[start].currency;
    if (code !== base) {
      for (const c of amountColumns)
        formats.push({
          address: rangeAddress(top + 1 + start, left + c, top + i, left + c),
          numberFormat: amountFormat(code),
        });
    }
    start = i;
  }
  return formats;
}
