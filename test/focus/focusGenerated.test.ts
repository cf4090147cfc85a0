import fc from "fast-check";
import { FOCUS_REQUIRED_COLUMNS } from "../../src/domain/focus/focusColumns";
import { FocusGrouping, FocusImport, FocusVersion } from "../../src/domain/focus/focusTypes";
import { importText } from "./focusRows";

// Generated FOCUS files (fast-check): one per version 1.0 to 1.3 with random rows whose expected sums
// the test works out itself; the same bytes cut into chunks anywhere (inside multi-byte UTF-8
// characters and quoted fields) give the same import; and the aggregates add up to the valid rows.
// FINOPS_PROPERTY_RUNS raises the runs.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 60);

/** A column each version introduced, so the file is detected as that version. */
const MARKER: Record<FocusVersion, string | null> = {
  "1.0": null,
  "1.1": "SkuMeter",
  "1.2": "InvoiceId",
  "1.3": "ServiceProviderName",
};

interface Row {
  day: number;
  month: number;
  currency: "USD" | "EUR";
  category: "Usage" | "Purchase" | "Tax";
  status: "" | "Used" | "Unused";
  pricing: "Standard" | "Committed";
  /** Amounts in cents, written with two decimals. */
  billed: number;
  effective: number;
  list: number;
  contracted: number;
  service: string;
  sub: string;
  team: string | null;
  description: string;
  /** A bad amount or date, or a field too many: the row is left out. */
  broken: "" | "amount" | "date" | "width";
}

const text = fc.constantFrom(
  "Zürich",
  "東京",
  'Straße, "Nord"',
  "a\nb",
  "€ 5",
  "😀",
  "=1+1",
  "plain"
);
const row: fc.Arbitrary<Row> = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 3 }),
  currency: fc.constantFrom<"USD" | "EUR">("USD", "USD", "EUR"),
  category: fc.constantFrom<"Usage" | "Purchase" | "Tax">("Usage", "Usage", "Purchase", "Tax"),
  status: fc.constantFrom<"" | "Used" | "Unused">("", "Used", "Unused"),
  pricing: fc.constantFrom<"Standard" | "Committed">("Standard", "Committed"),
  billed: fc.integer({ min: -500, max: 100_000 }),
  effective: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 100_000 })),
  list: fc.integer({ min: 0, max: 100_000 }),
  contracted: fc.integer({ min: 0, max: 100_000 }),
  service: fc.constantFrom("Compute", "Storage", "Databases"),
  sub: fc.constantFrom("sub-1", "sub-2", "Zürich-Ω"),
  team: fc.option(text, { nil: null }),
  description: text,
  broken: fc.constantFrom<"" | "amount" | "date" | "width">(
    "",
    "",
    "",
    "",
    "amount",
    "date",
    "width"
  ),
});

const cents = (value: number) => (value / 100).toFixed(2);
const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** A FOCUS file of the version's required columns plus those the aggregation reads, in shuffled order. */
function focusFile(version: FocusVersion, rows: Row[], order: number[], newline: string): string {
  const columns = [
    ...new Set([
      ...FOCUS_REQUIRED_COLUMNS[version],
      ...(MARKER[version] ? [MARKER[version] as string] : []),
      "CommitmentDiscountStatus",
      "PricingCategory",
      "SubAccountId",
      "Tags",
    ]),
  ];
  const sorted = columns
    .map((column, i) => [column, order[i % order.length] ?? i] as const)
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .map(([column]) => column);
  const lines = [sorted.join(",")];
  for (const r of rows) {
    const values: Record<string, string> = {
      ChargePeriodStart:
        r.broken === "date"
          ? "4/1/25"
          : `2026-0${r.month}-${String(r.day).padStart(2, "0")}T00:00:00Z`,
      BilledCost: r.broken === "amount" ? '"$1,000.00"' : cents(r.billed),
      EffectiveCost: cents(r.effective),
      ListCost: cents(r.list),
      ContractedCost: cents(r.contracted),
      BillingCurrency: r.currency,
      ChargeCategory: r.category,
      CommitmentDiscountStatus: r.status,
      PricingCategory: r.pricing,
      ServiceCategory: r.service,
      SubAccountId: quoted(r.sub),
      ChargeDescription: quoted(r.description),
      Tags: quoted(
        JSON.stringify(r.team === null ? { env: "prod" } : { env: "prod", team: r.team })
      ),
    };
    const line = sorted.map((column) => values[column] ?? "x").join(",");
    lines.push(r.broken === "width" ? `${line},"one, too many"` : line);
  }
  return lines.join(newline) + newline;
}

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

const file = fc.record({
  rows: fc.array(row, { minLength: 1, maxLength: 40 }),
  order: fc.array(fc.nat(100), { minLength: 1, maxLength: 30 }),
  newline: fc.constantFrom("\n", "\r\n"),
});

describe.each<FocusVersion>(["1.0", "1.1", "1.2", "1.3"])(
  "a generated FOCUS %s file",
  (version) => {
    test("is detected as its version, with no missing columns, and sums as worked out", () => {
      fc.assert(
        fc.property(file, ({ rows, order, newline }) => {
          const result = importText(focusFile(version, rows, order, newline));
          expect(result.versions).toEqual([{ file: "cost.csv", version }]);
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
