import { isoDate } from "../dates";
import { BoundTable, indexOf } from "../maintain/boundTable";
import { isErrorText } from "../maintain/grid";
import { RawCell } from "../maintain/readBack";
import { nameTarget, Survey, SurveyedTemplate } from "../maintain/survey";
import { templateTitle } from "../templates";
import { CellSource, Sourced } from "./submission";

/**
 * One template of a department's workbook, read through the layout of the version that made it: named
 * figures where their defined names point now, tables by their recorded names and columns by the
 * headers that version wrote (the survey binds both from the plan of the recorded version). Every
 * value comes with its cell; a blank, an error or text where a number belongs reads as null.
 */
export interface TemplateReader {
  readonly file: string;
  readonly templateId: string;
  readonly version: number;
  /** A named figure; undefined when this version of the template has none by that key. */
  number(key: string): Sourced<number> | undefined;
  text(key: string): Sourced<string> | undefined;
  /** A date figure as "YYYY-MM-DD". */
  date(key: string): Sourced<string> | undefined;
  /** A table by its template key; null when the version has none or it is gone from the workbook. */
  table(key: string): TableReader | null;
  /** Where a figure this version does not have would be looked for: the template's first sheet. */
  nowhere(): CellSource;
  /** What was looked for and not found (a name deleted, a table or column gone), one sentence each. */
  readonly notFound: readonly string[];
}

export interface TableReader {
  readonly rows: number;
  /** The table's data rows over all its columns, e.g. "A5:K20". */
  readonly source: CellSource;
  /** A column by its template key; null when this version has none or a user deleted it. */
  column(key: string): ColumnReader | null;
}

export interface ColumnReader {
  /** The column's data cells, e.g. "H5:H20": the source of a sum over the column. */
  readonly source: CellSource;
  number(row: number): Sourced<number>;
  text(row: number): Sourced<string>;
  date(row: number): Sourced<string>;
}

/** A figure every version of the template has, blank where the reader found none. */
export const orBlankIn = <T>(reader: TemplateReader, figure: Sourced<T> | undefined): Sourced<T> =>
  figure ?? { value: null, source: reader.nowhere() };

export const asNumber = (value: RawCell): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

export const asText = (value: RawCell): string | null => {
  if (typeof value === "number") return String(value);
  if (typeof value !== "string") return null;
  const text = value.trim();
  return text === "" || isErrorText(text) ? null : text;
};

/** A date cell holds a serial number; a date typed as text "YYYY-MM-DD" is taken as it is. */
export const asDate = (value: RawCell): string | null => {
  if (typeof value === "number") return Number.isFinite(value) && value > 0 ? isoDate(value) : null;
  const text = asText(value);
  return text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text) ? text : null;
};

export function templateReader(
  file: string,
  survey: Survey,
  surveyed: SurveyedTemplate
): TemplateReader {
  const { record } = surveyed.expected;
  const title = templateTitle(record.templateId);
  const notFound: string[] = [];
  const missed = (what: string) => {
    const sentence = `${title}: ${what}`;
    if (!notFound.includes(sentence)) notFound.push(sentence);
  };
  const at = (sheet: string, cell: string): CellSource => ({ file, sheet, cell });
  const figure = <T>(key: string, convert: (v: RawCell) => T | null): Sourced<T> | undefined => {
    const found = surveyed.figures.find((f) => f.figure.key === key);
    if (!found) return undefined;
    // A name that no longer points at a cell is not followed to where it once was: deleted, or
    // "=#REF!$B$12" (its sheet deleted), which parses as a sheet named #REF.
    const target = found.nameFormula === undefined ? null : nameTarget(found.nameFormula);
    const intact = target !== null && target.sheet.toUpperCase() !== "#REF";
    if (!intact)
      missed(
        `the defined name ${found.figure.name} ${found.nameFormula === undefined ? "is gone" : "no longer points at a cell"}, so it was not read.`
      );
    const value = intact ? convert(survey.cellAt(found.sheet, found.address).value) : null;
    return { value, source: at(found.sheet, found.address) };
  };
  return {
    file,
    templateId: record.templateId,
    version: record.version,
    number: (key) => figure(key, asNumber),
    text: (key) => figure(key, asText),
    date: (key) => figure(key, asDate),
    table: (key) => {
      const table = surveyed.tables.find((t) => t.template.key === key);
      if (!table) return null;
      if (!table.bound)
        missed(`the table ${table.template.name} was not found on ${table.template.sheet}.`);
      return table.bound && tableReader(table.bound, at, missed);
    },
    nowhere: () => at(record.sheets[0] ?? "", ""),
    notFound,
  };
}

function tableReader(
  bound: BoundTable,
  at: (sheet: string, cell: string) => CellSource,
  missed: (what: string) => void
): TableReader {
  const sheet = bound.read.sheet;
  const last = bound.read.headers.length - 1;
  const rowsRange =
    bound.rows > 0 ? `${bound.address(0, 0)}:${bound.address(bound.rows - 1, last)}` : "";
  return {
    rows: bound.rows,
    source: at(sheet, rowsRange),
    column: (key) => {
      const index = indexOf(bound, key);
      if (index < 0) {
        const header = bound.template.columns.find((c) => c.key === key)?.header;
        if (header) missed(`the column "${header}" of the table ${bound.read.name} was not found.`);
        return null;
      }
      const cell = <T>(row: number, convert: (v: RawCell) => T | null): Sourced<T> => ({
        value: convert(bound.cell(row, index).value),
        source: at(sheet, bound.address(row, index)),
      });
      return {
        source: at(sheet, bound.rows > 0 ? bound.columnAddress(index) : ""),
        number: (row) => cell(row, asNumber),
        text: (row) => cell(row, asText),
        date: (row) => cell(row, asDate),
      };
    },
  };
}
