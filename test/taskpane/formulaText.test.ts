import fc from "fast-check";
import { shownParts, splitFormulas } from "../../src/taskpane/model/formulaText";

describe("formulas quoted in a sentence", () => {
  it("are set apart from the prose, brackets, quotes and spaces inside them included", () => {
    expect(
      splitFormulas("Team budget!Z3: =FINOPS.NOPE(B5) is left as it is.").map((p) => [
        p.formula,
        p.text,
      ])
    ).toEqual([
      [false, "Team budget!Z3: "],
      [true, "=FINOPS.NOPE(B5)"],
      [false, " is left as it is."],
    ]);
    expect(
      splitFormulas("was =[@[Budget FY]]-SUM(Lines[[#This Row],[Jan]:[Dec]]), now 12.").filter(
        (p) => p.formula
      )
    ).toEqual([{ text: "=[@[Budget FY]]-SUM(Lines[[#This Row],[Jan]:[Dec]])", formula: true }]);
    expect(
      splitFormulas('Repair puts the formula back (=IF(ISBLANK(T[[#This Row],[D]]),"",1)).').map(
        (p) => p.text
      )
    ).toEqual(["Repair puts the formula back (", '=IF(ISBLANK(T[[#This Row],[D]]),"",1)', ")."]);
    expect(splitFormulas("='Team budget'!B4, then").filter((p) => p.formula)).toEqual([
      { text: "='Team budget'!B4", formula: true },
    ]);
  });

  it("leave a sentence without formulas whole, and an equals sign inside a word alone", () => {
    expect(splitFormulas("Status a=b stays; 3 = 3.")).toEqual([
      { text: "Status a=b stays; 3 = 3.", formula: false },
    ]);
  });

  it("give back the sentence exactly when joined", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("=", " ", "(", ")", "[", "]", "'", "a", ".") }),
        (s) =>
          expect(
            splitFormulas(s)
              .map((p) => p.text)
              .join("")
          ).toBe(s)
      )
    );
  });
});

describe("how the pane shows each part", () => {
  it("short formulas inline, long ones hidden, knowing when the sentence brackets them", () => {
    expect(shownParts("Replace it with =ValidatedValueTotal.")).toEqual([
      { kind: "prose", text: "Replace it with " },
      { kind: "inline", text: "=ValidatedValueTotal" },
      { kind: "prose", text: "." },
    ]);
    expect(shownParts("Back (=IF(ISBLANK(T[[#This Row],[Budget]]),0,1)).")[1]).toEqual({
      kind: "hidden",
      text: "=IF(ISBLANK(T[[#This Row],[Budget]]),0,1)",
      bracketed: true,
    });
    expect(shownParts("B5: =IF(ISBLANK(T[[#This Row],[Budget]]),0,1) stays.")[1]).toMatchObject({
      kind: "hidden",
      bracketed: false,
    });
  });
});
