import { checkWorkbookHealth, previewRefresh } from "../../src/excel/maintainWorkbook";
import { previewUpgrade, upgradeWorkbook } from "../../src/excel/upgradeWorkbook";
import { planTemplates } from "../../src/workbook/generate";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { DECISIONS } from "../../src/workbook/templates/seedContent/decisionModelContent";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { columnOf, edit } from "./maintainHelpers";

const V1 = { "adoption-plan": 1, "decision-model": 1 };
const ADOPTION = "AdoptionPlan";
const DECISION = "DecisionModel";

async function generatedV1(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateAtVersion(fake, V1);
  fake.resetCounters();
  return fake;
}

/** A table's data rows as they are now: header -> formula or constant, per row. */
function rowsOf(fake: ExcelFake, table: string): Record<string, unknown>[] {
  const found = fake.state.tables().find((t) => t.name === table)!;
  const [header, ...rows] = fake.state.formulas(found.sheet, found.address);
  return rows.map((row) => Object.fromEntries(header.map((h, c) => [String(h), row[c]])));
}

/** The formula a fresh generation of the current version writes in a computed table column. */
function freshFormula(table: string, header: string): string {
  const { plan } = planTemplates(["decision-model", "adoption-plan"], DEFAULT_OPTIONS, {
    sheets: [],
    tablesAndNames: [],
  });
  const sheet = plan.sheets.find((s) => s.tables.some((x) => x.name === table))!;
  const t = sheet.tables.find((x) => x.name === table)!;
  const range = sheet.ranges.find((r) => r.address === t.address.split(":")[0])!;
  return range.rows[1][t.headers.indexOf(header)].formula as string;
}

/** A heavy user of version 1: statuses typed (the renamed one in several spellings), rows and a column added. */
async function editHeavily(fake: ExcelFake, extraRows = 2): Promise<void> {
  const adoptionHeaders = fake.state.tables().find((t) => t.name === ADOPTION)!.headers;
  const decisionHeaders = fake.state.tables().find((t) => t.name === DECISION)!.headers;
  await edit(fake, (workbook) => {
    const adoption = workbook.tables.getItem(ADOPTION);
    adoption.rows.add(
      undefined,
      Array.from({ length: extraRows }, (_, i) =>
        adoptionHeaders.map((h) =>
          h === "Stage"
            ? "Plan"
            : h === "Activity"
              ? `Added activity ${i + 1}`
              : h === "Status"
                ? i % 2 === 0
                  ? "Blocked"
                  : "Done"
                : null
        )
      ) as (string | number)[][]
    );
    adoption.columns.add(undefined, undefined, "My notes");
    const decisions = workbook.tables.getItem(DECISION);
    decisions.rows.add(undefined, [
      decisionHeaders.map((h) =>
        h === "Decision"
          ? "Data retention policy"
          : h === "FinOps practitioner"
            ? "R"
            : h === "Leadership"
              ? "A"
              : h === "Time to decide (days)"
                ? 20
                : null
      ),
    ] as (string | number)[][]);
    decisions.columns.add(undefined, undefined, "Owner notes");
  });
  const status = columnOf(fake, ADOPTION, "Status");
  const notes = columnOf(fake, ADOPTION, "My notes");
  const evidence = columnOf(fake, ADOPTION, "Evidence");
  const ownerNotes = columnOf(fake, DECISION, "Owner notes");
  const threshold = columnOf(fake, DECISION, "Threshold");
  await edit(fake, (workbook) => {
    const sheet = workbook.worksheets.getItem(status.sheet);
    sheet.getRange(status.cell(0)).values = [["blocked "]];
    sheet.getRange(status.cell(1)).values = [["Blocked"]];
    sheet.getRange(status.cell(2)).formulas = [['=IF(1,"Blocked","")']];
    sheet.getRange(status.cell(3)).values = [["In progress"]];
    sheet.getRange(notes.cell(1)).values = [["waiting on the CFO"]];
    sheet.getRange(evidence.cell(4)).values = [["Minutes of 3 March"]];
    const decisions = workbook.worksheets.getItem(ownerNotes.sheet);
    decisions.getRange(ownerNotes.cell(0)).values = [["agreed at the steering group"]];
    decisions.getRange(threshold.cell(1)).values = [[30000]];
  });
}

describe("a version-1 workbook before upgrade", () => {
  it("is checked as version 1: no problem, an upgrade offered, nothing to refresh", async () => {
    const fake = await generatedV1();
    const report = await checkWorkbookHealth(hostFor(fake));
    expect(report.checked).toEqual(expect.arrayContaining(["adoption-plan", "decision-model"]));
    expect(report.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(report.findings.filter((f) => f.kind === "upgradeAvailable").map((f) => f.what)).toEqual(
      expect.arrayContaining([
        "Adoption plan is at version 1; version 4 of the template is available.",
        "Decision and accountability model is at version 1; version 4 of the template is available.",
      ])
    );
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
  });
});

describe("upgrade on the in-memory Excel", () => {
  it("previews, then migrates every typed value, adds the new columns and keeps the user's", async () => {
    const fake = await generatedV1();
    await editHeavily(fake);
    const adoptionBefore = rowsOf(fake, ADOPTION);
    const decisionBefore = rowsOf(fake, DECISION);
    const preview = await previewUpgrade(hostFor(fake));
    expect(preview.upgrades.map((u) => [u.templateId, u.from, u.to])).toEqual(
      expect.arrayContaining([
        ["adoption-plan", 1, 4],
        ["decision-model", 1, 4],
      ])
    );
    // 1 sample row, 2 typed ("blocked " and "Blocked") and 1 of the 2 added rows; the formula is the user's.
    expect(preview.changes).toEqual(
      expect.arrayContaining([
        'Adoption plan: Status "Blocked" becomes "Needs escalation" in 4 rows.',
        "Adoption plan: Status drop-down: Not started, In progress, Done, Needs escalation.",
        `Decision and accountability model: new column "Review every (days)" in table ${DECISION}, filled in ${DECISIONS.length + 1} rows.`,
        `Decision and accountability model: new column "Next review" in table ${DECISION}, with its formula.`,
      ])
    );
    fake.resetCounters();
    const result = await upgradeWorkbook(hostFor(fake));
    expect(fake.syncCount).toBe(5);
    expect(result.changes).toEqual(preview.changes);

    const rename = (v: unknown) =>
      typeof v === "string" && v.trim().toLowerCase() === "blocked" ? "Needs escalation" : v;
    const adoptionAfter = rowsOf(fake, ADOPTION);
    expect(adoptionAfter).toEqual(
      adoptionBefore.map((row) => ({
        ...row,
        Status: String(row.Status).startsWith("=") ? row.Status : rename(row.Status),
        // Version 3's overdue flag, added after the user's own column.
        Schedule: freshFormula(ADOPTION, "Schedule"),
      }))
    );
    const decisionAfter = rowsOf(fake, DECISION);
    expect(decisionAfter.length).toBe(decisionBefore.length);
    decisionAfter.forEach((row, r) => {
      for (const [header, value] of Object.entries(decisionBefore[r]))
        expect(row[header]).toEqual(value);
      const known = DECISIONS.find((d) => d.decision === row.Decision);
      expect(row["Review every (days)"]).toBe(known ? known.reviewDays : 365);
      expect(row["Last reviewed"]).toBeNull();
      expect(row["Next review"]).toBe(freshFormula(DECISION, "Next review"));
    });
    const headers = fake.state.tables().find((t) => t.name === DECISION)!.headers;
    // Each new column follows the column before it in the current version's order (the table keeps
    // version 1's order); the user's own column stays last.
    const next = (header: string) => headers[headers.indexOf(header) + 1];
    expect(next("Threshold")).toBe("Next review");
    expect(next("Next review")).toBe("Review status");
    expect(next("Time to decide (days)")).toBe("Review every (days)");
    expect(next("Review every (days)")).toBe("Last reviewed");
    expect(headers[headers.length - 1]).toBe("Owner notes");
    const status = columnOf(fake, ADOPTION, "Status");
    expect(
      fake.state.validation(
        status.sheet,
        `${status.letter}${status.first}:${status.letter}${status.last}`
      )?.rule
    ).toMatchObject({
      list: { source: "Not started,In progress,Done,Needs escalation" },
    });
    expect(
      fake.state
        .conditionalFormats(status.sheet)
        .some((cf) => cf.rule?.formula1 === '="Needs escalation"')
    ).toBe(true);
    expect(fake.state.values(METADATA_SHEET, "B2:B3")).toEqual([[4], [4]]);
  });

  it("after the upgrade: nothing more to upgrade or refresh, and no structure problem", async () => {
    const fake = await generatedV1();
    await editHeavily(fake);
    await upgradeWorkbook(hostFor(fake));
    const before = fake.state.snapshot();
    fake.resetCounters();
    expect(await upgradeWorkbook(hostFor(fake))).toEqual({ upgrades: [], changes: [] });
    expect(fake.syncCount).toBe(3);
    expect(fake.state.snapshot()).toEqual(before);
    expect(await previewRefresh(hostFor(fake))).toEqual([]);
    const report = await checkWorkbookHealth(hostFor(fake));
    expect(report.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(report.findings.filter((f) => f.kind === "upgradeAvailable")).toEqual([]);
    // Version 3's reporting date and overdue counts, written below each sheet's content, are in place.
    expect(report.findings.filter((f) => f.kind === "movedName")).toEqual([]);
    const names = fake.state.names().map((n) => [n.name, n.formula]);
    expect(names).toEqual(
      expect.arrayContaining([
        ["DecisionsAsAt", expect.stringMatching(/^='Decision model'!\$B\$\d+$/)],
        ["AdoptionActivitiesOverdue", expect.stringMatching(/^='Adoption plan'!\$B\$\d+$/)],
      ])
    );
  });

  it("takes the same number of syncs however many rows users added", async () => {
    const counts = [];
    for (const rows of [1, 50, 400]) {
      const fake = await generatedV1();
      await editHeavily(fake, rows);
      fake.resetCounters();
      await upgradeWorkbook(hostFor(fake));
      counts.push(fake.syncCount);
    }
    expect(counts).toEqual([5, 5, 5]);
  });

  it.each([1, 2, 3, 4, 5])("a failure of sync %i leaves the workbook as it was", async (n) => {
    const fake = await generatedV1();
    await editHeavily(fake);
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(n);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/failed/);
    expect(fake.state.snapshot()).toEqual(before);
  });

  it.each([
    "table.columns.add",
    "range.values",
    "range.formulas",
    "range.numberFormat",
    "conditionalFormats.add",
    "protection.protect",
  ])("a failure at %s during the write is undone", async (kind) => {
    const fake = await generatedV1();
    await editHeavily(fake);
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === kind);
    await expect(upgradeWorkbook(hostFor(fake))).rejects.toThrow(/Nothing was changed/);
    expect(fake.state.snapshot()).toEqual(before);
  });
});
