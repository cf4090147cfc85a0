import { resolve } from "node:path";
import { consolidationReport } from "../workbook/consolidate/consolidationReport";
import { departmentKey, gatherSubmissions, Gathered } from "../workbook/consolidate/gather";
import { planRollup } from "../workbook/consolidate/planRollup";
import { RefusedFile } from "../workbook/consolidate/submission";
import { OptionsError } from "../workbook/generate";
import { RenderPlan } from "../workbook/plan";
import { carriedRates, missingRatesNote } from "../workbook/consolidate/rates";
import { rollupOptions } from "../workbook/templates/enterpriseRollup";
import { ConsolidateCommand } from "./consolidateCommand";
import { BIN, EXIT, ExitCode } from "./help";
import { CliIO } from "./io";
import { checkTarget, fileSystemCanWrite, isNotWritten, writeNewFile } from "./newFile";
import { replaceFile } from "./replaceFile";
import { readDepartments } from "./readDepartments";
import { readWorkbookInput } from "./workbookInput";

/** A new file holds no sheets, tables or names: the roll-up gets its own names. */
const NEW_FILE = { sheets: [], tablesAndNames: [] };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * consolidate: the department workbooks read (readDepartments.ts: shared among worker threads, each
 * file's bytes dropped once its submission is read), sorted by gatherSubmissions,
 * and the enterprise roll-up planned from them written into a new file (--out) or into a workbook
 * in place (--into). Nothing partial: an unusable file, or a department delivered twice that --use
 * does not settle, stops it before anything is written; the file is replaced all or nothing.
 */
export async function consolidate(command: ConsolidateCommand, io: CliIO): Promise<ExitCode> {
  const fail = (code: ExitCode, message: string) => {
    io.stderr(`${BIN}: ${message}\n`);
    return code;
  };
  // The target first: a missing --into or a taken --out is said before fifty files are read.
  const target =
    command.into !== undefined ? await readWorkbookInput(command.into, BIN, "optional") : undefined;
  if (target && !target.ok) return fail(EXIT.input, `${target.message} Nothing was written.`);
  if (command.out !== undefined && !command.dryRun) {
    const refused = await checkTarget(
      resolve(command.out),
      command.force,
      io.canWrite ?? fileSystemCanWrite
    );
    if (refused) return fail(refused.code, refused.message);
  }

  io.stderr(`Reading ${plural(command.files.length, "department workbook")}...\n`);
  const reading = readDepartments(command.files);
  // While worker threads read the files, this thread loads the file writer (ExcelJS), which writes
  // the roll-up with --out and its sheets with --into: time it would otherwise spend after the
  // reading (5.5 s to 4.7 s for the bench's 50 workbooks on two cores).
  if (!command.dryRun) await import("../xlsx");
  const gathered = gatherSubmissions(await reading, command.use);
  const stop = refusal(gathered, command.skipBad);
  if (stop) return fail(EXIT.input, stop);

  const date = command.date ?? today(io.now());
  const options = rollupOptions(gathered.submissions, {
    date,
    ...(command.organisation === undefined ? {} : { organisation: command.organisation }),
    ...(command.currency === undefined ? {} : { currency: command.currency }),
  });
  const intoFile = target?.ok ? target : undefined;
  const into = intoFile && (await import("../xlsx/maintain/consolidateFile"));
  const existing = intoFile && into ? into.rollupTarget(intoFile.file) : undefined;
  let plan: RenderPlan;
  try {
    plan = planRollup(
      {
        submissions: gathered.submissions,
        history: existing?.history ?? [],
        date,
        rates: existing ? carriedRates(existing, options.currency) : {},
      },
      options,
      existing?.names ?? NEW_FILE
    );
  } catch (error) {
    // Options taken from the departments' files (an organisation name too long, say): say which.
    if (!(error instanceof OptionsError)) throw error;
    return fail(
      EXIT.input,
      `The roll-up cannot be planned from these files: ${error.problems.join(" ")} Give the roll-up's own with --org or --currency. Nothing was written.`
    );
  }

  const ratesNote = missingRatesNote(
    gathered.submissions,
    options.currency,
    existing ? carriedRates(existing, options.currency) : {}
  );
  const report = [...consolidationReport(gathered), ...(ratesNote ? [ratesNote] : [])];
  const sheets = plan.sheets.map((s) => s.name).join(", ");
  const replaced =
    existing && existing.replaces.length > 0
      ? ` (replacing the earlier roll-up's ${existing.replaces.join(", ")}; its history kept)`
      : "";
  const destination = command.into ?? command.out;
  const head =
    `Consolidated ${plural(gathered.submissions.length, "department")} ` +
    `(${gathered.submissions.map((s) => s.department).join(", ")}) on ${date}.\n` +
    report.map((line) => `  ${line}\n`).join("");
  if (command.dryRun) {
    io.stdout(
      `${head}Would write ${destination}${replaced}\nSheets: ${sheets}\n(--dry-run: nothing was written)\n`
    );
    return EXIT.ok;
  }

  if (intoFile && into) {
    let bytes: Uint8Array;
    try {
      bytes = await into.rollupIntoFile(intoFile.file, intoFile.bytes, plan, io.now());
    } catch (error) {
      const { PackageConflict } = await import("../xlsx/edit/packageConflict");
      if (!(error instanceof PackageConflict)) throw error;
      return fail(EXIT.input, `${command.into}: ${error.message} Nothing was written.`);
    }
    try {
      await replaceFile(intoFile.path, bytes);
    } catch (error) {
      return fail(
        EXIT.cannotWrite,
        `Cannot write ${command.into}: ${(error as Error).message} (if it is open in Excel, close it and try again). It is unchanged.`
      );
    }
  } else {
    // A file that appeared at --out while the departments were read is not replaced without --force.
    const written = await writeNewFile(
      plan,
      resolve(command.out as string),
      command.force === true,
      io
    );
    if (isNotWritten(written)) return fail(written.code, written.message);
  }
  io.stdout(`${head}Wrote ${destination}${replaced}\nSheets: ${sheets}\n`);
  return EXIT.ok;
}

/**
 * Why nothing can be written, or undefined: files that cannot be used (unless --skip-bad), a
 * department two files deliver that --use does not settle (never skipped: either file may be the
 * right one), or no department left.
 */
function refusal(gathered: Gathered, skipBad: boolean): string | undefined {
  const kept = new Set(gathered.submissions.map((s) => departmentKey(s.department)));
  const twice = gathered.duplicates.filter((d) => !kept.has(departmentKey(d.department)));
  const inDuplicates = new Set(gathered.duplicates.flatMap((d) => d.files));
  const bad = gathered.refused.filter((r) => !inDuplicates.has(r.file));
  const lines = (refused: readonly RefusedFile[]) =>
    refused.map((r) => `  ${r.file}: ${r.reason}\n`).join("");
  const problems: string[] = [];
  if (bad.length > 0 && !skipBad)
    problems.push(
      `${plural(bad.length, "file")} cannot be used:\n${lines(bad)}` +
        `Fix or remove ${bad.length === 1 ? "it" : "them"}, or add --skip-bad to consolidate the others.`
    );
  for (const d of twice)
    problems.push(
      `The department "${d.department}" is delivered by more than one file: ${d.files.join(", ")}. ` +
        `Say which to use with --use FILE (for example --use ${d.files[0]}), or leave the others out.`
    );
  if (problems.length === 0 && gathered.submissions.length === 0)
    problems.push(
      `No department workbook can be used${bad.length > 0 ? `:\n${lines(bad)}` : "."} ` +
        `Give workbooks made by "${BIN} generate" or the add-in.`
    );
  if (problems.length === 0) return undefined;
  return `${problems.join("\n")}\nNothing was written.`;
}

/** Today's date on the user's own calendar, "YYYY-MM-DD". */
function today(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
