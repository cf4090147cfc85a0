import { isDarkBackground, officeTheme, themeFrom } from "../../src/excel/officeTheme";

describe("Office theme", () => {
  it("uses isDarkTheme where the host reports it, else the body background", () => {
    expect(themeFrom({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toEqual({
      dark: true,
    });
    expect(themeFrom({ bodyBackgroundColor: "#262626" })).toEqual({ dark: true }); // dark grey, black
    expect(themeFrom({ bodyBackgroundColor: "#FFFFFF" })).toEqual({ dark: false }); // white
    expect(themeFrom({ bodyBackgroundColor: "#E6E6E6" })).toEqual({ dark: false }); // colourful
    expect(themeFrom(undefined)).toEqual({ dark: false });
    expect(isDarkBackground("not a colour")).toBe(false);
  });

  it("is light outside Office", () => {
    expect(officeTheme()).toEqual({ dark: false });
  });
});
