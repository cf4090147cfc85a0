import { ReactElement } from "react";
import { configure, render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ExcelHost } from "../../src/excel/host";
import { ExcelHostProvider } from "../../src/taskpane/ExcelHostContext";

// Fluent's MessageBar measures itself with ResizeObserver, which every Office webview has and jsdom lacks.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  };
}

// Views load as lazy chunks and the adapter works through the in-memory Excel: on a loaded machine
// (CI, or jest's workers side by side) that can take over the default 1 s, so findBy* waits up to 10 s.
configure({ asyncUtilTimeout: 10_000 });

/** Renders pane UI as index.tsx does, with the adapter working on `host` (the in-memory Excel, or null outside Excel). */
export function renderPane(ui: ReactElement, host: ExcelHost | null) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <ExcelHostProvider value={host}>{ui}</ExcelHostProvider>
    </FluentProvider>
  );
}
