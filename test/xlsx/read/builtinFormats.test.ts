import { builtinFormat } from "../../../src/xlsx/read/builtinFormats";

// Built-in number formats (src/xlsx/read/builtinFormats.ts): the code Office.js reports for a
// numFmtId a file saves without a <numFmt>.

test("built-in ids give Excel's en-US codes, where Excel departs from the standard too", () => {
  const ids = [0, 1, 2, 4, 9, 10, 11, 13, 14, 18, 22, 37, 40, 46, 47, 49];
  expect(ids.map((id) => [id, builtinFormat(id)])).toEqual([
    [0, "General"],
    [1, "0"],
    [2, "0.00"],
    [4, "#,##0.00"],
    [9, "0%"],
    [10, "0.00%"],
    [11, "0.00E+00"],
    [13, "# ??/??"],
    [14, "m/d/yyyy"],
    [18, "h:mm AM/PM"],
    [22, "m/d/yyyy h:mm"],
    [37, "#,##0_);(#,##0)"],
    [40, "#,##0.00_);[Red](#,##0.00)"],
    [46, "[h]:mm:ss"],
    [47, "mm:ss.0"],
    [49, "@"],
  ]);
});

test("ids that are not built in, or locale-dependent, give undefined", () => {
  expect([5, 8, 23, 36, 41, 44, 50, 164, -1, 1.5].map(builtinFormat)).toEqual(
    Array(10).fill(undefined)
  );
});
