import { GenerationError } from "./hostErrors";

/** What the generator needs from Excel: ExcelApi 1.12 (as manifest.xml requires). */
export const REQUIRED_EXCEL_API = "1.12";

interface Requirements {
  isSetSupported(name: string, version?: string): boolean;
}

/** Throws a clear error when the Excel running the add-in is too old for the generator. */
export function checkHost(requirements: Requirements | undefined): void {
  if (!requirements)
    throw new GenerationError("The FinOps pane must run inside Excel to create templates.");
  if (!requirements.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    throw new GenerationError(
      `This version of Excel is too old for the FinOps templates (they need Excel API ${REQUIRED_EXCEL_API}: Microsoft 365, Excel 2021 or later, or Excel on the web). Update Excel, then try again.`
    );
  }
}
