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

describe("options form", () => {
  it("starts from the defaults in a new workbook, each field with help text", async () => {
    const fake = createExcelFake();
    const onCreate = jest.fn();
    renderPane(
      <OptionsView templateIds={["team-budget"]} onBack={() => undefined} onCreate={onCreate} />,
      hostFor(fake)
    );
    expect(screen.getByText("Loading your options...")).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "Options: Team budget" })).toBeTruthy();
    expect(input("Organisation").value).toBe("Contoso Retail");
    expect(input("Currency").value).toBe("USD");
    expect(
      (screen.getByRole("combobox", { name: "Fiscal year starts in" }) as HTMLSelectElement).value
    ).toBe("1");
    expect(
      (screen.getByRole("spinbutton", { name: /^Months tracked/ }) as HTMLInputElement).value
    ).toBe("12");
    expect((screen.getByRole("radio", { name: "Hub and spoke" }) as HTMLInputElement).checked).toBe(
      true
    );
    expect(
      (screen.getByRole("switch", { name: "Fill with sample data" }) as HTMLInputElement).checked
    ).toBe(true);
    expect(
      (
        screen.getByRole("radio", {
          name: "FINOPS functions (needs this add-in)",
        }) as HTMLInputElement
      ).checked
    ).toBe(true);
    expect(
      screen.getByText(/portable formulas give the same results in Excel without the add-in/)
    ).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).toHaveBeenCalledWith(DEFAULT_OPTIONS);
  });

  it("starts from the options this workbook last used", async () => {
    const fake = createExcelFake();
    const saved = {
      ...DEFAULT_OPTIONS,
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
    expect(input("Currency").value).toBe("EUR");
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
    fireEvent.change(input("Currency"), { target: { value: "XX" } });
    fireEvent.change(input("Organisation"), { target: { value: "" } });
    expect(screen.queryByText(/is not an ISO 4217 currency code/)).toBeNull();
    fireEvent.blur(input("Currency"));
    expect(
      screen.getByText('"XX" is not an ISO 4217 currency code (for example USD, EUR, GBP).')
    ).toBeTruthy();
    expect(input("Currency").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByText("Enter the organisation's name.")).toBeNull();
    fireEvent.change(input("First month tracked"), { target: { value: "2026-13" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: /^Months tracked/ }), {
      target: { value: "40" },
    });
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).not.toHaveBeenCalled();
    expect(await screen.findByText("Enter the organisation's name.")).toBeTruthy();
    expect(screen.getByText('Use the form YYYY-MM, for example "2026-04".')).toBeTruthy();
    expect(screen.getByText("Choose 1 to 36 monthly periods.")).toBeTruthy();
    fireEvent.change(input("Organisation"), { target: { value: "Northwind" } });
    fireEvent.change(input("Currency"), { target: { value: "gbp" } });
    fireEvent.change(input("First month tracked"), { target: { value: "2026-04" } });
    fireEvent.change(screen.getByRole("spinbutton", { name: /^Months tracked/ }), {
      target: { value: "24" },
    });
    fireEvent.change(screen.getByRole("combobox", { name: "Fiscal year starts in" }), {
      target: { value: "4" },
    });
    fireEvent.click(screen.getByRole("radio", { name: "Virtual team" }));
    fireEvent.click(screen.getByRole("switch", { name: "Fill with sample data" }));
    fireEvent.click(
      screen.getByRole("radio", { name: "Portable formulas (for people without the add-in)" })
    );
    expect(screen.queryByText("Enter the organisation's name.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Create" }));
    expect(onCreate).toHaveBeenCalledWith({
      organisation: "Northwind",
      currency: "GBP",
      fiscalYearStartMonth: 4,
      firstPeriod: "2026-04",
      periods: 24,
      teamModel: "virtual",
      sampleData: false,
      formulaMode: "portable",
    });
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
