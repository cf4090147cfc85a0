/** workbook.names: defined names (workbook scope) referring to ranges or formulas. */
import { Rect } from "../addresses";
import { invalidArgument, invalidOperation } from "../errors";
import {
  addName,
  deleteName,
  findName,
  nameFormula,
  nameType,
  setNameFormula,
} from "../model/names";
import { NameData } from "../model/types";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake, ClientResultFake, CollectionFake } from "./proxy";
import { RangeFake } from "./range";

const quote = (value: unknown) => JSON.stringify(value ?? null);
const NAME_PROPERTIES = ["name", "formula", "comment", "type", "value", "visible"];

export class NamedItemCollectionFake extends CollectionFake<NameData, NamedItemFake> {
  protected readonly kind = "names";
  protected readonly itemProperties = NAME_PROPERTIES;

  constructor(context: FakeRequestContext) {
    super(context, "names");
  }

  protected lookup(model: WorkbookModel): NameData[] {
    return model.names;
  }

  protected itemProxy(name: NameData): NamedItemFake {
    return new NamedItemFake(this.context, `names.getItem(${quote(name.name)})`, name.name);
  }

  /** reference: a Range, or a formula such as "=Inputs!$B$5" (Excel adds a missing "="). */
  add(name: string, reference: RangeFake | string, comment?: string): NamedItemFake {
    this.queue("add", [name, reference, comment], (model) => {
      let target: string | { sheetId: string; rect: Rect };
      if (reference instanceof RangeFake) {
        const range = reference.find(model);
        if (!range) throw invalidArgument(`The range for name "${name}" doesn't exist.`);
        target = { sheetId: range.sheet.id, rect: range.rect };
      } else {
        target = reference;
      }
      addName(model, name, target, comment);
    });
    return new NamedItemFake(this.context, `names.add(${quote(name)})`, name);
  }

  getItem(name: string): NamedItemFake {
    return new NamedItemFake(this.context, `names.getItem(${quote(name)})`, name);
  }

  getItemOrNullObject(name: string): NamedItemFake {
    return new NamedItemFake(this.context, `names.getItemOrNullObject(${quote(name)})`, name, true);
  }

  getCount(): ClientResultFake<number> {
    const result = new ClientResultFake<number>();
    this.queue("getCount", [], (model) => {
      const count = model.names.length;
      return () => result.settle(count);
    });
    return result;
  }
}

export class NamedItemFake extends ClientObjectFake<NameData> {
  protected readonly kind = "name";
  protected readonly scalarProperties = NAME_PROPERTIES;

  constructor(
    context: FakeRequestContext,
    opPath: string,
    private readonly key: string,
    nullable = false
  ) {
    super(context, opPath, nullable);
  }

  protected lookup(model: WorkbookModel): NameData | null {
    return findName(model, this.key) ?? null;
  }

  readProperty(model: WorkbookModel, name: NameData, property: string): unknown {
    switch (property) {
      case "formula":
        return nameFormula(model, name);
      case "type":
        return nameType(name);
      case "value":
        return nameFormula(model, name).slice(1);
      default:
        return name[property as "name" | "comment" | "visible"];
    }
  }

  get name(): string {
    return this.get("name");
  }
  get formula(): string {
    return this.get("formula");
  }
  /** ExcelApi 1.7: a reference such as "=Inputs!$B$5" becomes a live range reference again. */
  set formula(formula: string) {
    this.put("formula", formula, (model, name) => setNameFormula(model, name, formula));
  }
  get type(): string {
    return this.get("type");
  }
  get value(): unknown {
    return this.get("value");
  }
  get comment(): string {
    return this.get("comment");
  }
  set comment(comment: string) {
    this.put("comment", comment, (_model, name) => {
      if (typeof comment !== "string" || comment.length > 255) {
        throw invalidArgument("A name's comment must be text of at most 255 characters.");
      }
      name.comment = comment;
    });
  }
  get visible(): boolean {
    return this.get("visible");
  }
  set visible(visible: boolean) {
    this.put("visible", visible, (_model, name) => {
      name.visible = visible === true;
    });
  }

  /** The range the name refers to; fails for formulas and #REF! names. */
  getRange(): RangeFake {
    return new RangeFake(this.context, `${this.opPath}.getRange()`, (model) => {
      const name = this.lookup(model);
      if (!name) return null;
      if (!name.target)
        throw invalidOperation(`Name "${name.name}" (${name.formula}) is not a range.`);
      const sheet = model.sheetById(name.target.sheetId)!;
      return { sheet, rect: name.target.rect };
    });
  }

  /** NamedItem.getRangeOrNullObject (ExcelApi 1.4): a null object where getRange would fail. */
  getRangeOrNullObject(): RangeFake {
    return new RangeFake(
      this.context,
      `${this.opPath}.getRangeOrNullObject()`,
      (model) => {
        const name = this.lookup(model);
        if (!name?.target) return null;
        return { sheet: model.sheetById(name.target.sheetId)!, rect: name.target.rect };
      },
      true
    );
  }

  delete(): void {
    this.queue("delete", [], (model, name) => deleteName(model, name));
  }
}
