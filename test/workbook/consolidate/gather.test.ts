import { consolidationReport } from "../../../src/workbook/consolidate/consolidationReport";
import { gatherSubmissions, isRefused } from "../../../src/workbook/consolidate/gather";
import { DepartmentSubmission, RefusedFile } from "../../../src/workbook/consolidate/submission";

/** A submission with nothing in it but who sent it: gathering looks at the department and file only. */
function from(file: string, department: string): DepartmentSubmission {
  return {
    file,
    department,
    organisation: "Contoso Group",
    lead: null,
    teamModel: "hub-and-spoke",
    currency: "EUR",
    fiscalYear: "FY2026",
    asAt: "2026-06-30",
    lastUpdate: "2026-11-29T12:00:00.000Z",
    templates: [{ templateId: "maturity-scorecard", version: 3, latestVersion: 5 }],
    missingTemplates: ["decision-model"],
    healthErrors: 2,
    kpis: [],
    adoption: { stages: [], escalations: [] },
    notes: ["Maturity scorecard read through its version 3 layout; this tool writes version 5."],
  };
}

const retail = from("retail.xlsx", "Retail Banking");
const retailAgain = from("retail-v2.xlsx", "  retail   BANKING ");
const logistics = from("logistics.xlsx", "Logistics");
const broken: RefusedFile = {
  file: "notes.xlsx",
  reason: "not made by FinOps Practice Workbooks.",
};

describe("gatherSubmissions", () => {
  it("keeps one file per department, in the order given, and passes refusals on", () => {
    const gathered = gatherSubmissions([logistics, broken, retail], []);
    expect(gathered).toEqual({
      submissions: [logistics, retail],
      refused: [broken],
      duplicates: [],
    });
    expect(isRefused(broken)).toBe(true);
    expect(isRefused(retail)).toBe(false);
  });

  it("refuses both files of a department delivered twice (case and spaces aside)", () => {
    const gathered = gatherSubmissions([retail, logistics, retailAgain], []);
    expect(gathered.submissions).toEqual([logistics]);
    expect(gathered.duplicates).toEqual([
      { department: "Retail Banking", files: ["retail.xlsx", "retail-v2.xlsx"] },
    ]);
    expect(gathered.refused.map((r) => r.file)).toEqual(["retail.xlsx", "retail-v2.xlsx"]);
    expect(gathered.refused[0].reason).toBe(
      "Retail Banking is also delivered by retail-v2.xlsx; choose which file to use."
    );
  });

  it("keeps the file the user chose (by name, folders aside) and sets the other aside", () => {
    const gathered = gatherSubmissions([retail, logistics, retailAgain], ["in/retail-v2.xlsx"]);
    expect(gathered.submissions).toEqual([logistics, retailAgain]);
    expect(gathered.refused).toEqual([
      {
        file: "retail.xlsx",
        reason: "Retail Banking is also delivered by retail-v2.xlsx, which was chosen.",
      },
    ]);
    expect(gathered.duplicates).toHaveLength(1);
  });

  it("refuses both when the user chose both", () => {
    const gathered = gatherSubmissions([retail, retailAgain], ["retail.xlsx", "retail-v2.xlsx"]);
    expect(gathered.submissions).toEqual([]);
    expect(gathered.refused.map((r) => r.reason)).toEqual([
      "Retail Banking is delivered by more than one of the files chosen (retail.xlsx, retail-v2.xlsx); choose exactly one.",
      "Retail Banking is delivered by more than one of the files chosen (retail.xlsx, retail-v2.xlsx); choose exactly one.",
    ]);
  });
});

describe("consolidationReport", () => {
  it("lists each file read, each refused and how to choose between duplicates", () => {
    const gathered = gatherSubmissions([logistics, broken, retail, retailAgain], []);
    expect(consolidationReport(gathered, "cli")).toEqual([
      "logistics.xlsx: Logistics, FY2026 as at 2026-06-30, last updated 2026-11-29; template versions Maturity scorecard 3; 2 health-check errors (run Check workbook on it); without Decision and accountability model.",
      "  Maturity scorecard read through its version 3 layout; this tool writes version 5.",
      "notes.xlsx is not used: not made by FinOps Practice Workbooks.",
      "retail.xlsx is not used: Retail Banking is also delivered by retail-v2.xlsx; choose which file to use.",
      "retail-v2.xlsx is not used: Retail Banking is also delivered by retail.xlsx; choose which file to use.",
      "Retail Banking is delivered by retail.xlsx and retail-v2.xlsx, so neither is used: add --use retail.xlsx (or the other file's name) and consolidate again.",
    ]);
  });

  it("tells the pane's user to choose in the list, and says which file was used once chosen", () => {
    const unresolved = gatherSubmissions([retail, retailAgain], []);
    expect(consolidationReport(unresolved, "pane").at(-1)).toBe(
      "Retail Banking is delivered by retail.xlsx and retail-v2.xlsx, so neither is used: choose the file to use in the list of files and consolidate again."
    );
    const chosen = gatherSubmissions([retail, retailAgain], ["retail.xlsx"]);
    expect(consolidationReport(chosen, "pane").at(-1)).toBe(
      "Retail Banking is delivered by retail.xlsx and retail-v2.xlsx: retail.xlsx is used, as chosen."
    );
  });
});
