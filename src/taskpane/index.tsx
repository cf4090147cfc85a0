import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./components/App";

function render(): void {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App />
    </FluentProvider>
  );
}

// Inside Excel, wait for Office.js. Opened in a plain browser (or if the Office.js script could not
// load), show the pane anyway rather than a blank page.
if (typeof Office !== "undefined") Office.onReady(render);
else render();
