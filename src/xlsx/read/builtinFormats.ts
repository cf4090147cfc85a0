/**
 * Built-in number formats: a file names them only by numFmtId (ECMA-376 Part 1, 18.8.30 numFmt),
 * while Office.js's range.numberFormat gives Excel's format code. For ids 14, 22, 37-40 and 47
 * Excel's en-US codes differ from the standard's table; these are Excel's, as [MS-OI29500]
 * (Office Implementation Information for ISO/IEC 29500) 2.1.712 "Part 1 Section 18.8.30, numFmt"
 * lists them. The rest match the standard (and ExcelJS's lib/xlsx/defaultnumformats.js). Ids the
 * standard leaves out, such as 5-8, depend on the locale, and "shall follow the number format
 * specified by the formatCode attribute" saved in the file.
 */
const BUILTIN: Readonly<Partial<Record<number, string>>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yyyy", // the standard: mm-dd-yy
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yyyy h:mm", // the standard: m/d/yy h:mm
  // The standard drops the "_)" padding: #,##0 ;(#,##0) and so on.
  37: "#,##0_);(#,##0)",
  38: "#,##0_);[Red](#,##0)",
  39: "#,##0.00_);(#,##0.00)",
  40: "#,##0.00_);[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mm:ss.0", // the standard: mmss.0
  48: "##0.0E+0",
  49: "@",
};

/**
 * The en-US format code of a built-in numFmtId (ECMA-376 Part 1 18.8.30), undefined for ids that
 * are not built in.
 */
export function builtinFormat(id: number): string | undefined {
  return BUILTIN[id];
}
