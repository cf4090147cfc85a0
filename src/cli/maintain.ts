import { basename } from "node:path";
import type { FileOperation } from "../xlsx/maintain/repairFile";
import type { WorkbookFile } from "../xlsx/read/readWorkbookFile";
import { BIN, EXIT, ExitCode } from "./help";
import { CliIO } from "./io";
import { MaintenanceCommand } from "./maintenanceCommand";
import { replaceFile } from "./replaceFile";
import { readWorkbookInput } from "./workbookInput";

/** Each command: what the pane calls it, what it says when there is nothing to do, and the work. */
const COMMANDS: {
  [K in MaintenanceCommand["kind"]]: {
    readonly pane: string;
    readonly done: string;
    readonly nothing: string;
    readonly run: (
      command: Extract<MaintenanceCommand, { kind: K }>,
      file: WorkbookFile,
      bytes: Uint8Array,
      now: Date
    ) => Promise<FileOperation>;
  };
} = {
  repair: {
    pane: "Repair",
    done: "Repaired",
    nothing: "Nothing to repair: everything the templates own is in place.",
    run: async (command, file, bytes, now) =>
      (await import("../xlsx/maintain/repairFile")).repairFile(file, bytes, now, command.dryRun),
  },
  upgrade: {
    pane: "Upgrade templates",
    done: "Upgraded",
    nothing: "Nothing to upgrade: every template is at the version this tool writes.",
    run: async (command, file, bytes, now) =>
      (await import("../xlsx/maintain/upgradeFile")).upgradeFile(file, bytes, now, command.dryRun),
  },
  convert: {
    pane: "Make portable or Use add-in functions",
    done: "Converted",
    nothing: "Nothing to convert.",
    run: async (command, file, bytes, now) =>
      (await import("../xlsx/maintain/convertFile")).convertFile(
        file,
        bytes,
        command.to,
        now,
        command.dryRun
      ),
  },
  "roll-forward": {
    pane: "Next month, Next quarter or Next fiscal year",
    done: "Rolled forward",
    nothing: "Nothing to roll forward.",
    run: async (command, file, bytes, now) =>
      (await import("../xlsx/maintain/rollForwardFile")).rollForwardFile(
        file,
        bytes,
        command.by,
        now,
        command.dryRun
      ),
  },
  "record-assessment": {
    pane: "Record assessment",
    done: "Recorded the assessment in",
    nothing: "Nothing recorded.",
    run: async (command, file, bytes, now) =>
      (await import("../xlsx/maintain/recordAssessmentFile")).recordAssessmentFile(
        file,
        bytes,
        now,
        command.date,
        command.dryRun
      ),
  },
};

const plural = (n: number) => `${n} change${n === 1 ? "" : "s"}`;

/**
 * A command that changes a workbook file in place (repair, upgrade, roll-forward, record-assessment,
 * convert): the pane's preview,
 * then the same change written into the file, all or nothing. --dry-run prints the preview and
 * writes nothing.
 */
export async function maintain(command: MaintenanceCommand, io: CliIO): Promise<ExitCode> {
  const fail = (code: ExitCode, message: string) => {
    io.stderr(`${BIN}: ${message}\n`);
    return code;
  };
  const input = await readWorkbookInput(command.file, BIN);
  if (!input.ok) return fail(EXIT.input, `${input.message} Nothing was written.`);
  const spec = COMMANDS[command.kind];
  const run = spec.run as (
    c: MaintenanceCommand,
    f: WorkbookFile,
    b: Uint8Array,
    n: Date
  ) => Promise<FileOperation>;
  let result: FileOperation;
  try {
    result = await run(command, input.file, input.bytes, io.now());
  } catch (error) {
    const { PackageConflict } = await import("../xlsx/edit/packageConflict");
    if (!(error instanceof PackageConflict)) throw error;
    return fail(EXIT.input, `${command.file}: ${error.message} Nothing was written.`);
  }
  const name = basename(command.file);
  for (const note of result.notes ?? []) io.stderr(`Note: ${note}\n`);
  if (result.changes.length === 0) {
    io.stdout(`${name}: ${spec.nothing}\n`);
    return EXIT.ok;
  }
  const list = result.changes.map((change) => `  ${change}\n`).join("");
  if (result.notOnFiles && result.notOnFiles.length > 0)
    return fail(
      EXIT.input,
      `${name}: this change has to ${result.notOnFiles.join("; ")}, which only Excel with the add-in can do. ` +
        `Open it in Excel and use ${spec.pane} in the add-in. Nothing was written.\n` +
        `The full change would be:\n${list}`
    );
  if (!command.dryRun && !result.bytes)
    return fail(
      EXIT.input,
      `${name}: the change below could not be made in this file (the sheet or table it needs is not as the workbook's records say). Run "${BIN} check ${command.file}". Nothing was written.\n${list}`
    );
  if (command.dryRun || !result.bytes) {
    io.stdout(
      `${name}: ${plural(result.changes.length)} (--dry-run: nothing was written)\n${list}`
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
  io.stdout(`${spec.done} ${name}: ${plural(result.changes.length)}\n${list}`);
  return EXIT.ok;
}
