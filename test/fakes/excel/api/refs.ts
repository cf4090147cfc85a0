/**
 * How proxies find their model object. Office.js instantiates an object the first time a request
 * uses it and from then on refers to it by identity, so a renamed sheet or table is still the same
 * object; a deleted one is gone (ItemNotFound).
 */
import { SheetData, TableData } from "../model/types";
import { WorkbookModel } from "../model/workbook";

export class Ref<T extends { readonly id: string }> {
  private id: string | undefined;

  constructor(
    private readonly find: (model: WorkbookModel) => T | undefined,
    private readonly byId: (model: WorkbookModel, id: string) => T | undefined
  ) {}

  /** Called by the operation that creates the object (worksheets.add, tables.add...). */
  bind(id: string): void {
    this.id = id;
  }

  lookup(model: WorkbookModel): T | null {
    if (this.id !== undefined) return this.byId(model, this.id) ?? null;
    const found = this.find(model);
    if (found) this.id = found.id;
    return found ?? null;
  }
}

export const sheetRef = (find: (model: WorkbookModel) => SheetData | undefined): Ref<SheetData> =>
  new Ref(find, (model, id) => model.sheetById(id));

export const tableRef = (find: (model: WorkbookModel) => TableData | undefined): Ref<TableData> =>
  new Ref(find, (model, id) => model.tables.find((table) => table.id === id));
