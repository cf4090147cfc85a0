/** What the pane needs of the Office theme (light, dark, colourful, ...): dark or not. */
export interface PaneTheme {
  readonly dark: boolean;
}

interface ThemeSource {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
}

/** Relative luminance below one half: a dark background ("#262626" yes, "#ffffff" and colourful "#e6e6e6" no). */
export function isDarkBackground(colour: string | undefined): boolean {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour?.trim() ?? "");
  if (!match) return false;
  const value = parseInt(match[1], 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

/** The theme from Office.context.officeTheme (isDarkTheme where the host has it, else the background). */
export function themeFrom(source: ThemeSource | undefined): PaneTheme {
  if (!source) return { dark: false };
  if (typeof source.isDarkTheme === "boolean") return { dark: source.isDarkTheme };
  return { dark: isDarkBackground(source.bodyBackgroundColor) };
}

/** The running Office's theme; light outside Office or where the host does not report one. */
export function officeTheme(): PaneTheme {
  if (typeof Office === "undefined") return { dark: false };
  try {
    return themeFrom(Office.context?.officeTheme);
  } catch {
    return { dark: false };
  }
}
