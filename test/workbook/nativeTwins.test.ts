import { addinFormula, nativeTwin } from "../../src/workbook/twins/nativeTwins";
import { isLiteral, withDefault } from "../../src/workbook/twins/argumentGuard";

describe("native twin formulas", () => {
  it("puts the usual case first and the argument rules after it", () => {
    expect(nativeTwin("ESR", ["C2", "D2"])).toBe(
      "IF(COUNT(C2,D2)=2,IF(C2<0,#VALUE!,1-D2/C2),IF(ISERROR(N(C2)+N(D2)),N(C2)+N(D2),IF(OR(ISBLANK(C2),ISBLANK(D2)),NA(),#VALUE!)))"
    );
  });

  it("needs no guard for literal arguments", () => {
    expect(nativeTwin("SAVINGS", ["1000", "750"])).toBe("1000-750");
    expect(nativeTwin("KPISTATUS", ["95", "100", '"lower"'])).toBe(
      'IF(0.1<0,#VALUE!,IF(95<=100,"Green",IF(95<=100+0.1*ABS(100),"Amber","Red")))'
    );
  });

  it("writes defaults for omitted optional arguments and for blank ones", () => {
    expect(withDefault(undefined, "0.05")).toBe("0.05");
    expect(withDefault("0.1", "0.05")).toBe("0.1");
    expect(withDefault("E2", "0.05")).toBe("IF(ISBLANK(E2),0.05,E2)");
    expect(nativeTwin("BUDGETSTATUS", ["C2", "D2"])).toContain("0.05*C2");
  });

  it("refuses missing required arguments and unknown literal directions", () => {
    expect(() => nativeTwin("BREAKEVEN", ["A1", "B1"])).toThrow(/needs 3 arguments/);
    expect(() => nativeTwin("KPISTATUS", ["A1", "B1", '"up"'])).toThrow(/"higher" or "lower"/);
  });

  it("recognises literals", () => {
    for (const literal of ["0", "-1.5", "1E+3", ".5", '"text"', '"say ""hi"""'])
      expect(isLiteral(literal)).toBe(true);
    for (const reference of ["A1", "Sheet1!B2", "Lines[[#This Row],[Actual]]", "A1*2"])
      expect(isLiteral(reference)).toBe(false);
  });

  it("writes the add-in call, dropping trailing omitted arguments", () => {
    expect(addinFormula("MATURITYSCORE", ["B2:F2", undefined, undefined])).toBe(
      "FINOPS.MATURITYSCORE(B2:F2)"
    );
    expect(addinFormula("MATURITYSCORE", ["B2:F2", undefined, "5"])).toBe(
      "FINOPS.MATURITYSCORE(B2:F2,,5)"
    );
  });
});
