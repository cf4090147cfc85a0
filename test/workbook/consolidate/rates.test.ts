import { carriedRates, missingRatesNote } from "../../../src/workbook/consolidate/rates";
import { threeDepartments } from "../rollup/threeDepartments";

describe("rates carried into the next roll-up", () => {
  const typed = { rates: { EUR: 1.1, USD: 1 }, ratesTo: "USD" };

  it("keeps rates typed for a roll-up in the same currency", () => {
    expect(carriedRates(typed, "USD")).toEqual({ EUR: 1.1, USD: 1 });
  });

  it("drops them when the new roll-up is in another currency: they would convert to the wrong one", () => {
    expect(carriedRates(typed, "EUR")).toEqual({});
    expect(carriedRates({ rates: {}, ratesTo: null }, "USD")).toEqual({});
  });
});

describe("departments no rate converts yet", () => {
  const { submissions } = threeDepartments();

  it("names each department in another currency without a rate", () => {
    const note = missingRatesNote(submissions, "USD", {});
    const europe = submissions.find((s) => s.currency === "EUR");
    expect(note).toContain(`"${europe?.department}" (EUR)`);
    expect(note).toContain("Rate to USD column");
    // The USD departments need no rate.
    for (const s of submissions.filter((d) => d.currency === "USD"))
      expect(note).not.toContain(s.department);
  });

  it("says nothing once every currency has a rate", () => {
    expect(missingRatesNote(submissions, "USD", { EUR: 1.1 })).toBeUndefined();
  });

  it("counts a zero rate as missing", () => {
    expect(missingRatesNote(submissions, "USD", { EUR: 0 })).toBeDefined();
  });
});
