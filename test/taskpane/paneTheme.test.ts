import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { contrastRatio, fluentThemeFor } from "../../src/taskpane/model/paneTheme";

const TEXTS = [
  "colorNeutralForeground1",
  "colorNeutralForeground2",
  "colorNeutralForeground3",
] as const;

describe("the pane's Fluent theme from the Office theme", () => {
  it("computes WCAG contrast ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2); // the usual AA grey
  });

  it("sits on Office's own background in white, colourful and dark themes", () => {
    expect(fluentThemeFor({ dark: false, background: "#ffffff" })).toEqual({
      theme: webLightTheme,
      pageBackground: "#ffffff",
    });
    const colourful = fluentThemeFor({ dark: false, background: "#e6e6e6" });
    expect(colourful.theme).toBe(webLightTheme);
    expect(colourful.pageBackground).toBe("#e6e6e6");
    const dark = fluentThemeFor({ dark: true, background: "#262626" });
    expect(dark).toEqual({ theme: webDarkTheme, pageBackground: "#262626" });
  });

  it("keeps every text colour readable (4.5:1) on the page, falling back to Fluent's background", () => {
    const backgrounds = [
      "#ffffff",
      "#e6e6e6",
      "#f3f3f3",
      "#b0b0b0",
      "#666666",
      "#262626",
      "#000000",
    ];
    for (const dark of [false, true]) {
      for (const background of backgrounds) {
        const { theme, pageBackground } = fluentThemeFor({ dark, background });
        for (const text of TEXTS)
          expect(contrastRatio(theme[text], pageBackground)).toBeGreaterThanOrEqual(4.5);
      }
    }
    // A mid grey is unreadable for the light theme's secondary text: Fluent's white instead.
    expect(fluentThemeFor({ dark: false, background: "#b0b0b0" }).pageBackground).toBe(
      webLightTheme.colorNeutralBackground1
    );
  });

  it("uses Fluent's background where Office reports no colour", () => {
    expect(fluentThemeFor({ dark: true }).pageBackground).toBe(
      webDarkTheme.colorNeutralBackground1
    );
  });
});
