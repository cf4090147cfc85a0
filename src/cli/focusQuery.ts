import { renderFocusQuery } from "../domain/focus/warehouse/focusQuery";
import { FocusQueryCommand } from "./focusQueryCommand";
import { EXIT, ExitCode } from "./help";
import { CliIO } from "./io";

/** focus-query: prints the warehouse query (the options were checked when parsed, so it cannot fail). */
export function focusQuery(command: FocusQueryCommand, io: CliIO): ExitCode {
  io.stdout(renderFocusQuery(command));
  return EXIT.ok;
}
