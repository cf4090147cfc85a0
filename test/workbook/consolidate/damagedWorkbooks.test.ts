import fc from "fast-check";
import { cellPosition } from "../../../src/workbook/addresses";
import { excelSerial } from "../../../src/workbook/dates";
import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readSubmission } from "../../../src/workbook/consolidate/readSubmission";
import { DepartmentSubmission } from "../../../src/workbook/consolidate/submission";
import { RawCell, WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import {
  DepartmentFile,
  departmentFile,
  departmentOptions,
  namedAt,
  plannedCellAddress,
  typedOver,
} from "./departmentFiles";

// Workbooks users have been at: cells typed over, names and tables deleted, sheets removed. What is
// gone reads as blank with a note; the rest is read as before; nothing throws.

const FILE = "operations.xlsx";
let made: DepartmentFile;
beforeAll(async () => {
  made = await departmentFile(FILE, departmentOptions({ department: "Operations" }));
}, 60_000);

function read(readBack: WorkbookReadBack): DepartmentSubmission {
  const result = readSubmission(FILE, readBack);
  if (isRefused(result)) throw new Error(`Refused: ${result.reason}`);
  return result;
}

const withName = (readBack: WorkbookReadBack, name: string, formula: string | null) => ({
  ...readBack,
  names: readBack.names.flatMap((n) =>
    n.name !== name ? [n] : formula === null ? [] : [{ ...n, formula }]
  ),
});

describe("readSubmission on edited and damaged workbooks", () => {
  it("reads a cell typed over with text, an error or nothing as blank, keeping its source", () => {
    const kpiLatest = plannedCellAddress(made.plan, "Kpis", 0, "Latest value");
    const score = namedAt(made.plan, "maturityScore");
    const budget = namedAt(made.plan, "teamBudgetFy");
    let edited = typedOver(made.readBack, "KPI tracker", kpiLatest, "n/a");
    edited = typedOver(edited, score.sheet.name, score.cell, "#DIV/0!");
    edited = typedOver(edited, budget.sheet.name, budget.cell, "");
    const before = read(made.readBack);
    const after = read(edited);
    expect(before.kpis[0].latestValue.value).not.toBeNull();
    expect(after.kpis[0].latestValue).toEqual({
      value: null,
      source: { file: FILE, sheet: "KPI tracker", cell: kpiLatest },
    });
    expect(after.maturity?.practiceScore.value).toBeNull();
    expect(after.maturity?.practiceScore.source.cell).toBe(score.cell);
    expect(after.budget?.budget.value).toBeNull();
    // Everything else reads as before.
    expect(after.kpis.slice(1)).toEqual(before.kpis.slice(1));
    expect(after.staffing).toEqual(before.staffing);
    expect(after.savings).toEqual(before.savings);
  });

  it("takes the reporting date the team budget holds now, as users move it on", () => {
    const asAt = namedAt(made.plan, "budgetAsAt");
    expect(read(made.readBack).asAt).toBe("2026-06-30");
    const moved = typedOver(made.readBack, asAt.sheet.name, asAt.cell, excelSerial("2026-10-31"));
    expect(read(moved).asAt).toBe("2026-10-31");
  });

  it("follows a defined name moved elsewhere, and reads a deleted or broken one as not found", () => {
    const actual = namedAt(made.plan, "teamActualYtd");
    const score = namedAt(made.plan, "maturityScore");
    const level = namedAt(made.plan, "maturityLevel");
    // The user moved the practice score to the last cell of the scorecard's used range.
    const used = made.readBack.sheets.find((s) => s.name === score.sheet.name)?.used;
    const corner = (used?.address ?? "").split(":")[1];
    let edited = typedOver(made.readBack, score.sheet.name, corner, 0.77);
    const absolute = corner.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    edited = withName(edited, "PracticeMaturityScore", `='${score.sheet.name}'!${absolute}`);
    edited = withName(edited, "TeamActualYTD", null);
    edited = withName(
      edited,
      "PracticeMaturityLevel",
      `=#REF!$B$${cellPosition(level.cell).row + 1}`
    );
    const after = read(edited);
    expect(after.maturity?.practiceScore).toEqual({
      value: 0.77,
      source: { file: FILE, sheet: score.sheet.name, cell: corner },
    });
    expect(after.budget?.actualYtd).toEqual({
      value: null,
      source: { file: FILE, sheet: actual.sheet.name, cell: actual.cell },
    });
    expect(after.maturity?.level.value).toBeNull();
    expect(after.notes).toContain(
      "Team budget: the defined name TeamActualYTD is gone, so it was not read."
    );
    expect(after.notes).toContain(
      "Maturity scorecard: the defined name PracticeMaturityLevel no longer points at a cell, so it was not read."
    );
  });

  it("notes a sheet, a table and a column that are gone, and reads the rest", () => {
    const edited: WorkbookReadBack = {
      ...made.readBack,
      sheets: made.readBack.sheets.map((s) =>
        s.name === "Staffing plan" ? { ...s, used: null } : s
      ),
      tables: made.readBack.tables
        .filter((t) => t.name !== "BudgetLines")
        .map((t) =>
          t.name === "Kpis"
            ? { ...t, headers: t.headers.map((h) => (h === "Status" ? "RAG" : h)) }
            : t
        ),
    };
    const before = read(made.readBack);
    const after = read(edited);
    expect(
      after.staffing?.byModel.every((m) => m.fte.value === null && m.cost.value === null)
    ).toBe(true);
    expect(after.staffing?.cloudSpend.value).toBeNull();
    expect(after.budget?.byCategory).toEqual([]);
    expect(after.budget?.budget).toEqual(before.budget?.budget);
    expect(after.kpis.every((k) => k.status.value === null)).toBe(true);
    expect(after.kpis.map((k) => k.latestValue)).toEqual(before.kpis.map((k) => k.latestValue));
    expect(after.maturity).toEqual(before.maturity);
    expect(after.notes).toEqual(
      expect.arrayContaining([
        "Staffing plan: the sheet Staffing plan is gone.",
        "Team budget: the table BudgetLines was not found on Team budget.",
        'KPI tracker and savings ledger: the column "Status" of the table Kpis was not found.',
      ])
    );
  });

  it("leaves out a template whose store row's options were edited into nonsense, reading the others", () => {
    const templates = made.readBack.templates.map((t) =>
      t.record.templateId === "staffing-plan"
        ? { ...t, record: { ...t.record, options: { organisation: 42 } as never } }
        : t
    );
    const after = read({ ...made.readBack, templates });
    expect(after.staffing).toBeUndefined();
    expect(after.missingTemplates).toEqual(["staffing-plan"]);
    expect(after.notes).toContain(
      "Staffing plan was not read: its recorded options have no usable organisation, currency, firstPeriod, teamModel, fiscalYearStartMonth, periods."
    );
    expect(after.maturity?.practiceScore.value).not.toBeNull();
  });
});

// Property: any mix of damage gives a submission or a plain refusal, never an exception caught as
// "could not be read", and every figure read is a finite number or blank with a source in the file.
describe("readSubmission on randomly damaged read-backs", () => {
  const cellValue = fc.oneof(
    fc.constantFrom<RawCell>("", "n/a", "#REF!", "#N/A", "#DIV/0!", true, false, "=SUM(A1)"),
    fc.double({ noNaN: false }),
    fc.string({ maxLength: 8 })
  );
  const damage = fc.oneof(
    fc.record({ kind: fc.constant("sheetGone" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("cell" as const),
      at: fc.nat(),
      row: fc.nat({ max: 120 }),
      column: fc.nat({ max: 40 }),
      value: cellValue,
    }),
    fc.record({ kind: fc.constant("nameGone" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("nameBroken" as const),
      at: fc.nat(),
      formula: fc.constantFrom("=#REF!$B$3", "=Sheet9!A1:B2", "=1+1", ""),
    }),
    fc.record({ kind: fc.constant("tableGone" as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant("header" as const),
      at: fc.nat(),
      column: fc.nat({ max: 40 }),
      text: fc.string({ maxLength: 6 }),
    }),
    fc.record({ kind: fc.constant("options" as const), at: fc.nat(), options: fc.anything() }),
    fc.record({
      kind: fc.constant("version" as const),
      at: fc.nat(),
      version: fc.integer({ min: -1, max: 7 }),
    })
  );
  type Damage = typeof damage extends fc.Arbitrary<infer D> ? D : never;

  function damaged(readBack: WorkbookReadBack, d: Damage): WorkbookReadBack {
    const pick = <T>(list: readonly T[]) => list[d.at % Math.max(list.length, 1)];
    switch (d.kind) {
      case "sheetGone": {
        const sheet = pick(readBack.sheets);
        return {
          ...readBack,
          sheets: readBack.sheets.map((s) => (s === sheet ? { ...s, used: null } : s)),
        };
      }
      case "cell": {
        const sheet = pick(readBack.sheets);
        if (!sheet?.used) return readBack;
        const origin = cellPosition(sheet.used.address.split(":")[0]);
        const address = `${String.fromCharCode(65 + (origin.column + (d.column % 26)))}${origin.row + 1 + d.row}`;
        return typedOver(readBack, sheet.name, address, d.value);
      }
      case "nameGone":
        return { ...readBack, names: readBack.names.filter((n) => n !== pick(readBack.names)) };
      case "nameBroken": {
        const name = pick(readBack.names);
        return {
          ...readBack,
          names: readBack.names.map((n) => (n === name ? { ...n, formula: d.formula } : n)),
        };
      }
      case "tableGone":
        return { ...readBack, tables: readBack.tables.filter((t) => t !== pick(readBack.tables)) };
      case "header": {
        const table = pick(readBack.tables);
        return {
          ...readBack,
          tables: readBack.tables.map((t) =>
            t === table
              ? {
                  ...t,
                  headers: t.headers.map((h, i) =>
                    i === d.column % t.headers.length ? d.text : h
                  ),
                }
              : t
          ),
        };
      }
      case "options":
      case "version": {
        const template = pick(readBack.templates);
        const record =
          d.kind === "options"
            ? { ...template.record, options: d.options as never }
            : { ...template.record, version: d.version };
        return {
          ...readBack,
          templates: readBack.templates.map((t) => (t === template ? { ...t, record } : t)),
        };
      }
    }
  }

  /** Every { value, source } in a submission. */
  function sourced(x: unknown): { value: unknown; source: { file: string } }[] {
    if (typeof x !== "object" || x === null) return [];
    if ("value" in x && "source" in x) return [x as { value: unknown; source: { file: string } }];
    return Object.values(x).flatMap(sourced);
  }

  it("gives a submission or a refusal in plain words", () => {
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 12 }), (damages) => {
        const readBack = damages.reduce(damaged, made.readBack);
        const result = readSubmission(FILE, readBack);
        if (isRefused(result)) {
          expect(result.reason).not.toMatch(/^it could not be read/);
          return;
        }
        for (const figure of sourced(result)) {
          expect(figure.source.file).toBe(FILE);
          if (typeof figure.value === "number") expect(Number.isFinite(figure.value)).toBe(true);
        }
      }),
      { numRuns: 40 }
    );
  });
});
