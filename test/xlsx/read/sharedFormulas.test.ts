import fc from "fast-check";
import { SharedFormulas, shiftFormula } from "../../../src/xlsx/read/sharedFormulas";
import { columnLetter } from "../../../src/workbook/addresses";

// Shared formulas (src/xlsx/read/sharedFormulas.ts): a filled cell's formula is its anchor's with
// the relative references moved, everything else left as written.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 500);
const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

type Case = [formula: string, rows: number, columns: number, expected: string];

function expectShifts(cases: Case[]) {
  expect(cases.map(([f, r, c]) => [f, r, c, shiftFormula(f, r, c)])).toEqual(cases);
}

describe("shiftFormula", () => {
  it("moves relative parts of cells and cell ranges, not $-fixed ones", () => {
    expectShifts([
      ["A1", 1, 0, "A2"],
      ["A1", 0, 1, "B1"],
      ["A5*B5", 2, 0, "A7*B7"],
      ["$A1", 2, 3, "$A3"],
      ["A$1", 2, 3, "D$1"],
      ["$A$1", 2, 3, "$A$1"],
      ["SUM(A1:B2)", 1, 1, "SUM(B2:C3)"],
      ["SUM($A1:B$2)", 1, 1, "SUM($A2:C$2)"],
      ["A1 B1", 1, 0, "A2 B2"],
      ["SUM(A1#)", 1, 0, "SUM(A2#)"],
      ["-A1%+@B2^C3&D4<>E5", 1, 1, "-B2%+@C3^D4&E5<>F6"],
      ["A1", 0, 0, "A1"],
    ]);
  });

  it("counts columns in letters up to XFD", () => {
    expectShifts([
      ["Z1", 0, 1, "AA1"],
      ["AZ1", 0, 1, "BA1"],
      ["ZZ1", 0, 1, "AAA1"],
      ["AAA1", 0, -1, "ZZ1"],
      ["XFC1", 0, 1, "XFD1"],
      ["A1048575", 1, 0, "A1048576"],
    ]);
  });

  it("moves whole columns and whole rows on their own axis only", () => {
    expectShifts([
      ["SUM(A:A)", 5, 2, "SUM(C:C)"],
      ["SUM($A:B)", 5, 2, "SUM($A:D)"],
      ["SUM(1:3)", 2, 5, "SUM(3:5)"],
      ["SUM($1:2)", 2, 5, "SUM($1:4)"],
      ["SUM($1:$2)", 2, 5, "SUM($1:$2)"],
      ["COUNTA(Data!B:B,Data!2:2)", 1, 1, "COUNTA(Data!C:C,Data!3:3)"],
    ]);
  });

  it("moves sheet-qualified and external references, leaving the sheet name alone", () => {
    expectShifts([
      ["Sheet1!A1", 1, 0, "Sheet1!A2"],
      ["'My sheet'!A1:B2", 1, 0, "'My sheet'!A2:B3"],
      ["'It''s'!B3*'A1'!C1", 1, 0, "'It''s'!B4*'A1'!C2"],
      ["'[Book A1.xlsx]B2'!C3+[1]Sheet1!A1", 0, 1, "'[Book A1.xlsx]B2'!D3+[1]Sheet1!B1"],
    ]);
  });

  it("gives #REF! for a reference moved off the sheet, the whole range at once", () => {
    expectShifts([
      ["A1", -1, 0, "#REF!"],
      ["A1", 0, -1, "#REF!"],
      ["SUM(A1:B5)", -1, 0, "SUM(#REF!)"],
      ["SUM(A2:B1048576)", 1, 0, "SUM(#REF!)"],
      ["Sheet1!A1+1", -1, 0, "Sheet1!#REF!+1"],
      ["XFD1", 0, 1, "#REF!"],
      ["A1048576", 1, 0, "#REF!"],
      ["A:A", 0, -1, "#REF!"],
      ["1:1", -1, 0, "#REF!"],
      ["$A$1+A1+$A1+A$1", -1, -1, "$A$1+#REF!+#REF!+#REF!"],
      ["$A$1", -5, -5, "$A$1"],
    ]);
  });

  it("leaves strings, structured references, functions, names and literals alone", () => {
    expectShifts([
      ['"A1"&A1', 1, 0, '"A1"&A2'],
      ['"say ""A1"" B2"&C3', 1, 0, '"say ""A1"" B2"&C4'],
      ['"A1', 1, 0, '"A1'],
      ["Table1[[#This Row],[Budget 2026]]*A1", 1, 0, "Table1[[#This Row],[Budget 2026]]*A2"],
      ["SUM(Tbl[Col A1])+Tbl1[B2]", 1, 0, "SUM(Tbl[Col A1])+Tbl1[B2]"],
      ["Tbl[Col'[A1']]+[@[B2]]+B1", 1, 0, "Tbl[Col'[A1']]+[@[B2]]+B2"],
      ["LOG10(A1)+ATAN2(A1,B1)+DAYS360(A1,B1)", 1, 0, "LOG10(A2)+ATAN2(A2,B2)+DAYS360(A2,B2)"],
      ["TeamBudgetYTD*Q1Target+Budget.A1", 1, 0, "TeamBudgetYTD*Q1Target+Budget.A1"],
      ["A1_x+éA1+A1\\x+A1?", 1, 0, "A1_x+éA1+A1\\x+A1?"],
      ["_xlfn.IFS(A1>0,1)", 1, 0, "_xlfn.IFS(A2>0,1)"],
      ["_xldudf_FINOPS_ESR(A1)", 1, 0, "_xldudf_FINOPS_ESR(A2)"],
      ["R1C1+RC+R2C3+RC[-1]", 1, 0, "R1C1+RC+R2C3+RC[-1]"],
      ["A1:R1C1+R1C1:A1", 1, 0, "A2:R1C1+R1C1:A2"],
      ["IF(TRUE,1E5,2.5)+FALSE+1E+5+{1,2;3,4}", 1, 1, "IF(TRUE,1E5,2.5)+FALSE+1E+5+{1,2;3,4}"],
      ["IFERROR(#REF!,A1)+#DIV/0!", 1, 0, "IFERROR(#REF!,A2)+#DIV/0!"],
      // Beyond column XFD or row 1048576 these are names, not cells.
      ["XFE1+A0+A1048577+A01", 1, 1, "XFE1+A0+A1048577+A01"],
      ["A1:XFE1+XFE1:A1+A:XFE", 1, 1, "B2:XFE1+XFE1:B2+A:XFE"],
    ]);
  });

  it("moves random references that stay on the sheet as expected, and back again", () => {
    const shift = fc.record({
      rows: fc.integer({ min: -2000, max: 2000 }),
      columns: fc.integer({ min: -50, max: 50 }),
    });
    // Each piece is [as written, once moved by the shift].
    const pieces = ({ rows, columns }: { rows: number; columns: number }) => {
      // 1-based positions that stay on the sheet once moved.
      const row = fc.integer({
        min: Math.max(1, 1 - rows),
        max: Math.min(MAX_ROW, MAX_ROW - rows),
      });
      const column = fc.integer({
        min: Math.max(1, 1 - columns),
        max: Math.min(MAX_COLUMN, MAX_COLUMN - columns),
      });
      const part = (n: fc.Arbitrary<number>, delta: number, write: (n: number) => string) =>
        fc.tuple(n, fc.boolean()).map(([at, fixed]): [string, string] => {
          const d = fixed ? "$" : "";
          return [d + write(at), d + write(fixed ? at : at + delta)];
        });
      const columnPart = part(column, columns, (n) => columnLetter(n - 1));
      const rowPart = part(row, rows, String);
      const join =
        (sep: string) =>
        (ends: [string, string][]): [string, string] => [
          ends.map((e) => e[0]).join(sep),
          ends.map((e) => e[1]).join(sep),
        ];
      const cell = fc.tuple(columnPart, rowPart).map(join(""));
      const sheet = fc.constantFrom("", "Sheet1!", "'My sheet'!", "'It''s'!", "[1]Costs!");
      const reference = fc
        .tuple(
          sheet,
          fc.oneof(
            cell,
            fc.tuple(cell, cell).map(join(":")),
            fc.tuple(columnPart, columnPart).map(join(":")),
            fc.tuple(rowPart, rowPart).map(join(":"))
          )
        )
        .map(([s, [a, b]]): [string, string] => [s + a, s + b]);
      const untouched = fc
        .constantFrom(
          '"A1"',
          '"x ""B2"""',
          "Table1[[#This Row],[Budget 2026]]",
          "Tbl[Col A1]",
          "LOG10(2)",
          "TeamBudgetYTD",
          "Q1Target",
          "_xlfn.IFS(TRUE,1)",
          "_xldudf_FINOPS_ESR()",
          "R1C1",
          "TRUE",
          "1E5",
          "2.5",
          "#REF!",
          "XFE1",
          "A0"
        )
        .map((t): [string, string] => [t, t]);
      return fc.array(fc.oneof(reference, reference, untouched), { minLength: 1, maxLength: 8 });
    };
    const separator = fc.constantFrom("+", "-", "*", "/", ",", " ", "&", "^", "=", "<>", ":");
    fc.assert(
      fc.property(
        shift.chain((s) => fc.tuple(fc.constant(s), pieces(s), separator)),
        ([{ rows, columns }, parts, sep]) => {
          const formula = parts.map((p) => p[0]).join(sep);
          const moved = parts.map((p) => p[1]).join(sep);
          expect(shiftFormula(formula, rows, columns)).toBe(moved);
          expect(shiftFormula(moved, -rows, -columns)).toBe(formula);
        }
      ),
      { numRuns: RUNS }
    );
  });
});

describe("SharedFormulas", () => {
  it("gives a cell of a fill the anchor's formula moved to it, nothing for an unknown si", () => {
    const shared = new SharedFormulas();
    shared.remember("0", "C5", "A5*B5");
    shared.remember("1", "B2", "SUM($A$1:A2)");
    expect(shared.formulaAt("0", "C5")).toBe("A5*B5");
    expect(shared.formulaAt("0", "C7")).toBe("A7*B7");
    expect(shared.formulaAt("0", "E5")).toBe("C5*D5");
    expect(shared.formulaAt("1", "D9")).toBe("SUM($A$1:C9)");
    expect(shared.formulaAt("2", "C7")).toBeUndefined();
  });
});
