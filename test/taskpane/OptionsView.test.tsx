/**
 * @jest-environment jsdom
 */
import { fireEvent, screen } from "@testing-library/react";
import { saveOptions } from "../../src/excel/savedOptions";
import OptionsView from "../../src/taskpane/views/OptionsView";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "../excel/hostFor";
import { renderPane } from "./renderPane";

const input = (name: string) =>
  screen.getByRole("textbox", { name: new RegExp(`^${name}`) }) as HTMLInputElement;
const select = (name: string) =>
  screen.getByRole("combobox", { name: new RegExp(`^${name}`) }) as HTMLSelectElement;
const radio = (name: string) => screen.getByRole("radio", { name }) as HTMLInputElement;

describe("options form", () => {
  it("starts with nothing invented in a new workbook, each field with help text", async () => {
    const fake = createExcelFake();
    const onCreate = jest.fn();
    renderPane(
      <OptionsView templateIds={["team-budget"]} onBack={() => undefined} onCreate={onCreate} />,
      hostFor(fake)
    );
    expect(screen.getByText("Loading your options...")).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Options: Team budget" })).toBeTruthy();
    expect(input("Organisation").value).toBe("");
    expect(input("Organisation").placeholder).toBe("Your organisation's name");
    expect(radio("Empty tables").checked).toBe(true);
    expect(radio("Sample figures").checked).toBe(false);
    expect(select("Currency").value).toBe("USD");
    expect(select("Fiscal year starts in").value).toBe("1");
    // The host's today (29 November 2026) is the first month tracked.
    expect(select("First month tracked").value).toBe("11");
    expect(select("Year of the first month tracked").value).toBe("2026");
    expect(
      (screen.getByRole("spinbutton", { name: /^Months tracked/ }) as HTMLInputElement).value
    ).toBe("12");
    expect(radio("Hub and spoke").checked).toBe(true);
    expect(radio("FINOPS functions (needs this add-in)").checked).toBe(true);
    expect(
      screen.getByText(/portable formulas give the same results in Excel without the add-in/)
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(await screen.findByText("Enter the organisation's name.")).toBeTruthy();
    fireEvent.change(input("Organisation"), { target: { value: "Northwind Traders" } });
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).toHaveBeenCalledWith({
      ...DEFAULT_OPTIONS,
      organisation: "Northwind Traders",
      sampleData: false,
      firstPeriod: "2026-11",
    });
  });

  it("offers every ISO currency, the common ones first, by code and name", async () => {
    renderPane(
      <OptionsView templateIds={["team-budget"]} onBack={() => undefined} onCreate={jest.fn()} />,
      null
    );
    await screen.findByRole("heading", { name: "Options: Team budget" });
    const codes = [...select("Currency").options].map((o) => o.value);
    expect(codes.slice(0, 3)).toEqual(["USD", "EUR", "GBP"]);
    expect(codes).toEqual(expect.arrayContaining(["NZD", "ZAR", "BRL"]));
    expect(new Set(codes).size).toBe(codes.length);
    expect(screen.getByRole("option", { name: "EUR: Euro" })).toBeTruthy();
  });

  it("starts from the options this workbook last used", async () => {
    const fake = createExcelFake();
    const saved = {
      ...DEFAULT_OPTIONS,
      sampleData: true,
      organisation: "Fabrikam",
      currency: "EUR",
      fiscalYearStartMonth: 4,
      teamModel: "central" as const,
    };
    await saveOptions(saved, hostFor(fake));
    renderPane(
      <OptionsView
        templateIds={["team-budget"]}
        onBack={() => undefined}
        onCreate={() => undefined}
      />,
      hostFor(fake)
    );
    await screen.findByRole("heading", { name: "Options: Team budget" });
    expect(input("Organisation").value).toBe("Fabrikam");
    expect(select("Currency").value).toBe("EUR");
    expect(select("First month tracked").value).toBe("01");
    // Sample figures are chosen each time, never carried over.
    expect(radio("Empty tables").checked).toBe(true);
    expect(
      (screen.getByRole("combobox", { name: "Fiscal year starts in" }) as HTMLSelectElement).value
    ).toBe("4");
    expect((screen.getByRole("radio", { name: "Central team" }) as HTMLInputElement).checked).toBe(
      true
    );
  });

  it("checks each field inline once left, and every field on Create; nothing is created until all are right", async () => {
    const onCreate = jest.fn();
    renderPane(
      <OptionsView
        templateIds={["team-budget", "kpi-tracker"]}
        onBack={() => undefined}
        onCreate={onCreate}
      />,
      null
    );
    await screen.findByRole("heading", {
      name: "Options: Team budget, KPI tracker and savings ledger",
    });
    fireEvent.change(screen.getByRole("spinbutton", { name: /^Months tracked/ }), {
      target: { value: "40" },
    });
    expect(screen.queryByText("Choose 1 to 36 monthly periods.")).toBeNull();
    fireEvent.blur(screen.getByRole("spinbutton", { name: /^Months tracked/ }));
    expect(screen.getByText("Choose 1 to 36 monthly periods.")).toBeTruthy();
    expect(screen.queryByText("Enter the organisation's name.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(await screen.findByText("Enter the organisation's name.")).toBeTruthy();
    fireEvent.change(input("Organisation"), { target: { value: "Northwind" } });
    fireEvent.change(select("Currency"), { target: { value: "GBP" } });
    fireEvent.change(select("First month tracked"), { target: { value: "04" } });
    fireEvent.change(select("Year of the first month tracked"), {
      target: { value: String(new Date().getFullYear()) },
    });
    fireEvent.change(screen.getByRole("spinbutton", { name: /^Months tracked/ }), {
      target: { value: "24" },
    });
    fireEvent.change(select("Fiscal year starts in"), { target: { value: "4" } });
    fireEvent.click(screen.getByRole("radio", { name: "Virtual team" }));
    fireEvent.click(radio("Sample figures"));
    fireEvent.click(
      screen.getByRole("radio", { name: "Portable formulas (for people without the add-in)" })
    );
    expect(screen.queryByText("Enter the organisation's name.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).toHaveBeenCalledWith({
      organisation: "Northwind",
      currency: "GBP",
      fiscalYearStartMonth: 4,
      firstPeriod: `${new Date().getFullYear()}-04`,
      periods: 24,
      teamModel: "virtual",
      sampleData: true,
      formulaMode: "portable",
    });
  });

  it("a department and its lead, optional, checked once left, go into the options", async () => {
    const onCreate = jest.fn();
    renderPane(
      <OptionsView templateIds={["team-budget"]} onBack={() => undefined} onCreate={onCreate} />,
      null
    );
    await screen.findByRole("heading", { name: "Options: Team budget" });
    const department = screen.getByRole("textbox", { name: "Department" }) as HTMLInputElement;
    const lead = screen.getByRole("textbox", { name: "Department lead" }) as HTMLInputElement;
    expect(department.value).toBe("");
    expect(
      screen.getByText(/named in every title, e.g. "Northwind Traders, Payments/)
    ).toBeTruthy();
    fireEvent.change(input("Organisation"), { target: { value: "Northwind" } });
    fireEvent.change(department, { target: { value: "P".repeat(81) } });
    const tooLong = "Use at most 80 characters for the department (this one has 81).";
    expect(screen.queryByText(tooLong)).toBeNull();
    fireEvent.blur(department);
    expect(screen.getByText(tooLong)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).not.toHaveBeenCalled();
    fireEvent.change(department, { target: { value: " Payments " } });
    fireEvent.change(lead, { target: { value: "Ana Lima" } });
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).toHaveBeenCalledWith(
      expect.objectContaining({
        organisation: "Northwind",
        department: "Payments",
        departmentLead: "Ana Lima",
      })
    );
  });

  it("a department's workbook starts from its department", async () => {
    const fake = createExcelFake();
    await saveOptions(
      { ...DEFAULT_OPTIONS, department: "Payments", departmentLead: "Ana Lima" },
      hostFor(fake)
    );
    renderPane(
      <OptionsView templateIds={["team-budget"]} onBack={() => undefined} onCreate={jest.fn()} />,
      hostFor(fake)
    );
    await screen.findByRole("heading", { name: "Options: Team budget" });
    expect((screen.getByRole("textbox", { name: "Department" }) as HTMLInputElement).value).toBe(
      "Payments"
    );
    expect(
      (screen.getByRole("textbox", { name: "Department lead" }) as HTMLInputElement).value
    ).toBe("Ana Lima");
  });

  it("Back returns without creating", async () => {
    const onBack = jest.fn();
    renderPane(
      <OptionsView templateIds={["team-budget"]} onBack={onBack} onCreate={() => undefined} />,
      null
    );
    fireEvent.click(await screen.findByRole("button", { name: "Back" }));
    expect(onBack).toHaveBeenCalled();
  });
});
