import { CellValue } from "../../src/domain/cellValue";
import { evaluate, EvaluationContext } from "../../src/workbook/expr/evaluate";
import { changeSinceRecorded, col, column, columnRange, name } from "../../src/workbook/expr/expr";
import { renderFormula } from "../../src/workbook/expr/renderFormula";

// A history of two capabilities (headers "Alpha" and "Beta") and a capability row scored 0.7 now.
const HEADERS: Record<string, string> = { date: "Date", a: "Alpha", b: "Beta" };
const change = (label: CellValue, before: CellValue, history: Record<string, CellValue>[]) => {
  const context: EvaluationContext = {
    row: { score: 0.7, capability: label },
    columnValues: (_t, c) => history.map((r) => r[c] ?? null),
    tableColumns: () => ["date", "a", "b"],
    columnHeader: (_t, c) => HEADERS[c],
    nameValue: () => before,
  };
  return evaluate(
    changeSinceRecorded(
      col("score"),
      col("capability"),
      columnRange("history", "a", "b"),
      column("history", "date"),
      name("date")
    ),
    context
  );
};

describe("changeSinceRecorded", () => {
  const history = [
    { date: 100, a: 0.4, b: 0.1 },
    { date: 200, a: 0.5, b: null },
    { date: 300, a: 0.9, b: 0.9 },
  ];

  it("takes the latest record before the date, of the column headed by the label", () => {
    expect(change("Alpha", 300, history)).toBeCloseTo(0.2, 12);
    expect(change("alpha", 250, history)).toBeCloseTo(0.2, 12);
    expect(change("Alpha", 301, history)).toBeCloseTo(-0.2, 12);
  });

  it("skips dates where the column is blank, and averages a date recorded twice", () => {
    expect(change("Beta", 300, history)).toBeCloseTo(0.6, 12);
    const twice = [...history, { date: 200, a: 0.3, b: null }];
    expect(change("Alpha", 300, twice)).toBeCloseTo(0.3, 12);
  });

  it('is "" with nothing recorded before, or no column headed by the label', () => {
    expect(change("Alpha", 100, history)).toBe("");
    expect(change("Gamma", 300, history)).toBe("");
    expect(change(null, 300, history)).toBe("");
    expect(change("Alpha", 300, [])).toBe("");
  });

  it("passes on a date that is text or an error, as the formula does", () => {
    expect(change("Alpha", 300, [...history, { date: "soon", a: 0.2 }])).toEqual({
      code: "#VALUE!",
    });
    expect(change("Alpha", 300, [{ date: { code: "#REF!" }, a: 0.2 }])).toEqual({
      code: "#REF!",
    });
  });

  it("renders with functions Excel 2016 and LibreOffice share (no MAXIFS)", () => {
    const formula = renderFormula(
      changeSinceRecorded(
        col("score"),
        col("capability"),
        columnRange("history", "a", "b"),
        column("history", "date"),
        name("date")
      ),
      {
        mode: "portable",
        table: "caps",
        tableName: (t) => (t === "caps" ? "Caps" : "History"),
        header: (_t, c) => HEADERS[c] ?? (c === "score" ? "Score" : "Capability"),
        definedName: () => "AssessedOn",
      }
    );
    const label = "Caps[[#This Row],[Capability]]";
    const headers = "History[[#Headers],[Alpha]:[Beta]]";
    const recorded = `INDEX(History[[Alpha]:[Beta]],0,MATCH(${label},${headers},0))`;
    const latest = `SUMPRODUCT(MAX((History[Date]<AssessedOn)*(${recorded}<>"")*History[Date]))`;
    const rows = `--(History[Date]=${latest}),--(${recorded}<>"")`;
    expect(formula).toBe(
      `=IF(ISNUMBER(MATCH(${label},${headers},0)),IF(${latest}=0,"",Caps[[#This Row],[Score]]-SUMPRODUCT(${rows},${recorded})/SUMPRODUCT(${rows})),"")`
    );
    expect(formula).not.toMatch(/MAXIFS|SUMIFS|COUNTIFS|AGGREGATE/);
  });
});
