import { recordAssessment } from "../../../src/excel/recordAssessment";
import { refreshWorkbook } from "../../../src/excel/maintainWorkbook";
import { cellAddress } from "../../../src/workbook/addresses";
import { checkWorkbook } from "../../../src/workbook/maintain/healthCheck";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { FormulaMode } from "../../../src/workbook/expr/renderFormula";
import { convertFormulas } from "../../../src/excel/convertFormulas";
import { generateWorkbooks } from "../../../src/excel/generateWorkbooks";
import { convertFile } from "../../../src/xlsx/maintain/convertFile";
import { upgradeWorkbook } from "../../../src/excel/upgradeWorkbook";
import { upgradeFile } from "../../../src/xlsx/maintain/upgradeFile";
import { rollForward } from "../../../src/excel/rollForward";
import { generateIntoFile } from "../../../src/xlsx/maintain/generateIntoFile";
import { rollForwardFile } from "../../../src/xlsx/maintain/rollForwardFile";
import { recordAssessmentFile } from "../../../src/xlsx/maintain/recordAssessmentFile";
import { repairFile } from "../../../src/xlsx/maintain/repairFile";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { hostFor, NOW } from "../../excel/hostFor";
import { editBoth, planned } from "./edits";
import { comparable } from "./sameState";
import { generateAtVersionInBoth, generateInBoth, readBoth, TwoHosts } from "./twoHosts";

/**
 * One logic, two hosts, for writing too: the same operation on the same workbook state, through
 * Office.js in the in-memory Excel and in place in the file, leaves the same workbook.
 */
const ALL = TEMPLATES.map((t) => t.id);

async function edited(): Promise<TwoHosts> {
  const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
  const { cells, name } = planned(hosts.plan);
  const computed = cells.filter((c) => c.cell.formula !== undefined && c.sheet === "Team budget");
  const at = (c: { row: number; column: number }) => cellAddress(c.row, c.column);
  return editBoth(hosts, [
    { kind: "type", sheet: "Team budget", address: at(computed[3]), value: 1200 },
    { kind: "clear", sheet: "Team budget", address: at(computed[8]) },
    { kind: "formula", sheet: "Team budget", address: at(computed[12]), formula: "=1+1", shows: 2 },
    { kind: "deleteName", name: name("Team budget")[0].name },
  ]);
}

async function sameAfter(
  hosts: TwoHosts,
  office: () => Promise<unknown>,
  file: (bytes: Uint8Array) => Promise<Uint8Array | undefined>
): Promise<void> {
  await office();
  const written = await file(hosts.file);
  expect(written).toBeDefined();
  const after = await readBoth({ fake: hosts.fake, file: written as Uint8Array });
  expect(comparable(after.file)).toEqual(comparable(after.office));
}

describe("an operation on a file leaves what the add-in leaves in the open workbook", () => {
  // The practice set written, changed and read back twice over: seconds each.
  jest.setTimeout(60_000);
  test("repair", async () => {
    const hosts = await edited();
    await sameAfter(
      hosts,
      () => refreshWorkbook(hostFor(hosts.fake)),
      async (bytes) => (await repairFile(await readWorkbookFile(bytes), bytes, NOW, false)).bytes
    );
    const file = await readWorkbookFile(
      (await repairFile(await readWorkbookFile(hosts.file), hosts.file, NOW, false))
        .bytes as Uint8Array
    );
    expect(checkWorkbook(file.readBack).findings.filter((f) => f.repairable)).toEqual([]);
  });

  test.each([
    ["next month", "month", 1],
    ["next quarter", "quarter", 3],
  ] as const)("roll forward: %s", async (_, by, months) => {
    const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
    await sameAfter(
      hosts,
      () => rollForward("period", hostFor(hosts.fake), months),
      async (bytes) =>
        (await rollForwardFile(await readWorkbookFile(bytes), bytes, by, NOW, false)).bytes
    );
  });

  test("roll forward: next fiscal year", async () => {
    const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
    await sameAfter(
      hosts,
      () => rollForward("fiscalYear", hostFor(hosts.fake)),
      async (bytes) =>
        (await rollForwardFile(await readWorkbookFile(bytes), bytes, "fiscal-year", NOW, false))
          .bytes
    );
  });

  test("generate into a workbook that has templates already: links, free names, the store extended", async () => {
    const hosts = await generateInBoth(["team-budget", "kpi-tracker"], DEFAULT_OPTIONS);
    const more = ["executive-summary", "team-budget"];
    await sameAfter(
      hosts,
      () => generateWorkbooks(more, DEFAULT_OPTIONS, hostFor(hosts.fake)),
      async (bytes) =>
        (await generateIntoFile(await readWorkbookFile(bytes), bytes, more, DEFAULT_OPTIONS, NOW))
          .bytes
    );
  });

  test.each([
    ["decision-model", 1],
    ["decision-model", 3],
    ["executive-summary", 1],
    ["maturity-scorecard", 1],
    ["maturity-scorecard", 4],
    ["adoption-plan", 1],
    ["team-budget", 1],
    ["team-budget", 3],
    ["staffing-plan", 1],
    ["kpi-tracker", 1],
  ])("upgrade: %s from version %i", async (id, version) => {
    // The summary links to the others: it is upgraded in the practice set; the others alone.
    const versions =
      id === "executive-summary"
        ? { ...Object.fromEntries(TEMPLATES.map((t) => [t.id, t.version])), [id]: version }
        : { [id]: version };
    const hosts = await generateAtVersionInBoth(versions, { ...DEFAULT_OPTIONS, sampleData: true });
    const done = await upgradeFile(await readWorkbookFile(hosts.file), hosts.file, NOW, false);
    expect(done.notOnFiles ?? []).toEqual([]);
    await upgradeWorkbook(hostFor(hosts.fake));
    const after = await readBoth({ fake: hosts.fake, file: done.bytes as Uint8Array });
    expect(comparable(after.file)).toEqual(comparable(after.office));
  });

  test.each(["portable", "addin"] as const)("convert to %s and back", async (to) => {
    const from: FormulaMode = to === "portable" ? "addin" : "portable";
    const hosts = await generateInBoth(ALL, {
      ...DEFAULT_OPTIONS,
      sampleData: true,
      formulaMode: from,
    });
    let bytes = hosts.file;
    for (const mode of [to, from] as const) {
      await convertFormulas(mode, hostFor(hosts.fake));
      const done = await convertFile(await readWorkbookFile(bytes), bytes, mode, NOW, false);
      expect(done.notOnFiles ?? []).toEqual([]);
      bytes = done.bytes as Uint8Array;
      const after = await readBoth({ fake: hosts.fake, file: bytes });
      expect(comparable(after.file)).toEqual(comparable(after.office));
    }
  });

  test("record assessment, twice", async () => {
    const hosts = await generateInBoth(ALL, { ...DEFAULT_OPTIONS, sampleData: true });
    let bytes = hosts.file;
    for (const date of [new Date("2026-09-30T00:00:00Z"), new Date("2026-12-31T00:00:00Z")]) {
      await recordAssessment(hostFor(hosts.fake), date);
      const done = await recordAssessmentFile(
        await readWorkbookFile(bytes),
        bytes,
        NOW,
        date,
        false
      );
      bytes = done.bytes as Uint8Array;
    }
    const after = await readBoth({ fake: hosts.fake, file: bytes });
    expect(comparable(after.file)).toEqual(comparable(after.office));
  });
});
