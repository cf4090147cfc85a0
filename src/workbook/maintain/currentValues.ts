import { CellValue } from "../../domain/cellValue";
import { cellAddress, rangeBounds } from "../addresses";
import { latestPerTemplate } from "../metadata";
import { Block, TableBlock, WorkbookSpec } from "../spec";
import { WorkbookModel } from "../workbookModel";
import { BoundTable, indexOf } from "./boundTable";
import { asCellValue } from "./grid";
import { Survey, SurveyedTemplate } from "./survey";

/**
 * What every template-owned computed cell shows once Excel recalculates the workbook as it is now:
 * the domain's evaluation (the same WorkbookModel generation uses for its cached values), fed with
 * the inputs the workbook holds now (its table rows, users' added rows included, and its named input
 * cells) instead of the template's. A file written without Excel gets these as its cached values, so
 * a viewer that does not recalculate shows the right figures.
 */
export interface CurrentValue {
  readonly sheet: string;
  readonly address: string;
  readonly value: CellValue;
}

export function currentValues(survey: Survey): CurrentValue[] {
  const specs = new Map(survey.templates.map((t) => [t, currentSpec(survey, t)]));
  // A template's formulas link to the newest instance of each other template, as generation links them.
  const newest = latestPerTemplate(survey.templates, (t) => t.read.record);
  const values: CurrentValue[] = [];
  for (const t of survey.templates) {
    const others = newest.filter((n) => n.read.record.templateId !== t.read.record.templateId);
    const options = { ...t.read.record.options, sampleData: false };
    const model = new WorkbookModel(
      [t, ...others].map((x) => specs.get(x) as WorkbookSpec),
      options
    );
    values.push(...templateValues(t, model));
  }
  return values;
}

/** The template's spec with the workbook's inputs in place of the template's rows and figures. */
function currentSpec(survey: Survey, t: SurveyedTemplate): WorkbookSpec {
  const input = (key: string): CellValue | undefined => {
    const at = t.figures.find((f) => f.figure.key === key);
    return at && asCellValue(survey.cellAt(at.sheet, at.address).value);
  };
  const block = (b: Block): Block => {
    if (b.kind === "figures")
      return {
        ...b,
        items: b.items.map((item) =>
          item.kind === "input" ? { ...item, value: input(item.key) ?? null } : item
        ),
      };
    if (b.kind !== "table") return b;
    const bound = t.tables.find((x) => x.template.key === b.key)?.bound;
    return bound ? { ...b, rows: currentRows(b, bound) } : b;
  };
  const spec = t.expected.spec;
  return { ...spec, sheets: spec.sheets.map((s) => ({ ...s, blocks: s.blocks.map(block) })) };
}

function currentRows(table: TableBlock, bound: BoundTable): TableBlock["rows"] {
  return Array.from({ length: bound.rows }, (_, row) => {
    const values: Record<string, CellValue> = {};
    for (const column of table.columns) {
      const index = column.kind === "input" ? indexOf(bound, column.key) : -1;
      if (index >= 0) values[column.key] = asCellValue(bound.cell(row, index).value);
    }
    return { values };
  });
}

function templateValues(t: SurveyedTemplate, model: WorkbookModel): CurrentValue[] {
  const values: CurrentValue[] = [];
  for (const { template, bound } of t.tables) {
    if (!bound) continue;
    const table = model.table(template.key);
    const rows = model.tableRows(template.key);
    for (const column of table.columns) {
      const index = indexOf(bound, column.key);
      if (index < 0) continue;
      if (column.kind === "computed")
        rows.forEach((row, r) =>
          values.push({
            sheet: bound.read.sheet,
            address: bound.address(r, index),
            value: row[column.key] ?? null,
          })
        );
      const total = table.totals?.[column.key];
      if (total && bound.read.showTotals) {
        const { left, bottom } = rangeBounds(bound.read.address);
        values.push({
          sheet: bound.read.sheet,
          address: cellAddress(bottom + 1, left + index),
          value: model.totalValue(template.key, column.key, total),
        });
      }
    }
  }
  for (const at of t.figures) {
    const figure = model.hasFigure(at.figure.key) ? at.figure : undefined;
    if (!figure || figure.formula === undefined || at.nameFormula === undefined) continue;
    values.push({ sheet: at.sheet, address: at.address, value: model.nameValue(figure.key) });
  }
  return values;
}
