import { checkOptions, TemplateOptions, TeamModel } from "../workbook/options";

/**
 * generate --departments-from: the list of departments a central FinOps team sends workbooks to, one
 * CSV row each (department, lead, team model, currency; header row, any order, any case), as Excel
 * saves it (UTF-8 with or without a BOM, CRLF, quoted fields, "," or ";" between values). Every
 * problem is found before anything is written, each with its line and the fix.
 */

/** One department's workbook to write: its options (the row over the command's flags) and file. */
export interface DepartmentEntry {
  /** The CSV line the row starts on, for messages. */
  readonly line: number;
  readonly options: TemplateOptions;
  /** "Payments.xlsx": the department's name with characters file systems refuse replaced. */
  readonly fileName: string;
}

export type DepartmentsRead =
  | { readonly ok: true; readonly entries: readonly DepartmentEntry[] }
  /** The rows' problems (exit 5) or two departments with one file name (a usage error, exit 2). */
  | {
      readonly ok: false;
      readonly kind: "input" | "fileNames";
      readonly problems: readonly string[];
    };

type Column = "department" | "lead" | "teamModel" | "currency";

/** Headers as people write them, lower case with spaces, hyphens and underscores as one space. */
const HEADERS: Readonly<Record<string, Column>> = {
  department: "department",
  lead: "lead",
  "department lead": "lead",
  "finops lead": "lead",
  "team model": "teamModel",
  currency: "currency",
};
const COLUMN_NAMES = "department, lead, team model, currency";

const TEAM_MODEL_WORDS: Readonly<Record<string, TeamModel>> = {
  central: "central",
  "hub-and-spoke": "hub-and-spoke",
  "hub and spoke": "hub-and-spoke",
  virtual: "virtual",
};

export function readDepartments(text: string, base: TemplateOptions): DepartmentsRead {
  const records = parseCsv(text.replace(/^\uFEFF/, ""));
  if (!Array.isArray(records)) return { ok: false, kind: "input", problems: [records.problem] };
  const [header, ...rows] = records.filter((r) => r.fields.some((f) => f.trim() !== ""));
  if (!header)
    return {
      ok: false,
      kind: "input",
      problems: [
        `The file is empty: write a header row (${COLUMN_NAMES}), then a row per department.`,
      ],
    };
  const columns = header.fields.map(
    (f) =>
      HEADERS[
        f
          .trim()
          .toLowerCase()
          .replace(/[\s_-]+/g, " ")
      ]
  );
  const problems: string[] = [];
  header.fields.forEach((f, i) => {
    if (columns[i] === undefined)
      problems.push(
        `line ${header.line}: unknown column ${JSON.stringify(f.trim())}. The columns are ${COLUMN_NAMES} (only department is required).`
      );
  });
  for (const column of new Set(columns.filter((c) => c !== undefined)))
    if (columns.filter((c) => c === column).length > 1)
      problems.push(`line ${header.line}: the ${column} column is there twice; keep one.`);
  if (!columns.includes("department"))
    problems.push(
      `line ${header.line}: no department column. Head the column of department names "department".`
    );
  if (problems.length > 0) return { ok: false, kind: "input", problems };
  if (rows.length === 0)
    problems.push(
      `line ${header.line}: no departments below the header; add a row per department.`
    );

  const entries: DepartmentEntry[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const cell = (column: Column) => {
      const i = columns.indexOf(column);
      const value = i < 0 ? "" : (row.fields[i] ?? "").trim();
      return value === "" ? undefined : value;
    };
    const at = `line ${row.line}`;
    if (
      row.fields.length > columns.length &&
      row.fields.slice(columns.length).some((f) => f.trim())
    )
      problems.push(
        `${at}: more values than columns; put a value with a comma in quotes ("Payments, EMEA").`
      );
    const department = cell("department");
    if (department === undefined) {
      problems.push(`${at}: the department is empty; write its name, or delete the row.`);
      continue;
    }
    const key = department.toLowerCase();
    if (seen.has(key)) {
      problems.push(
        `${at}: ${JSON.stringify(department)} is already on line ${seen.get(key)}; each department gets one workbook, so delete one of the rows.`
      );
      continue;
    }
    seen.set(key, row.line);
    const modelText = cell("teamModel");
    const teamModel = modelText ? TEAM_MODEL_WORDS[modelText.toLowerCase()] : base.teamModel;
    if (!teamModel) {
      problems.push(
        `${at}: team model ${JSON.stringify(modelText)} is not one of central, hub-and-spoke, virtual.`
      );
      continue;
    }
    const lead = cell("lead");
    const options: TemplateOptions = {
      ...base,
      department,
      ...(lead === undefined ? {} : { departmentLead: lead }),
      teamModel,
      currency: cell("currency")?.toUpperCase() ?? base.currency,
    };
    const wrong = checkOptions(options);
    const rowProblems = (["department", "departmentLead", "currency"] as const).flatMap((field) =>
      wrong[field] ? [`${at}: ${FIELD_NAMES[field]}: ${wrong[field]}`] : []
    );
    problems.push(...rowProblems);
    if (rowProblems.length === 0)
      entries.push({ line: row.line, options, fileName: workbookFileName(department) });
  }
  if (problems.length > 0) return { ok: false, kind: "input", problems };

  const byFile = new Map<string, DepartmentEntry>();
  for (const entry of entries) {
    const other = byFile.get(entry.fileName.toLowerCase());
    if (other)
      problems.push(
        `${JSON.stringify(other.options.department)} (line ${other.line}) and ${JSON.stringify(entry.options.department)} (line ${entry.line}) would both be written to ${entry.fileName}; rename one of them so their names differ in letters or digits.`
      );
    else byFile.set(entry.fileName.toLowerCase(), entry);
  }
  return problems.length > 0 ? { ok: false, kind: "fileNames", problems } : { ok: true, entries };
}

const FIELD_NAMES = { department: "department", departmentLead: "lead", currency: "currency" };

/** Windows' reserved device names: a file called "CON.xlsx" cannot be made there. */
const RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)$/i;

/**
 * The department's workbook's file name: its name with characters Windows, macOS or Linux refuse
 * ( < > : " / \ | ? * and control characters) replaced by "-", spaces kept, no trailing dot.
 */
export function workbookFileName(department: string): string {
  const safe = department
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"/\\|?*\u0000-\u001f\u007f]+/g, "-")
    .replace(/\s+/g, " ")
    .replace(/^[\s.-]+|[\s.]+$/g, "");
  const name = safe === "" ? "department" : RESERVED.test(safe) ? `${safe} department` : safe;
  return `${name}.xlsx`;
}

interface CsvRecord {
  /** The line the record starts on (a quoted value may run over several). */
  readonly line: number;
  readonly fields: string[];
}

/** RFC 4180 records; the separator is the header's "," (else ";" or a tab, as Excel writes them). */
function parseCsv(text: string): CsvRecord[] | { problem: string } {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const separator = firstLine.includes(",")
    ? ","
    : firstLine.includes(";")
      ? ";"
      : firstLine.includes("\t")
        ? "\t"
        : ",";
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let start = 1;
  let quoted = false;
  let quoteLine = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      quoteLine = line;
      field = "";
    } else if (ch === separator) {
      fields.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      records.push({ line: start, fields });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += ch;
  }
  if (quoted)
    return {
      problem: `line ${quoteLine}: a quoted value is not closed; add the closing " (a " inside a value is written "").`,
    };
  if (field !== "" || fields.length > 0) {
    fields.push(field);
    records.push({ line: start, fields });
  }
  return records;
}
