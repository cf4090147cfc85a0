/**
 * @jest-environment jsdom
 */
import { fireEvent, screen } from "@testing-library/react";
import { ChangeList } from "../../src/taskpane/components/ChangeList";
import { renderPane } from "./renderPane";

describe("a change that quotes a formula", () => {
  it("reads as a sentence; the formula shows on request", () => {
    renderPane(
      <ChangeList
        label="Left as they were"
        lines={["Team budget!Z3: =SUM(Lines[[#This Row],[Jan]:[Dec]]) is left as it is."]}
      />,
      null
    );
    const item = screen.getByRole("listitem");
    expect(item.textContent).toBe("Team budget!Z3: a formula (Show formula) is left as it is.");
    fireEvent.click(screen.getByRole("button", { name: "Show formula" }));
    expect(screen.getByText("=SUM(Lines[[#This Row],[Jan]:[Dec]])").tagName).toBe("CODE");
    fireEvent.click(screen.getByRole("button", { name: "Hide formula" }));
    expect(screen.queryByText(/^=SUM/)).toBeNull();
  });

  it("a line without a formula is shown as it is", () => {
    renderPane(
      <ChangeList label="Changes made" lines={['Recreate the sheet "KPI tracker".']} />,
      null
    );
    expect(screen.getByRole("listitem").textContent).toBe('Recreate the sheet "KPI tracker".');
    expect(screen.queryByRole("button")).toBeNull();
  });
});

describe("a finding whose fix brackets the formula", () => {
  it("shows the toggle between the brackets", () => {
    renderPane(
      <ChangeList
        label="Fix"
        lines={["Repair puts the formula back (=IF(ISBLANK(Lines[[#This Row],[Budget]]),0,1))."]}
      />,
      null
    );
    expect(screen.getByRole("listitem").textContent).toBe(
      "Repair puts the formula back (Show formula)."
    );
  });
});

describe("a short formula", () => {
  it("is what to type, so it is shown as it is", () => {
    renderPane(
      <ChangeList label="Fix" lines={["Replace it with =ValidatedValueTotal, or clear it."]} />,
      null
    );
    expect(screen.getByRole("listitem").textContent).toBe(
      "Replace it with =ValidatedValueTotal, or clear it."
    );
    expect(screen.queryByRole("button")).toBeNull();
  });
});
