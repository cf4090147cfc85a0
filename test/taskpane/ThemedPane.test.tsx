/**
 * @jest-environment jsdom
 */
import { act, render, screen } from "@testing-library/react";
import type { PaneTheme } from "../../src/excel/officeTheme";
import { ThemedPane } from "../../src/taskpane/components/ThemedPane";

/** The provider's root: it carries the theme marker and the page background. */
const providerOf = () => screen.getByText("pane").closest("[data-theme]") as HTMLElement;

describe("themed pane", () => {
  it("starts in the Office theme and follows a change while open, then stops watching when closed", () => {
    let report: (theme: PaneTheme) => void = () => undefined;
    const stop = jest.fn();
    const watch = jest.fn((onChange: (theme: PaneTheme) => void) => {
      report = onChange;
      return stop;
    });
    const { unmount } = render(
      <ThemedPane initial={{ dark: false, background: "#e6e6e6" }} watch={watch}>
        <p>pane</p>
      </ThemedPane>
    );
    expect(providerOf().dataset.theme).toBe("light");
    expect(providerOf().style.backgroundColor).toBe("rgb(230, 230, 230)"); // colourful grey
    act(() => report({ dark: true, background: "#262626" }));
    expect(providerOf().dataset.theme).toBe("dark");
    expect(providerOf().style.backgroundColor).toBe("rgb(38, 38, 38)");
    act(() => report({ dark: false }));
    expect(providerOf().style.backgroundColor).toBe("rgb(255, 255, 255)"); // Fluent's own
    expect(watch).toHaveBeenCalledTimes(1);
    unmount();
    expect(stop).toHaveBeenCalled();
  });

  it("uses Fluent's dark background where a dark Office reports no colour", () => {
    render(
      <ThemedPane initial={{ dark: true }} watch={() => () => undefined}>
        <p>pane</p>
      </ThemedPane>
    );
    expect(providerOf().dataset.theme).toBe("dark");
    expect(providerOf().style.backgroundColor).toBe("rgb(41, 41, 41)"); // webDarkTheme's #292929
  });
});
