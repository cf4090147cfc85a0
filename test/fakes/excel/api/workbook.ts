/** context.workbook and context.workbook.application. */
import { CalculationMode, checkEnum } from "../enums";
import { WorkbookModel } from "../model/workbook";
import type { FakeRequestContext } from "./context";
import { ClientObjectFake } from "./proxy";
import { NamedItemCollectionFake } from "./names";
import { RangeFake } from "./range";
import { SettingCollectionFake } from "./settings";
import { TableCollectionFake } from "./table";
import { WorksheetCollectionFake } from "./worksheet";

export class ApplicationFake extends ClientObjectFake<WorkbookModel> {
  protected readonly kind = "application";
  protected readonly scalarProperties = ["calculationMode"];

  protected lookup(model: WorkbookModel): WorkbookModel {
    return model;
  }

  readProperty(model: WorkbookModel): unknown {
    return model.calculationMode;
  }

  get calculationMode(): string {
    return this.get("calculationMode");
  }
  set calculationMode(mode: string) {
    this.put("calculationMode", mode, (model) => {
      model.calculationMode = checkEnum(mode, CalculationMode, "Calculation mode");
    });
  }

  /** Lasts for the rest of the current batch; the fake counts syncs that had it (fake.state). */
  suspendApiCalculationUntilNextSync(): void {
    this.queue("suspendApiCalculationUntilNextSync", [], (model) => {
      model.calculationSuspended = true;
    });
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this.queue("suspendScreenUpdatingUntilNextSync", [], (model) => {
      model.screenUpdatingSuspended = true;
    });
  }

  /** The fake does not evaluate formulas, so calculating changes nothing. */
  calculate(calculationType: string): void {
    this.queue("calculate", [calculationType], () => undefined);
  }
}

export class WorkbookFake extends ClientObjectFake<WorkbookModel> {
  protected readonly kind = "workbook";
  protected readonly scalarProperties: readonly string[] = [];
  readonly worksheets: WorksheetCollectionFake;
  readonly tables: TableCollectionFake;
  readonly names: NamedItemCollectionFake;
  readonly settings: SettingCollectionFake;
  readonly application: ApplicationFake;

  constructor(context: FakeRequestContext) {
    super(context, "workbook");
    this.worksheets = new WorksheetCollectionFake(context);
    this.tables = new TableCollectionFake(context, "tables", null);
    this.names = new NamedItemCollectionFake(context);
    this.settings = new SettingCollectionFake(context);
    this.application = new ApplicationFake(context, "application");
  }

  protected lookup(model: WorkbookModel): WorkbookModel {
    return model;
  }

  protected override children(): Record<string, ClientObjectFake<WorkbookModel>> {
    return { application: this.application };
  }

  readProperty(): unknown {
    return undefined;
  }

  /** The selection (set by Range.select()), else A1 of the active sheet. */
  getSelectedRange(): RangeFake {
    return new RangeFake(this.context, "workbook.getSelectedRange()", (model) => {
      const selection = model.selection;
      const sheet = selection ? model.sheetById(selection.sheetId) : undefined;
      return sheet && selection
        ? { sheet, rect: selection.rect }
        : { sheet: model.activeSheet(), rect: { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }

  /** The active cell (ExcelApi 1.7): the fake takes the top-left cell of the selection, else A1 of the active sheet. */
  getActiveCell(): RangeFake {
    return new RangeFake(this.context, "workbook.getActiveCell()", (model) => {
      const selection = model.selection;
      const sheet = selection ? model.sheetById(selection.sheetId) : undefined;
      const top = sheet && selection ? selection.rect.top : 0;
      const left = sheet && selection ? selection.rect.left : 0;
      return {
        sheet: sheet ?? model.activeSheet(),
        rect: { top, left, bottom: top, right: left },
      };
    });
  }
}
