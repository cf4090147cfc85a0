import fc from "fast-check";
import { FocusGrouping, FocusImport, FocusVersion } from "../../src/domain/focus/focusTypes";
import { Row, file, focusFile } from "./focusFiles";
import { importText } from "./focusRows";

// Generated FOCUS files (fast-check): one per version 1.0 to 1.3 with random rows whose expected sums
// the test works out itself; the same bytes cut into chunks anywhere (inside multi-byte UTF-8
// characters and quoted fields) give the same import; and the aggregates add up to the valid rows.
// FINOPS_PROPERTY_RUNS raises the runs.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 60);

/** What the import must give, worked out from the rows (not from the file). */
function expectedTotals(rows: Row[]) {
  const totals = new Map<
    string,
    {
      rows: number;
      billed: number;
      effective: number;
      list: number;
      contracted: number;
      used: number;
      unused: number;
      covered: number;
      onDemand: number;
      hubsList: number;
      hubsSavings: number;
    }
  >();
  for (const r of rows) {
    if (r.broken) continue;
    const key = `2026-0${r.month} ${r.currency}`;
    const t = totals.get(key) ?? {
      rows: 0,
      billed: 0,
      effective: 0,
      list: 0,
      contracted: 0,
      used: 0,
      unused: 0,
      covered: 0,
      onDemand: 0,
      hubsList: 0,
      hubsSavings: 0,
    };
    t.rows++;
    t.billed += r.billed;
    t.effective += r.effective;
    // A purchase or tax with EffectiveCost 0 adds only its billed cost; unused commitment adds no
    // list or contracted cost (docs/FOCUS.md, double counting and unused commitment).
    const prepaid = r.category !== "Usage" && r.effective === 0;
    if (!prepaid && r.status !== "Unused") {
      t.list += r.list;
      t.contracted += r.contracted;
    }
    if (r.status === "Used") {
      t.used += r.effective;
      t.covered += r.list;
    } else if (r.status === "Unused") t.unused += r.effective;
    else if (r.category === "Usage" && r.pricing === "Standard") t.onDemand += r.list;
    // The hubs: every row but prepayments; savings per row, never below 0, none without a list price.
    if (!prepaid) {
      t.hubsList += r.list;
      if (r.list > 0 && r.list > r.effective) t.hubsSavings += r.list - r.effective;
    }
    totals.set(key, t);
  }
  return totals;
}

describe.each<FocusVersion>(["1.0", "1.1", "1.2", "1.3"])(
  "a generated FOCUS %s file",
  (version) => {
    test("is detected as its version, with no missing columns, and sums as worked out", () => {
      fc.assert(
        fc.property(file, ({ rows, order, newline }) => {
          const result = importText(focusFile(version, rows, order, newline));
          expect(result.versions).toEqual([
            { file: "cost.csv", version, delimiter: ",", decimalMark: "." },
          ]);
          expect(result.issues.filter((i) => /requires columns/.test(i.message))).toEqual([]);
          const broken = rows.filter((r) => r.broken).length;
          expect(result.rowsRead).toBe(rows.length);
          expect(result.rowsSkipped).toBe(broken);
          const expected = expectedTotals(rows);
          expect(result.aggregates.map((a) => `${a.month} ${a.currency}`)).toEqual(
            [...expected.keys()].sort()
          );
          for (const a of result.aggregates) {
            const t = expected.get(`${a.month} ${a.currency}`)!;
            expect(a.rows).toBe(t.rows);
            expect(a.billedCost).toBeCloseTo(t.billed / 100, 6);
            expect(a.effectiveCost).toBeCloseTo(t.effective / 100, 6);
            expect(a.listCost).toBeCloseTo(t.list / 100, 6);
            expect(a.contractedCost).toBeCloseTo(t.contracted / 100, 6);
            expect(a.commitmentUsedCost).toBeCloseTo(t.used / 100, 6);
            expect(a.commitmentUnusedCost).toBeCloseTo(t.unused / 100, 6);
            expect(a.commitmentCoveredCost).toBeCloseTo(t.covered / 100, 6);
            expect(a.commitmentEligibleCost).toBeCloseTo((t.covered + t.onDemand) / 100, 6);
            expect(a.hubsListCost).toBeCloseTo(t.hubsList / 100, 6);
            expect(a.hubsTotalSavings).toBeCloseTo(t.hubsSavings / 100, 6);
          }
        }),
        { numRuns: RUNS }
      );
    });
  }
);

const groupings: FocusGrouping[] = [
  { by: "month" },
  { by: "subAccount" },
  { by: "serviceCategory" },
  { by: "tag", key: "team" },
];

test("cutting a file's bytes anywhere (inside UTF-8 characters and quoted fields) changes nothing", () => {
  fc.assert(
    fc.property(
      file,
      fc.constantFrom(...groupings),
      fc.array(fc.nat(), { maxLength: 12 }),
      fc.boolean(),
      (f, grouping, cutSeeds, bom) => {
        const text = (bom ? "\ufeff" : "") + focusFile("1.3", f.rows, f.order, f.newline);
        const bytes = new TextEncoder().encode(text);
        const cuts = cutSeeds.map((seed) => seed % bytes.length);
        const whole: FocusImport = importText(bytes, grouping);
        expect(importText(bytes, grouping, cuts)).toEqual(whole);
        // One byte at a time: every cut there is.
        if (bytes.length < 3000 && cutSeeds.length === 0) {
          const everywhere = Array.from({ length: bytes.length }, (_, i) => i);
          expect(importText(bytes, grouping, everywhere)).toEqual(whole);
        }
      }
    ),
    { numRuns: RUNS }
  );
});

test("a row of the wrong width read again after a chunk boundary keeps all its fields", () => {
  const text =
    "BilledCost,ChargePeriodStart,EffectiveCost,X\n1,2026-01-01,1,Zürich,5\n1,2026-01-01,1,a\n";
  const bytes = new TextEncoder().encode(text);
  const whole = importText(bytes);
  expect(whole.issues[1].message).toMatch(/Line 2 has 5 fields where the header has 4/);
  for (let cut = 1; cut < bytes.length; cut++) {
    expect(importText(bytes, { by: "month" }, [cut])).toEqual(whole);
  }
});

test("the aggregates add up to the totals of the valid rows, whatever the grouping", () => {
  fc.assert(
    fc.property(file, fc.constantFrom(...groupings), (f, grouping) => {
      const result = importText(focusFile("1.0", f.rows, f.order, f.newline), grouping);
      const valid = f.rows.filter((r) => !r.broken);
      const sum = (pick: (a: FocusImport["aggregates"][number]) => number) =>
        result.aggregates.reduce((total, a) => total + pick(a), 0);
      expect(sum((a) => a.rows)).toBe(valid.length);
      expect(sum((a) => a.rows)).toBe(result.rowsRead - result.rowsSkipped);
      const cents = (pick: (r: Row) => number) => valid.reduce((t, r) => t + pick(r), 0) / 100;
      expect(sum((a) => a.billedCost)).toBeCloseTo(
        cents((r) => r.billed),
        6
      );
      expect(sum((a) => a.effectiveCost)).toBeCloseTo(
        cents((r) => r.effective),
        6
      );
      if (grouping.by === "tag") {
        // Allocation: the effective cost of the rows carrying the key.
        expect(sum((a) => a.allocatedCost)).toBeCloseTo(
          cents((r) => (r.team === null ? 0 : r.effective)),
          6
        );
      }
    }),
    { numRuns: RUNS }
  );
});
