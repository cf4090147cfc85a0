import fc from "fast-check";
import { columnLetter, rangeBounds } from "../../../src/workbook/addresses";
import { mapReferences } from "../../../src/xlsx/read/formulaReferences";
import { Insertion, shiftAreas, shiftReferences } from "../../../src/xlsx/edit/shiftReferences";

// Cells inserted on a sheet (src/xlsx/edit/shiftReferences.ts): every reference into the cells
// that move moves with them, as Excel adjusts it; everything else stays byte for byte.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 500);
const MAX_ROW = 1048576;
const MAX_COLUMN = 16384;

/** Cells inserted at `cells` ("B5:C6": 2 rows in columns B-C from row 5), shifting the others down. */
function down(cells: string, sheet = "Data"): Insertion {
  const { top, left, bottom, right } = rangeBounds(cells);
  return { sheet, direction: "down", at: top, left, right, count: bottom - top + 1 };
}

/** Cells inserted at `cells` ("C2:D9": 2 columns in rows 2-9 from column C), shifting the others right. */
function right(cells: string, sheet = "Data"): Insertion {
  const { top, left, bottom, right: last } = rangeBounds(cells);
  return { sheet, direction: "right", at: left, top, bottom, count: last - left + 1 };
}

type Case = [formula: string, expected: string];

/** Each formula, living on sheet Data, shifted by the insertion. */
function expectShifts(insertion: Insertion, cases: Case[]) {
  expectShiftsOn("Data", insertion, cases);
}

/** Each formula, living on `host` (undefined: workbook-level text), shifted by the insertion. */
function expectShiftsOn(host: string | undefined, insertion: Insertion, cases: Case[]) {
  expect(cases.map(([f]) => [f, shiftReferences(f, host, insertion)])).toEqual(cases);
}

describe("shiftReferences, cells shifted down", () => {
  it("moves single cells at or below the insertion in its columns, and no others", () => {
    expectShifts(down("B5"), [
      ["B5", "B6"],
      ["B100", "B101"],
      ["B4", "B4"],
      ["B1", "B1"],
      ["A5", "A5"],
      ["C5", "C5"],
      ["A10+B10*C10", "A10+B11*C10"],
    ]);
    expectShifts(down("B5:D7"), [
      ["B5", "B8"],
      ["C6", "C9"],
      ["D20", "D23"],
      ["A5", "A5"],
      ["E5", "E5"],
      ["D4", "D4"],
    ]);
  });

  it("keeps $ markers and moves absolute references too", () => {
    expectShifts(down("B5"), [
      ["$B$5", "$B$6"],
      ["B$5", "B$6"],
      ["$B5", "$B6"],
      ["$B$4", "$B$4"],
      ["SUM($B$2:$B$10)", "SUM($B$2:$B$11)"],
      ["SUM($B2:B$10)", "SUM($B2:B$11)"],
    ]);
  });

  it("grows a range the insertion is inside, moves one below it, leaves one above it", () => {
    expectShifts(down("B5"), [
      ["SUM(B2:B10)", "SUM(B2:B11)"],
      ["SUM(B2:B5)", "SUM(B2:B6)"],
      ["SUM(B5:B10)", "SUM(B6:B11)"],
      ["SUM(B6:B9)", "SUM(B7:B10)"],
      ["SUM(B2:B4)", "SUM(B2:B4)"],
      ["SUM(B5:B5)", "SUM(B6:B6)"],
    ]);
    expectShifts(down("B5:C7"), [
      ["SUM(B2:B10)", "SUM(B2:B13)"],
      ["SUM(B2:C10)", "SUM(B2:C13)"],
      ["B7:C7", "B10:C10"],
      ["AVERAGE(C3:C4)", "AVERAGE(C3:C4)"],
    ]);
  });

  it("leaves a range that also covers columns the insertion does not", () => {
    expectShifts(down("B5"), [
      ["SUM(A2:B10)", "SUM(A2:B10)"],
      ["SUM(B2:C10)", "SUM(B2:C10)"],
      ["A7:C7", "A7:C7"],
      ["SUM(A6:C9)", "SUM(A6:C9)"],
    ]);
    expectShifts(down("B5:C5"), [
      ["SUM(A2:C10)", "SUM(A2:C10)"],
      ["SUM(B2:D10)", "SUM(B2:D10)"],
      ["SUM(B2:C10)", "SUM(B2:C11)"],
    ]);
  });

  it("never changes a whole-column reference; moves whole rows only for a full-width insertion", () => {
    expectShifts(down("B5"), [
      ["SUM(B:B)", "SUM(B:B)"],
      ["SUM($B:$B)", "SUM($B:$B)"],
      ["SUM(B1:B1048576)", "SUM(B1:B1048576)"],
      ["SUM(5:5)", "SUM(5:5)"],
      ["SUM(2:10)", "SUM(2:10)"],
    ]);
    expectShifts(down("A5:XFD6"), [
      ["SUM(5:5)", "SUM(7:7)"],
      ["SUM($5:$5)", "SUM($7:$7)"],
      ["SUM(2:10)", "SUM(2:12)"],
      ["SUM(1:4)", "SUM(1:4)"],
      ["SUM(A:XFD)", "SUM(A:XFD)"],
      ["SUM(A2:XFD10)", "SUM(A2:XFD12)"],
      ["SUM(A1:A1048576)", "SUM(A1:A1048576)"],
      ["COUNTA(B:B,7:7,B7)", "COUNTA(B:B,9:9,B9)"],
    ]);
    // Inserting at row 1 leaves whole columns whole.
    expectShifts(down("A1:XFD1"), [
      ["B:B", "B:B"],
      ["B1:B1048576", "B1:B1048576"],
      ["B1:B10", "B2:B11"],
      ["1:1", "2:2"],
    ]);
  });

  it("gives #REF! for a cell pushed off the sheet; a taller range keeps its bottom at the last row", () => {
    expectShifts(down("B5"), [
      ["B1048575", "B1048576"],
      ["B1048576", "#REF!"],
      ["$B$1048576", "#REF!"],
      ["Data!B1048576+1", "Data!#REF!+1"],
      ["SUM(B1048576:B1048576)", "SUM(#REF!)"],
      ["SUM(B2:B1048576)", "SUM(B2:B1048576)"],
      ["SUM(B10:B1048576)", "SUM(B11:B1048576)"],
      ["SUM(B10:B1048575)", "SUM(B11:B1048576)"],
      ["SUM(B1048575:B1048576)", "SUM(B1048576:B1048576)"],
    ]);
    expectShifts(down("B5:C14"), [
      ["SUM(B1048570:B1048576)", "SUM(#REF!)"],
      ["SUM(B1048566:C1048576)", "SUM(B1048576:C1048576)"],
      ["B1048566", "B1048576"],
      ["B1048567", "#REF!"],
    ]);
    expectShifts(down("A5:XFD5"), [
      ["1048576:1048576", "#REF!"],
      ["5:1048576", "6:1048576"],
    ]);
  });
});

describe("shiftReferences, cells shifted right", () => {
  it("moves single cells at or right of the insertion in its rows, and no others", () => {
    expectShifts(right("C2:C9"), [
      ["C5", "D5"],
      ["Z3", "AA3"],
      ["$C$9", "$D$9"],
      ["B5", "B5"],
      ["C1", "C1"],
      ["C10", "C10"],
    ]);
    expectShifts(right("C2:E9"), [
      ["C5", "F5"],
      ["XFA5", "XFD5"],
      ["XFB5", "#REF!"],
      ["Data!$XFD$2", "Data!#REF!"],
    ]);
  });

  it("grows, moves and leaves ranges the same way as down, rows and columns swapped", () => {
    expectShifts(right("C2:C9"), [
      ["SUM(A3:E3)", "SUM(A3:F3)"],
      ["SUM(C3:E9)", "SUM(D3:F9)"],
      ["SUM(A3:B9)", "SUM(A3:B9)"],
      ["SUM(A3:E10)", "SUM(A3:E10)"],
      ["SUM(A1:E3)", "SUM(A1:E3)"],
      ["SUM(B2:XFD2)", "SUM(B2:XFD2)"],
      ["SUM(D2:XFD2)", "SUM(E2:XFD2)"],
    ]);
  });

  it("never changes a whole-row reference; moves whole columns only for a full-height insertion", () => {
    expectShifts(right("C2:C9"), [
      ["SUM(5:5)", "SUM(5:5)"],
      ["SUM(A5:XFD5)", "SUM(A5:XFD5)"],
      ["SUM(C:C)", "SUM(C:C)"],
      ["SUM(A:E)", "SUM(A:E)"],
    ]);
    expectShifts(right("C1:C1048576"), [
      ["SUM(C:C)", "SUM(D:D)"],
      ["SUM(A:E)", "SUM(A:F)"],
      ["SUM($A:$B)", "SUM($A:$B)"],
      ["SUM(C1:C1048576)", "SUM(D1:D1048576)"],
      ["SUM(5:5)", "SUM(5:5)"],
      ["XFD:XFD", "#REF!"],
      ["D:XFD", "E:XFD"],
    ]);
  });
});

describe("shiftReferences, which references point at the insertion's sheet", () => {
  it("follows sheet-qualified references, names compared case-insensitively, '' read as '", () => {
    expectShifts(down("B5", "Team budget"), [
      ["'Team budget'!B5+B5", "'Team budget'!B6+B5"],
      ["'TEAM BUDGET'!$B$5", "'TEAM BUDGET'!$B$6"],
      ["SUM('team budget'!B2:B9)", "SUM('team budget'!B2:B10)"],
      ["Data!B5+'Team budget2'!B5+'Team'!B5", "Data!B5+'Team budget2'!B5+'Team'!B5"],
    ]);
    expectShifts(down("B5", "Data"), [
      ["Data!B5", "Data!B6"],
      ["data!B5", "data!B6"],
      ["'Data'!B5", "'Data'!B6"],
      ["Other!B5+B5", "Other!B5+B6"],
    ]);
    expectShifts(down("B5", "It's"), [["'It''s'!B5+'It'!B5", "'It''s'!B6+'It'!B5"]]);
    expectShifts(down("B5", "Données"), [["Données!B5*2", "Données!B6*2"]]);
  });

  it("follows unqualified references only in a formula on the insertion's sheet", () => {
    const insertion = down("B5", "Data");
    expectShiftsOn("Data", insertion, [["B5+Data!B5", "B6+Data!B6"]]);
    expectShiftsOn("DATA", insertion, [["B5+Data!B5", "B6+Data!B6"]]);
    expectShiftsOn("Other", insertion, [["B5+Data!B5", "B5+Data!B6"]]);
    // A defined name is workbook-level text: an unqualified reference there is no sheet's.
    expectShiftsOn(undefined, insertion, [["B5+Data!$B$5:$B$9", "B5+Data!$B$6:$B$10"]]);
  });

  it("never changes references into another book or across a 3-D span of sheets", () => {
    expectShifts(down("B5", "Data"), [
      ["[1]Data!B5", "[1]Data!B5"],
      ["'[1]Data'!B5+B5", "'[1]Data'!B5+B6"],
      ["'[Budget.xlsx]Data'!B5", "'[Budget.xlsx]Data'!B5"],
      ["'C:\\books\\[Budget.xlsx]Data'!B5", "'C:\\books\\[Budget.xlsx]Data'!B5"],
      ["SUM(Data:Other!B5)", "SUM(Data:Other!B5)"],
      ["SUM('Data:Other sheet'!B5)", "SUM('Data:Other sheet'!B5)"],
    ]);
  });
});

describe("shiftReferences leaves everything else byte for byte", () => {
  it("strings, structured references, names, functions, numbers, errors and whitespace", () => {
    expectShifts(down("B5"), [
      ['"B5"&B5', '"B5"&B6'],
      ['"Data!B5 ""B6"""&B6', '"Data!B5 ""B6"""&B7'],
      ["'Data'&B5", "'Data'&B6"],
      ["Table1[[#This Row],[B5]]*B5", "Table1[[#This Row],[B5]]*B6"],
      [
        "SUM(Tbl[B5])+[@B5]+Tbl[[#Headers],[Col'[B5']]]",
        "SUM(Tbl[B5])+[@B5]+Tbl[[#Headers],[Col'[B5']]]",
      ],
      ["Q1Target*B5Rate+B5_x+Budget.B5+éB5", "Q1Target*B5Rate+B5_x+Budget.B5+éB5"],
      ["LOG10(B5)+ATAN2(B5,B6)", "LOG10(B6)+ATAN2(B6,B7)"],
      ["_xlfn.XLOOKUP(B5,B2:B9,C2:C9)", "_xlfn.XLOOKUP(B6,B2:B10,C2:C9)"],
      ["IF(TRUE,1E5,2.5)+{1,2;3,4}", "IF(TRUE,1E5,2.5)+{1,2;3,4}"],
      ["IFERROR(#REF!,B5)+#N/A", "IFERROR(#REF!,B6)+#N/A"],
      ["  SUM( B5 ,\n B6 )  ", "  SUM( B6 ,\n B7 )  "],
      ["SUM(B5#)", "SUM(B6#)"],
      ["Data!TeamBudget+Data!B5Name", "Data!TeamBudget+Data!B5Name"],
      ["XFE5+B0+B1048577", "XFE5+B0+B1048577"],
      ["R5C2+RC[-1]", "R5C2+RC[-1]"],
      ["", ""],
    ]);
  });
});

describe("shiftReferences preconditions", () => {
  it("refuses an insertion that is not one on a sheet", () => {
    const bad: Insertion[] = [
      { ...down("B5"), count: 0 },
      { ...down("B5"), count: 1.5 },
      { sheet: "Data", direction: "down", at: 4, left: 3, right: 2, count: 1 },
      { sheet: "Data", direction: "down", at: MAX_ROW, left: 0, right: 0, count: 1 },
      { sheet: "Data", direction: "down", at: -1, left: 0, right: 0, count: 1 },
      { sheet: "Data", direction: "right", at: 0, top: 0, bottom: MAX_ROW, count: 1 },
    ];
    for (const insertion of bad) {
      expect(() => shiftReferences("B5", "Data", insertion)).toThrow(RangeError);
      expect(() => shiftAreas("B5", insertion)).toThrow(RangeError);
    }
  });
});

describe("shiftAreas", () => {
  it("adjusts each area of a list the same way", () => {
    const cases: [Insertion, string, string][] = [
      [down("B5"), "A1:B3 B5 B4:B8 D5", "A1:B3 B6 B4:B9 D5"],
      [down("B5:C5"), "B2:C10 A2:C10 B7:C7", "B2:C11 A2:C10 B8:C8"],
      [down("B5"), "B5  B6", "B6  B7"],
      [down("B5"), "B1:B1048576", "B1:B1048576"],
      [down("B5"), "B2:B1048576", "B2:B1048576"],
      [right("C2:C9"), "A3:E3 C5 C10", "A3:F3 D5 C10"],
      [right("C1:C1048576"), "C:C A1", "D:D A1"],
      [down("B5"), "", ""],
    ];
    expect(cases.map(([i, sqref]) => shiftAreas(sqref, i))).toEqual(cases.map((c) => c[2]));
  });

  it("leaves out an area pushed off the sheet, and what is not an area", () => {
    expect(shiftAreas("B1048576 B5", down("B5"))).toBe("B6");
    expect(shiftAreas("B5 B1048576", down("B5"))).toBe("B6");
    expect(shiftAreas("B1048576", down("B5"))).toBe("");
    expect(shiftAreas("XFD3 A3", right("C3"))).toBe("A3");
    expect(shiftAreas("B5 junk", down("B5"))).toBe("B6 junk");
  });
});

describe("the formula tokenizer's reading of qualifiers", () => {
  it("gives each reference its prefix as written and the one sheet it names", () => {
    const seen: [string, string | undefined, string][] = [];
    mapReferences(
      "Sheet1!A1+'It''s'!B2+[1]Costs!C3+'[Book.xlsx]Costs'!D4+Jan:Mar!E5+F6+\"G7\"+Tbl[H8]",
      (r) => {
        seen.push([r.prefix, r.sheet, r.text]);
        return r.text;
      }
    );
    expect(seen).toEqual([
      ["Sheet1!", "Sheet1", "A1"],
      ["'It''s'!", "It's", "B2"],
      ["[1]Costs!", undefined, "C3"],
      ["'[Book.xlsx]Costs'!", undefined, "D4"],
      ["Jan:Mar!", undefined, "E5"],
      ["", undefined, "F6"],
    ]);
  });
});

// ---- Properties ----

/** An index in [0, max): mostly near the top-left, where insertions are, sometimes near the edge. */
const index = (max: number) =>
  fc.oneof(
    fc.integer({ min: 0, max: 30 }),
    fc.integer({ min: max - 12, max: max - 1 }),
    fc.integer({ min: 0, max: max - 1 })
  );

const insertion = (sheet: string): fc.Arbitrary<Insertion> =>
  fc.oneof(
    fc
      .tuple(index(MAX_ROW), index(MAX_COLUMN), index(MAX_COLUMN), fc.integer({ min: 1, max: 20 }))
      .map(([at, a, b, count]) => ({
        sheet,
        direction: "down" as const,
        at,
        left: Math.min(a, b),
        right: Math.max(a, b),
        count,
      })),
    fc
      .tuple(index(MAX_COLUMN), index(MAX_ROW), index(MAX_ROW), fc.integer({ min: 1, max: 20 }))
      .map(([at, a, b, count]) => ({
        sheet,
        direction: "right" as const,
        at,
        top: Math.min(a, b),
        bottom: Math.max(a, b),
        count,
      }))
  );

/** A cell written with random $ markers. */
const written = (row: number, column: number, fixedRow: boolean, fixedColumn: boolean) =>
  `${fixedColumn ? "$" : ""}${columnLetter(column)}${fixedRow ? "$" : ""}${row + 1}`;

const cell = fc
  .tuple(index(MAX_ROW), index(MAX_COLUMN), fc.boolean(), fc.boolean())
  .map(([row, column, fixedRow, fixedColumn]) => ({ row, column, fixedRow, fixedColumn }));

const writeCell = (c: { row: number; column: number; fixedRow: boolean; fixedColumn: boolean }) =>
  written(c.row, c.column, c.fixedRow, c.fixedColumn);

/** Any reference, unqualified: a cell, a cell range, a column range, a row range. */
const reference = fc.oneof(
  cell.map(writeCell),
  fc.tuple(cell, cell).map(([a, b]) => `${writeCell(a)}:${writeCell(b)}`),
  fc
    .tuple(index(MAX_COLUMN), index(MAX_COLUMN), fc.boolean())
    .map(([a, b, f]) => `${f ? "$" : ""}${columnLetter(a)}:${columnLetter(b)}`),
  fc
    .tuple(index(MAX_ROW), index(MAX_ROW), fc.boolean())
    .map(([a, b, f]) => `${f ? "$" : ""}${a + 1}:${b + 1}`)
);

const untouched = fc.constantFrom(
  '"Data!B5"',
  '"x ""Data!A1"""',
  "Table1[[#This Row],[B5]]",
  "[@B5]",
  "LOG10(2)",
  "Q1Target",
  "Data!TeamBudget",
  "_xlfn.IFS(TRUE,1)",
  "TRUE",
  "1E5",
  "#REF!",
  "XFE1"
);

const separator = fc.constantFrom("+", "-", "*", ",", " ", "&", "<>", ":", ")+(");

describe("shiftReferences properties", () => {
  it("leaves a formula with no reference to the insertion's sheet as it is", () => {
    const otherSheet = fc.constantFrom(
      "Other!",
      "'Team budget'!",
      "'Data2'!",
      "Data_old!",
      "[1]Data!",
      "'[Budget.xlsx]Data'!",
      "Data:Other!",
      "'Data:Other'!"
    );
    const piece = fc.oneof(
      fc.tuple(otherSheet, reference).map(([s, r]) => s + r),
      reference,
      untouched
    );
    fc.assert(
      fc.property(
        insertion("Data"),
        fc.constantFrom(undefined, "Other", "Team budget"),
        fc.array(piece, { minLength: 1, maxLength: 8 }),
        separator,
        (ins, host, pieces, sep) => {
          const formula = pieces.join(sep);
          expect(shiftReferences(formula, host, ins)).toBe(formula);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("moves a single cell to where the cell went", () => {
    fc.assert(
      fc.property(
        insertion("Data"),
        cell,
        fc.constantFrom("", "Data!", "'data'!", "DATA!"),
        (ins, c, prefix) => {
          // Independently: does the cell move, and where to?
          const [along, across] = ins.direction === "down" ? [c.row, c.column] : [c.column, c.row];
          const [from, to] =
            ins.direction === "down" ? [ins.left, ins.right] : [ins.top, ins.bottom];
          const moves = from <= across && across <= to && along >= ins.at;
          const target = along + (moves ? ins.count : 0);
          const max = ins.direction === "down" ? MAX_ROW : MAX_COLUMN;
          const expected =
            target >= max
              ? "#REF!"
              : ins.direction === "down"
                ? written(target, c.column, c.fixedRow, c.fixedColumn)
                : written(c.row, target, c.fixedRow, c.fixedColumn);
          const formula = `${prefix}${writeCell(c)}*2`;
          expect(shiftReferences(formula, "Data", ins)).toBe(`${prefix}${expected}*2`);
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("moves a range as its corners move when it lies in the moving columns (rows), else not at all", () => {
    fc.assert(
      fc.property(insertion("Data"), cell, cell, (ins, a, b) => {
        const range = `${writeCell(a)}:${writeCell(b)}`;
        const shifted = shiftReferences(range, "Data", ins);
        const [acrossA, acrossB] = ins.direction === "down" ? [a.column, b.column] : [a.row, b.row];
        const [alongA, alongB] = ins.direction === "down" ? [a.row, b.row] : [a.column, b.column];
        const [from, to] = ins.direction === "down" ? [ins.left, ins.right] : [ins.top, ins.bottom];
        const max = ins.direction === "down" ? MAX_ROW : MAX_COLUMN;
        const inside = from <= Math.min(acrossA, acrossB) && Math.max(acrossA, acrossB) <= to;
        const whole = Math.min(alongA, alongB) === 0 && Math.max(alongA, alongB) === max - 1;
        const farthest = Math.max(alongA, alongB) + ins.count;
        if (!inside || whole) expect(shifted).toBe(range);
        else if (farthest < max) {
          // Away from the edge each corner goes where that cell went.
          const corner = (c: typeof a) => shiftReferences(writeCell(c), "Data", ins);
          expect(shifted).toBe(`${corner(a)}:${corner(b)}`);
        } else
          expect(shifted === "#REF!" || /^\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+$/.test(shifted)).toBe(
            true
          );
      }),
      { numRuns: RUNS }
    );
  });

  it("inserting 1 twice at the same place is inserting 2 once, for references past it", () => {
    const past = (ins: Insertion) =>
      fc.array(
        fc.tuple(
          fc.constantFrom("", "Data!"),
          reference.filter((r) =>
            r.split(":").every((end) => {
              // Every end strictly past the insertion on the axis cells move along.
              const [, letters, digits] = /^\$?([A-Z]*)\$?(\d*)$/.exec(end)!;
              if (ins.direction === "down") return digits === "" || Number(digits) - 1 > ins.at;
              const column = [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
              return letters === "" || column > ins.at;
            })
          )
        ),
        { minLength: 1, maxLength: 6 }
      );
    fc.assert(
      fc.property(
        insertion("Data")
          .filter((i) => i.at < (i.direction === "down" ? MAX_ROW : MAX_COLUMN) - 1)
          .chain((ins) => fc.tuple(fc.constant(ins), past(ins))),
        ([ins, refs]) => {
          const formula = refs.map(([s, r]) => s + r).join("+");
          const once = { ...ins, count: 1 };
          const twice = { ...ins, count: 2 };
          expect(shiftReferences(shiftReferences(formula, "Data", once), "Data", once)).toBe(
            shiftReferences(formula, "Data", twice)
          );
        }
      ),
      { numRuns: RUNS }
    );
  });

  it("shiftAreas agrees with shiftReferences, leaving out what goes off the sheet", () => {
    const area = fc.oneof(
      cell.map((c) => written(c.row, c.column, false, false)),
      fc
        .tuple(cell, cell)
        .map(
          ([a, b]) =>
            `${written(Math.min(a.row, b.row), Math.min(a.column, b.column), false, false)}:` +
            written(Math.max(a.row, b.row), Math.max(a.column, b.column), false, false)
        )
    );
    fc.assert(
      fc.property(insertion("Data"), fc.array(area, { maxLength: 6 }), (ins, areas) => {
        const expected = areas
          .map((a) => shiftReferences(a, "Data", ins))
          .filter((a) => a !== "#REF!")
          .join(" ");
        expect(shiftAreas(areas.join(" "), ins)).toBe(expected);
      }),
      { numRuns: RUNS }
    );
  });
});
