import fc from "fast-check";
import { markShown, parseMarked } from "../../src/domain/focus/focusDecimals";
import { parseDecimal } from "../../src/domain/focus/focusValues";

// Numbers with either decimal mark (src/domain/focus/focusDecimals.ts): what each mark reads, and the
// mark a number shows on its own.

test("each mark reads its own numbers, the other mark only grouping thousands", () => {
  const cases: [string, number, number][] = [
    // text, read with ".", read with ","
    ["1234,56", NaN, 1234.56],
    ["1.234,56", NaN, 1234.56],
    ["-1.234.567,8", NaN, -1234567.8],
    [",5", NaN, 0.5],
    ["1,5E-3", NaN, 0.0015],
    ["1234.56", 1234.56, NaN],
    ["1,234.56", 1234.56, NaN],
    ["1.234", 1.234, 1234],
    ["1,234", 1234, 1.234],
    ["0.123", 0.123, NaN],
    ["12", 12, 12],
    ["12.34,5", NaN, NaN],
    ["1.2345,6", NaN, NaN],
    ["0.123,4", NaN, NaN],
    ["1,2,3", NaN, NaN],
    ["1 234,5", NaN, NaN],
    ["€1,5", NaN, NaN],
  ];
  expect(cases.map(([text]) => [text, parseMarked(text, "."), parseMarked(text, ",")])).toEqual(
    cases
  );
});

test("the mark a number shows: one, either (it reads two ways), or none", () => {
  expect(
    ["1,5", "0,123", "1.234,5", "1.234.567", "1.5", "1,234.5", "1,234,567", "1.234", "-12,345"].map(
      markShown
    )
  ).toEqual([",", ",", ",", ",", ".", ".", ".", "either", "either"]);
  expect(["12", "1e3", "abc", "1,2,3", ""].map(markShown)).toEqual([null, null, null, null, null]);
});

test("a number written with decimal commas and grouped thousands is the same double as FOCUS's form", () => {
  fc.assert(
    fc.property(fc.integer({ min: -1e13, max: 1e13 }), fc.nat(6), (units, decimals) => {
      const focus = (units / 10 ** decimals).toFixed(decimals);
      const [whole, fraction] = focus.split(".");
      const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ".");
      const excel = fraction === undefined ? grouped : `${grouped},${fraction}`;
      expect(parseMarked(excel, ",")).toBe(parseDecimal(focus));
    })
  );
});
