/**
 * @jest-environment jsdom
 */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { App } from "../../src/taskpane/components/App";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { FUNCTION_CATALOGUE, searchCatalogue } from "../../src/taskpane/functionCatalogue";
import { createNavigator } from "../../src/taskpane/model/navigation";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { renderPane } from "./renderPane";
import { slowHost } from "./slowHost";

describe("task pane shell", () => {
  // The journeys below go through several lazy views and a full generation.
  jest.setTimeout(60_000);
  it("names the product and opens on the workbook summary, with tabs for templates and functions", async () => {
    renderPane(<App />, hostFor(createExcelFake()));
    expect(
      screen.getByRole("heading", { level: 1, name: "FinOps Practice Workbooks" })
    ).toBeTruthy();
    // Office shows the name above the pane: the heading is for screen readers, no logo or title bar.
    expect(screen.queryByRole("img")).toBeNull();
    expect(screen.getByRole("link", { name: "Help" }).getAttribute("href")).toBe("guide.html");
    expect(screen.getByRole("link", { name: "Function reference" }).getAttribute("href")).toBe(
      "help.html"
    );
    const tablist = within(screen.getByRole("tablist", { name: "Pane sections" }));
    expect(tablist.getAllByRole("tab")).toHaveLength(3);
    expect(tablist.getByRole("tab", { name: "Workbook" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    expect(tablist.getByRole("tab", { name: "Templates" }).getAttribute("aria-selected")).toBe(
      "false"
    );
    expect(tablist.getByRole("tab", { name: "Functions" })).toBeTruthy();
    expect(
      await screen.findByRole("heading", { name: "Start your FinOps practice in this workbook" })
    ).toBeTruthy();
  });

  it("loads the other views when their tab is chosen", async () => {
    renderPane(<App />, null);
    await screen.findByRole("heading", { name: "Start your FinOps practice in this workbook" });
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    const list = await screen.findByRole("list", { name: "FINOPS functions" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(21);
    fireEvent.click(screen.getByRole("tab", { name: "Templates" }));
    expect(await screen.findByRole("heading", { name: "Templates" })).toBeTruthy();
  });

  it("goes from the welcome to a finished practice set and back to its summary", async () => {
    const fake = createExcelFake();
    renderPane(<App />, hostFor(fake));
    fireEvent.click(await screen.findByRole("button", { name: "Create the full practice set" }));
    expect(
      await screen.findByRole("heading", { name: "Options: The full practice set (7 templates)" })
    ).toBeTruthy();
    fireEvent.change(screen.getByRole("textbox", { name: /^Organisation/ }), {
      target: { value: "Northwind" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(await screen.findByText("Done.", {}, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Templates" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    fireEvent.click(screen.getByRole("button", { name: "See the workbook summary" }));
    expect(
      await screen.findByRole("heading", { name: "This workbook's FinOps practice" })
    ).toBeTruthy();
    expect(
      within(screen.getByRole("list", { name: "Templates in this workbook" })).getAllByRole(
        "listitem"
      )
    ).toHaveLength(7);
    // Next time, the form starts from what this workbook used.
    fireEvent.click(screen.getByRole("button", { name: "Add templates" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: "Team budget" }));
    fireEvent.click(screen.getByRole("button", { name: "Create selected (1)" }));
    expect(await screen.findByDisplayValue("Northwind")).toBeTruthy();
  });

  it("keeps a run and its result across tab switches: neither restarted nor lost", async () => {
    const fake = createExcelFake();
    const { host, release } = slowHost(fake, 2); // the summary and saved options are read at once; the generation waits
    renderPane(<App />, host);
    fireEvent.click(await screen.findByRole("button", { name: "Create the full practice set" }));
    await screen.findByRole("heading", { name: "Options: The full practice set (7 templates)" });
    fireEvent.change(screen.getByRole("textbox", { name: /^Organisation/ }), {
      target: { value: "Northwind" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(
      await screen.findByRole("heading", { name: "Creating The full practice set (7 templates)" })
    ).toBeTruthy();
    // Away to the functions while Excel works, then back: the same run, still under way.
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    await screen.findByRole("list", { name: "FINOPS functions" });
    fireEvent.click(screen.getByRole("tab", { name: "Templates" }));
    expect(
      await screen.findByRole("heading", { name: "Creating The full practice set (7 templates)" })
    ).toBeTruthy();
    release();
    expect(await screen.findByText("Done.", {}, { timeout: 5000 })).toBeTruthy();
    // The result is still there after a look at the workbook summary.
    fireEvent.click(screen.getByRole("tab", { name: "Workbook" }));
    expect(
      await screen.findByRole("heading", { name: "This workbook's FinOps practice" })
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Templates" }));
    expect(await screen.findByText("Done.")).toBeTruthy();
    // One run: each sheet exists once, none with a "(2)" from a second run.
    expect(fake.state.sheetNames().filter((name) => name.endsWith("(2)"))).toEqual([]);
    // Moving on from the result forgets it: the Templates tab opens the gallery again.
    fireEvent.click(screen.getByRole("button", { name: "Create more" }));
    expect(await screen.findByRole("heading", { name: "Templates" })).toBeTruthy();
    fireEvent.click(screen.getByRole("tab", { name: "Functions" }));
    await screen.findByRole("list", { name: "FINOPS functions" });
    fireEvent.click(screen.getByRole("tab", { name: "Templates" }));
    expect(await screen.findByRole("heading", { name: "Templates" })).toBeTruthy();
  });

  it("a maintenance write keeps the pane on its view: the ribbon's Check waits until it is done", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["team-budget"], DEFAULT_OPTIONS, hostFor(fake));
    fake.resetCounters();
    const { host, release } = slowHost(fake, 1); // the preview reads at once; the write waits
    const navigator = createNavigator({ name: "maintain", action: "portable" });
    renderPane(<App navigator={navigator} />, host);
    fireEvent.click(await screen.findByRole("button", { name: "Apply" }));
    expect(await screen.findByText("Make portable...")).toBeTruthy();
    act(() => navigator.go({ name: "check" })); // the ribbon, while Excel writes
    expect(screen.getByRole("heading", { name: "Make portable" })).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Functions" }).hasAttribute("disabled")).toBe(true);
    expect(fake.syncCount).toBe(3); // the preview's reads; nothing else has reached Excel
    release();
    expect(await screen.findByRole("heading", { name: "Workbook check" })).toBeTruthy();
    // The conversion finished before the check read the workbook: nothing left to repair (the sample
    // budget's over-budget line is a warning of its own).
    expect(
      await screen.findByText(/^Checked 1 template: .*None can be repaired automatically\.$/)
    ).toBeTruthy();
  });

  it("the ribbon's Check workbook runs the check from any view, under the Workbook tab", async () => {
    const navigator = createNavigator({ name: "functions" });
    renderPane(<App navigator={navigator} />, hostFor(createExcelFake()));
    expect(await screen.findByRole("list", { name: "FINOPS functions" })).toBeTruthy();
    act(() => navigator.go({ name: "check" }));
    expect(await screen.findByRole("heading", { name: "Workbook check" })).toBeTruthy();
    expect(
      await screen.findByText(/^This workbook holds no FinOps templates to check yet\./)
    ).toBeTruthy();
    expect(screen.getByRole("tab", { name: "Workbook" }).getAttribute("aria-selected")).toBe(
      "true"
    );
    fireEvent.click(screen.getByRole("button", { name: "Back to the summary" }));
    expect(
      await screen.findByRole("heading", { name: "Start your FinOps practice in this workbook" })
    ).toBeTruthy();
  });

  it("searches names and descriptions with every word", () => {
    expect(
      searchCatalogue(FUNCTION_CATALOGUE, "commitment share unused").map((e) => e.name)
    ).toEqual(["COMMITMENTWASTE"]);
    expect(searchCatalogue(FUNCTION_CATALOGUE, "")).toHaveLength(21);
  });
});
