/*
 * The maintenance part of `npm run bench`: Check workbook and refresh on the full practice set with a
 * year of data (sample data, then every empty monthly input of every table filled in), with one cell
 * of every computed column typed over so refresh has work everywhere. Syncs, largest sync payload and
 * time on the in-memory Excel, best of several rounds.
 */
import { generateWorkbooks } from "../src/excel/generateWorkbooks";
import { checkWorkbookHealth, refreshWorkbook } from "../src/excel/maintainWorkbook";
import { planTemplates } from "../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../src/workbook/options";
import { TEMPLATES } from "../src/workbook/templates";
import { createExcelFake, ExcelFake } from "../test/fakes/excel";
import { createOfficeFake } from "../test/fakes/excel/office";

const MONTH = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/;
const ids = TEMPLATES.map((t) => t.id);

export interface MaintainRun {
  readonly ms: number;
  readonly syncs: number;
  readonly largestPayloadKB: number;
}

const hostOf = (fake: ExcelFake) => ({
  excel: fake.asOfficeExcel(),
  requirements: createOfficeFake({ excelApi: "1.12" }).context.requirements,
});

/** Which columns of each table are inputs and which computed, from the plan a fresh generation uses. */
function columnKinds(): Map<string, { input: boolean[] }> {
  const { plan } = planTemplates(ids, DEFAULT_OPTIONS, { sheets: ["Sheet1"], tablesAndNames: [] });
  const kinds = new Map<string, { input: boolean[] }>();
  for (const sheet of plan.sheets)
    for (const table of sheet.tables) {
      const range = sheet.ranges.find((r) => r.address === table.address.split(":")[0]);
      const firstRow = range?.rows[1] ?? [];
      kinds.set(table.name, { input: table.headers.map((_, c) => !firstRow[c]?.formula) });
    }
  return kinds;
}

/** The practice set with a year of data and one typed-over cell per computed column. */
async function yearOfData(): Promise<{ fake: ExcelFake; cells: number; brokenColumns: number }> {
  const fake = createExcelFake({ recordOperations: false });
  await generateWorkbooks(ids, DEFAULT_OPTIONS, hostOf(fake));
  const kinds = columnKinds();
  let cells = 0;
  let brokenColumns = 0;
  await fake.asOfficeExcel().run(async (context) => {
    const tables = fake.state
      .tables()
      .filter((t) => kinds.has(t.name))
      .map((table) => {
        const range = context.workbook.tables.getItem(table.name).getDataBodyRange();
        range.load("values,formulas");
        return { table, range, input: kinds.get(table.name)?.input ?? [] };
      });
    await context.sync();
    for (const { table, range, input } of tables) {
      brokenColumns += input.filter((i) => !i).length;
      range.formulas = range.formulas.map((row, r) =>
        row.map((formula, c) => {
          if (!input[c]) return r === 0 ? 999 : formula; // typed over the first computed cell
          if (range.values[r][c] === "" && MONTH.test(table.headers[c])) {
            cells += 1;
            return 1000 + ((r * 37 + c * 11) % 500);
          }
          return formula;
        })
      ) as unknown as string[][];
    }
    await context.sync();
  });
  return { fake, cells, brokenColumns };
}

async function measure(
  run: (fake: ExcelFake) => Promise<unknown>,
  rounds: number
): Promise<MaintainRun> {
  let best: MaintainRun = { ms: Infinity, syncs: 0, largestPayloadKB: 0 };
  for (let round = 0; round < rounds; round++) {
    const { fake } = await yearOfData();
    fake.resetCounters();
    const start = process.hrtime.bigint();
    await run(fake);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (ms < best.ms)
      best = {
        ms: Math.round(ms * 10) / 10,
        syncs: fake.syncCount,
        largestPayloadKB: Math.round(fake.largestPayload / 102.4) / 10,
      };
  }
  return best;
}

/** Check and refresh of the full practice set with a year of data. */
export async function benchMaintenance(rounds: number) {
  const { cells, brokenColumns } = await yearOfData();
  let findings = 0;
  let changes = 0;
  const check = await measure(async (fake) => {
    findings = (await checkWorkbookHealth(hostOf(fake))).findings.length;
  }, rounds);
  const refresh = await measure(async (fake) => {
    changes = (await refreshWorkbook(hostOf(fake))).changes.length;
  }, rounds);
  return { inputsFilled: cells, brokenColumns, findings, refreshChanges: changes, check, refresh };
}
