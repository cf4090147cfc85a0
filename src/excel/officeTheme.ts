/**
 * The Office theme (white, light grey, dark grey, black, colourful) as the pane needs it: dark or not,
 * and Office's own colours so the pane looks like the rest of Office in every theme.
 */
export interface PaneTheme {
  readonly dark: boolean;
  /** Office's task pane background and text colours ("#rrggbb"), where the host reports them. */
  readonly background?: string;
  readonly foreground?: string;
}

interface ThemeSource {
  readonly isDarkTheme?: boolean;
  readonly bodyBackgroundColor?: string;
  readonly bodyForegroundColor?: string;
}

const HEX = /^#?([0-9a-f]{6})$/i;

/** "#E6E6E6" -> "#e6e6e6"; undefined for anything that is not a six-digit colour. */
function hexColour(colour: string | undefined): string | undefined {
  const match = HEX.exec(colour?.trim() ?? "");
  return match ? `#${match[1].toLowerCase()}` : undefined;
}

/** Relative luminance below one half: a dark background ("#262626" yes, "#ffffff" and colourful "#e6e6e6" no). */
export function isDarkBackground(colour: string | undefined): boolean {
  const hex = hexColour(colour);
  if (!hex) return false;
  const value = parseInt(hex.slice(1), 16);
  const [r, g, b] = [(value >> 16) & 255, (value >> 8) & 255, value & 255];
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 < 0.5;
}

/** The theme from Office.context.officeTheme (isDarkTheme where the host has it, else the background). */
export function themeFrom(source: ThemeSource | undefined): PaneTheme {
  if (!source) return { dark: false };
  const background = hexColour(source.bodyBackgroundColor);
  const foreground = hexColour(source.bodyForegroundColor);
  return {
    dark:
      typeof source.isDarkTheme === "boolean"
        ? source.isDarkTheme
        : isDarkBackground(source.bodyBackgroundColor),
    ...(background ? { background } : {}),
    ...(foreground ? { foreground } : {}),
  };
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

const sameTheme = (a: PaneTheme, b: PaneTheme) =>
  a.dark === b.dark && a.background === b.background && a.foreground === b.foreground;

/**
 * Calls onChange when the Office theme changes while the pane is open. Excel has no theme-changed event
 * (Office's OfficeThemeChanged is Outlook's), but Office.context.officeTheme follows the setting, so it
 * is read again when the pane regains focus or becomes visible, and every few seconds: a property read,
 * no round trip to Excel. Returns the function that stops watching.
 */
export function watchOfficeTheme(
  onChange: (theme: PaneTheme) => void,
  read: () => PaneTheme = officeTheme,
  everyMs = 3000
): () => void {
  let last = read();
  const check = () => {
    const next = read();
    if (sameTheme(next, last)) return;
    last = next;
    onChange(next);
  };
  const timer = setInterval(check, everyMs);
  window.addEventListener("focus", check);
  document.addEventListener("visibilitychange", check);
  return () => {
    clearInterval(timer);
    window.removeEventListener("focus", check);
    document.removeEventListener("visibilitychange", check);
  };
}
