import { ReactNode, useEffect, useState } from "react";
import { FluentProvider } from "@fluentui/react-components";
import { officeTheme, PaneTheme, watchOfficeTheme } from "../../excel/officeTheme";
import { fluentThemeFor } from "../model/paneTheme";

export interface ThemedPaneProps {
  readonly children: ReactNode;
  /** The theme at start and how changes are watched; Office's by default (tests pass their own). */
  readonly initial?: PaneTheme;
  readonly watch?: (onChange: (theme: PaneTheme) => void) => () => void;
}

/** Fluent UI in the Office theme, following it when the user changes it while the pane is open. */
export function ThemedPane({ children, initial, watch = watchOfficeTheme }: ThemedPaneProps) {
  const [office, setOffice] = useState<PaneTheme>(() => initial ?? officeTheme());
  useEffect(() => watch(setOffice), [watch]);
  const { theme, pageBackground } = fluentThemeFor(office);
  return (
    <FluentProvider
      theme={theme}
      style={{ minHeight: "100vh", backgroundColor: pageBackground }}
      data-theme={office.dark ? "dark" : "light"}
    >
      {children}
    </FluentProvider>
  );
}
