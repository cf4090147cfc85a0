/**
 * @jest-environment jsdom
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import { FUNCTION_CATALOGUE, searchCatalogue } from "../../src/taskpane/functionCatalogue";

function renderApp() {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>
  );
}

describe("task pane shell", () => {
  it("names the product and lists every FINOPS function with its signature", () => {
    renderApp();
    expect(screen.getByRole("heading", { level: 1, name: "FinOps Practice Workbooks" })).toBeTruthy();
    const list = screen.getByRole("list", { name: "FINOPS functions" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(21);
    expect(within(list).getByText("FINOPS.ESR(onDemandEquivalent, effectiveCost)")).toBeTruthy();
    expect(within(list).getByText("=FINOPS.ESR(1000,750) → 0.25")).toBeTruthy();
  });

  it("filters the list as the user types and says when nothing matches", () => {
    renderApp();
    const search = screen.getByRole("searchbox", { name: "Search functions" });
    fireEvent.change(search, { target: { value: "budget" } });
    const names = within(screen.getByRole("list", { name: "FINOPS functions" }))
      .getAllByRole("listitem")
      .map((item) => item.textContent ?? "");
    expect(names.some((text) => text.startsWith("FINOPS.BUDGETSTATUS"))).toBe(true);
    expect(names.every((text) => /budget/i.test(text))).toBe(true);
    fireEvent.change(search, { target: { value: "zzz" } });
    expect(screen.getByRole("status").textContent).toBe('No function matches "zzz".');
  });

  it("searches names and descriptions with every word", () => {
    expect(searchCatalogue(FUNCTION_CATALOGUE, "commitment share unused").map((e) => e.name)).toEqual(["COMMITMENTWASTE"]);
    expect(searchCatalogue(FUNCTION_CATALOGUE, "")).toHaveLength(21);
  });
});
