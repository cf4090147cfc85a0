import { RenderPlan } from "../workbook/plan";
import type { XlsxReport } from "../xlsx";

/** Everything the command line touches besides the output file; tests pass collectors and a fixed clock. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly now: () => Date;
  /** Writes the plan to an .xlsx file; src/xlsx's writeXlsxFile unless a test replaces it. */
  readonly writeFile?: (plan: RenderPlan, path: string, now?: Date) => Promise<XlsxReport>;
  /** Whether a path may be written to; the file system's answer unless a test replaces it (root may write anywhere). */
  readonly canWrite?: (path: string) => Promise<boolean>;
}
