/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import CheckView from "../../src/taskpane/views/CheckView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake, FakeExcelError } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { columnOf, edit } from "../excel/maintainHelpers";
import { lastCheck } from "../../src/taskpane/model/lastCheck";
import { renderPane } from "./renderPane";

const OPTIONS = { ...DEFAULT_OPTIONS, sampleData: false };

async function decisionModel(): Promise<ExcelFake> {
  const fake = createExcelFake();
  await generateWorkbooks(["decision-model"], OPTIONS, hostFor(fake));
  return fake;
}

/** A constant typed over the first computed RACI check, the way a user breaks a formula. */
async function breakCheck(fake: ExcelFake): Promise<string> {
  const check = columnOf(fake, "DecisionModel", "RACI check");
  await edit(fake, (workbook) => {
    workbook.worksheets.getItem(check.sheet).getRange(check.cell(0)).values = [["OK"]];
  });
  return `${check.sheet}!${check.cell(0)}`;
}

describe("check workbook", () => {
  it("says so when nothing is wrong, and leaves the counts for the summary's Last check tile", async () => {
    lastCheck.set(null);
    renderPane(<CheckView onBack={() => undefined} />, hostFor(await decisionModel()));
    expect(screen.getByText("Checking the workbook...")).toBeTruthy();
    expect(await screen.findByText("No problems found in 1 template.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Repair/ })).toBeNull();
    expect(lastCheck.get()).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("lists a typed-over formula with Go to, previews the repair, applies it and checks again", async () => {
    const fake = await decisionModel();
    const check = columnOf(fake, "DecisionModel", "RACI check");
    const original = fake.state.cell(check.sheet, check.cell(0)).formula;
    const where = await breakCheck(fake);
    const [sheet, cell] = where.split("!");
    expect(fake.state.cell(sheet, cell).formula).toBeNull();
    renderPane(<CheckView onBack={() => undefined} />, hostFor(fake));
    expect(
      await screen.findByText(/^Checked 1 template: 1 error\. Repair can put 1 right\.$/)
    ).toBeTruthy();
    const errors = within(screen.getByRole("list", { name: /^Errors/ }));
    expect(errors.getByText("Repair puts this right")).toBeTruthy();
    fireEvent.click(errors.getByRole("button", { name: `Go to ${where}` }));
    await waitFor(() => expect(fake.state.activeSheet()).toBe(sheet));

    fireEvent.click(screen.getByRole("button", { name: "Repair 1 problem" }));
    const changes = await screen.findByRole("list", { name: "Changes Repair will make" });
    expect(within(changes).getAllByRole("listitem").length).toBeGreaterThan(0);
    // The preview names the typed-over cell with what it holds, and says it is replaced.
    expect(
      within(changes).getByText(new RegExp(`replacing what was typed: ${cell} "OK"\\.$`))
    ).toBeTruthy();
    expect(screen.getByText(/A value typed over a template's formula is replaced/)).toBeTruthy();
    expect(screen.queryByText(/^Values you typed, rows and columns/)).toBeNull();
    expect(fake.state.cell(sheet, cell).formula).toBeNull(); // the preview changes nothing
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByRole("list", { name: "Changes made" })).toBeTruthy();
    expect(await screen.findByText("No problems found in 1 template.")).toBeTruthy();
    expect(fake.state.cell(sheet, cell).formula).toBe(original);
    expect(original).toContain("FINOPS.RACICHECK(");
  });

  it("a failed repair says what happened and leaves the workbook as it was", async () => {
    const fake = await decisionModel();
    await breakCheck(fake);
    renderPane(<CheckView onBack={() => undefined} />, hostFor(fake));
    fireEvent.click(await screen.findByRole("button", { name: "Repair 1 problem" }));
    await screen.findByRole("button", { name: "Apply" });
    const before = fake.state.snapshot();
    fake.resetCounters();
    fake.failOnSync(4, new FakeExcelError("AccessDenied", "protected")); // refresh's write
    fireEvent.click(screen.getByRole("button", { name: "Apply" }));
    expect(await screen.findByText("The repair did not go through")).toBeTruthy();
    expect(screen.getByText(/protected.*Nothing was changed/)).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("explains a workbook that cannot be read and goes back", async () => {
    const fake = await decisionModel();
    fake.resetCounters();
    fake.failOnSync(1, new FakeExcelError("InvalidOperationInCellEditMode", "edit mode"));
    const onBack = jest.fn();
    renderPane(<CheckView onBack={onBack} />, hostFor(fake));
    expect(await screen.findByText("The workbook could not be checked")).toBeTruthy();
    expect(screen.getByText(/Excel is busy editing a cell/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Back to the summary" }));
    expect(onBack).toHaveBeenCalled();
  });

  it("outside Excel, says it must run inside Excel", async () => {
    renderPane(<CheckView onBack={() => undefined} />, null);
    expect(
      await screen.findByText("The FinOps pane must run inside Excel to check a workbook.")
    ).toBeTruthy();
  });
});
