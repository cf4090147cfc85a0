import {
  referencedTables,
  sameFormula,
  usesAddinFunctions,
} from "../../../src/workbook/maintain/formulaText";
import { inputProblem } from "../../../src/workbook/maintain/checkInputs";
import { TemplateColumn } from "../../../src/workbook/maintain/templateParts";

describe("formulas as Excel hands them back", () => {
  it("match the template's text in Excel's own spelling", () => {
    const planned =
      "=FINOPS.VARIANCE(Lines[[#This Row],[Budget YTD]],Lines[[#This Row],[Actual YTD]])";
    expect(sameFormula("=FINOPS.VARIANCE([@[Budget YTD]],[@[Actual YTD]])", planned, "Lines")).toBe(
      true
    );
    expect(
      sameFormula("=finops.variance( Lines[@[Budget YTD]] , [@[Actual YTD]] )", planned, "Lines")
    ).toBe(true);
    expect(sameFormula("=SUM([@Amount])", "=SUM(Lines[[#This Row],[Amount]])", "Lines")).toBe(true);
    expect(sameFormula("=SUM(Lines[[#This Row],[A]:[B]])", "=SUM([@[A]:[B]])", "Lines")).toBe(true);
    expect(sameFormula("=_xlfn.IFS(A1,1)", "=IFS(A1,1)")).toBe(true);
  });

  it("differ when the reference, the function or a text literal differs", () => {
    expect(sameFormula("=[@Budget]", "=Lines[[#This Row],[Actual]]", "Lines")).toBe(false);
    expect(sameFormula('=IF(A1="ok",1,0)', '=IF(A1="OK",1,0)')).toBe(false);
    expect(sameFormula("=Other[@Budget]", "=Lines[[#This Row],[Budget]]", "Lines")).toBe(false);
  });

  it("find add-in functions outside text and the tables a formula uses", () => {
    expect(usesAddinFunctions("=FINOPS.ESR(A1,B1)")).toBe(true);
    expect(usesAddinFunctions("=_xldudf_FINOPS_ESR(A1,B1)")).toBe(true);
    expect(usesAddinFunctions('="FINOPS.ESR"&A1')).toBe(false);
    expect(
      referencedTables("=SUM(BudgetLines[Actual])+KPIs[@x]", ["BudgetLines", "Lines", "KPIs"])
    ).toEqual(["BudgetLines", "KPIs"]);
  });
});

describe("input values against their column's rule", () => {
  const column = (rule: Partial<TemplateColumn>): TemplateColumn => ({
    key: "k",
    header: "Days",
    kind: "input",
    type: "integer",
    numberFormat: "0",
    rowFormats: [],
    conditionalFormats: [],
    ...rule,
  });

  it("lists, bounds, whole numbers and numbers only", () => {
    const list = column({ type: "text", validation: { list: ["R", "A", "C", "I"] } });
    expect(inputProblem(list, " a ")).toBeNull();
    expect(inputProblem(list, "Maybe")).toBe('"Maybe" is not one of R, A, C, I');
    const days = column({ validation: { min: 0, max: 365, whole: true } });
    expect(inputProblem(days, "")).toBeNull();
    expect(inputProblem(days, 400)).toBe("400 is above the maximum 365");
    expect(inputProblem(days, -1)).toBe("-1 is below the minimum 0");
    expect(inputProblem(days, 1.5)).toBe("1.5 is not a whole number");
    expect(inputProblem(column({ type: "currency" }), "ten")).toBe(
      '"ten" is text; Days takes numbers'
    );
    expect(inputProblem(column({}), "#N/A")).toBe("#N/A where Days needs a value");
    expect(inputProblem(column({ type: "text" }), "anything")).toBeNull();
  });
});
