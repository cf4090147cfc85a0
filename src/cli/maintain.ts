import { basename } from "node:path";
import { BIN, EXIT, ExitCode } from "./help";
import { CliIO } from "./io";
import { MaintenanceCommand } from "./maintenanceCommand";
import { replaceFile } from "./replaceFile";
import { readWorkbookInput } from "./workbookInput";

const VERB: Record<MaintenanceCommand["kind"], { done: string; nothing: string }> = {
  repair: {
    done: "Repaired",
    nothing: "Nothing to repair: everything the templates own is in place.",
  },
};

/**
 * A maintenance command on a file (repair): the pane's preview, then the same change written into
 * the file in place, all or nothing. --dry-run prints the preview and writes nothing.
 */
export async function maintain(command: MaintenanceCommand, io: CliIO): Promise<ExitCode> {
  const fail = (code: ExitCode, message: string) => {
    io.stderr(`${BIN}: ${message}\n`);
    return code;
  };
  const input = await readWorkbookInput(command.file, BIN);
  if (!input.ok) return fail(EXIT.input, `${input.message} Nothing was written.`);
  const { repairFile } = await import("../xlsx/maintain/repairFile");
  const result = await repairFile(input.file, input.bytes, io.now(), command.dryRun);
  const name = basename(command.file);
  const verb = VERB[command.kind];
  if (result.changes.length === 0) {
    io.stdout(`${name}: ${verb.nothing}\n`);
    return EXIT.ok;
  }
  const list = result.changes.map((change) => `  ${change}\n`).join("");
  if (result.notOnFiles.length > 0)
    return fail(
      EXIT.input,
      `${name} needs changes the command line cannot make in a file yet (${result.notOnFiles.join("; ")}). ` +
        `Open it in Excel and use ${command.kind === "repair" ? "Repair" : command.kind} in the add-in. Nothing was written.\n` +
        `The full change would be:\n${list}`
    );
  if (command.dryRun || !result.bytes) {
    io.stdout(
      `${name}: ${result.changes.length} change${result.changes.length === 1 ? "" : "s"} (--dry-run: nothing was written)\n${list}`
    );
    return EXIT.ok;
  }
  try {
    await replaceFile(input.path, result.bytes);
  } catch (error) {
    return fail(
      EXIT.cannotWrite,
      `Cannot write ${command.file}: ${(error as Error).message} (if it is open in Excel, close it and try again). It is unchanged.`
    );
  }
  io.stdout(
    `${verb.done} ${name}: ${result.changes.length} change${result.changes.length === 1 ? "" : "s"}\n${list}`
  );
  return EXIT.ok;
}
