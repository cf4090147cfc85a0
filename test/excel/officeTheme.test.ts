/** @jest-environment jsdom */
import {
  isDarkBackground,
  officeTheme,
  PaneTheme,
  themeFrom,
  watchOfficeTheme,
} from "../../src/excel/officeTheme";

describe("Office theme", () => {
  it("uses isDarkTheme where the host reports it, else the body background", () => {
    expect(themeFrom({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" }).dark).toBe(true);
    expect(themeFrom({ bodyBackgroundColor: "#262626" }).dark).toBe(true); // dark grey, black
    expect(themeFrom({ bodyBackgroundColor: "#FFFFFF" }).dark).toBe(false); // white
    expect(themeFrom({ bodyBackgroundColor: "#E6E6E6" }).dark).toBe(false); // colourful
    expect(themeFrom(undefined)).toEqual({ dark: false });
    expect(isDarkBackground("not a colour")).toBe(false);
  });

  it("keeps Office's pane colours, normalised, and drops what is not a colour", () => {
    expect(themeFrom({ bodyBackgroundColor: "#E6E6E6", bodyForegroundColor: "#262626" })).toEqual({
      dark: false,
      background: "#e6e6e6",
      foreground: "#262626",
    });
    expect(themeFrom({ bodyBackgroundColor: "green", bodyForegroundColor: "" })).toEqual({
      dark: false,
    });
  });

  it("is light outside Office", () => {
    expect(officeTheme()).toEqual({ dark: false });
  });

  describe("watching for a change while the pane is open", () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it("reports a change once, on the next check or when the pane regains focus", () => {
      let current: PaneTheme = { dark: false, background: "#ffffff" };
      const seen: PaneTheme[] = [];
      const stop = watchOfficeTheme(
        (t) => seen.push(t),
        () => current,
        1000
      );
      jest.advanceTimersByTime(3000);
      expect(seen).toEqual([]); // nothing changed
      current = { dark: true, background: "#262626" };
      window.dispatchEvent(new Event("focus"));
      expect(seen).toEqual([current]);
      jest.advanceTimersByTime(3000);
      expect(seen).toHaveLength(1); // the same theme is not reported again
      current = { dark: false, background: "#e6e6e6" };
      jest.advanceTimersByTime(1000);
      expect(seen).toEqual([{ dark: true, background: "#262626" }, current]);
      stop();
      current = { dark: true };
      jest.advanceTimersByTime(5000);
      window.dispatchEvent(new Event("focus"));
      expect(seen).toHaveLength(2); // stopped
    });
  });
});
