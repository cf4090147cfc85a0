import { activateSheet, insertIntoActiveCell } from "../../src/excel/navigation";
import { createExcelFake, FakeExcelError } from "../fakes/excel";
import { hostFor } from "./hostFor";

describe("going to a sheet", () => {
  it("activates it in one sync", async () => {
    const fake = createExcelFake({ sheets: ["Sheet1", "Team budget"] });
    await activateSheet("Team budget", hostFor(fake));
    expect(fake.state.activeSheet()).toBe("Team budget");
    expect(fake.syncCount).toBe(1);
  });

  it("says when the sheet was renamed or deleted", async () => {
    const fake = createExcelFake();
    await expect(activateSheet("Team budget", hostFor(fake))).rejects.toThrow(
      'There is no sheet "Team budget" any more: it was renamed or deleted.'
    );
  });
});

describe("inserting a function into the active cell", () => {
  it("writes the formula into the selected cell in two syncs and says where", async () => {
    const fake = createExcelFake({ sheets: ["Sheet1", "Analysis"] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Analysis").getRange("C4").select();
      await context.sync();
    });
    fake.resetCounters();
    const inserted = await insertIntoActiveCell("=FINOPS.ESR(1000,750)", hostFor(fake));
    expect(inserted.address).toBe("Analysis!C4");
    expect(fake.state.cell("Analysis", "C4").formula).toBe("=FINOPS.ESR(1000,750)");
    expect(fake.syncCount).toBe(2);
  });

  it("never overwrites a cell that holds something", async () => {
    const fake = createExcelFake();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[42]];
      await context.sync();
    });
    const before = fake.state.snapshot();
    await expect(insertIntoActiveCell("=FINOPS.ESR(1000,750)", hostFor(fake))).rejects.toThrow(
      "Sheet1!A1 is not empty. Select an empty cell, then choose Insert again."
    );
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("explains a protected sheet", async () => {
    const fake = createExcelFake();
    fake.failWhen((op) => op.kind === "range.formulas", {
      error: new FakeExcelError("AccessDenied", "protected"),
    });
    await expect(insertIntoActiveCell("=FINOPS.ESR(1000,750)", hostFor(fake))).rejects.toThrow(
      "Inserting the function failed: The workbook or a sheet is protected. Unprotect it (Review > Unprotect), then try again."
    );
  });
});
