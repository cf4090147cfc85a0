import { createContext, useContext } from "react";

/**
 * How a view keeps the pane on itself while it writes to the workbook (Navigator.hold). Views rendered
 * on their own (component tests) get a hold that does nothing.
 */
const PaneHoldContext = createContext<() => () => void>(() => () => undefined);

export const PaneHoldProvider = PaneHoldContext.Provider;

export const usePaneHold = () => useContext(PaneHoldContext);
