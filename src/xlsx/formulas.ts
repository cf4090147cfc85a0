import ExcelJS from "exceljs";
import { CellValue, isErrorValue } from "../domain/cellValue";
import { PlannedCell } from "../workbook/plan";

/**
 * Formula text and cell values as an .xlsx file stores them. Office.js takes formulas as a user types
 * them; a file holds Excel's storage form, which differs in three ways handled here: no leading "=",
 * functions newer than Excel 2007 carry the `_xlfn.` prefix, and add-in custom functions are stored as
 * `_xldudf_<NAMESPACE>_<NAME>` (Excel maps them back to FINOPS.NAME when the add-in loads; a plain
 * `FINOPS.NAME(` written outside Excel may stay #NAME? until each formula is re-entered).
 */

/** Functions added after Excel 2007: unprefixed in a file they are #NAME? (LibreOffice) or unreliable (Excel). */
const NEEDS_XLFN = new Set(
  (
    "AGGREGATE ARABIC BASE BETA.DIST BETA.INV BINOM.DIST BINOM.DIST.RANGE BINOM.INV BITAND BITLSHIFT " +
    "BITOR BITRSHIFT BITXOR CEILING.MATH CEILING.PRECISE CHISQ.DIST CHISQ.DIST.RT CHISQ.INV CHISQ.INV.RT " +
    "CHISQ.TEST COMBINA CONCAT CONFIDENCE.NORM CONFIDENCE.T COT COTH COVARIANCE.P COVARIANCE.S CSC CSCH " +
    "DAYS DECIMAL ENCODEURL ERF.PRECISE ERFC.PRECISE EXPON.DIST F.DIST F.DIST.RT F.INV F.INV.RT F.TEST " +
    "FILTERXML FLOOR.MATH FLOOR.PRECISE FORECAST.ETS FORECAST.ETS.CONFINT FORECAST.ETS.SEASONALITY " +
    "FORECAST.ETS.STAT FORECAST.LINEAR FORMULATEXT GAMMA GAMMA.DIST GAMMA.INV GAMMALN.PRECISE GAUSS " +
    "HYPGEOM.DIST IFNA IFS IMCOSH IMCOT IMCSC IMCSCH IMSEC IMSECH IMSINH IMTAN ISFORMULA ISO.CEILING " +
    "ISOWEEKNUM LOGNORM.DIST LOGNORM.INV MAXIFS MINIFS MODE.MULT MODE.SNGL MUNIT NEGBINOM.DIST " +
    "NETWORKDAYS.INTL NORM.DIST NORM.INV NORM.S.DIST NORM.S.INV NUMBERVALUE PDURATION PERCENTILE.EXC " +
    "PERCENTILE.INC PERCENTRANK.EXC PERCENTRANK.INC PERMUTATIONA PHI POISSON.DIST QUARTILE.EXC " +
    "QUARTILE.INC RANK.AVG RANK.EQ RRI SEC SECH SHEET SHEETS SKEW.P STDEV.P STDEV.S SWITCH T.DIST " +
    "T.DIST.2T T.DIST.RT T.INV T.INV.2T T.TEST TEXTJOIN UNICHAR UNICODE VAR.P VAR.S WEBSERVICE " +
    "WEIBULL.DIST WORKDAY.INTL XOR Z.TEST"
  ).split(" ")
);

/**
 * Dynamic-array and lambda functions need more than a prefix in a file (array metadata, `_xlpm.`
 * parameters) and neither Excel 2016/2019 nor LibreOffice 7.4 has them: refuse rather than write a
 * file that shows #NAME?.
 */
const NOT_WRITABLE = new Set(
  (
    "XLOOKUP XMATCH FILTER SORT SORTBY UNIQUE SEQUENCE RANDARRAY LET LAMBDA MAP REDUCE SCAN MAKEARRAY " +
    "BYROW BYCOL CHOOSECOLS CHOOSEROWS DROP TAKE EXPAND HSTACK VSTACK TOCOL TOROW WRAPCOLS WRAPROWS " +
    "TEXTSPLIT TEXTBEFORE TEXTAFTER ISOMITTED"
  ).split(" ")
);

const ADDIN_NAMESPACE = "FINOPS.";
const IDENTIFIER = /[A-Za-z_\\][A-Za-z0-9_.]*/y;

/** A formula's storage form: without "=", with `_xlfn.` and `_xldudf_` names. Text in quotes and brackets is left alone. */
export function fileFormula(formula: string): string {
  return renameFunctions(formula.startsWith("=") ? formula.slice(1) : formula, functionName);
}

/**
 * A stored formula as Office.js and a user see it: the inverse of fileFormula ("=" first, `_xlfn.`
 * dropped, `_xldudf_FINOPS_NAME(` back to `FINOPS.NAME(`). Excel saves formulas in this storage form
 * (ECMA-376 Part 1, 18.17; the `_xlfn.` prefix for functions newer than the file format, MS-XLSX
 * 2.2.2), and structured references in their full form (Table[[#This Row],[Col]]), which is also how
 * the planner writes them, so they pass unchanged.
 */
export function apiFormula(stored: string): string {
  return `=${renameFunctions(stored, typedName)}`;
}

/**
 * The formula with each function name (a name right before "(") passed through `rename`; string
 * literals, quoted sheet names and structured references (whose column names are not functions) are
 * copied as they are.
 */
function renameFunctions(body: string, rename: (name: string) => string): string {
  let out = "";
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"' || ch === "'") {
      // String literal or quoted sheet name; a doubled quote is an escaped one.
      let j = i + 1;
      while (j < body.length && !(body[j] === ch && body[j + 1] !== ch))
        j += body[j] === ch ? 2 : 1;
      out += body.slice(i, j + 1);
      i = j + 1;
    } else if (ch === "[") {
      // Structured reference, possibly nested ([[#This Row],[Actual]]); ' escapes the next character.
      let depth = 0;
      let j = i;
      for (; j < body.length; j += 1) {
        if (body[j] === "'") j += 1;
        else if (body[j] === "[") depth += 1;
        else if (body[j] === "]" && --depth === 0) break;
      }
      out += body.slice(i, j + 1);
      i = j + 1;
    } else if (/[A-Za-z_\\]/.test(ch)) {
      IDENTIFIER.lastIndex = i;
      const name = (IDENTIFIER.exec(body) as RegExpExecArray)[0];
      i += name.length;
      out += body[i] === "(" ? rename(name) : name;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** `_xlfn.IFS` -> `IFS`, `_xldudf_FINOPS_ESR` -> `FINOPS.ESR`; other names as they are. */
function typedName(name: string): string {
  if (/^_xlfn\./i.test(name)) return name.slice("_xlfn.".length);
  const udf = /^_xldudf_FINOPS_(.+)$/i.exec(name);
  return udf ? `${ADDIN_NAMESPACE}${udf[1]}` : name;
}

function functionName(name: string): string {
  const upper = name.toUpperCase();
  if (upper.startsWith(ADDIN_NAMESPACE))
    return `_xldudf_FINOPS_${name.slice(ADDIN_NAMESPACE.length)}`;
  if (NEEDS_XLFN.has(upper)) return `_xlfn.${name}`;
  if (NOT_WRITABLE.has(upper))
    throw new Error(
      `${upper} cannot be written to an .xlsx file that Excel 2016 and LibreOffice can open; use a portable formula.`
    );
  return name;
}

/** A cached formula result: what viewers that do not recalculate show. */
function cachedResult(value: CellValue): ExcelJS.CellFormulaValue["result"] {
  if (isErrorValue(value)) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  if (value === null || value === undefined) return undefined;
  // A non-finite number has no cell form: leave the result to the next recalculation.
  if (typeof value === "number" && !Number.isFinite(value)) return undefined;
  return value as string | number | boolean;
}

/**
 * What a planned cell holds in the file, or null for nothing (an empty input, or "" which the
 * Office.js adapter also leaves unwritten). Strings are stored as strings, never parsed, so "=x" and
 * "Jan 2026" stay text, as the Office.js adapter's ' prefix keeps them.
 */
export function fileValue(cell: PlannedCell): ExcelJS.CellValue {
  if (cell.formula !== undefined)
    return { formula: fileFormula(cell.formula), result: cachedResult(cell.expected) };
  const value = cell.value;
  if (value === null || value === undefined || value === "") return null;
  if (isErrorValue(value)) return { error: value.code as ExcelJS.CellErrorValue["error"] };
  if (typeof value === "number" && !Number.isFinite(value)) return null;
  return value as string | number | boolean;
}
