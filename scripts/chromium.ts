import * as fs from "fs";

/**
 * The Chromium (or Chrome) the browser tests and the pane bench drive with playwright-core. The
 * system's own browser is used because playwright's browser download cannot work offline.
 */
const CANDIDATES: Partial<Record<typeof process.platform, readonly string[]>> = {
  linux: [
    "/usr/bin/chromium",
    "/usr/bin/chromium-browser",
    "/snap/bin/chromium",
    "/usr/bin/google-chrome",
  ],
  darwin: [
    "/Applications/Chromium.app/Contents/MacOS/Chromium",
    "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  ],
  win32: [
    "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe",
    "C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe",
  ],
};

/** $CHROMIUM_PATH, or the first browser installed where its platform puts it; undefined if none. */
export function findChromium(): string | undefined {
  const configured = process.env.CHROMIUM_PATH;
  if (configured) return fs.existsSync(configured) ? configured : undefined;
  return (CANDIDATES[process.platform] ?? []).find((file) => fs.existsSync(file));
}
