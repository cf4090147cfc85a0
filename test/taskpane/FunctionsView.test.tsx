/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import FunctionsView from "../../src/taskpane/views/FunctionsView";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { renderPane } from "./renderPane";

describe("function help", () => {
  it("lists the catalogue with examples and searches it", () => {
    renderPane(<FunctionsView />, null);
    const list = screen.getByRole("list", { name: "FINOPS functions" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(21);
    expect(
      within(list).getByText("=FINOPS.ESR(1000,750) → 0.25 (25% formatted as a percentage)")
    ).toBeTruthy();
    // Outside Excel there is nothing to insert into.
    expect(screen.queryByRole("button", { name: /^Insert/ })).toBeNull();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search functions" }), {
      target: { value: "zzz" },
    });
    expect(screen.getByRole("status").textContent).toBe('No function matches "zzz".');
  });

  it("Insert writes the working example into the active cell and says where", async () => {
    const fake = createExcelFake({ sheets: ["Sheet1", "Analysis"] });
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Analysis").getRange("D7").select();
      await context.sync();
    });
    renderPane(<FunctionsView />, hostFor(fake));
    fireEvent.change(screen.getByRole("searchbox", { name: "Search functions" }), {
      target: { value: "effective savings" },
    });
    fireEvent.click(
      screen.getByRole("button", { name: "Insert =FINOPS.ESR(1000,750) into the active cell" })
    );
    expect(
      await screen.findByText(
        "Inserted =FINOPS.ESR(1000,750) in Analysis!D7. Press F2 in Excel to replace the example values with your cells."
      )
    ).toBeTruthy();
    expect(fake.state.cell("Analysis", "D7").formula).toBe("=FINOPS.ESR(1000,750)");
  });

  it("Insert writes a range function with its example values, not cells the user's sheet may hold", async () => {
    const fake = createExcelFake();
    renderPane(<FunctionsView />, hostFor(fake));
    fireEvent.click(
      screen.getByRole("button", {
        name: "Insert =FINOPS.MATURITYSCORE({2,3,4,1,2}) into the active cell",
      })
    );
    expect(
      await screen.findByText(/^Inserted =FINOPS\.MATURITYSCORE\(\{2,3,4,1,2\}\) in Sheet1!A1\./)
    ).toBeTruthy();
    expect(fake.state.cell("Sheet1", "A1").formula).toBe("=FINOPS.MATURITYSCORE({2,3,4,1,2})");
  });

  it("refuses to overwrite a cell that holds something, in plain words", async () => {
    const fake = createExcelFake();
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").values = [["budget"]];
      context.workbook.worksheets.getItem("Sheet1").getRange("B2").select();
      await context.sync();
    });
    renderPane(<FunctionsView />, hostFor(fake));
    fireEvent.click(
      screen.getByRole("button", { name: "Insert =FINOPS.SAVINGS(1000,750) into the active cell" })
    );
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(
      screen.getByText("Sheet1!B2 is not empty. Select an empty cell, then choose Insert again.")
    ).toBeTruthy();
    expect(fake.state.cell("Sheet1", "B2").value).toBe("budget");
  });
});
