import { createRoot } from "react-dom/client";
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { availableHost } from "../excel/host";
import { whenOfficeReady } from "../excel/officeReady";
import { officeTheme } from "../excel/officeTheme";
import { registerRibbonActions } from "../excel/ribbon";
import { App } from "./components/App";
import { ExcelHostProvider } from "./ExcelHostContext";
import { createNavigator } from "./model/navigation";

whenOfficeReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const navigator = createNavigator();
  // "Check workbook" on the ribbon: the pane on the workbook summary (the check arrives with maintenance).
  registerRibbonActions(() => navigator.go({ name: "home" }));
  createRoot(container).render(
    <FluentProvider theme={officeTheme().dark ? webDarkTheme : webLightTheme} style={{ minHeight: "100vh" }}>
      <ExcelHostProvider value={availableHost()}>
        <App navigator={navigator} />
      </ExcelHostProvider>
    </FluentProvider>
  );
});
