/** Range.dataValidation: rule, prompt, error alert; stored per cell, read back when uniform. */
import { formatRect, qualifiedAddress } from "../addresses";
import { uniform } from "../model/cells";
import {
  clearValidation,
  ruleType,
  setValidationField,
  setValidationPrompt,
  setValidationRule,
} from "../model/validation";
import { SheetData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake } from "./proxy";
import type { RangeSource, RangeTarget } from "./range";

type Rule = Record<string, Record<string, unknown> | undefined>;

/** Office.js's DataValidationRule, loosened so fake Range objects can be list sources in tests. */
export type DataValidationRuleInput = Partial<
  Record<
    "wholeNumber" | "decimal" | "textLength" | "date" | "time" | "list" | "custom",
    Record<string, unknown>
  >
>;

/** Range objects inside a rule (list source, bounds) become "=$A$1:$A$3" text as Excel stores them. */
function withRangesAsText(model: WorkbookModel, sheet: SheetData, rule: unknown): unknown {
  if (typeof rule !== "object" || rule === null) return rule;
  const text = (value: unknown): unknown => {
    const source = value as Partial<RangeSource>;
    if (typeof value !== "object" || value === null || typeof source.find !== "function")
      return value;
    const target = source.find(model);
    if (!target) return value;
    return target.sheet === sheet
      ? `=${formatRect(target.rect, true)}`
      : `=${qualifiedAddress(target.sheet.name, target.rect, true)}`;
  };
  const converted: Rule = {};
  for (const [kind, criterion] of Object.entries(rule as Rule)) {
    converted[kind] =
      criterion && typeof criterion === "object"
        ? Object.fromEntries(Object.entries(criterion).map(([key, value]) => [key, text(value)]))
        : criterion;
  }
  return converted;
}

export class DataValidationFake extends ClientObjectFake<RangeTarget> {
  protected readonly kind = "range.dataValidation";
  protected readonly scalarProperties = ["rule", "prompt", "errorAlert", "ignoreBlanks", "type"];

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly range: RangeSource
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): RangeTarget | null {
    return this.range.find(model);
  }

  readProperty(_model: WorkbookModel, { sheet, rect }: RangeTarget, name: string): unknown {
    switch (name) {
      case "type": {
        const type = uniform(sheet, rect, (cell) => ruleType(cell.validation?.rule ?? null));
        return type ?? "Inconsistent";
      }
      case "rule":
        return uniform(sheet, rect, (cell) => cell.validation?.rule ?? null);
      case "prompt":
        return uniform(
          sheet,
          rect,
          (cell) => cell.validation?.prompt ?? { message: "", title: "", showPrompt: true }
        );
      case "errorAlert":
        return uniform(
          sheet,
          rect,
          (cell) =>
            cell.validation?.errorAlert ?? {
              message: "",
              title: "",
              showAlert: true,
              style: "Stop",
            }
        );
      default:
        return uniform(sheet, rect, (cell) => cell.validation?.ignoreBlanks ?? true);
    }
  }

  /** Setting a rule replaces the cells' previous rule (Excel keeps one rule per cell). */
  get rule(): DataValidationRuleInput {
    return this.get("rule");
  }
  set rule(rule: DataValidationRuleInput) {
    this.put("rule", rule, (model, { sheet, rect }) =>
      setValidationRule(model, sheet, rect, withRangesAsText(model, sheet, rule))
    );
  }

  get prompt(): Excel.DataValidationPrompt {
    return this.get("prompt");
  }
  set prompt(prompt: Excel.DataValidationPrompt) {
    this.put("prompt", prompt, (model, { sheet, rect }) =>
      setValidationPrompt(model, sheet, rect, prompt)
    );
  }

  get errorAlert(): Excel.DataValidationErrorAlert {
    return this.get("errorAlert");
  }
  set errorAlert(alert: Excel.DataValidationErrorAlert) {
    this.put("errorAlert", alert, (model, { sheet, rect }) =>
      setValidationField(model, sheet, rect, "errorAlert", alert)
    );
  }

  get ignoreBlanks(): boolean {
    return this.get("ignoreBlanks");
  }
  set ignoreBlanks(value: boolean) {
    this.put("ignoreBlanks", value, (model, { sheet, rect }) =>
      setValidationField(model, sheet, rect, "ignoreBlanks", value)
    );
  }

  get type(): string {
    return this.get("type");
  }

  clear(): void {
    this.queue("clear", [], (model, { sheet, rect }) => clearValidation(model, sheet, rect));
  }
}
