import fc from "fast-check";
import {
  dateTimeText,
  fractionText,
  monthText,
  moneyText,
  percentText,
} from "../../src/workbook/displayText";

describe("one way to write a figure in a sentence", () => {
  it("money in whole units with the currency's symbol, or its code", () => {
    expect(moneyText(1234567.8, "USD")).toBe("$1,234,568");
    expect(moneyText(-40500.4, "EUR")).toBe("-€40,500");
    expect(moneyText(0, "GBP")).toBe("£0");
    expect(moneyText(1500, "CHF")).toBe("CHF\u00a01,500");
    // A code that is not a currency is never written into the text as one.
    expect(moneyText(1500, "<b>")).toBe("1,500");
  });

  it("a value that rounds to zero is written 0, never -0", () => {
    expect(fractionText(-0.00004)).toBe("0%");
    expect(fractionText(-0.0004, 1)).toBe("0%");
    expect(fractionText(-0.0005, 1)).toBe("-0.1%");
    expect(percentText(-0.004)).toBe("0%");
    expect(moneyText(-0.4, "USD")).toBe("$0");
    expect(moneyText(-0.4, "")).toBe("0");
    expect(moneyText(-0.6, "USD")).toBe("-$1");
  });

  it("fractions and percents the same way: 62% whether held as 0.62 or as 62", () => {
    expect(fractionText(0.615)).toBe("62%");
    expect(fractionText(0.0425, 1)).toBe("4.3%");
    expect(percentText(62)).toBe("62%");
    expect(percentText(23.456)).toBe("23.46%");
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), (whole) =>
        expect(fractionText(whole / 100)).toBe(percentText(whole))
      )
    );
  });

  it("months and times as the sheets spell them", () => {
    expect(monthText("2026-01")).toBe("Jan 2026");
    expect(monthText("2026-13")).toBe("2026-13");
    expect(dateTimeText("2026-12-07T07:05Z")).toBe("7 Dec 2026, 07:05 UTC");
    expect(dateTimeText("yesterday")).toBe("yesterday");
  });
});
