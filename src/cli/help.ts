import { DEFAULT_OPTIONS } from "../workbook/options";
import type { Template } from "../workbook/spec";
import { MADE_BY_COMMAND, TEMPLATES } from "../workbook/templates";
import { CommandName, COMMANDS } from "./command";

export const BIN = "finops-workbooks";

/** Exit codes, the same in --help, docs/CLI.md and run(). */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  exists: 3,
  cannotWrite: 4,
  input: 5,
  checkFailed: 6,
} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

const EXIT_CODES = `Exit codes:
  0  success
  1  unexpected failure (a bug: please report it with the command you ran)
  2  usage error: unknown command or flag, bad argument or option value
  3  the output file exists (add --force to overwrite it)
  4  cannot write the output file (missing folder, no permission, read-only)
  5  an input cannot be used (a FOCUS file, or a workbook that is missing, encrypted, open in
     Excel, not this tool's, or made by a newer version of it; for consolidate also a department
     delivered twice without --use, or no usable department)
  6  check found an error in the workbook`;

const GENERATE_FLAGS = `  --template <id>          A template to include; repeat for more (ids: "${BIN} list")
  --all                    Every template: the whole practice set
  --out FILE.xlsx          The new file to write
  --force                  Overwrite the --out file if it already exists
  --into FILE.xlsx         Instead of --out: add the templates to a workbook you have, in place
                           (free names where yours are taken, links to templates already there;
                           everything already in it is kept)
  --sample                 Fill the workbooks with sample data (default: empty, ready for your figures)
  --mode portable|addin    portable (default): plain Excel formulas, for people without the add-in;
                           addin: FINOPS.* functions, which need the add-in installed
  --currency CODE          ISO 4217 currency code (default ${DEFAULT_OPTIONS.currency})
  --fiscal-start N         Month the fiscal year starts, 1 to 12 (default ${DEFAULT_OPTIONS.fiscalYearStartMonth})
  --first-period YYYY-MM   First tracked month (default ${DEFAULT_OPTIONS.firstPeriod})
  --as-at YYYY-MM-DD       Reporting date: year to date, overdue reviews and activities (default
                           today; with --sample, the sample's own date)
  --periods N              Months the KPI tracker follows, 1 to 36 (default ${DEFAULT_OPTIONS.periods})
  --team-model MODEL       central, hub-and-spoke or virtual (default ${DEFAULT_OPTIONS.teamModel})
  --org NAME               Organisation name shown in the workbooks (default "${DEFAULT_OPTIONS.organisation}")
  --department NAME        The department the workbook is for (hub and spoke): in every sheet's title,
                           the adoption plan and the workbook's record, for consolidate to roll up;
                           with --sample, figures of the department's own, the same for the same name
  --lead NAME              The department's FinOps lead, recorded with --department

One workbook per department (a central team sending the templates out):
  --departments-from FILE.csv  A CSV with a header row: department (required), lead, team model
                           (central, hub-and-spoke, virtual), currency; a row's values override the
                           flags. Instead of --out, --into and --department; all rows are checked
                           before anything is written (exit 5 naming the line)
  --out-dir DIR            The folder the department workbooks go to, one file per row named after
                           the department ("Payments.xlsx"); made if missing. Files already there:
                           exit 3, unless --force`;

const GENERAL = `${BIN}: the FinOps practice workbooks as .xlsx files

Usage:
  ${BIN} generate (--template <id> [--template <id> ...] | --all) (--out | --into) FILE.xlsx [options]
  ${BIN} generate (--template <id> ... | --all) --departments-from FILE.csv --out-dir DIR [options]
  ${BIN} import-focus (FILE.csv | FILE.parquet | FOLDER) ... --into WORKBOOK.xlsx [options]
  ${BIN} import-focus --aggregates RESULT.csv --into WORKBOOK.xlsx [options]
  ${BIN} focus-query --dialect duckdb|bigquery|snowflake|databricks|kql [options]
  ${BIN} check WORKBOOK.xlsx [--json]
  ${BIN} repair WORKBOOK.xlsx [--dry-run]
  ${BIN} upgrade WORKBOOK.xlsx [--dry-run]
  ${BIN} roll-forward WORKBOOK.xlsx (--month | --quarter | --fiscal-year) [--dry-run]
  ${BIN} record-assessment WORKBOOK.xlsx [--date YYYY-MM-DD] [--dry-run]
  ${BIN} convert WORKBOOK.xlsx --to portable|addin [--dry-run]
  ${BIN} consolidate FILE.xlsx ... (--out NEW.xlsx [--force] | --into FILE.xlsx) [options]
  ${BIN} list
  ${BIN} help [command]
  ${BIN} --help | --version

Commands:
  generate      Write templates into a new .xlsx file
  import-focus  Put FOCUS billing exports into a generated workbook: Cost data sheet, KPI actuals
  focus-query   Print the query that sums FOCUS data in a warehouse, for import-focus --aggregates
  check         The health check: what no longer matches its template, and how to fix it
  repair        Put back what the templates own (formulas, names, formats), keeping everything else
  upgrade       Move templates an earlier version made to the current one, keeping what you typed
  roll-forward  Add the next month or quarter to the KPI tracker, or start the next fiscal year
  record-assessment  Add the maturity scorecard's current results to its history and trend chart
  convert       Write every FINOPS formula with Excel's own functions (portable), or back (addin)
  consolidate   Roll department workbooks up into the enterprise view (hub and spoke)
  list          The templates: id, version, title and purpose
  help          This help, or one command's help ("${BIN} help generate")

Generate options:
${GENERATE_FLAGS}

Examples:
  ${BIN} generate --all --sample --out finops-practice.xlsx
  ${BIN} generate --template team-budget --currency EUR --fiscal-start 4 --first-period 2026-04 --out budget.xlsx
  ${BIN} generate --all --sample --department Payments --lead "Ana Lima" --out payments.xlsx
  ${BIN} generate --all --departments-from departments.csv --out-dir department-workbooks

${EXIT_CODES}
`;

const GENERATE = `Usage: ${BIN} generate (--template <id> [--template <id> ...] | --all) (--out | --into) FILE.xlsx [options]
       ${BIN} generate (--template <id> ... | --all) --departments-from FILE.csv --out-dir DIR [options]

Writes the chosen templates into a new .xlsx file, or adds them to one you have (--into). Templates the executive summary links to are added
with it. Progress and notes go to stderr; the file written and its sheets to stdout. With
--departments-from, one new workbook per department of the CSV, in --out-dir; a line per file written
on stdout.

Options:
${GENERATE_FLAGS}

Templates: ${TEMPLATES.map((t) => t.id).join(", ")}

${EXIT_CODES}
`;

const IMPORT_FOCUS = `Usage: ${BIN} import-focus (FILE.csv | FILE.csv.gz | FILE.parquet | FOLDER) ... --into WORKBOOK.xlsx [options]

Reads FOCUS cost and usage exports (plain or gzip) as streams and fills a workbook this tool
generated: a "Cost data" sheet with one row per month (and group, and currency), replacing the one an
earlier import wrote, and the KPI tracker's effective savings rate, commitment coverage, utilisation
and waste, and allocation coverage for the months you choose. The old and new value of every KPI cell
is printed; without --periods or --all-periods nothing in the tracker changes. Files with ";" or tabs
between values and decimal commas, as Excel saves CSV in many European locales, are read too.

A FOLDER may be named instead of files (or with them): a cloud export folder with its manifests
(AWS Data Exports, Azure Cost Management) is read one billing period at a time, from the newest
delivery of each; a data file no manifest lists is skipped and named. A folder without manifests:
every FOCUS file under it, files with the same content read once. What is read and skipped is
printed before reading (docs/FOCUS.md, "Export folders and manifests").

Options:
  --into WORKBOOK.xlsx     The workbook to fill (required); rewritten in place, all or nothing
  --group-by GROUP         month (default), sub-account, service-category or tag:KEY
                           (tag:KEY also gives allocation coverage: the share of cost carrying KEY)
  --periods YYYY-MM,...    The months whose KPI actuals to write
  --all-periods            Write every month the import and the tracker share
  --aggregates RESULT.csv  Instead of FOCUS files: the result of "${BIN} focus-query", run in a
                           warehouse and exported as CSV (a tag grouping needs --group-by tag:KEY)
  --issue-limit N          Issues kept, the first 10 printed (default 100; all are counted)

${EXIT_CODES}
`;

const CHECK = `Usage: ${BIN} check WORKBOOK.xlsx [--json]

Runs the add-in's health check on a workbook file, changing nothing: formulas typed over or changed,
deleted sheets, tables, columns, names and charts, inputs that break their rules, budgets over
tolerance, overdue reviews, formats lost. Each finding gives its severity, sheet and cell, what is
wrong and how to fix it. Exit 6 when any finding is an error, so a pipeline can stop on it.

Options:
  --json                   Print the findings as JSON (format 1, described in docs/CLI.md)

${EXIT_CODES}
`;

const REPAIR = `Usage: ${BIN} repair WORKBOOK.xlsx [--dry-run]

The add-in's Repair, on a file: puts back every formula typed over, cleared or changed in the cells
the templates own, deleted defined names, and the number formats, drop-downs, limits and highlights of
template columns. The values you typed, rows and columns you added, your own sheets, charts, pivot
tables and everything else in the file are kept exactly as they were; formulas get their values
computed, and Excel recalculates the workbook when it next opens it. Prints each change, as the
pane's preview lists them. The file is replaced all or nothing (written beside it, then renamed).

Deleted template sheets, tables, columns and charts are brought back too, as the add-in brings them
back; your own sheets and cells around them stay where they are.

Options:
  --dry-run                Print the changes and write nothing

${EXIT_CODES}
`;

const UPGRADE = `Usage: ${BIN} upgrade WORKBOOK.xlsx [--dry-run]

The add-in's Upgrade templates, on a file: every template an earlier version of this tool or the
add-in made is moved to the current version, keeping every value you typed, the rows and columns
you added and your own sheets: renamed columns and statuses migrated, new columns and tables added,
a sheet laid out anew beside the old one (kept under another name). Prints each change.

Options:
  --dry-run                Print the changes and write nothing

${EXIT_CODES}
`;

const CONVERT = `Usage: ${BIN} convert WORKBOOK.xlsx --to portable|addin [--dry-run]

The add-in's Make portable (--to portable) and Use add-in functions (--to addin), on a file: every
formula the templates own is written with Excel's own functions, for readers without the add-in, or
with FINOPS functions again; the figures stay the same. Formulas you typed with FINOPS functions are
rewritten too and kept on record so that --to addin gives them back; that record lives in the
workbook's add-in settings, so a workbook the add-in never opened can only have its template
formulas converted (such a workbook is refused with exit 5, naming the formulas).

Options:
  --to portable|addin      Which formulas to use (required)
  --dry-run                Print the changes and write nothing

${EXIT_CODES}
`;

const ROLL_FORWARD = `Usage: ${BIN} roll-forward WORKBOOK.xlsx (--month | --quarter | --fiscal-year) [--dry-run]

The add-in's Next month, Next quarter and Next fiscal year, on a file:
  --month, --quarter   add the next one or three months to the newest KPI tracker, with their
                       formulas, formats and drop-downs; figures already entered stay as they are
  --fiscal-year        start next year's team budget (seeded from this year's forecast) and staffing
                       plan on new sheets, keep this year's as they are, and point the executive
                       summary at the new year
The KPI table grows as it does in Excel: what is right of it in its rows moves right, and every
formula, name and chart that points there follows. Everything else in the file stays as it was.

Options:
  --dry-run                Print the changes and write nothing

${EXIT_CODES}
`;

const RECORD_ASSESSMENT = `Usage: ${BIN} record-assessment WORKBOOK.xlsx [--date YYYY-MM-DD] [--dry-run]

The add-in's Record assessment, on a file: adds the maturity scorecard's practice score, target,
level, capabilities assessed, checklist level and each capability's score as a new row of its
assessment history, and stretches the "Practice score trend" chart over it. The date is --date, else
the scorecard's assessment date, else today. The history table grows as it does in Excel: what is
below it in its columns moves down a row, and every formula, name and chart that points there
follows. Everything else in the file stays as it was. Prints the change; nothing is recorded (exit 0,
with a note) when there is no scorecard or no score yet.

Options:
  --date YYYY-MM-DD        The assessment's date
  --dry-run                Print the change and write nothing

${EXIT_CODES}
`;

const CONSOLIDATE = `Usage: ${BIN} consolidate FILE.xlsx ... (--out NEW.xlsx [--force] | --into FILE.xlsx) [options]

Reads department workbooks made by this tool or the add-in (any template version, each read through
its own version's layout) and writes the enterprise roll-up: the maturity heat map with each
capability's spread across departments, the five lenses, KPIs and their statuses, adoption progress
and escalations, budget, actual and variance, FTE and cost by team model, validated savings, each
file's submission details and a history row per department. Values only, never links to the
department files; every figure names the file, sheet and cell it came from.

Nothing partial: a file that cannot be used (not an .xlsx, encrypted, open in Excel, not made by this
tool, damaged) is named with the reason and nothing is written, unless --skip-bad. A department
delivered by two files is refused until --use says which file to take. --into a workbook that holds
an earlier roll-up replaces only the roll-up's own sheets and keeps its history, so quarters can be
compared; everything else in the workbook stays as it was. The file is replaced all or nothing.
The report (what was read, and how) and the sheets written go to stdout.

Options:
  --out NEW.xlsx           A new workbook holding the roll-up
  --force                  Overwrite the --out file if it already exists
  --into FILE.xlsx         Instead of --out: write the roll-up into a workbook you have, in place
  --skip-bad               Consolidate the usable files and list the others, instead of stopping
  --use FILE.xlsx          For a department two files deliver: the one to use (repeat for more)
  --org NAME               The organisation the roll-up speaks for (default: the departments' own)
  --currency CODE          The roll-up's currency (default: the departments' own; other currencies
                           need the rates typed in the roll-up's Departments table)
  --date YYYY-MM-DD        The consolidation's date, stamped on its history rows (default today)
  --dry-run                Read and report, write nothing

Examples (a central team collecting twelve department files each quarter):
  ${BIN} consolidate departments/*.xlsx --out enterprise-2026-Q2.xlsx
  ${BIN} consolidate departments/*.xlsx --into enterprise.xlsx --date 2026-09-30
  ${BIN} consolidate departments/*.xlsx --into enterprise.xlsx --skip-bad --use retail-v2.xlsx

${EXIT_CODES}
`;

const LIST = `Usage: ${BIN} list

Prints every template on stdout: id, version, title and purpose.

${EXIT_CODES}
`;

const FOCUS_QUERY = `Usage: ${BIN} focus-query --dialect duckdb|bigquery|snowflake|databricks|kql [options]

Prints the query that computes the Cost data sheet's sums where the FOCUS data already is: DuckDB
(the reference), BigQuery, Snowflake, Databricks SQL, or KQL over the FinOps hubs' Costs(). It has
the import's rules (prepayments, unused commitment, credits, currencies, missing values, the UTC
month). Run the whole text (DuckDB, Snowflake and Databricks start by setting the session's time
zone to UTC), export the result as CSV, then: ${BIN} import-focus --aggregates RESULT.csv
--into WORKBOOK.xlsx (with the same --group-by). docs/FOCUS.md, "The warehouse path", says more.

Options:
  --dialect ENGINE         duckdb, bigquery, snowflake, databricks or kql (required)
  --group-by GROUP         month (default), sub-account, service-category or tag:KEY
  --from TABLE             The table (or view) to read, as written: default focus, Costs() for kql
  --tags FORMAT            How Tags is stored: duckdb json|map, bigquery json|string|array,
                           snowflake variant|string, databricks map|string (the first is the default)

${EXIT_CODES}
`;

const HELP = `Usage: ${BIN} help [command]

Prints the general help, or the help of one command (${COMMANDS.join(", ")}).

${EXIT_CODES}
`;

export function helpText(topic?: CommandName): string {
  switch (topic) {
    case "generate":
      return GENERATE;
    case "import-focus":
      return IMPORT_FOCUS;
    case "focus-query":
      return FOCUS_QUERY;
    case "check":
      return CHECK;
    case "repair":
      return REPAIR;
    case "upgrade":
      return UPGRADE;
    case "convert":
      return CONVERT;
    case "roll-forward":
      return ROLL_FORWARD;
    case "record-assessment":
      return RECORD_ASSESSMENT;
    case "consolidate":
      return CONSOLIDATE;
    case "list":
      return LIST;
    case "help":
      return HELP;
    default:
      return GENERAL;
  }
}

/** The template listing: id, version and title on one line, the purpose wrapped below it. */
export function listText(width = 80): string {
  const idWidth = Math.max(...[...TEMPLATES, ...MADE_BY_COMMAND].map((t) => t.id.length));
  const entry = (t: Template, purpose: string) =>
    `${t.id.padEnd(idWidth)}  v${t.version}  ${t.title}\n` +
    wrap(purpose, width - 4)
      .map((line) => `    ${line}\n`)
      .join("");
  // The roll-up is listed for what maintenance knows, but only consolidate makes it.
  const made = MADE_BY_COMMAND.map((t) =>
    entry(t, `${t.purpose} Made by "${BIN} consolidate", not by generate.`)
  );
  return [...TEMPLATES.map((t) => entry(t, t.purpose)), ...made].join("\n");
}

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}
