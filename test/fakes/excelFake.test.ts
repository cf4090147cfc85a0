/**
 * The Excel fake behaves like Office.js where adapter bugs hide: queued writes, load + sync before
 * reading, Excel's naming and shape rules, partial application of a failing sync, and the
 * instrumentation (sync counts, payloads, failure injection, snapshots) tests and the bench use.
 */
import {
  createExcelFake,
  createOfficeFake,
  ExcelFake,
  FakeExcelError,
  FakeRequestContext,
} from "./excel";

type Batch<T> = (context: FakeRequestContext) => Promise<T>;

let fake: ExcelFake;
const run = <T>(batch: Batch<T>) => fake.Excel.run(batch);
const E = () => fake.Excel;

beforeEach(() => {
  fake = createExcelFake();
});

/** Runs a batch expected to fail at sync; returns the error for further checks. */
async function failure(
  batch: Batch<unknown>,
  code: string,
  message?: RegExp
): Promise<FakeExcelError> {
  const error = await run(batch).then(
    () => undefined,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(FakeExcelError);
  const excelError = error as FakeExcelError;
  expect(excelError.code).toBe(code);
  if (message) expect(excelError.message).toMatch(message);
  return excelError;
}

describe("Excel.run and context.sync", () => {
  it("returns the batch's result and applies queued writes only at sync", async () => {
    const result = await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[42]];
      expect(fake.state.cell("Sheet1", "A1").value).toBeNull();
      await context.sync();
      expect(fake.state.cell("Sheet1", "A1").value).toBe(42);
      return "done";
    });
    expect(result).toBe("done");
  });

  it("syncs pending work at the end of the batch, counting that sync only when work was pending", async () => {
    await run(async (context) => {
      context.workbook.worksheets.add("Budget");
    });
    expect(fake.syncCount).toBe(1);
    expect(fake.state.sheetNames()).toEqual(["Sheet1", "Budget"]);

    await run(async () => undefined);
    expect(fake.syncCount).toBe(1);

    await run(async (context) => {
      context.workbook.worksheets.add("Notes");
      await context.sync();
    });
    expect(fake.syncCount).toBe(2);
  });

  it("rejects when the batch throws and drops its unsynced work", async () => {
    await expect(
      run(async (context) => {
        context.workbook.worksheets.add("Lost");
        throw new Error("boom");
      })
    ).rejects.toThrow("boom");
    expect(fake.state.sheetNames()).toEqual(["Sheet1"]);
    expect(fake.syncCount).toBe(0);
  });

  it("refuses a context used after its batch finished", async () => {
    let kept: FakeRequestContext | undefined;
    await run(async (context) => {
      kept = context;
    });
    await expect(kept!.sync()).rejects.toMatchObject({ code: "InvalidObjectPath" });
    expect(() => kept!.workbook.worksheets.add("Late")).toThrow(
      /after its Excel.run batch had finished/
    );
  });

  it("supports new Excel.RequestContext() and the (objects, batch) overload", async () => {
    const context = new (E().RequestContext)();
    context.workbook.worksheets.add("Direct");
    await context.sync();
    const answer = await E().run({}, async () => 7);
    expect(answer).toBe(7);
    expect(fake.state.sheetNames()).toContain("Direct");
  });
});

/* The office-addins lint rules flag reading before load + sync, which is what these tests do on purpose. */
/* eslint-disable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */
describe("load before read", () => {
  const notLoaded =
    "The property 'name' is not available. Before reading the property's value, call the load method on the containing object and call \"context.sync()\" on the associated request context.";

  it("throws Office.js's PropertyNotLoaded until load() and sync() both happened", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      expect(() => sheet.name).toThrow(notLoaded);
      sheet.load("name");
      expect(() => sheet.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await context.sync();
      expect(sheet.name).toBe("Sheet1");
      expect(() => sheet.visibility).toThrow(/'visibility' is not available/);
    });
  });

  it("loads collections with items/name, and items only after sync", async () => {
    await run(async (context) => {
      context.workbook.worksheets.add("Budget");
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/'items' is not available/);
      sheets.load("items/name");
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(["Sheet1", "Budget"]);
      expect(() => sheets.items[0].position).toThrow(/'position' is not available/);
    });
  });

  it("reads back a value the add-in set on the same proxy, as Office.js keeps it", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.name = "Inputs";
      expect(sheet.name).toBe("Inputs");
    });
    expect(fake.state.sheetNames()).toEqual(["Inputs"]);
  });

  it("delivers range properties, nested format paths, and values written earlier in the same sync", async () => {
    await run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
      range.values = [
        [1, "a"],
        [null, ""],
      ];
      range.format.font.bold = true;
      range.load("values, address, rowCount, columnCount, format/font/bold, format/columnWidth");
      await context.sync();
      expect(range.values).toEqual([
        [1, "a"],
        ["", ""],
      ]);
      expect(range.address).toBe("Sheet1!B2:C3");
      expect([range.rowCount, range.columnCount]).toEqual([2, 2]);
      expect(range.format.font.bold).toBe(true);
      expect(range.format.columnWidth).toBe(48);
    });
  });

  it("quotes sheet names in addresses when Excel would", async () => {
    await run(async (context) => {
      const range = context.workbook.worksheets.add("Cost Lines").getRange("A1");
      range.load("address");
      await context.sync();
      expect(range.address).toBe("'Cost Lines'!A1");
    });
  });

  it("resolves *OrNullObject at the next sync", async () => {
    await run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      const present = context.workbook.worksheets.getItemOrNullObject("sheet1");
      expect(() => missing.isNullObject).toThrow(/'isNullObject' is not available/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
    });
  });

  it("delivers no loaded values from a sync that failed", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.load("name");
      context.workbook.worksheets.add("Bad/Name");
      await expect(context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
      expect(() => sheet.name).toThrow(/'name' is not available/);
    });
  });

  it("fails at sync, not at the call, when an item does not exist", async () => {
    await failure(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Missing");
      sheet.getRange("A1").values = [[1]];
      await context.sync();
    }, "ItemNotFound");
  });
});

/* eslint-enable office-addins/call-sync-before-read, office-addins/call-sync-after-load, office-addins/load-object-before-read */

describe("worksheets", () => {
  it.each([
    ["", /can't be blank/],
    ["x".repeat(32), /32 characters; Excel allows at most 31/],
    ["a[b", /contains "\["/],
    ["a]b", /contains "\]"/],
    ["a:b", /contains ":"/],
    ["a*b", /contains "\*"/],
    ["a?b", /contains "\?"/],
    ["a/b", /contains "\/"/],
    ["a\\b", /contains "\\"/],
    ["'quoted", /apostrophe/],
    ["quoted'", /apostrophe/],
    ["History", /reserved/],
  ])("refuses sheet name %j at sync", async (name, message) => {
    await failure(
      async (context) => {
        context.workbook.worksheets.add(name);
        await context.sync();
      },
      "InvalidArgument",
      message
    );
    expect(fake.state.sheetNames()).toEqual(["Sheet1"]);
  });

  it("accepts 31 characters, spaces and inner apostrophes", async () => {
    await run(async (context) => {
      context.workbook.worksheets.add("x".repeat(31));
      context.workbook.worksheets.add("Team's plan 2025");
    });
    expect(fake.state.sheetNames()).toHaveLength(3);
  });

  it("refuses a duplicate name case-insensitively, on add and on rename", async () => {
    await failure(
      async (context) => {
        context.workbook.worksheets.add("SHEET1");
      },
      "ItemAlreadyExists",
      /already used by "Sheet1"/
    );
    await run(async (context) => {
      context.workbook.worksheets.add("Budget");
    });
    await failure(async (context) => {
      context.workbook.worksheets.getItem("Budget").name = "sheet1";
    }, "ItemAlreadyExists");
  });

  it("adds at the end without activating; activate, position and getActiveWorksheet work", async () => {
    await run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add();
      added.load("name, position");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      expect([added.name, added.position, active.name]).toEqual(["Sheet2", 1, "Sheet1"]);
      added.position = 0;
      added.activate();
    });
    expect(fake.state.sheetNames()).toEqual(["Sheet2", "Sheet1"]);
    expect(fake.state.activeSheet()).toBe("Sheet2");
  });

  it("keeps one visible sheet: the last can be neither hidden nor deleted", async () => {
    await failure(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").visibility = E().SheetVisibility.hidden;
    }, "InvalidOperation");
    await failure(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").delete();
    }, "InvalidOperation");
    await run(async (context) => {
      context.workbook.worksheets.add("Lists").visibility = E().SheetVisibility.veryHidden;
    });
    expect(fake.state.visibility("Lists")).toBe("VeryHidden");
    await failure(async (context) => {
      context.workbook.worksheets.getItem("Lists").activate();
    }, "InvalidOperation");
  });

  it("deleting a sheet removes its tables and charts; names to it become #REF! as in Excel", async () => {
    await run(async (context) => {
      const data = context.workbook.worksheets.add("Data");
      data.getRange("A1:B3").values = [
        ["Month", "Cost"],
        ["Jan", 1],
        ["Feb", 2],
      ];
      data.tables.add("A1:B3", true);
      data.charts.add(
        E().ChartType.columnClustered,
        data.getRange("A1:B3"),
        E().ChartSeriesBy.auto
      );
      context.workbook.names.add("Rate", data.getRange("B2"));
      context.workbook.names.add("Flat", "=0.05");
      data.activate();
      await context.sync();
      data.delete();
    });
    expect(fake.state.sheetNames()).toEqual(["Sheet1"]);
    expect(fake.state.activeSheet()).toBe("Sheet1");
    expect(fake.state.tables()).toEqual([]);
    expect(fake.state.names().map((n) => [n.name, n.formula])).toEqual([
      ["Rate", "=#REF!$B$2"],
      ["Flat", "=0.05"],
    ]);
  });

  it("can instead drop names to a deleted sheet (deletedSheetNames: remove)", async () => {
    fake = createExcelFake({ sheets: ["Sheet1", "Data"], deletedSheetNames: "remove" });
    await run(async (context) => {
      context.workbook.names.add("Rate", "=Data!$B$2");
      await context.sync();
      context.workbook.worksheets.getItem("Data").delete();
    });
    expect(fake.state.names()).toEqual([]);
  });

  it("a proxy follows its sheet through a rename and fails once the sheet is deleted", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const extra = context.workbook.worksheets.add("Extra");
      sheet.name = "Inputs";
      sheet.getRange("A1").values = [["still me"]];
      extra.delete();
      await context.sync();
      extra.getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
    expect(fake.state.cell("Inputs", "A1").value).toBe("still me");
  });
});

describe("range contents", () => {
  const sheet = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");

  it("fails a values array whose dimensions differ from the range, with Excel's message", async () => {
    const error = await failure(
      async (context) => {
        sheet(context).getRange("A1").values = [["kept"]];
        sheet(context).getRange("B1:C2").values = [[1, 2]];
        sheet(context).getRange("D1").values = [["never"]];
        await context.sync();
      },
      "InvalidArgument",
      /doesn't match the size or dimensions of the range\. Range B1:C2 is 2x2 but values is 1x2/
    );
    expect(error.debugInfo.errorLocation).toBe("range.values");
    // Excel applies the operations before the failing one, none after.
    expect(fake.state.values("Sheet1", "A1:D1")).toEqual([["kept", null, null, null]]);
  });

  it("fails ragged rows, 1-D arrays, formulas and number formats of the wrong shape", async () => {
    await failure(async (context) => {
      sheet(context).getRange("A1:B2").values = [[1, 2], [3]];
    }, "InvalidArgument");
    await failure(async (context) => {
      (sheet(context).getRange("A1:B1") as { values: unknown }).values = [1, 2];
    }, "InvalidArgument");
    await failure(async (context) => {
      sheet(context).getRange("A1:A2").formulas = [["=1"]];
    }, "InvalidArgument");
    await failure(async (context) => {
      sheet(context).getRange("A1:A2").numberFormat = [["0%", "0%"]];
    }, "InvalidArgument");
  });

  it("applies a single non-array value to every cell (documented Office.js behaviour)", async () => {
    await run(async (context) => {
      (sheet(context).getRange("A1:B2") as { values: unknown }).values = 0;
      (sheet(context).getRange("A1:B2") as { numberFormat: unknown }).numberFormat = "0.00";
    });
    expect(fake.state.values("Sheet1", "A1:B2")).toEqual([
      [0, 0],
      [0, 0],
    ]);
    expect(fake.state.numberFormats("Sheet1", "B2")).toEqual([["0.00"]]);
  });

  it("treats entries like typing: null and NaN leave a cell alone, '' clears, text parses", async () => {
    await run(async (context) => {
      sheet(context).getRange("A1:F1").values = [["old", "old", "old", "x", "x", "x"]];
      sheet(context).getRange("A1:F1").values = [[null, Number.NaN, "", "12.5", "'12.5", "TRUE"]];
      sheet(context).getRange("A2:C2").values = [["=A1*2", "- Savings", "-3"]];
    });
    expect(fake.state.values("Sheet1", "A1:F1")).toEqual([
      ["old", "old", null, 12.5, "12.5", true],
    ]);
    // Excel reads a leading "=", "+" or "-" (that isn't a number) as a formula.
    expect(fake.state.formulas("Sheet1", "A2:C2")).toEqual([["=A1*2", "=- Savings", -3]]);
  });

  it("keeps text in cells formatted as text (@)", async () => {
    await run(async (context) => {
      const range = sheet(context).getRange("A1:B1");
      range.numberFormat = [["@", "@"]];
      range.values = [["007", "=not a formula"]];
    });
    expect(fake.state.formulas("Sheet1", "A1:B1")).toEqual([["007", "=not a formula"]]);
  });

  it("stores formulas as text, reading values as the cached result or null", async () => {
    await run(async (context) => {
      sheet(context).getRange("A1:C1").formulas = [["=SUM(B1:C1)", "label", 3]];
    });
    fake.state.setCachedValue("Sheet1", "A1", 3);
    await run(async (context) => {
      const range = sheet(context).getRange("A1:D1");
      range.load("values, formulas");
      await context.sync();
      expect(range.formulas).toEqual([["=SUM(B1:C1)", "label", 3, ""]]);
      expect(range.values).toEqual([[3, "label", 3, ""]]);
      sheet(context).getRange("D1").formulas = [["=A1"]];
      const d1 = sheet(context).getRange("D1");
      d1.load("values");
      await context.sync();
      expect(d1.values).toEqual([[null]]);
    });
  });

  it("setting values replaces a formula with a constant", async () => {
    await run(async (context) => {
      sheet(context).getRange("A1").formulas = [["=1+1"]];
      sheet(context).getRange("A1").values = [[5]];
    });
    expect(fake.state.cell("Sheet1", "A1")).toMatchObject({ value: 5, formula: null });
  });

  it("refuses formulas with unbalanced parentheses or quotes", async () => {
    await failure(
      async (context) => {
        sheet(context).getRange("A1").formulas = [["=SUM(A2:A3"]];
      },
      "InvalidArgument",
      /unbalanced/
    );
  });

  it("derives ranges like Office.js: getCell, getResizedRange, getOffsetRange", async () => {
    await run(async (context) => {
      const base = sheet(context).getRange("B2:C3");
      const parts = [
        base.getCell(1, 1),
        base.getResizedRange(1, -1),
        base.getOffsetRange(-1, 2),
        base.getCell(5, 0),
      ];
      parts.forEach((part) => part.load("address"));
      await context.sync();
      expect(parts.map((part) => part.address)).toEqual([
        "Sheet1!C3",
        "Sheet1!B2:B4",
        "Sheet1!D1:E2",
        "Sheet1!B7",
      ]);
    });
    await failure(async (context) => {
      sheet(context).getRange("A1").getOffsetRange(-1, 0).values = [[1]];
    }, "InvalidArgument");
  });

  it("clears a whole sheet quickly, and refuses per-cell writes too large for the fake", async () => {
    await run(async (context) => {
      sheet(context).getRange("C3").values = [["x"]];
      await context.sync();
      sheet(context).getRange().clear();
      const used = sheet(context).getUsedRange();
      used.load("address");
      await context.sync();
      expect(used.address).toBe("Sheet1!A1");
    });
    expect(fake.state.snapshot().sheets[0].cells).toEqual({});
    await expect(
      run(async (context) => {
        sheet(context).getRange("A:Z").format.font.name = "Segoe UI";
      })
    ).rejects.toThrow(/won't write 27262976 cells \(A:Z\)/);
  });

  it("sets several properties at once with set()", async () => {
    await run(async (context) => {
      sheet(context)
        .getRange("A1")
        .set({
          values: [["Title"]],
          format: { font: { bold: true, size: 16 }, fill: { color: "#DDEBF7" } },
        });
    });
    expect(fake.state.cell("Sheet1", "A1")).toMatchObject({
      value: "Title",
      format: { bold: true, size: 16, fill: "#DDEBF7" },
    });
  });

  it("clears contents, formats or everything", async () => {
    await run(async (context) => {
      const range = sheet(context).getRange("A1:B1");
      range.values = [[1, 2]];
      range.format.font.bold = true;
      await context.sync();
      sheet(context).getRange("A1").clear(E().ClearApplyTo.contents);
      sheet(context).getRange("B1").clear();
    });
    expect(fake.state.cell("Sheet1", "A1")).toMatchObject({ value: null, format: { bold: true } });
    expect(fake.state.cell("Sheet1", "B1")).toMatchObject({ value: null, format: { bold: false } });
  });
});

describe("range formats, validation and conditional formats", () => {
  const range = (context: FakeRequestContext, address: string) =>
    context.workbook.worksheets.getItem("Sheet1").getRange(address);

  it("stores fonts, fills, sizes and alignment, normalising colours like Excel", async () => {
    await run(async (context) => {
      const r = range(context, "A1:B1");
      r.format.font.set({ bold: true, italic: true, size: 14, color: "white", name: "Segoe UI" });
      r.format.fill.color = "#4472c4";
      r.format.columnWidth = 120;
      r.format.rowHeight = 30;
      r.format.wrapText = true;
      r.format.horizontalAlignment = E().HorizontalAlignment.center;
    });
    expect(fake.state.cell("Sheet1", "B1").format).toMatchObject({
      bold: true,
      italic: true,
      size: 14,
      color: "#FFFFFF",
      fontName: "Segoe UI",
      fill: "#4472C4",
      wrapText: true,
      horizontalAlignment: "Center",
    });
    expect(fake.state.columnWidth("Sheet1", "B")).toBe(120);
    expect(fake.state.snapshot().sheets[0].rowHeights).toEqual({ 1: 30 });
  });

  it("refuses unknown colours, alignments and non-boolean flags", async () => {
    await failure(async (context) => {
      range(context, "A1").format.fill.color = "blurple";
    }, "InvalidArgument");
    await failure(async (context) => {
      range(context, "A1").format.horizontalAlignment = "Middle";
    }, "InvalidArgument");
    await failure(async (context) => {
      (range(context, "A1").format.font as { bold: unknown }).bold = "yes";
    }, "InvalidArgument");
  });

  it("reads a format back as null when the cells differ, as Excel does", async () => {
    await run(async (context) => {
      range(context, "A1").format.font.bold = true;
      const both = range(context, "A1:B1");
      both.load("format/font/bold, format/fill/color");
      await context.sync();
      expect(both.format.font.bold).toBeNull();
      expect(both.format.fill.color).toBe("#FFFFFF");
    });
  });

  it("autofits columns approximately from text length", async () => {
    await run(async (context) => {
      range(context, "A1").values = [["A fairly long label for a column"]];
      range(context, "A1").format.autofitColumns();
    });
    expect(fake.state.columnWidth("Sheet1", "A")).toBeGreaterThan(100);
  });

  it("sets list and number validation with a prompt, and reads it back", async () => {
    await run(async (context) => {
      const list = range(context, "B2:B4");
      list.dataValidation.rule = { list: { inCellDropDown: true, source: "Low,Medium,High" } };
      list.dataValidation.prompt = { message: "Pick a level", title: "Level", showPrompt: true };
      range(context, "C2").dataValidation.rule = {
        decimal: { formula1: 0, formula2: 1, operator: E().DataValidationOperator.between },
      };
      range(context, "D2").dataValidation.rule = {
        wholeNumber: { formula1: 0, operator: E().DataValidationOperator.greaterThanOrEqualTo },
      };
      range(context, "E2").dataValidation.rule = {
        list: { inCellDropDown: true, source: range(context, "H1:H3") },
      };
      const loaded = range(context, "B2:B4").dataValidation;
      loaded.load("type, rule");
      await context.sync();
      expect(loaded.type).toBe("List");
      expect(loaded.rule).toEqual({ list: { inCellDropDown: true, source: "Low,Medium,High" } });
    });
    expect(fake.state.validation("Sheet1", "B3")).toMatchObject({
      type: "List",
      prompt: { message: "Pick a level", title: "Level", showPrompt: true },
    });
    expect(fake.state.validation("Sheet1", "C2")?.rule).toEqual({
      decimal: { formula1: 0, formula2: 1, operator: "Between" },
    });
    expect(fake.state.validation("Sheet1", "D2")?.type).toBe("WholeNumber");
    expect(fake.state.validation("Sheet1", "E2")?.rule).toEqual({
      list: { inCellDropDown: true, source: "=$H$1:$H$3" },
    });
    expect(fake.state.validation("Sheet1", "A1")).toBeNull();
  });

  it.each([
    [
      "two criteria",
      { list: { source: "a,b" }, decimal: { formula1: 0, operator: "GreaterThan" } },
      /exactly one/,
    ],
    ["a 256-character list", { list: { source: "x".repeat(256) } }, /exceeds Excel's 255/],
    [
      "Between without formula2",
      { decimal: { formula1: 0, operator: "Between" } },
      /needs formula2/,
    ],
    ["max below min", { decimal: { formula1: 5, formula2: 1, operator: "Between" } }, /maximum/],
    [
      "an unknown operator",
      { wholeNumber: { formula1: 0, operator: "Above" } },
      /operator "Above"/,
    ],
  ])("refuses a validation rule with %s", async (_what, rule, message) => {
    await failure(
      async (context) => {
        range(context, "A1").dataValidation.rule = rule;
      },
      "InvalidArgument",
      message
    );
  });

  it("limits the input prompt to Excel's 32-character title and 255-character message", async () => {
    await failure(
      async (context) => {
        range(context, "A1").dataValidation.prompt = {
          title: "t".repeat(33),
          message: "",
          showPrompt: true,
        };
      },
      "InvalidArgument",
      /title of 33 characters/
    );
  });

  it("adds cell-value conditional formats with fill, font colour and rule", async () => {
    await run(async (context) => {
      const cf = range(context, "C2:C9").conditionalFormats.add(
        E().ConditionalFormatType.cellValue
      );
      cf.cellValue.format.fill.color = "#FFC7CE";
      cf.cellValue.format.font.color = "#9C0006";
      cf.cellValue.rule = { formula1: "0", operator: E().ConditionalCellValueOperator.lessThan };
      const between = range(context, "D2:D9").conditionalFormats.add(
        E().ConditionalFormatType.cellValue
      );
      between.cellValue.rule = { formula1: "=0", formula2: "=1", operator: "Between" };
    });
    expect(fake.state.conditionalFormats("Sheet1")).toEqual([
      {
        address: "C2:C9",
        type: "CellValue",
        rule: { formula1: "0", operator: "LessThan" },
        format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: null, italic: null },
        stopIfTrue: false,
      },
      expect.objectContaining({
        address: "D2:D9",
        rule: { formula1: "=0", formula2: "=1", operator: "Between" },
      }),
    ]);
  });

  it("refuses a conditional format rule without formula2 for Between, or with an unknown operator", async () => {
    await failure(async (context) => {
      range(context, "A1").conditionalFormats.add("CellValue").cellValue.rule = {
        formula1: "0",
        operator: "Between",
      };
    }, "InvalidArgument");
    await failure(async (context) => {
      range(context, "A1").conditionalFormats.add("CellValue").cellValue.rule = {
        formula1: "0",
        operator: "Bigger" as Excel.ConditionalCellValueOperator,
      };
    }, "InvalidArgument");
  });
});

describe("tables", () => {
  async function seed(values: (string | number | null)[][], address: string): Promise<void> {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange(address).values = values;
    });
  }

  it("takes column names from the header row; blanks become ColumnN, repeats get a number", async () => {
    await seed(
      [
        ["Amount", null, "amount", 2025],
        [1, 2, 3, 4],
      ],
      "A1:D2"
    );
    await run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:D2", true);
      table.load("name");
      await context.sync();
      expect(table.name).toBe("Table1");
    });
    expect(fake.state.tables()).toEqual([
      expect.objectContaining({
        name: "Table1",
        sheet: "Sheet1",
        address: "A1:D2",
        headers: ["Amount", "Column2", "amount2", "2025"],
      }),
    ]);
    expect(fake.state.values("Sheet1", "A1:D1")).toEqual([
      ["Amount", "Column2", "amount2", "2025"],
    ]);
  });

  it("gives a header-only range one empty data row, and inserts headers when hasHeaders is false", async () => {
    await seed([["Item", "Cost"]], "A1:B1");
    await seed([[1], [2]], "E1:E2");
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.tables.add("A1:B1", true);
      sheet.tables.add("E1:E2", false);
    });
    expect(fake.state.tables().map((t) => [t.address, t.headers])).toEqual([
      ["A1:B2", ["Item", "Cost"]],
      ["E1:E3", ["Column1"]],
    ]);
    expect(fake.state.values("Sheet1", "E1:E3")).toEqual([["Column1"], [1], [2]]);
  });

  it("refuses overlapping tables", async () => {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B3", true);
    });
    await failure(
      async (context) => {
        context.workbook.tables.add("Sheet1!B2:C4", true);
      },
      "InvalidArgument",
      /can't overlap another table/
    );
  });

  it.each([
    ["Cost Lines", "InvalidArgument", /space/],
    ["A1", "InvalidArgument", /cell reference/],
    ["ABC123", "InvalidArgument", /cell reference/],
    ["R1C1", "InvalidArgument", /cell reference/],
    ["C", "InvalidArgument", /cell reference/],
    ["2025Costs", "InvalidArgument", /must begin with/],
    ["Cost-Lines", "InvalidArgument", /contains "-"/],
    ["existing", "ItemAlreadyExists", /clashes with table "Existing"/],
    ["RATE", "ItemAlreadyExists", /clashes with defined name "Rate"/],
  ])("refuses table name %j", async (name, code, message) => {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true).name = "Existing";
      context.workbook.names.add("Rate", "=0.05");
    });
    await failure(
      async (context) => {
        context.workbook.worksheets.getItem("Sheet1").tables.add("D1:E2", true).name = name;
      },
      code,
      message
    );
  });

  it("accepts valid names and built-in styles only", async () => {
    await run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true);
      table.name = "tbl_Costs.2025";
      table.style = "TableStyleLight9";
      table.showBandedRows = false;
    });
    expect(fake.state.tables()[0]).toMatchObject({
      name: "tbl_Costs.2025",
      style: "TableStyleLight9",
      showBandedRows: false,
    });
    await failure(async (context) => {
      context.workbook.tables.getItem("tbl_costs.2025").style = "TableStyleMedium99";
    }, "InvalidArgument");
  });

  it("shows a totals row with Excel's defaults, whose cells take formulas", async () => {
    await seed(
      [
        ["Item", "Cost", "Saving"],
        ["a", 1, 0.5],
        ["b", 2, 0.25],
      ],
      "A1:C3"
    );
    await run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:C3", true);
      table.showTotals = true;
      table.columns.getItem("Cost").getTotalRowRange().formulas = [["=SUBTOTAL(109,[Cost])"]];
      const parts = [
        table.getRange(),
        table.getHeaderRowRange(),
        table.getDataBodyRange(),
        table.getTotalRowRange(),
      ];
      parts.forEach((part) => part.load("address"));
      await context.sync();
      expect(parts.map((part) => part.address)).toEqual([
        "Sheet1!A1:C4",
        "Sheet1!A1:C1",
        "Sheet1!A2:C3",
        "Sheet1!A4:C4",
      ]);
    });
    expect(fake.state.formulas("Sheet1", "A4:C4")).toEqual([
      ["Total", "=SUBTOTAL(109,[Cost])", "=SUBTOTAL(109,[Saving])"],
    ]);
  });

  it("fails getTotalRowRange while the totals row is hidden", async () => {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B2", true);
    });
    await failure(
      async (context) => {
        context.workbook.tables.getItem("Table1").columns.getItemAt(0).getTotalRowRange().formulas =
          [["=1"]];
      },
      "InvalidOperation",
      /no totals row/
    );
  });

  it("renames a column when its header cell is written, and loads columns", async () => {
    await seed([["Item", "Cost"]], "A1:B1");
    await run(async (context) => {
      const table = context.workbook.worksheets.getItem("Sheet1").tables.add("A1:B1", true);
      context.workbook.worksheets.getItem("Sheet1").getRange("B1").values = [["Item"]];
      table.columns.load("items/name");
      await context.sync();
      expect(table.columns.items.map((c) => c.name)).toEqual(["Item", "Item2"]);
    });
  });

  it("lists workbook tables, resolves getItemOrNullObject, and delete clears the cells", async () => {
    await seed([["Item"], ["a"]], "A1:A2");
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").tables.add("A1:A2", true);
      const tables = context.workbook.tables;
      tables.load("items/name");
      const missing = tables.getItemOrNullObject("Nope");
      await context.sync();
      expect(tables.items.map((t) => t.name)).toEqual(["Table1"]);
      expect(missing.isNullObject).toBe(true);
      tables.getItem("Table1").delete();
    });
    expect(fake.state.tables()).toEqual([]);
    expect(fake.state.values("Sheet1", "A1:A2")).toEqual([[null], [null]]);
  });
});

describe("defined names", () => {
  it("adds names to ranges and formulas; a range name follows a sheet rename", async () => {
    fake = createExcelFake({ sheets: ["Inputs"] });
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Inputs");
      context.workbook.names.add("Rate", sheet.getRange("B5"), "Discount rate");
      context.workbook.names.add("Months", "12");
      await context.sync();
      sheet.name = "Assumptions";
      const rate = context.workbook.names.getItem("rate");
      rate.load("formula, type, value, comment");
      await context.sync();
      expect([rate.formula, rate.type, rate.value, rate.comment]).toEqual([
        "=Assumptions!$B$5",
        "Range",
        "Assumptions!$B$5",
        "Discount rate",
      ]);
    });
    expect(fake.state.names()).toEqual([
      { name: "Rate", formula: "=Assumptions!$B$5", comment: "Discount rate", visible: true },
      { name: "Months", formula: "=12", comment: "", visible: true },
    ]);
  });

  it.each([
    ["My Rate", "InvalidArgument", /space/],
    ["A1", "InvalidArgument", /cell reference/],
    ["abc123", "InvalidArgument", /cell reference/],
    ["XFD1048576", "InvalidArgument", /cell reference/],
    ["r", "InvalidArgument", /cell reference/],
    ["1st", "InvalidArgument", /must begin with/],
    ["RATE", "ItemAlreadyExists", /clashes with defined name "Rate"/],
    ["table1", "ItemAlreadyExists", /clashes with table "Table1"/],
  ])("refuses name %j", async (name, code, message) => {
    await run(async (context) => {
      context.workbook.names.add("Rate", "=0.05");
      context.workbook.worksheets.getItem("Sheet1").tables.add("D1:E2", true);
    });
    await failure(
      async (context) => {
        context.workbook.names.add(name, "=1");
      },
      code,
      message
    );
  });

  it("accepts names that only look close to references (XFE1, Rate2025, _x)", async () => {
    await run(async (context) => {
      ["XFE1", "Rate2025", "_x", "\\path"].forEach((name) =>
        context.workbook.names.add(name, "=1")
      );
    });
    expect(fake.state.names()).toHaveLength(4);
  });

  it("loads, finds and deletes names", async () => {
    await run(async (context) => {
      context.workbook.names.add("Rate", "=Sheet1!$A$1");
      const names = context.workbook.names;
      names.load("items/name");
      const missing = names.getItemOrNullObject("Nope");
      await context.sync();
      expect(names.items.map((n) => n.name)).toEqual(["Rate"]);
      expect(missing.isNullObject).toBe(true);
      names.getItem("Rate").delete();
    });
    expect(fake.state.names()).toEqual([]);
  });
});

describe("workbook settings", () => {
  it("adds, replaces, reads and deletes settings saved with the workbook, values as JSON copies", async () => {
    const value = { organisation: "Contoso", periods: 12 };
    await run(async (context) => {
      const settings = context.workbook.settings;
      settings.add("finops.options", value);
      settings.add("other", "x");
      await context.sync();
      value.periods = 24; // a stored value is a copy, as a request would carry it
      settings.add("other", [1, true]);
      const found = settings.getItemOrNullObject("finops.options");
      const missing = settings.getItemOrNullObject("nope");
      found.load("key, value");
      missing.load("value");
      settings.load("items/key");
      await context.sync();
      expect([found.key, found.value]).toEqual([
        "finops.options",
        { organisation: "Contoso", periods: 12 },
      ]);
      expect(missing.isNullObject).toBe(true);
      expect(missing.value).toBeUndefined();
      expect(settings.items.map((s) => s.key)).toEqual(["finops.options", "other"]);
    });
    expect(fake.state.settings()).toEqual({
      "finops.options": { organisation: "Contoso", periods: 12 },
      other: [1, true],
    });
    await run(async (context) => {
      context.workbook.settings.getItem("other").delete();
    });
    expect(fake.state.snapshot().settings).toEqual({
      "finops.options": { organisation: "Contoso", periods: 12 },
    });
  });

  it("refuses an empty key, a value JSON cannot carry, and a missing setting", async () => {
    await failure(
      async (context) => {
        context.workbook.settings.add("", 1);
      },
      "InvalidArgument",
      /key/
    );
    await failure(
      async (context) => {
        context.workbook.settings.add("f", undefined);
      },
      "InvalidArgument",
      /not JSON/
    );
    await failure(async (context) => {
      context.workbook.settings.getItem("nope").load("value");
    }, "ItemNotFound");
  });
});

describe("selection and activation", () => {
  it("select() activates the sheet and getSelectedRange() returns it; without a selection, A1 of the active sheet", async () => {
    fake = createExcelFake({ sheets: ["Sheet1", "Budget"] });
    await run(async (context) => {
      const first = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(first.address).toBe("Sheet1!A1");
      context.workbook.worksheets.getItem("Budget").getRange("C3").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("Budget!C3");
    });
    expect(fake.state.activeSheet()).toBe("Budget");
    expect(fake.state.selection()).toBe("Budget!C3");
  });

  it("getActiveCell() is the top-left cell of the selection, else A1 of the active sheet", async () => {
    fake = createExcelFake({ sheets: ["Sheet1", "Budget"] });
    await run(async (context) => {
      const before = context.workbook.getActiveCell().load("address");
      await context.sync();
      expect(before.address).toBe("Sheet1!A1");
      context.workbook.worksheets.getItem("Budget").getRange("C3:D9").select();
      const active = context.workbook.getActiveCell();
      active.load("address");
      await context.sync();
      expect(active.address).toBe("Budget!C3");
      active.formulas = [["=1+1"]];
    });
    expect(fake.state.cell("Budget", "C3").formula).toBe("=1+1");
  });
});

describe("charts", () => {
  it("creates a chart from a range, with series, title, position and extra series", async () => {
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:C4").values = [
        ["Month", "Actual", "Budget"],
        ["Jan", 10, 12],
        ["Feb", 11, 12],
        ["Mar", 9, 12],
      ];
      const chart = sheet.charts.add(
        E().ChartType.columnClustered,
        sheet.getRange("A1:C4"),
        E().ChartSeriesBy.columns
      );
      chart.title.text = "Spend vs budget";
      chart.setPosition("E2", "L18");
      const forecast = chart.series.add("Forecast");
      forecast.setValues(sheet.getRange("D2:D4"));
      forecast.setXAxisValues(sheet.getRange("A2:A4"));
      const first = chart.series.getItemAt(0);
      first.load("name");
      chart.load("name");
      await context.sync();
      expect([chart.name, first.name]).toEqual(["Chart 1", "Actual"]);
    });
    const [chart] = fake.state.charts("Sheet1");
    expect(chart).toMatchObject({
      name: "Chart 1",
      type: "ColumnClustered",
      title: "Spend vs budget",
      from: "E2",
      to: "L18",
      source: "Sheet1!$A$1:$C$4",
    });
    expect(chart.series).toEqual([
      { name: "Actual", values: "Sheet1!$B$2:$B$4", xValues: "Sheet1!$A$2:$A$4" },
      { name: "Budget", values: "Sheet1!$C$2:$C$4", xValues: "Sheet1!$A$2:$A$4" },
      { name: "Forecast", values: "Sheet1!$D$2:$D$4", xValues: "Sheet1!$A$2:$A$4" },
    ]);
  });

  it("refuses unknown chart types and deletes charts", async () => {
    await failure(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("Columnar", sheet.getRange("A1:B2"));
    }, "InvalidArgument");
    await run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add(E().ChartType.line, sheet.getRange("A1:B2")).delete();
    });
    expect(fake.state.charts("Sheet1")).toEqual([]);
  });
});

describe("freeze panes, page layout, protection, application", () => {
  const sheet = (context: FakeRequestContext) => context.workbook.worksheets.getItem("Sheet1");

  it("freezes rows, columns or a top-left block (each replacing the last)", async () => {
    await run(async (context) => {
      sheet(context).freezePanes.freezeRows(2);
    });
    expect(fake.state.freeze("Sheet1")).toEqual({ rows: 2, columns: 0 });
    await run(async (context) => {
      sheet(context).freezePanes.freezeAt(sheet(context).getRange("A1:B3"));
    });
    expect(fake.state.freeze("Sheet1")).toEqual({ rows: 3, columns: 2 });
    await run(async (context) => {
      sheet(context).freezePanes.freezeColumns(1);
    });
    expect(fake.state.freeze("Sheet1")).toEqual({ rows: 0, columns: 1 });
  });

  it("sets margins in points and merges cells, refusing a merge over a table or another merge", async () => {
    await run(async (context) => {
      sheet(context).pageLayout.leftMargin = 18;
      sheet(context).pageLayout.topMargin = 36;
      sheet(context).getRange("A1:F1").merge();
      sheet(context).getRange("A3:C4").merge(true);
      sheet(context).tables.add("A6:B8", true);
    });
    expect(fake.state.pageLayout("Sheet1").margins).toMatchObject({
      leftMargin: 18,
      topMargin: 36,
    });
    expect(fake.state.snapshot().sheets[0].merges).toEqual(["A1:F1", "A3:C3", "A4:C4"]);
    await failure(
      async (context) => {
        sheet(context).getRange("B1:B2").merge();
      },
      "InvalidOperation",
      /merged area A1:F1/
    );
    await failure(
      async (context) => {
        sheet(context).getRange("A7:C7").merge();
      },
      "InvalidOperation",
      /table/
    );
    await failure(
      async (context) => {
        sheet(context).pageLayout.rightMargin = -1;
      },
      "InvalidArgument",
      /0 or more/
    );
  });

  it("sets a fixed print scale and vertical page breaks (not before column A)", async () => {
    await run(async (context) => {
      sheet(context).pageLayout.zoom = { scale: 75 };
      sheet(context).verticalPageBreaks.add(sheet(context).getRange("D1"));
      sheet(context).verticalPageBreaks.add("D5");
      sheet(context).verticalPageBreaks.add("H1:J3");
    });
    expect(fake.state.pageLayout("Sheet1")).toMatchObject({
      zoom: { scale: 75 },
      verticalPageBreaks: ["D1", "D5", "H1"],
    });
    await failure(
      async (context) => {
        sheet(context).verticalPageBreaks.add("A1");
      },
      "InvalidArgument",
      /first column/
    );
  });

  it("sets orientation, fit-to-page zoom, print titles (whole rows only) and print area", async () => {
    await run(async (context) => {
      const layout = sheet(context).pageLayout;
      layout.orientation = E().PageOrientation.landscape;
      layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      layout.setPrintTitleRows("$1:$2");
      layout.setPrintArea("A1:F40");
    });
    expect(fake.state.pageLayout("Sheet1")).toMatchObject({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      printArea: "$A$1:$F$40",
    });
    await failure(
      async (context) => {
        sheet(context).pageLayout.setPrintTitleRows("A1:F1");
      },
      "InvalidArgument",
      /entire rows/
    );
    await failure(async (context) => {
      sheet(context).pageLayout.zoom = { scale: 5 };
    }, "InvalidArgument");
  });

  it("protects a sheet: locked cells refuse writes, unlocked input cells accept them", async () => {
    await run(async (context) => {
      sheet(context).getRange("B2").format.protection.locked = false;
      sheet(context).protection.protect({ allowFormatCells: false });
      await context.sync();
      sheet(context).getRange("B2").values = [[5]];
    });
    expect(fake.state.protected("Sheet1")).toBe(true);
    expect(fake.state.cell("Sheet1", "B2").value).toBe(5);
    await failure(
      async (context) => {
        sheet(context).getRange("A1:B2").values = [
          [1, 2],
          [3, 4],
        ];
      },
      "AccessDenied",
      /protected/
    );
    await failure(async (context) => {
      sheet(context).getRange("B2").format.font.bold = true;
    }, "AccessDenied");
    await failure(
      async (context) => {
        sheet(context).protection.protect();
      },
      "InvalidOperation",
      /already protected/
    );
    await run(async (context) => {
      sheet(context).protection.unprotect();
      sheet(context).getRange("A1").values = [[1]];
    });
    expect(fake.state.cell("Sheet1", "A1").value).toBe(1);
  });

  it("records suspended calculation per sync and loads calculationMode", async () => {
    await run(async (context) => {
      const app = context.workbook.application;
      app.suspendApiCalculationUntilNextSync();
      app.load("calculationMode");
      await context.sync();
      expect(app.calculationMode).toBe("Automatic");
      sheet(context).getRange("A1").values = [[1]];
    });
    expect(fake.state.suspendedCalculationSyncs()).toBe(1);
  });
});

describe("instrumentation", () => {
  it("measures each sync's payload and keeps its operations", async () => {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      const big = Array.from({ length: 100 }, (_, i) => [i, `row ${i}`]);
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B100").values = big;
      await context.sync();
    });
    expect(fake.syncPayloads).toHaveLength(2);
    expect(fake.syncPayloads[1]).toBeGreaterThan(fake.syncPayloads[0] + 1000);
    expect(fake.largestPayload).toBe(fake.syncPayloads[1]);
    expect(fake.syncOperations[0]).toEqual([
      { kind: "range.values", path: 'worksheets.getItem("Sheet1").getRange("A1")', args: [[[1]]] },
    ]);
  });

  it("counts payload bytes as UTF-8", async () => {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["€😀"]];
    });
    const json = JSON.stringify(fake.syncOperations[0]);
    expect(fake.syncPayloads[0]).toBe(Buffer.byteLength(json, "utf8"));
  });

  it("failOnSync(n) fails that sync without applying any of it; later syncs proceed", async () => {
    fake.failOnSync(2);
    await run(async (context) => {
      context.workbook.worksheets.add("One");
      await context.sync();
      context.workbook.worksheets.add("Two");
      await expect(context.sync()).rejects.toMatchObject({ code: "GeneralException" });
      context.workbook.worksheets.add("Three");
      await context.sync();
    });
    expect(fake.syncCount).toBe(3);
    expect(fake.state.sheetNames()).toEqual(["Sheet1", "One", "Three"]);
  });

  it("failOnSync can throw a given error", async () => {
    const custom = new Error("network down");
    fake.failOnSync(1, custom);
    await expect(run(async (context) => void context.workbook.worksheets.add("X"))).rejects.toBe(
      custom
    );
  });

  it("failWhen fails the matching operation once; earlier operations of that sync stay applied", async () => {
    fake.failWhen((op) => op.kind === "tables.add");
    const error = await failure(async (context) => {
      const sheet = context.workbook.worksheets.add("Costs");
      sheet.getRange("A1:B1").values = [["Item", "Cost"]];
      sheet.tables.add("A1:B2", true);
      sheet.getRange("D1").values = [["after"]];
      await context.sync();
    }, "GeneralException");
    expect(error.debugInfo.errorLocation).toBe("tables.add");
    expect(fake.state.sheetNames()).toEqual(["Sheet1", "Costs"]);
    expect(fake.state.values("Sheet1", "A1")).toEqual([[null]]);
    expect(fake.state.values("Costs", "A1:D1")).toEqual([["Item", "Cost", null, null]]);
    // The injection fired once: a retry (or the adapter's cleanup) goes through.
    await run(
      async (context) => void context.workbook.worksheets.getItem("Costs").tables.add("A1:B2", true)
    );
    expect(fake.state.tables()).toHaveLength(1);
  });

  it("snapshot() is a deep copy that compares equal when a failed render is cleaned up", async () => {
    await run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [["keep"]];
    });
    const before = fake.state.snapshot();
    fake.failWhen((op) => op.kind === "names.add");
    await run(async (context) => {
      const sheet = context.workbook.worksheets.add("Draft");
      sheet.getRange("A1").values = [["Item"]];
      sheet.tables.add("A1:A2", true);
      context.workbook.names.add("DraftTotal", sheet.getRange("A2"));
      await context.sync().catch(async () => {
        // What an adapter's cleanup does: remove what the partial sync left behind.
        context.workbook.worksheets.getItem("Draft").delete();
        await context.sync();
      });
    });
    expect(fake.state.snapshot()).toEqual(before);
    before.sheets[0].cells.A1.value = "changed";
    expect(fake.state.cell("Sheet1", "A1").value).toBe("keep");
  });

  it("a snapshot shows a difference left behind by incomplete cleanup", async () => {
    const before = fake.state.snapshot();
    await run(async (context) => {
      context.workbook.names.add("Leftover", "=1");
    });
    expect(fake.state.snapshot()).not.toEqual(before);
  });

  it("installs itself as the global Excel and OfficeExtension, and uninstalls", async () => {
    const target: Record<string, unknown> = {};
    const uninstall = fake.install(target);
    expect(target.Excel).toBe(fake.Excel);
    expect((target.OfficeExtension as { Error: unknown }).Error).toBe(FakeExcelError);
    uninstall();
    expect(target.Excel).toBeUndefined();
  });

  it("can be handed to code typed against Office.js's Excel namespace", async () => {
    const excel: typeof Excel = fake.asOfficeExcel();
    const count = await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      return sheets.items.length;
    });
    expect(count).toBe(1);
  });
});

describe("Office fake", () => {
  it("answers requirement-set checks by numeric version", () => {
    const office = createOfficeFake({ excelApi: "1.12" });
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.12")).toBe(true);
    expect(office.context.requirements.isSetSupported("excelapi", "1.9")).toBe(true);
    expect(office.context.requirements.isSetSupported("ExcelApi", "1.13")).toBe(false);
    expect(office.context.requirements.isSetSupported("ExcelApi")).toBe(true);
    expect(office.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.1")).toBe(false);
    const withSets = createOfficeFake({ sets: { CustomFunctionsRuntime: "1.3" } });
    expect(withSets.context.requirements.isSetSupported("CustomFunctionsRuntime", "1.2")).toBe(
      true
    );
  });

  it("resolves onReady with the host and calls the callback", async () => {
    const office = createOfficeFake();
    const seen: string[] = [];
    await expect(office.onReady((info) => seen.push(info.host))).resolves.toEqual({
      host: "Excel",
      platform: "OfficeOnline",
    });
    expect(seen).toEqual(["Excel"]);
  });
});
