/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import type { ExcelHost } from "../../src/excel/host";
import HomeView, { HomeViewProps } from "../../src/taskpane/views/HomeView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { createExcelFake } from "../fakes/excel";
import { hostFor, showInName } from "../excel/hostFor";
import { applyCostImport } from "../../src/excel/importCostData";
import { aggregate, focusImport } from "../workbook/costData/focusImports";
import { renderPane } from "./renderPane";

const ALL = TEMPLATES.map((t) => t.id);

/** The Workbook tab on this host; handlers not given do nothing. */
function home(host: ExcelHost | null, handlers: Partial<HomeViewProps> = {}) {
  const none = () => undefined;
  renderPane(
    <HomeView
      onChoose={handlers.onChoose ?? none}
      onBrowse={handlers.onBrowse ?? none}
      onCheck={handlers.onCheck ?? none}
      onMaintain={handlers.onMaintain ?? none}
      onImport={handlers.onImport ?? none}
      onConsolidate={handlers.onConsolidate ?? none}
    />,
    host
  );
}

describe("home: the workbook summary", () => {
  it("shows a spinner while reading, then a welcome for a workbook without FinOps sheets", async () => {
    const fake = createExcelFake();
    const onChoose = jest.fn();
    home(hostFor(fake), { onChoose });
    expect(screen.getByText("Reading the workbook...")).toBeTruthy();
    expect(
      await screen.findByRole("heading", { name: "Start your FinOps practice in this workbook" })
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create the full practice set" }));
    expect(onChoose).toHaveBeenCalledWith(ALL);
    // A central team's new workbook: the roll-up needs no template here.
    expect(screen.getByRole("button", { name: "Consolidate department workbooks" })).toBeTruthy();
    expect(screen.queryByText(/Open this pane from the FinOps group/)).toBeNull();
  });

  it("a workbook with only a Cost data sheet is welcomed with what was imported", async () => {
    const fake = createExcelFake();
    await applyCostImport(
      focusImport([aggregate("2026-01", "web"), aggregate("2026-03", "web")]),
      { periods: [] },
      hostFor(fake)
    );
    home(hostFor(fake), {});
    expect(
      await screen.findByText(
        "Cost data here: Jan 2026 to Mar 2026, imported 29 Nov 2026, 12:00 UTC."
      )
    ).toBeTruthy();
  });

  it("outside Excel, welcomes and says where to open the pane", async () => {
    home(null, {});
    expect(
      await screen.findByText(/Open this pane from the FinOps group on Excel's Home tab/)
    ).toBeTruthy();
  });

  it("after the practice set was generated: tiles of the headline figures, the templates, and the actions in menus", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(ALL, { ...DEFAULT_OPTIONS, currency: "GBP" }, hostFor(fake));
    showInName(fake, "PracticeMaturityLevel", "Crawl");
    showInName(fake, "PracticeMaturityScore", 0.4422);
    showInName(fake, "KpiGreen", 6);
    showInName(fake, "KpiAmber", 5);
    showInName(fake, "KpiRed", 4);
    showInName(fake, "TeamBudgetYTD", 250000);
    showInName(fake, "TeamActualYTD", 240000);
    showInName(fake, "TeamBudgetFY", 500000);
    showInName(fake, "TeamBudgetStatus", "On budget");
    showInName(fake, "SavingsValidatedTotal", 90000);
    showInName(fake, "AvoidanceValidatedTotal", 10000);
    const onBrowse = jest.fn();
    const onCheck = jest.fn();
    const onMaintain = jest.fn();
    const onImport = jest.fn();
    const onConsolidate = jest.fn();
    home(hostFor(fake), { onBrowse, onCheck, onMaintain, onImport, onConsolidate });
    expect(
      await screen.findByRole("heading", { name: "This workbook's FinOps practice" })
    ).toBeTruthy();
    const tiles = within(screen.getByRole("list", { name: "Headline figures" }))
      .getAllByRole("listitem")
      .map((tile) => tile.getAttribute("aria-label"));
    expect(tiles).toEqual([
      "Team budget, year to date: £240,000 spent of £250,000 (96%). On budget; full year £500,000",
      "Validated by finance, annualised: £100,000. Savings £90,000; cost avoidance £10,000",
      "KPI status: 6 Green, 5 Amber, 4 Red",
      "Maturity: Crawl (44%)",
      "Cost data: Not imported yet. Month end starts with the billing export: Month end > Import cost data.",
      "Last check: Not checked since the pane opened",
    ]);
    const list = screen.getByRole("list", { name: "Templates in this workbook" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(
      TEMPLATES.map((t) => expect.stringContaining(`${t.title}v${t.version}`))
    );
    expect(within(items[1]).getByText("Sheets: Team budget")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add templates" }));
    expect(onBrowse).toHaveBeenCalled();
    const choose = async (menu: string, item: string) => {
      fireEvent.click(screen.getByRole("button", { name: menu }));
      fireEvent.click(await screen.findByRole("menuitem", { name: item }));
    };
    await choose("Health", "Check workbook");
    expect(onCheck).toHaveBeenCalled();
    await choose("Month end", "Import cost data");
    expect(onImport).toHaveBeenCalled();
    await choose("Month end", "Consolidate department workbooks");
    expect(onConsolidate).toHaveBeenCalled();
    await choose("Year end", "Next fiscal year");
    expect(onMaintain).toHaveBeenCalledWith("nextYear");
    await choose("Sharing", "Make portable");
    expect(onMaintain).toHaveBeenCalledWith("portable");
  });

  it("says in plain words when the workbook cannot be read, and tries again", async () => {
    const fake = createExcelFake();
    fake.failOnSync(
      1,
      Object.assign(new Error("edit"), { code: "InvalidOperationInCellEditMode" })
    );
    home(hostFor(fake), {});
    expect(await screen.findByText("The workbook could not be read")).toBeTruthy();
    expect(screen.getByText(/Excel is busy editing a cell\. Press Enter or Esc/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("heading", { name: "Start your FinOps practice in this workbook" })
    ).toBeTruthy();
  });
});
