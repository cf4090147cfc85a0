import { Theme, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { PaneTheme } from "../../excel/officeTheme";

/** WCAG relative luminance of "#rrggbb". */
function luminance(hex: string): number {
  const value = parseInt(hex.slice(1), 16);
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return (
    0.2126 * channel((value >> 16) & 255) +
    0.7152 * channel((value >> 8) & 255) +
    0.0722 * channel(value & 255)
  );
}

/** WCAG contrast ratio between two "#rrggbb" colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for body text. */
const READABLE = 4.5;

export interface FluentPaneTheme {
  readonly theme: Theme;
  /** The page behind the cards: Office's pane background where text on it stays readable, else Fluent's. */
  readonly pageBackground: string;
}

/**
 * Fluent's light or dark theme, on Office's own pane background so the pane matches the theme around
 * it (white, light grey, colourful, dark grey, black). Office's colour is used only where Fluent's text
 * colours stay readable on it; cards keep Fluent's background, as Office's own panes do.
 */
export function fluentThemeFor(office: PaneTheme): FluentPaneTheme {
  const theme = office.dark ? webDarkTheme : webLightTheme;
  const fallback = theme.colorNeutralBackground1;
  const background = office.background;
  if (!background) return { theme, pageBackground: fallback };
  const texts = [
    theme.colorNeutralForeground1,
    theme.colorNeutralForeground2,
    theme.colorNeutralForeground3,
  ];
  const readable = texts.every((text) => contrastRatio(text, background) >= READABLE);
  return { theme, pageBackground: readable ? background : fallback };
}
