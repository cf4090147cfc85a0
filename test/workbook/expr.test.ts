import {
  add,
  column,
  col,
  countIf,
  div,
  finops,
  ifBlank,
  mul,
  name,
  nthLargestLabel,
  num,
  span,
  str,
  sub,
  sum,
  sumIf,
  sumWhereFilled,
} from "../../src/workbook/expr/expr";
import { renderFormula, FormulaContext } from "../../src/workbook/expr/renderFormula";
import { evaluate, EvaluationContext } from "../../src/workbook/expr/evaluate";
import { CellValue } from "../../src/domain/cellValue";

const names = {
  tableName: (t: string) => ({ lines: "Lines" })[t] ?? "",
  header: (_t: string, c: string) =>
    ({
      budget: "Budget",
      actual: "Actual",
      status: "Status",
      m1: "Jan",
      m3: "Mar",
      label: "Label",
    })[c] ?? c,
  definedName: (n: string) => ({ tol: "Tolerance" })[n] ?? "",
};
const addin: FormulaContext = { ...names, mode: "addin", table: "lines" };
const portable: FormulaContext = { ...names, mode: "portable", table: "lines" };

const rows: Record<string, CellValue>[] = [
  { budget: 100, actual: 120, status: "Over", m1: 1, m2: null, m3: 3, label: "a" },
  { budget: 200, actual: null, status: "On", m1: null, m2: 2, m3: null, label: "b" },
  { budget: 50, actual: 40, status: "over", m1: 5, m2: "x", m3: 0, label: "c" },
];
const context = (row?: Record<string, CellValue>): EvaluationContext => ({
  row,
  rowColumns: ["m1", "m2", "m3"],
  columnValues: (_t, c) => rows.map((r) => r[c] ?? null),
  nameValue: () => 0.05,
});

describe("formula expressions", () => {
  it("render structured references and brackets only where precedence needs them", () => {
    expect(renderFormula(sub(col("actual"), col("budget")), addin)).toBe(
      "=Lines[[#This Row],[Actual]]-Lines[[#This Row],[Budget]]"
    );
    expect(renderFormula(sub(num(1), sub(num(2), num(3))), addin)).toBe("=1-(2-3)");
    expect(renderFormula(mul(add(num(1), num(2)), num(3)), addin)).toBe("=(1+2)*3");
    expect(renderFormula(div(num(6), mul(num(2), num(3))), addin)).toBe("=6/(2*3)");
    expect(renderFormula(add(num(1), num(-2)), addin)).toBe("=1+(-2)");
    expect(renderFormula(sum(span("m1", "m3")), addin)).toBe(
      "=SUM(Lines[[#This Row],[Jan]:[Mar]])"
    );
    expect(renderFormula(countIf(column("lines", "status"), 'say "hi"'), addin)).toBe(
      '=COUNTIF(Lines[Status],"say ""hi""")'
    );
  });

  it("render FINOPS calls as add-in functions or as their native twins", () => {
    const status = finops("BUDGETSTATUS", col("budget"), col("actual"), name("tol"));
    expect(renderFormula(status, addin)).toBe(
      "=FINOPS.BUDGETSTATUS(Lines[[#This Row],[Budget]],Lines[[#This Row],[Actual]],Tolerance)"
    );
    const twin = renderFormula(status, portable);
    expect(twin).not.toContain("FINOPS.");
    expect(twin).toContain('"Over budget"');
    expect(twin).toContain("IF(ISBLANK(Tolerance),0.05,Tolerance)");
  });

  it("evaluate as Excel computes: blanks as 0 in arithmetic, errors passed on, text criteria case-insensitive", () => {
    expect(evaluate(sub(col("actual"), col("budget")), context(rows[0]))).toBe(20);
    expect(evaluate(sub(col("actual"), col("budget")), context(rows[1]))).toBe(-200);
    expect(evaluate(div(num(1), num(0)), context())).toEqual({ code: "#DIV/0!" });
    expect(evaluate(add(str("x"), num(1)), context())).toEqual({ code: "#VALUE!" });
    expect(evaluate(sum(span("m1", "m3")), context(rows[2]))).toBe(5);
    expect(evaluate(countIf(column("lines", "status"), "OVER"), context())).toBe(2);
    expect(evaluate(countIf(column("lines", "status"), col("status")), context(rows[1]))).toBe(1);
    expect(
      evaluate(sumIf(column("lines", "status"), "over", column("lines", "budget")), context())
    ).toBe(150);
    expect(
      evaluate(sumWhereFilled(column("lines", "budget"), column("lines", "actual")), context())
    ).toBe(150);
    expect(evaluate(ifBlank(col("actual"), str("none"), col("actual")), context(rows[1]))).toBe(
      "none"
    );
    expect(
      evaluate(nthLargestLabel(column("lines", "budget"), column("lines", "label"), 2), context())
    ).toBe("a");
    expect(
      evaluate(nthLargestLabel(column("lines", "budget"), column("lines", "label"), 4), context())
    ).toEqual({ code: "#NUM!" });
  });

  it("evaluate FINOPS calls through the domain, errors as values", () => {
    expect(
      evaluate(finops("BUDGETSTATUS", col("budget"), col("actual"), name("tol")), context(rows[0]))
    ).toBe("Over budget");
    expect(evaluate(finops("VARIANCEPCT", col("budget"), col("actual")), context(rows[1]))).toEqual(
      { code: "#N/A" }
    );
    expect(evaluate(finops("FTE", span("m1", "m3")), context(rows[2]))).toEqual({
      code: "#VALUE!",
    });
  });
});
