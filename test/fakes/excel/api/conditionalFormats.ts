/**
 * Range.conditionalFormats: add(type), the cell-value rule with its fill and font colour, and the
 * colour scale's criteria.
 */
import { ConditionalFormatType, checkEnum } from "../enums";
import { normalizeColor } from "../model/cells";
import {
  addConditionalFormat,
  conditionalFormatsOn,
  setCellValueRule,
  setColorScaleCriteria,
} from "../model/validation";
import { ConditionalFormatData, SheetData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { CollectionFake, ClientObjectFake } from "./proxy";
import type { RangeSource } from "./range";

interface CfTarget {
  readonly sheet: SheetData;
  readonly cf: ConditionalFormatData;
}

/** Finds a conditional format by id once its add() has run. */
class CfRef {
  id: string | undefined;
  lookup(model: WorkbookModel): CfTarget | null {
    for (const sheet of model.sheets) {
      const cf = sheet.conditionalFormats.find((item) => item.id === this.id);
      if (cf) return { sheet, cf };
    }
    return null;
  }
}

abstract class CfPartFake extends ClientObjectFake<CfTarget> {
  constructor(
    context: FakeRequestContext,
    opPath: string,
    protected readonly ref: CfRef
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): CfTarget | null {
    return this.ref.lookup(model);
  }
}

export class ConditionalFillFake extends CfPartFake {
  protected readonly kind = "conditionalFormat.fill";
  protected readonly scalarProperties = ["color"];

  readProperty(_model: WorkbookModel, { cf }: CfTarget): unknown {
    return cf.format.fill;
  }
  get color(): string {
    return this.get("color");
  }
  set color(value: string) {
    this.put("color", value, (_model, { cf }) => {
      cf.format.fill = normalizeColor(value);
    });
  }
  clear(): void {
    this.queue("clear", [], (_model, { cf }) => {
      cf.format.fill = null;
    });
  }
}

export class ConditionalFontFake extends CfPartFake {
  protected readonly kind = "conditionalFormat.font";
  protected readonly scalarProperties = ["color", "bold", "italic"];

  readProperty(_model: WorkbookModel, { cf }: CfTarget, name: string): unknown {
    return name === "color" ? cf.format.fontColor : cf.format[name as "bold" | "italic"];
  }
  get color(): string {
    return this.get("color");
  }
  set color(value: string) {
    this.put("color", value, (_model, { cf }) => {
      cf.format.fontColor = normalizeColor(value);
    });
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set bold(value: boolean) {
    this.put("bold", value, (_model, { cf }) => {
      cf.format.bold = value === true;
    });
  }
  get italic(): boolean {
    return this.get("italic");
  }
  set italic(value: boolean) {
    this.put("italic", value, (_model, { cf }) => {
      cf.format.italic = value === true;
    });
  }
}

export class ConditionalRangeFormatFake extends CfPartFake {
  protected readonly kind = "conditionalFormat.format";
  protected readonly scalarProperties: readonly string[] = [];
  readonly fill: ConditionalFillFake;
  readonly font: ConditionalFontFake;

  constructor(context: FakeRequestContext, opPath: string, ref: CfRef) {
    super(context, opPath, ref);
    this.fill = new ConditionalFillFake(context, `${opPath}.fill`, ref);
    this.font = new ConditionalFontFake(context, `${opPath}.font`, ref);
  }
  protected override children(): Record<string, ClientObjectFake<CfTarget>> {
    return { fill: this.fill, font: this.font };
  }
  readProperty(): unknown {
    return undefined;
  }
}

export class CellValueConditionalFormatFake extends CfPartFake {
  protected readonly kind = "conditionalFormat.cellValue";
  protected readonly scalarProperties = ["rule"];
  readonly format: ConditionalRangeFormatFake;

  constructor(context: FakeRequestContext, opPath: string, ref: CfRef) {
    super(context, opPath, ref);
    this.format = new ConditionalRangeFormatFake(context, `${opPath}.format`, ref);
  }
  protected override children(): Record<string, ClientObjectFake<CfTarget>> {
    return { format: this.format };
  }
  readProperty(_model: WorkbookModel, { cf }: CfTarget): unknown {
    return cf.rule;
  }
  get rule(): Excel.ConditionalCellValueRule {
    return this.get("rule");
  }
  set rule(rule: Excel.ConditionalCellValueRule) {
    this.put("rule", rule, (_model, { cf }) => setCellValueRule(cf, rule));
  }
}

/** A ColorScale format's criteria: minimum, midpoint and maximum, each a number and a colour. */
export class ColorScaleConditionalFormatFake extends CfPartFake {
  protected readonly kind = "conditionalFormat.colorScale";
  protected readonly scalarProperties = ["criteria"];

  readProperty(_model: WorkbookModel, { cf }: CfTarget): unknown {
    return cf.criteria;
  }
  get criteria(): Excel.ConditionalColorScaleCriteria {
    return this.get("criteria");
  }
  set criteria(criteria: Excel.ConditionalColorScaleCriteria) {
    this.put("criteria", criteria, (_model, { cf }) => setColorScaleCriteria(cf, criteria));
  }
}

export class ConditionalFormatFake extends CfPartFake {
  protected readonly kind = "conditionalFormat";
  protected readonly scalarProperties = ["id", "type", "priority", "stopIfTrue"];
  readonly cellValue: CellValueConditionalFormatFake;
  readonly colorScale: ColorScaleConditionalFormatFake;

  constructor(context: FakeRequestContext, opPath: string, ref: CfRef) {
    super(context, opPath, ref);
    this.cellValue = new CellValueConditionalFormatFake(context, `${opPath}.cellValue`, ref);
    this.colorScale = new ColorScaleConditionalFormatFake(context, `${opPath}.colorScale`, ref);
  }
  protected override children(): Record<string, ClientObjectFake<CfTarget>> {
    return { cellValue: this.cellValue, colorScale: this.colorScale };
  }
  readProperty(_model: WorkbookModel, { sheet, cf }: CfTarget, name: string): unknown {
    if (name === "priority") return sheet.conditionalFormats.indexOf(cf);
    return cf[name as "id" | "type" | "stopIfTrue"];
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  get priority(): number {
    return this.get("priority");
  }
  get stopIfTrue(): boolean {
    return this.get("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.put("stopIfTrue", value, (_model, { cf }) => {
      cf.stopIfTrue = value === true;
    });
  }
  delete(): void {
    this.queue("delete", [], (_model, { sheet, cf }) => {
      sheet.conditionalFormats.splice(sheet.conditionalFormats.indexOf(cf), 1);
    });
  }
}

export class ConditionalFormatCollectionFake extends CollectionFake<
  ConditionalFormatData,
  ConditionalFormatFake
> {
  protected readonly kind = "conditionalFormats";
  protected readonly itemProperties = ["id", "type", "priority", "stopIfTrue"];

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly range: RangeSource
  ) {
    super(context, opPath);
  }

  protected lookup(model: WorkbookModel): ConditionalFormatData[] | null {
    const target = this.range.find(model);
    return target && conditionalFormatsOn(target.sheet, target.rect);
  }

  protected itemProxy(cf: ConditionalFormatData, index: number): ConditionalFormatFake {
    const ref = new CfRef();
    ref.id = cf.id;
    return new ConditionalFormatFake(this.context, `${this.opPath}.getItemAt(${index})`, ref);
  }

  add(type: string): ConditionalFormatFake {
    const ref = new CfRef();
    const cf = new ConditionalFormatFake(
      this.context,
      `${this.opPath}.add(${JSON.stringify(type)})`,
      ref
    );
    this.context.enqueue(
      { kind: "conditionalFormats.add", path: this.opPath, args: [type] },
      (model) => {
        const target = this.range.find(model);
        if (!target) throw this.missing();
        const checked = checkEnum(type, ConditionalFormatType, "Conditional format type");
        ref.id = addConditionalFormat(model, target.sheet, target.rect, checked).id;
      }
    );
    return cf;
  }

  clearAll(): void {
    this.context.enqueue(
      { kind: "conditionalFormats.clearAll", path: this.opPath, args: [] },
      (model) => {
        const target = this.range.find(model);
        if (!target) throw this.missing();
        for (const cf of conditionalFormatsOn(target.sheet, target.rect)) {
          target.sheet.conditionalFormats.splice(target.sheet.conditionalFormats.indexOf(cf), 1);
        }
      }
    );
  }
}
