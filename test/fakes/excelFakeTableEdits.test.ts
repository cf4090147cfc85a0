/**
 * What users do to tables in the fake, as Excel does it: rows added (calculated columns filled,
 * formats and validation carried down, the totals row and what is below moving), columns added and
 * deleted (cells, conditional formats and names moving within the table's rows), names re-pointed.
 */
import { createExcelFake, ExcelFake, FakeRequestContext } from "./excel";

let fake: ExcelFake;
const run = <T>(batch: (context: FakeRequestContext) => Promise<T>) => fake.Excel.run(batch);

/** Lines (A1:C3) with a calculated column Total, a totals row, validation, a conditional format, a name on D5. */
async function seed(): Promise<void> {
  await run(async (context) => {
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    sheet.getRange("A1:B3").values = [
      ["Item", "Amount"],
      ["a", 1],
      ["b", 2],
    ];
    const table = sheet.tables.add(sheet.getRange("A1:B3"), true);
    table.name = "Lines";
    table.columns.add(null, null, "Total");
    table.columns.getItem("Total").getDataBodyRange().formulas = [
      ["=[@Amount]*2"],
      ["=[@Amount]*2"],
    ];
    sheet.getRange("B2:B3").numberFormat = [["0.0"], ["0.0"]];
    sheet.getRange("B2:B3").dataValidation.rule = {
      decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" },
    };
    sheet.getRange("C2:C3").conditionalFormats.add("CellValue").cellValue.rule = {
      formula1: "3",
      operator: "GreaterThan",
    };
    table.showTotals = true;
    sheet.getRange("D5").values = [["below"]];
    context.workbook.names.add("Below", "=Sheet1!$D$5");
    await context.sync();
  });
}

beforeEach(() => {
  fake = createExcelFake();
});

describe("table.rows.add", () => {
  it("adds rows at the end: calculated columns filled, formats carried, totals row moved down", async () => {
    await seed();
    await run(async (context) => {
      const rows = context.workbook.tables.getItem("Lines").rows;
      rows.add(null, [["c", 3, null]]);
      const count = rows.load("count");
      await context.sync();
      expect(count.count).toBe(3);
    });
    expect(fake.state.tables()[0].address).toBe("A1:C5");
    expect(fake.state.formulas("Sheet1", "A4:C5")).toEqual([
      ["c", 3, "=[@Amount]*2"],
      // The fake does not calculate, so Excel's totals row counts the formula column.
      ["Total", null, "=SUBTOTAL(103,[Total])"],
    ]);
    expect(fake.state.numberFormats("Sheet1", "B4:B4")).toEqual([["0.0"]]);
    expect(fake.state.validation("Sheet1", "B2:B4")?.type).toBe("Decimal");
    expect(fake.state.conditionalFormats("Sheet1")[0].address).toBe("C2:C4");
  });

  it("inserted at the top, the first data row gives the formats", async () => {
    await seed();
    await run(async (context) => {
      context.workbook.tables.getItem("Lines").rows.add(0, [["z", 9, null]]);
      await context.sync();
    });
    expect(fake.state.values("Sheet1", "A2:B4")).toEqual([
      ["z", 9],
      ["a", 1],
      ["b", 2],
    ]);
    expect(fake.state.numberFormats("Sheet1", "B2:B2")).toEqual([["0.0"]]);
  });

  it("refuses rows of the wrong width", async () => {
    await seed();
    await expect(
      run(async (context) => {
        context.workbook.tables.getItem("Lines").rows.add(null, [["only one"]]);
        await context.sync();
      })
    ).rejects.toMatchObject({ code: "InvalidArgument" });
  });

  it("moves a narrower table below whole, and refuses to tear a wider one", async () => {
    await seed();
    const below = async (address: string, name: string, headers: string[]) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange(address).values = [headers, headers.map((h) => h.toLowerCase())];
        sheet.tables.add(sheet.getRange(address), true).name = name;
        await context.sync();
      });
    const addRow = () =>
      run(async (context) => {
        context.workbook.tables.getItem("Lines").rows.add(null, [["c", 3, null]]);
        await context.sync();
      });
    await below("A8:B9", "Narrow", ["P", "Q"]);
    await addRow();
    expect(fake.state.tables().find((t) => t.name === "Narrow")?.address).toBe("A9:B10");
    await below("A12:D13", "Wide", ["R", "S", "T", "U"]);
    await expect(addRow()).rejects.toMatchObject({ code: "InvalidOperation" });
  });
});

describe("table.columns.add and delete", () => {
  it("inserting a column moves the table's cells right, not the rows outside it", async () => {
    await seed();
    await run(async (context) => {
      context.workbook.tables.getItem("Lines").columns.add(1, null, "Note");
      await context.sync();
    });
    const table = fake.state.tables()[0];
    expect(table.headers).toEqual(["Item", "Note", "Amount", "Total"]);
    expect(table.address).toBe("A1:D4");
    expect(fake.state.formulas("Sheet1", "A1:D2")).toEqual([
      ["Item", "Note", "Amount", "Total"],
      ["a", null, 1, "=[@Amount]*2"],
    ]);
    expect(fake.state.cell("Sheet1", "D5").value).toBe("below");
    expect(fake.state.conditionalFormats("Sheet1")[0].address).toBe("D2:D3");
    expect(fake.state.validation("Sheet1", "C2:C3")?.type).toBe("Decimal");
  });

  it("deleting a column moves the cells back: add then delete leaves the workbook as it was", async () => {
    await seed();
    const before = fake.state.snapshot();
    await run(async (context) => {
      context.workbook.tables.getItem("Lines").columns.add(0, null, "Extra");
      await context.sync();
      context.workbook.tables.getItem("Lines").columns.getItem("Extra").delete();
      await context.sync();
    });
    expect(fake.state.snapshot()).toEqual(before);
  });

  it("deleting a column drops its conditional formats and its cells; names on it become #REF!", async () => {
    await seed();
    await run(async (context) => {
      context.workbook.names.add("FirstTotal", "=Sheet1!$C$2");
      context.workbook.tables.getItem("Lines").columns.getItem("Total").delete();
      await context.sync();
    });
    expect(fake.state.tables()[0].headers).toEqual(["Item", "Amount"]);
    expect(fake.state.conditionalFormats("Sheet1")).toEqual([]);
    expect(fake.state.formulas("Sheet1", "C2:C3")).toEqual([[null], [null]]);
    expect(fake.state.names().find((n) => n.name === "FirstTotal")?.formula).toBe("=#REF!");
  });

  it("an added column is reachable through the returned object in the same batch", async () => {
    await seed();
    await run(async (context) => {
      const column = context.workbook.tables.getItem("Lines").columns.add(null, null, "Extra");
      column.getDataBodyRange().values = [["x"], ["y"]];
      await context.sync();
    });
    expect(fake.state.values("Sheet1", "D2:D3")).toEqual([["x"], ["y"]]);
  });
});

describe("NamedItem.formula", () => {
  it("re-points a name, which then follows its sheet again", async () => {
    await seed();
    await run(async (context) => {
      context.workbook.names.getItem("Below").formula = "=Sheet1!$A$1";
      await context.sync();
    });
    expect(fake.state.names().find((n) => n.name === "Below")?.formula).toBe("=Sheet1!$A$1");
  });
});
