/**
 * @jest-environment jsdom
 */
import { fireEvent, screen, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import HomeView from "../../src/taskpane/views/HomeView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { createExcelFake } from "../fakes/excel";
import { hostFor, showInName } from "../excel/hostFor";
import { renderPane } from "./renderPane";

const ALL = TEMPLATES.map((t) => t.id);

describe("home: the workbook summary", () => {
  it("shows a spinner while reading, then a welcome for a workbook without FinOps sheets", async () => {
    const fake = createExcelFake();
    const onChoose = jest.fn();
    renderPane(
      <HomeView
        onChoose={onChoose}
        onBrowse={() => undefined}
        onCheck={() => undefined}
        onMaintain={() => undefined}
        onImport={() => undefined}
      />,
      hostFor(fake)
    );
    expect(screen.getByText("Reading the workbook...")).toBeTruthy();
    expect(
      await screen.findByRole("heading", { name: "Start your FinOps practice workbooks" })
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create the full practice set" }));
    expect(onChoose).toHaveBeenCalledWith(ALL);
    expect(screen.queryByText(/Open this pane from the FinOps group/)).toBeNull();
  });

  it("outside Excel, welcomes and says where to open the pane", async () => {
    renderPane(
      <HomeView
        onChoose={() => undefined}
        onBrowse={() => undefined}
        onCheck={() => undefined}
        onMaintain={() => undefined}
        onImport={() => undefined}
      />,
      null
    );
    expect(
      await screen.findByText(/Open this pane from the FinOps group on Excel's Home tab/)
    ).toBeTruthy();
  });

  it("after the practice set was generated: templates, versions, maturity level and KPI counts", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(ALL, DEFAULT_OPTIONS, hostFor(fake));
    showInName(fake, "PracticeMaturityLevel", "Crawl");
    showInName(fake, "PracticeMaturityScore", 0.4422);
    showInName(fake, "KpiGreen", 6);
    showInName(fake, "KpiAmber", 5);
    showInName(fake, "KpiRed", 4);
    const onBrowse = jest.fn();
    const onCheck = jest.fn();
    renderPane(
      <HomeView
        onChoose={() => undefined}
        onBrowse={onBrowse}
        onCheck={onCheck}
        onMaintain={() => undefined}
        onImport={() => undefined}
      />,
      hostFor(fake)
    );
    expect(
      await screen.findByRole("heading", { name: "This workbook's FinOps practice" })
    ).toBeTruthy();
    const list = screen.getByRole("list", { name: "FinOps workbooks in this file" });
    const items = within(list).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(
      TEMPLATES.map((t) => expect.stringContaining(`${t.title}v${t.version}`))
    );
    expect(within(items[1]).getByText("Sheets: Team budget")).toBeTruthy();
    expect(screen.getByLabelText("Maturity level: Crawl (44%)")).toBeTruthy();
    const kpis = screen.getByRole("group", { name: "KPI status" });
    expect(within(kpis).getByText("6 Green")).toBeTruthy();
    expect(within(kpis).getByText("5 Amber")).toBeTruthy();
    expect(within(kpis).getByText("4 Red")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Add templates" }));
    expect(onBrowse).toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Check workbook" }));
    expect(onCheck).toHaveBeenCalled();
  });

  it("says in plain words when the workbook cannot be read, and tries again", async () => {
    const fake = createExcelFake();
    fake.failOnSync(
      1,
      Object.assign(new Error("edit"), { code: "InvalidOperationInCellEditMode" })
    );
    renderPane(
      <HomeView
        onChoose={() => undefined}
        onBrowse={() => undefined}
        onCheck={() => undefined}
        onMaintain={() => undefined}
        onImport={() => undefined}
      />,
      hostFor(fake)
    );
    expect(await screen.findByText("The workbook could not be read")).toBeTruthy();
    expect(screen.getByText(/Excel is busy editing a cell\. Press Enter or Esc/)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(
      await screen.findByRole("heading", { name: "Start your FinOps practice workbooks" })
    ).toBeTruthy();
  });
});
