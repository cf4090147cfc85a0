import { FocusAggregate } from "../../src/domain/focus/focusTypes";
import { importText } from "./focusRows";

// The aggregation rules of docs/FOCUS.md on hand-made files, each with its arithmetic. Columns are
// FOCUS's; only those the rule needs are present (the missing-column warning is expected).

const HEADER =
  "ChargePeriodStart,ChargeCategory,PricingCategory,CommitmentDiscountId,CommitmentDiscountStatus,BilledCost,EffectiveCost,ListCost,ContractedCost,BillingCurrency";

function month(...rows: string[]): FocusAggregate {
  const result = importText([HEADER, ...rows].join("\n") + "\n");
  expect(result.rowsSkipped).toBe(0);
  expect(result.aggregates).toHaveLength(1);
  return result.aggregates[0];
}

const row = (
  category: string,
  pricing: string,
  commitment: string,
  status: string,
  billed: number,
  effective: number,
  list: number,
  contracted: number | string
) =>
  `2026-03-01T00:00:00Z,${category},${pricing},${commitment},${status},${billed},${effective},${list},${contracted},USD`;

describe("FOCUS aggregation rules", () => {
  it("measures coverage on one basis, list cost (the on-demand equivalent)", () => {
    // 100 hours at 1.00 list covered by a commitment at 40% off (effective 60), 100 hours on demand at
    // list (effective 100). At list: covered 100 of eligible 100 + 100 = 50%, as the hours say. Mixing
    // bases (60 covered at effective against 100 on demand) would read 60 / 160 = 37.5%.
    const a = month(
      row("Purchase", "Committed", "ri-1", "", 60, 0, 100, 100),
      row("Usage", "Committed", "ri-1", "Used", 0, 60, 100, 100),
      row("Usage", "Standard", "", "", 100, 100, 100, 100)
    );
    expect(a.commitmentCoveredCost).toBe(100);
    expect(a.commitmentEligibleCost).toBe(200);
    expect(a.commitmentCoverage).toBe(0.5);
    // Savings: list 100 + 100 (the purchase left out), effective 60 + 100: 40, ESR 40 / 200 = 20%.
    expect([a.listCost, a.effectiveCost, a.totalSavings]).toEqual([200, 160, 40]);
    expect(a.effectiveSavingsRate).toBeCloseTo(0.2, 12);
  });

  it("leaves unused commitment out of the list base, so waste lowers savings and ESR", () => {
    // A commitment of 50 effective, 30 used (list 60) and 20 unused (list 40); 40 on demand at list.
    // List base: 60 + 40 = 100 (the unused 40 is not usage anyone would have bought on demand).
    // Effective: 30 + 20 + 40 = 90. Savings 10, ESR 10%. Counting the unused list would give 50 / 140.
    const a = month(
      row("Purchase", "Committed", "sp-1", "", 50, 0, 100, 100),
      row("Usage", "Committed", "sp-1", "Used", 0, 30, 60, 60),
      row("Usage", "Committed", "sp-1", "Unused", 0, 20, 40, 40),
      row("Usage", "Standard", "", "", 40, 40, 40, 40)
    );
    expect([a.listCost, a.contractedCost, a.effectiveCost]).toEqual([100, 100, 90]);
    expect(a.totalSavings).toBe(10);
    expect(a.effectiveSavingsRate).toBeCloseTo(0.1, 12);
    expect([a.commitmentUsedCost, a.commitmentUnusedCost, a.commitmentUtilisation]).toEqual([
      30, 20, 0.6,
    ]);
    // The hubs' rule keeps the unused row's list: (60-30) + (40-20) + 0 = 50 over 60 + 40 + 40 = 140.
    expect(a.hubsTotalSavings).toBe(50);
    expect(a.hubsEffectiveSavingsRate).toBeCloseTo(50 / 140, 12);
  });

  it("leaves the tax on a commitment purchase out with the purchase", () => {
    // Upfront purchase B 1,200 E 0 with tax B 240 E 0 (both amortised into the usage); used E 1,200
    // list 2,000; an ordinary tax line B 10 E 10 L 10 stays in: list 2,000 + 10, effective 1,200 + 10.
    const a = month(
      row("Purchase", "Committed", "ri-2", "", 1200, 0, 2000, 2000),
      row("Tax", "", "ri-2", "", 240, 0, 240, 240),
      row("Usage", "Committed", "ri-2", "Used", 0, 1200, 2000, 2000),
      row("Tax", "", "", "", 10, 10, 10, 10)
    );
    expect(a.billedCost).toBe(1200 + 240 + 10);
    expect([a.listCost, a.contractedCost, a.effectiveCost]).toEqual([2010, 2010, 1210]);
    expect(a.totalSavings).toBe(800);
    expect(a.effectiveSavingsRate).toBeCloseTo(800 / 2010, 12);
  });

  it("prices a missing ContractedCost at list, so negotiated savings are not the whole list cost", () => {
    // FOCUS: "If negotiated discounts are not applicable, the Contracted Cost defaults to the List Cost".
    const noColumn = importText(
      "ChargePeriodStart,ChargeCategory,BilledCost,EffectiveCost,ListCost,BillingCurrency\n" +
        "2026-03-01,Usage,80,80,100,USD\n"
    );
    const [a] = noColumn.aggregates;
    expect([a.listCost, a.contractedCost, a.negotiatedSavings, a.commitmentSavings]).toEqual([
      100, 100, 0, 20,
    ]);
    expect(noColumn.issues[0].message).toContain("ContractedCost");
    // A row without a value (NULL or empty) is priced at its list too; one with a value keeps it.
    const b = month(
      row("Usage", "Standard", "", "", 80, 80, 100, "NULL"),
      row("Usage", "Standard", "", "", 45, 45, 50, ""),
      row("Usage", "Standard", "", "", 90, 90, 100, 90)
    );
    expect([b.listCost, b.contractedCost, b.negotiatedSavings]).toEqual([250, 240, 10]);
  });

  it("reports negative savings as they are, where the hubs' rule clamps each row at 0", () => {
    // A row billed above list (a price rise not yet in the list): ours -20; the hubs' 0.
    const a = month(row("Usage", "Standard", "", "", 120, 120, 100, 100));
    expect(a.totalSavings).toBe(-20);
    expect(a.effectiveSavingsRate).toBeCloseTo(-0.2, 12);
    expect([a.hubsTotalSavings, a.hubsEffectiveSavingsRate]).toEqual([0, 0]);
  });
});
