import { createContext, useContext } from "react";
import type { ExcelHost } from "../excel/host";

/**
 * The Excel the pane works on: the running Office host in production, the in-memory fake in tests,
 * null when the pane is opened outside Excel. Components pass it to the src/excel adapter functions
 * and never touch Office.js globals themselves.
 */
const ExcelHostContext = createContext<ExcelHost | null>(null);

export const ExcelHostProvider = ExcelHostContext.Provider;

export function useExcelHost(): ExcelHost | null {
  return useContext(ExcelHostContext);
}
