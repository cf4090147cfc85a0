/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import type { ExcelHost } from "../../src/excel/host";
import { OPTIONS_SETTING } from "../../src/excel/savedOptions";
import { createRunStore } from "../../src/taskpane/model/generationRun";
import GenerateView from "../../src/taskpane/views/GenerateView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { createExcelFake, FakeExcelError } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { renderPane } from "./renderPane";
import { slowHost } from "./slowHost";

const ALL = TEMPLATES.map((t) => t.id);
const OPTIONS = { ...DEFAULT_OPTIONS, organisation: "Fabrikam" };

function renderGenerate(
  templateIds: readonly string[],
  host: ExcelHost | null,
  callbacks: Partial<Record<"onBackToOptions" | "onHome" | "onMore", () => void>> = {}
) {
  return renderPane(
    <GenerateView
      templateIds={templateIds}
      options={OPTIONS}
      onBackToOptions={callbacks.onBackToOptions ?? (() => undefined)}
      onHome={callbacks.onHome ?? (() => undefined)}
      onMore={callbacks.onMore ?? (() => undefined)}
    />,
    host
  );
}

describe("generate", () => {
  it("shows the named steps while working, then the sheets with Go to links and what to fill in first", async () => {
    const fake = createExcelFake();
    const { host, release } = slowHost(fake);
    renderGenerate(ALL, host);
    expect(
      screen.getByRole("heading", { name: "Creating The full practice set (7 templates)" })
    ).toBeTruthy();
    const steps = within(screen.getByRole("list", { name: "Steps" })).getAllByRole("listitem");
    expect(steps.map((s) => s.textContent)).toEqual([
      "Checking Excel (done)",
      "Reading the workbook...",
    ]);
    expect(screen.getByRole("progressbar", { name: "Progress" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "Cancel" })).toBeTruthy();
    release();

    expect(await screen.findByText("Done.")).toBeTruthy();
    const sheets = within(screen.getByRole("list", { name: "Sheets created" }));
    expect(sheets.getByRole("heading", { name: "Team budget" })).toBeTruthy();
    expect(sheets.getAllByText(/^Fill in first: /)).toHaveLength(TEMPLATES.length);
    expect(
      sheets.getByText(/^Fill in first: Replace the sample figures with yours\. Enter the budget/)
    ).toBeTruthy();
    expect(fake.state.activeSheet()).toBe("Executive summary");
    fireEvent.click(sheets.getByRole("button", { name: "Go to Team budget" }));
    await waitFor(() => expect(fake.state.activeSheet()).toBe("Team budget"));
    // The options are remembered in this workbook for next time.
    expect(JSON.parse(String(fake.state.settings()[OPTIONS_SETTING]))).toEqual(OPTIONS);
  });

  it("lists names changed because they were in use", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    const onHome = jest.fn();
    renderGenerate(["team-budget"], hostFor(fake), { onHome });
    expect(await screen.findByText("Created 1 sheet.")).toBeTruthy();
    expect(screen.getByRole("button", { name: "Go to Team budget (2)" })).toBeTruthy();
    // A sheet deleted since: Go to says so instead of failing silently.
    await fake.Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Team budget (2)").delete();
      await context.sync();
    });
    fireEvent.click(screen.getByRole("button", { name: "Go to Team budget (2)" }));
    expect(
      await screen.findByText(
        'There is no sheet "Team budget (2)" any more: it was renamed or deleted.'
      )
    ).toBeTruthy();
    expect(
      screen.getByRole("heading", { name: "Names changed to keep what was already here" })
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Sheet "Team budget" was already in use, so this one is named "Team budget (2)".'
      )
    ).toBeTruthy();
    expect(
      screen.getByText(
        'Table "BudgetLines" was already in use, so this one is named "BudgetLines_2".'
      )
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "See the workbook summary" }));
    expect(onHome).toHaveBeenCalled();
  });

  it("says in plain words what failed and leaves the workbook exactly as it was", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === "tables.add", {
      error: new FakeExcelError("AccessDenied", "protected"),
    });
    renderGenerate(["team-budget"], hostFor(fake));
    expect(await screen.findByText("Team budget could not be created")).toBeTruthy();
    expect(
      screen.getByText(
        "Creating the sheets failed: The workbook or a sheet is protected. Unprotect it (Review > Unprotect), then try again. Nothing was changed: the sheets this run had started are removed."
      )
    ).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
    // The fix applied, Try again goes through.
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Created 1 sheet.")).toBeTruthy();
  });

  it("explains Excel that is too old and cell-edit mode", async () => {
    const old = createExcelFake();
    const before = old.state.snapshot();
    const onBackToOptions = jest.fn();
    const { unmount } = renderGenerate(["team-budget"], hostFor(old, "1.8"), { onBackToOptions });
    expect(
      await screen.findByText(/This version of Excel is too old for the FinOps templates/)
    ).toBeTruthy();
    expect(old.state.snapshot()).toEqual(before);
    fireEvent.click(screen.getByRole("button", { name: "Back to options" }));
    expect(onBackToOptions).toHaveBeenCalled();
    unmount();
    const editing = createExcelFake();
    editing.failOnSync(1, new FakeExcelError("InvalidOperationInCellEditMode", "edit mode"));
    renderGenerate(["team-budget"], hostFor(editing));
    expect(
      await screen.findByText(
        /Excel is busy editing a cell\. Press Enter or Esc to finish editing, then try again\./
      )
    ).toBeTruthy();
  });

  it("Cancel before writing stops the run: nothing is written", async () => {
    const fake = createExcelFake();
    const before = fake.state.snapshot();
    const { host, release } = slowHost(fake);
    renderGenerate(ALL, host);
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Cancelling..." })).toBeTruthy();
    release();
    expect(await screen.findByText("Cancelled")).toBeTruthy();
    expect(
      screen.getByText("Cancelled before anything was written: the workbook is unchanged.")
    ).toBeTruthy();
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("a second request while a run is under way is not started, and says so", async () => {
    const fake = createExcelFake();
    const { host, release } = slowHost(fake);
    const runs = createRunStore();
    const first = renderPane(
      <GenerateView
        templateIds={["team-budget"]}
        options={OPTIONS}
        runs={runs}
        onBackToOptions={() => undefined}
        onHome={() => undefined}
        onMore={() => undefined}
      />,
      host
    );
    first.unmount(); // the user moved to another tab; the run goes on
    renderPane(
      <GenerateView
        templateIds={["kpi-tracker"]}
        options={{ ...OPTIONS }}
        runs={runs}
        onBackToOptions={() => undefined}
        onHome={() => undefined}
        onMore={() => undefined}
      />,
      host
    );
    expect(await screen.findByText("KPI tracker and savings ledger was not started")).toBeTruthy();
    expect(screen.getByRole("heading", { name: "Creating Team budget" })).toBeTruthy();
    release();
    expect(await screen.findByText("Created 1 sheet.")).toBeTruthy();
    expect(fake.state.sheetNames()).toEqual(["Sheet1", "Team budget", "FinOps metadata"]);
  });

  it("outside Excel, says it must run inside Excel", async () => {
    renderGenerate(["team-budget"], null);
    expect(
      await screen.findByText("The FinOps pane must run inside Excel to create templates.")
    ).toBeTruthy();
  });
});
