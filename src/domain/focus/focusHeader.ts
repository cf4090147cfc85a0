import {
  FOCUS_ESSENTIAL_COLUMNS,
  FOCUS_REQUIRED_COLUMNS,
  detectFocusVersion,
} from "./focusColumns";
import { CsvNewline, FocusCsvTokenizer } from "./focusCsv";
import { looksLikeAggregates } from "./focusAggregatesCsv";
import { FocusFileError } from "./focusFileError";
import { FocusDelimiter, FocusIssue, FocusVersion } from "./focusTypes";

/** Tried in this order: FOCUS's own first, then what spreadsheets save as CSV in many locales. */
const DELIMITERS: readonly FocusDelimiter[] = [",", ";", "\t"];

/** Delimiters seen in exports but not read, named in the refusal. */
const OTHER_DELIMITERS: readonly (readonly [string, string])[] = [["|", '"|" (vertical bar)']];

/**
 * The delimiter on which the file's first line splits into the essential FOCUS columns; "," when none
 * does, so checkFocusHeader refuses the header and says why.
 */
export function detectDelimiter(text: string, newline: CsvNewline): FocusDelimiter {
  const end = text.indexOf(newline);
  const line = end === -1 ? text : text.substring(0, end);
  for (const delimiter of DELIMITERS) {
    const tokenizer = new FocusCsvTokenizer(newline, delimiter);
    tokenizer.text(line, true);
    const fields: string[] = [];
    if (tokenizer.record(0, fields, null) < 0) continue;
    const columns = fields.map((field) => field.trim());
    if (FOCUS_ESSENTIAL_COLUMNS.every((column) => columns.includes(column))) return delimiter;
  }
  return ",";
}

/**
 * Checks a file's header: refuses it (FocusFileError) without the columns the aggregation needs,
 * saying so when the columns are there but split by a delimiter that is not read ("|"), and lists the
 * version's other required columns that are missing as a warning.
 */
export function checkFocusHeader(
  file: string,
  columns: readonly string[],
  /** Where problems are reported: the CSV header's line 1, or 0 (the whole file) for Parquet. */
  line = 1
): { version: FocusVersion; warning: FocusIssue | null } {
  const missingEssential = FOCUS_ESSENTIAL_COLUMNS.filter((column) => !columns.includes(column));
  if (missingEssential.length > 0) {
    const joined = columns.join(",");
    for (const [delimiter, name] of OTHER_DELIMITERS) {
      const split = joined.split(delimiter).map((column) => column.trim());
      if (FOCUS_ESSENTIAL_COLUMNS.every((column) => split.includes(column))) {
        throw new FocusFileError(
          "wrongDelimiter",
          file,
          line,
          `${file} separates its columns with ${name}; FOCUS files are comma-separated (semicolons and tabs are read too). Export it again as comma-separated CSV.`
        );
      }
    }
    if (looksLikeAggregates(columns.join(",")))
      throw new FocusFileError(
        "missingColumns",
        file,
        line,
        `${file} is the result of a warehouse query (the totals focus-query computes), not FOCUS rows: import it with import-focus --aggregates ${file}.`
      );
    throw new FocusFileError(
      "missingColumns",
      file,
      line,
      `${file} is not a FOCUS cost file: its ${line === 0 ? "columns lack" : "header lacks"} ${missingEssential.join(", ")}.`
    );
  }
  const version = detectFocusVersion(columns);
  const missing = FOCUS_REQUIRED_COLUMNS[version].filter((column) => !columns.includes(column));
  const warning: FocusIssue | null =
    missing.length === 0
      ? null
      : {
          severity: "warning",
          file,
          line,
          message: `FOCUS ${version} requires columns this file lacks: ${missing.join(", ")}.${amountNote(missing)}`,
        };
  return { version, warning };
}

/** What the import does about missing amount columns, in words; "" when none is missing. */
function amountNote(missing: readonly string[]): string {
  const notes = [];
  if (missing.includes("ContractedCost"))
    notes.push(
      "ContractedCost is taken as ListCost, FOCUS's default where no negotiated price applies"
    );
  const zero = ["BilledCost", "EffectiveCost", "ListCost"].filter((c) => missing.includes(c));
  if (zero.length > 0)
    notes.push(
      `${zero.join(" and ")} count${zero.length === 1 ? "s" : ""} as 0, so savings from ${zero.length === 1 ? "it are" : "them are"} not meaningful`
    );
  return notes.length === 0 ? "" : ` ${notes.join("; ")}.`;
}
