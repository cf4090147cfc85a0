import { createRoot } from "react-dom/client";
import { availableHost } from "../excel/host";
import { whenOfficeReady } from "../excel/officeReady";
import { registerRibbonActions } from "../excel/ribbon";
import { App } from "./components/App";
import { ThemedPane } from "./components/ThemedPane";
import { ExcelHostProvider } from "./ExcelHostContext";
import { createNavigator } from "./model/navigation";

whenOfficeReady(() => {
  const container = document.getElementById("container");
  if (!container) return;
  const navigator = createNavigator();
  // "Check workbook" on the ribbon: the pane runs the health check.
  registerRibbonActions(() => navigator.go({ name: "check" }));
  createRoot(container).render(
    <ThemedPane>
      <ExcelHostProvider value={availableHost()}>
        <App navigator={navigator} />
      </ExcelHostProvider>
    </ThemedPane>
  );
});
