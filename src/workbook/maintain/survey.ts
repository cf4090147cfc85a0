import { cellPosition } from "../addresses";
import { BoundTable, bindTable } from "./boundTable";
import { gridReader, ReadCell } from "./grid";
import { expectTemplates } from "./expected";
import { ExpectedTemplate, UnplannedTemplate } from "./expectedTemplate";
import { ReadTemplate, WorkbookReadBack } from "./readBack";
import { TemplateFigure, templateFigures, TemplateTable, templateTables } from "./templateParts";

/** Where a named cell is now: where its name points, else where generation put it. */
export interface FigureAt {
  readonly figure: TemplateFigure;
  readonly sheet: string;
  readonly address: string;
  /** The name's formula now; undefined when the name is gone. */
  readonly nameFormula?: string;
}

/** One installed template next to what the workbook holds of it. */
export interface SurveyedTemplate {
  readonly read: ReadTemplate;
  readonly expected: ExpectedTemplate;
  readonly presentSheets: readonly string[];
  readonly missingSheets: readonly string[];
  readonly tables: readonly {
    readonly template: TemplateTable;
    readonly bound: BoundTable | null;
  }[];
  readonly figures: readonly FigureAt[];
}

export interface Survey {
  readonly readBack: WorkbookReadBack;
  /** A cell of any read sheet by A1 address (empty when the sheet or cell is not there). */
  cellAt(sheet: string, address: string): ReadCell;
  readonly templates: readonly SurveyedTemplate[];
  readonly unplanned: readonly UnplannedTemplate[];
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** "='Team budget'!$B$12" -> sheet and cell; null for anything else (#REF!, a formula). */
export function nameTarget(formula: string): { sheet: string; address: string } | null {
  const match = /^=(?:'((?:[^']|'')+)'|([^'!]+))!\$?([A-Z]+)\$?(\d+)$/.exec(formula);
  if (!match) return null;
  return { sheet: (match[1] ?? match[2]).replace(/''/g, "'"), address: `${match[3]}${match[4]}` };
}

export function surveyWorkbook(readBack: WorkbookReadBack): Survey {
  const { expected, unplanned } = expectTemplates(readBack.templates.map((t) => t.record));
  const present = (name: string) =>
    readBack.sheets.some((s) => same(s.name, name) && s.used !== null);
  const templates = expected.map((exp): SurveyedTemplate => {
    const read = readBack.templates.find((t) => t.record === exp.record) as ReadTemplate;
    const names = exp.sheets.map((s) => s.name);
    return {
      read,
      expected: exp,
      presentSheets: names.filter(present),
      missingSheets: names.filter((n) => !present(n)),
      tables: templateTables(exp).map((template) => ({
        template,
        bound: present(template.sheet) ? bindTable(template, readBack) : null,
      })),
      figures: templateFigures(exp).map((figure) => {
        const formula = readBack.names.find((n) => same(n.name, figure.name))?.formula;
        const target = formula === undefined ? null : nameTarget(formula);
        const at = target ?? figure;
        return { figure, nameFormula: formula, sheet: at.sheet, address: at.address };
      }),
    };
  });
  const readers = new Map(readBack.sheets.map((s) => [s.name.toLowerCase(), gridReader(s.used)]));
  return {
    readBack,
    templates,
    unplanned,
    cellAt: (sheet, address) => {
      const { row, column } = cellPosition(address);
      return (readers.get(sheet.toLowerCase()) ?? gridReader(null))(row, column);
    },
  };
}

/** Recorded tables gone from a sheet that is still there: refresh cannot bring them back. */
export function lostTables(survey: Survey): string[] {
  return survey.templates.flatMap((t) =>
    t.tables
      .filter(({ template, bound }) => !bound && !t.missingSheets.includes(template.sheet))
      .map(({ template }) => template.name)
  );
}
