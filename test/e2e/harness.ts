/**
 * Browser tests only (FINOPS_E2E=1 builds it into dist-e2e/e2e.html, after office.js and before the
 * bundles). Outside Office, office.js has no Excel and no requirement sets: this installs the
 * in-memory Excel as window.Excel, gives Office.context the fake's requirements and a theme
 * (?theme=dark or ?theme=colourful), and exposes the fake as window.__finopsFake so the tests can read
 * the workbook and inject failures, and window.__finopsSetTheme to change the Office theme while the
 * pane is open (as a user does in File > Account).
 */
import { createExcelFake, createOfficeFake, ExcelFake } from "../fakes/excel";

/** Stand-ins for what Office.context.officeTheme reports in three of Office's themes. */
const THEMES = {
  light: { isDarkTheme: false, bodyBackgroundColor: "#ffffff", bodyForegroundColor: "#000000" },
  colourful: { isDarkTheme: false, bodyBackgroundColor: "#e6e6e6", bodyForegroundColor: "#262626" },
  dark: { isDarkTheme: true, bodyBackgroundColor: "#262626", bodyForegroundColor: "#ffffff" },
};
type ThemeName = keyof typeof THEMES;

declare global {
  interface Window {
    __finopsFake: ExcelFake;
    __finopsSetTheme: (name: ThemeName) => void;
  }
}

const requested = new URLSearchParams(window.location.search).get("theme");
const themeName: ThemeName =
  requested === "dark" || requested === "colourful" ? requested : "light";
const fake = createExcelFake();
fake.install(window);
window.__finopsFake = fake;

const officeFake = createOfficeFake();
const context = {
  ...officeFake.context,
  officeTheme: THEMES[themeName],
};
window.__finopsSetTheme = (name) => {
  Office.context.officeTheme = THEMES[name] as unknown as Office.OfficeTheme;
  window.dispatchEvent(new Event("focus"));
};
if (typeof Office === "undefined") {
  // office.js did not load: the fake stands in for it entirely.
  (window as unknown as { Office: unknown }).Office = { ...officeFake, context };
} else {
  // Outside Office, office.js's Office.context (a fixed accessor) is an empty object once it is ready:
  // the fake's requirements and theme are copied onto it before the pane's onReady callback runs.
  const officeReady = Office.onReady.bind(Office);
  const useFakeContext = () => Object.assign(Office.context, context);
  Office.onReady = ((
    callback?: (info: { host: Office.HostType; platform: Office.PlatformType }) => void
  ) =>
    officeReady().then((info) => {
      useFakeContext();
      callback?.(info);
      return info;
    })) as typeof Office.onReady;
}

declare global {
  interface Window {
    /**
     * Bench only (scripts/benchFocusBrowser.ts, benchConsolidateBrowser.ts): new Workers running the
     * pane's FOCUS import, the bare parsers and the pane's reading of department workbooks.
     */
    __finopsBench: {
      focusWorker(): Worker;
      parserWorker(): Worker;
      departmentFilesWorker(): Worker;
    };
  }
}
window.__finopsBench = {
  // The same worker module the pane's workerPort starts (src/taskpane/focus/focusWorker.ts).
  focusWorker: () =>
    new Worker(
      /* webpackChunkName: "focus-worker" */ new URL(
        "../../src/taskpane/focus/focusWorker.ts",
        import.meta.url
      )
    ),
  parserWorker: () => new Worker(new URL("./benchFocusWorker.ts", import.meta.url)),
  // The same worker module the pane's consolidation starts (src/taskpane/consolidate/workerPort.ts).
  departmentFilesWorker: () =>
    new Worker(
      /* webpackChunkName: "department-files-worker" */ new URL(
        "../../src/xlsx/worker/departmentFilesWorker.ts",
        import.meta.url
      )
    ),
};
