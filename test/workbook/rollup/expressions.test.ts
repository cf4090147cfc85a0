import { CellValue } from "../../../src/domain/cellValue";
import {
  agg,
  col,
  column,
  compareCells,
  isNumber,
  span,
  str,
  sumProduct,
} from "../../../src/workbook/expr/expr";
import { evaluate, EvaluationContext } from "../../../src/workbook/expr/evaluate";
import { FormulaContext, renderFormula } from "../../../src/workbook/expr/renderFormula";

/**
 * The expressions the roll-up added (SUMPRODUCT with ISNUMBER and comparison factors, MEDIAN): the formula text they render and the value Excel computes from it, edge cases included.
 * test/engine/rollup.test.ts has LibreOffice recalculate them in the roll-up itself.
 */
const headers: Record<string, string> = { s1: "A", s3: "C", t1: "A target", t3: "C target" };
const render = (expr: Parameters<typeof renderFormula>[0]) =>
  renderFormula(expr, {
    mode: "portable",
    table: "heat",
    tableName: (t) => ({ heat: "Heat", depts: "Depts" })[t] ?? t,
    header: (_t, c) => headers[c] ?? c,
    definedName: (n) => n,
  } satisfies FormulaContext);

const depts: Record<string, CellValue[]> = {
  name: ["Finance", "Retail", "Europe"],
  rate: [1, null, 1.1],
  score: [0.5, "n/a", 0.8],
  spend: [10, 30, ""],
  error: [1, { code: "#DIV/0!" }, 3],
};
const context = (row: Record<string, CellValue> = {}): EvaluationContext => ({
  row,
  rowColumns: ["s1", "s2", "s3", "t1", "t2", "t3"],
  columnValues: (_t, c) => depts[c],
  nameValue: () => null,
});

describe("the roll-up's expressions", () => {
  it("render as Excel 2016 and LibreOffice share them", () => {
    expect(render(sumProduct(isNumber(column("depts", "score")), column("depts", "spend")))).toBe(
      "=SUMPRODUCT(--ISNUMBER(Depts[score]),Depts[spend])"
    );
    expect(render(sumProduct(compareCells(span("s1", "s3"), "<", span("t1", "t3"))))).toBe(
      "=SUMPRODUCT(--(Heat[[#This Row],[A]:[C]]<Heat[[#This Row],[A target]:[C target]]))"
    );
    expect(
      render(
        sumProduct(compareCells(column("depts", "name"), "=", col("name")), column("depts", "rate"))
      )
    ).toBe("=SUMPRODUCT(--(Depts[name]=Heat[[#This Row],[name]]),Depts[rate])");
    expect(render(agg("MEDIAN", column("depts", "score")))).toBe("=MEDIAN(Depts[score])");
  });

  it("SUMPRODUCT counts text and blanks 0, passes an error on and needs one shape", () => {
    expect(
      evaluate(sumProduct(column("depts", "score"), column("depts", "spend")), context())
    ).toBe(5);
    expect(
      evaluate(sumProduct(isNumber(column("depts", "score")), column("depts", "spend")), context())
    ).toBe(10);
    expect(
      evaluate(
        sumProduct(isNumber(column("depts", "rate")), isNumber(column("depts", "spend"))),
        context()
      )
    ).toBe(1);
    expect(evaluate(sumProduct(column("depts", "error")), context())).toEqual({ code: "#DIV/0!" });
    expect(evaluate(sumProduct(column("depts", "rate"), span("s1", "s3")), context({}))).toEqual({
      code: "#VALUE!",
    });
  });

  it("compares cell by cell as Excel does, blanks as 0 and text above numbers", () => {
    const row = { s1: 0.2, s2: null, s3: "x", t1: 0.5, t2: 0.5, t3: 0.5 };
    // 0.2 < 0.5; blank (0) < 0.5; text is never below a number.
    const below = compareCells(span("s1", "s3"), "<", span("t1", "t3"));
    expect(evaluate(sumProduct(below), context(row))).toBe(2);
    expect(evaluate(sumProduct(isNumber(span("s1", "s3")), below), context(row))).toBe(1);
  });

  it("matches a name exactly (any case): no wildcards, no leading operators", () => {
    const names = ["Ops*", "Ops EU", "<Shared>", "=Retail", "Retail", "A~B", "AB", "R?D", "R&D"];
    const rates = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const sumFor = (key: CellValue) =>
      evaluate(
        sumProduct(compareCells(column("t", "name"), "=", col("key")), column("t", "rate")),
        {
          row: { key },
          columnValues: (_t, c) => (c === "name" ? names : rates),
          nameValue: () => null,
        }
      );
    // COUNTIF/SUMIF would read "Ops*" as every name starting Ops, "<Shared>" as "less than", "=Retail"
    // as "Retail", "A~B" as "AB" and "R?D" as any three letters R_D.
    expect(names.map(sumFor)).toEqual(rates);
    expect(sumFor("ops*")).toBe(1);
    expect(sumFor("Sales")).toBe(0);
    // A blank equals "" and 0 only: no name is blank.
    expect(sumFor(null)).toBe(0);
    expect(
      evaluate(sumProduct(compareCells(column("depts", "error"), "=", str("x"))), context())
    ).toEqual({
      code: "#DIV/0!",
    });
  });

  it("MEDIAN takes the numbers only: the middle one, or the mean of the two middle ones", () => {
    const median = (values: CellValue[]) =>
      evaluate(agg("MEDIAN", column("depts", "v")), {
        columnValues: () => values,
        nameValue: () => null,
      });
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, "x", 1, null, 2, 3])).toBe(2.5);
    expect(median(["x", null])).toEqual({ code: "#NUM!" });
    expect(median([1, { code: "#REF!" }])).toEqual({ code: "#REF!" });
  });
});
