import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readSubmission } from "../../../src/workbook/consolidate/readSubmission";
import { DepartmentSubmission } from "../../../src/workbook/consolidate/submission";
import { WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { departmentFile, departmentOptions, namedAt, typedOver } from "./departmentFiles";

// Workbooks made before departments were recorded: whose figures are they? Where a user typed the
// adoption plan's "Department being onboarded", that department, said in a note; else the
// organisation. A sample's value was typed by no one, so sample workbooks keep their organisation.

const FILE = "stores.xlsx";

function read(readBack: WorkbookReadBack): DepartmentSubmission {
  const result = readSubmission(FILE, readBack);
  if (isRefused(result)) throw new Error(`Refused: ${result.reason}`);
  return result;
}

describe("the department of a workbook that records none", () => {
  it("is the adoption plan's department a user typed, said in a note", async () => {
    const made = await departmentFile(
      FILE,
      departmentOptions({ organisation: "Contoso", sampleData: false })
    );
    expect(read(made.readBack).department).toBe("Contoso");
    const at = namedAt(made.plan, "adoptionDepartment");
    const submission = read(typedOver(made.readBack, at.sheet.name, at.cell, "  Stores EMEA "));
    expect(submission.department).toBe("Stores EMEA");
    expect(submission.notes).toContain(
      'The workbook records no department: "Stores EMEA", the adoption plan\'s department being onboarded, is taken as it.'
    );
  }, 60_000);

  it("is the organisation in a sample workbook, whose adoption department no one typed", async () => {
    const made = await departmentFile(FILE, departmentOptions({ organisation: "Contoso North" }));
    const submission = read(made.readBack);
    expect(submission.department).toBe("Contoso North");
  }, 60_000);

  it("is the recorded department when there is one, whatever the adoption plan says", async () => {
    const made = await departmentFile(
      FILE,
      departmentOptions({ department: "Payments", sampleData: false })
    );
    const at = namedAt(made.plan, "adoptionDepartment");
    expect(read(typedOver(made.readBack, at.sheet.name, at.cell, "Stores")).department).toBe(
      "Payments"
    );
  }, 60_000);
});
