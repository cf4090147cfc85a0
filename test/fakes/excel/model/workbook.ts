/** The workbook document and its sheet-level rules. Cells, tables, names, charts: sibling files. */
import { MAX_COLUMNS, Rect, formatRect } from "../addresses";
import {
  accessDenied,
  invalidArgument,
  invalidOperation,
  itemAlreadyExists,
  itemNotFound,
} from "../errors";
import { sameName, sheetNameProblem } from "./rules";
import { CellData, NameData, SettingData, SheetData, TableData } from "./types";

export interface ModelOptions {
  /** Names of the sheets a new workbook has (Excel: one, "Sheet1"). */
  readonly sheets: readonly string[];
  /**
   * What happens to a workbook name referring to a deleted sheet. Excel keeps it with a #REF!
   * reference ("refError", the default); "remove" drops it.
   */
  readonly deletedSheetNames: "refError" | "remove";
}

export class WorkbookModel {
  readonly sheets: SheetData[] = [];
  readonly tables: TableData[] = [];
  readonly names: NameData[] = [];
  /** workbook.settings, in the order they were added. */
  readonly settings: SettingData[] = [];
  activeSheetId = "";
  selection: { sheetId: string; rect: Rect } | null = null;
  calculationMode = "Automatic";
  /** Set by suspendApiCalculationUntilNextSync / suspendScreenUpdatingUntilNextSync; reset by sync. */
  calculationSuspended = false;
  screenUpdatingSuspended = false;
  /** How many syncs ran with API calculation suspended. */
  suspendedCalculationSyncs = 0;
  private lastId = 0;

  constructor(readonly options: ModelOptions) {
    for (const name of options.sheets) this.addSheet(name);
    if (this.sheets.length === 0) this.addSheet();
    this.activeSheetId = this.sheets[0].id;
  }

  newId(): string {
    this.lastId += 1;
    return `{${String(this.lastId).padStart(8, "0")}-F4CE-4E00-8000-000000000000}`;
  }

  // ---- sheets ----

  sheetById(id: string): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  /** Excel's getItem accepts a name (case-insensitive) or an id. */
  findSheet(key: string): SheetData | undefined {
    return this.sheets.find((sheet) => sameName(sheet.name, key) || sheet.id === key);
  }

  requireSheet(key: string): SheetData {
    const sheet = this.findSheet(key);
    if (!sheet) throw itemNotFound(`There is no worksheet named "${key}".`);
    return sheet;
  }

  activeSheet(): SheetData {
    return this.sheetById(this.activeSheetId)!;
  }

  private checkNewSheetName(name: unknown, except?: SheetData): string {
    const problem = sheetNameProblem(name);
    if (problem) throw invalidArgument(problem);
    const clash = this.sheets.find(
      (sheet) => sheet !== except && sameName(sheet.name, name as string)
    );
    if (clash) {
      throw itemAlreadyExists(
        `Sheet name "${String(name)}" is already used by "${clash.name}" (sheet names are case-insensitive).`
      );
    }
    return name as string;
  }

  addSheet(name?: string): SheetData {
    let sheetName = name;
    if (sheetName === undefined || sheetName === null) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n += 1;
      sheetName = `Sheet${n}`;
    }
    const sheet: SheetData = {
      id: this.newId(),
      name: this.checkNewSheetName(sheetName),
      visibility: "Visible",
      tabColor: "",
      showGridlines: true,
      cells: new Map(),
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      freeze: { rows: 0, columns: 0 },
      pageLayout: {
        orientation: "Portrait",
        zoom: { scale: 100 },
        printTitleRows: null,
        printTitleColumns: null,
        printArea: null,
        printGridlines: false,
        centerHorizontally: false,
        // Excel's "Normal" margins: 0.7" left and right, 0.75" top and bottom, 0.3" header and footer.
        margins: {
          leftMargin: 50.4,
          rightMargin: 50.4,
          topMargin: 54,
          bottomMargin: 54,
          headerMargin: 21.6,
          footerMargin: 21.6,
        },
        verticalPageBreaks: [],
      },
      protection: { protected: false, options: {}, password: undefined },
      conditionalFormats: [],
      charts: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetData, name: unknown): void {
    sheet.name = this.checkNewSheetName(name, sheet);
  }

  private visibleSheets(): SheetData[] {
    return this.sheets.filter((sheet) => sheet.visibility === "Visible");
  }

  setVisibility(sheet: SheetData, visibility: string): void {
    if (
      visibility !== "Visible" &&
      sheet.visibility === "Visible" &&
      this.visibleSheets().length === 1
    ) {
      throw invalidOperation(
        `"${sheet.name}" is the only visible sheet; a workbook must keep one visible.`
      );
    }
    sheet.visibility = visibility;
    if (visibility !== "Visible" && this.activeSheetId === sheet.id) this.activateNeighbour(sheet);
  }

  setPosition(sheet: SheetData, position: number): void {
    if (!Number.isInteger(position) || position < 0 || position >= this.sheets.length) {
      throw invalidArgument(`Position ${position} is outside 0..${this.sheets.length - 1}.`);
    }
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    this.sheets.splice(position, 0, sheet);
  }

  activate(sheet: SheetData): void {
    if (sheet.visibility !== "Visible") {
      throw invalidOperation(`"${sheet.name}" is hidden; a hidden sheet can't be activated.`);
    }
    this.activeSheetId = sheet.id;
  }

  private activateNeighbour(sheet: SheetData): void {
    const index = this.sheets.indexOf(sheet);
    const others = this.visibleSheets().filter((other) => other !== sheet);
    const after = others.find((other) => this.sheets.indexOf(other) > index);
    this.activeSheetId = (after ?? others[others.length - 1]).id;
  }

  /** Removes the sheet with its tables and charts; names referring to it become #REF! (or go). */
  deleteSheet(sheet: SheetData): void {
    // Worksheet.delete: "This method throws an InvalidOperation exception if ... the worksheet is very hidden."
    if (sheet.visibility === "VeryHidden") {
      throw invalidOperation(`"${sheet.name}" is very hidden; make it visible before deleting it.`);
    }
    if (sheet.visibility === "Visible" && this.visibleSheets().length === 1) {
      throw invalidOperation(
        `"${sheet.name}" is the only visible sheet; a workbook must keep one visible.`
      );
    }
    if (this.activeSheetId === sheet.id) this.activateNeighbour(sheet);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    removeWhere(this.tables, (table) => table.sheetId === sheet.id);
    for (const name of this.names.filter((n) => n.target?.sheetId === sheet.id)) {
      name.formula = `=#REF!${formatRect(name.target!.rect, true)}`;
      name.target = null;
      if (this.options.deletedSheetNames === "remove")
        this.names.splice(this.names.indexOf(name), 1);
    }
    if (this.selection?.sheetId === sheet.id) this.selection = null;
  }

  // ---- cells ----

  cellAt(sheet: SheetData, row: number, column: number): CellData | undefined {
    return sheet.cells.get(row * MAX_COLUMNS + column);
  }

  // ---- protection ----

  /** Excel refuses changes to locked cells (and, by default, to formats) of a protected sheet. */
  checkEditable(sheet: SheetData, rect: Rect | null, action: string, allowedBy?: string): void {
    const protection = sheet.protection;
    if (!protection.protected) return;
    if (allowedBy && protection.options[allowedBy] === true) return;
    if (rect && action === "edit cells") {
      const locked = this.anyLocked(sheet, rect);
      if (!locked) return;
    }
    throw accessDenied(`"${sheet.name}" is protected; the fake refused to ${action}.`);
  }

  private anyLocked(sheet: SheetData, rect: Rect): boolean {
    const cellCount = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    let unlocked = 0;
    for (const [key, cell] of sheet.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      const inside =
        row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
      if (inside && !cell.format.locked) unlocked += 1;
    }
    return unlocked < cellCount;
  }
}

export function removeWhere<T>(items: T[], predicate: (item: T) => boolean): void {
  for (let i = items.length - 1; i >= 0; i -= 1) if (predicate(items[i])) items.splice(i, 1);
}
