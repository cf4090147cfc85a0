/** The ribbon's "Check workbook" button runs this action (manifest: ExecuteFunction, FunctionName). */
export const CHECK_WORKBOOK_ACTION = "checkWorkbook";

interface ActionEvent {
  completed(): void;
}

/** The parts of the Office global the ribbon needs; tests pass a stand-in. */
export interface RibbonOffice {
  readonly actions?: { associate(id: string, action: (event?: ActionEvent) => void): void };
  readonly addin?: { showAsTaskpane(): Promise<void> };
}

const officeGlobal = (): RibbonOffice | undefined =>
  typeof Office === "undefined" ? undefined : (Office as unknown as RibbonOffice);

/**
 * Connects the ribbon's "Check workbook" button: it shows the pane and runs the health check there, where
 * the findings have Go to links and Repair. Returns false where the host has no Office.actions
 * (no shared runtime: Excel 2016/2019, a plain browser); the button then does nothing harmful.
 */
export function registerRibbonActions(
  openCheck: () => void,
  office: RibbonOffice | undefined = officeGlobal()
): boolean {
  const actions = office?.actions;
  if (!actions || typeof actions.associate !== "function") return false;
  actions.associate(CHECK_WORKBOOK_ACTION, (event) => {
    openCheck();
    const shown = office?.addin?.showAsTaskpane?.() ?? Promise.resolve();
    // Excel waits for completed() to end the command, whether or not the pane could be shown.
    void shown.catch(() => undefined).then(() => event?.completed());
  });
  return true;
}
