import { isRefused } from "../../../src/workbook/consolidate/gather";
import { readDepartmentFile, readDepartmentFiles } from "../../../src/xlsx/read/departmentFile";
import { departmentFile, departmentOptions } from "../../workbook/consolidate/departmentFiles";

/**
 * A department's file from its bytes: every way a picked file can be unusable is one plain reason
 * naming no internals, and one bad file never stops the others being read.
 */

let good: Uint8Array;
beforeAll(async () => {
  good = (await departmentFile("Payments.xlsx", departmentOptions({ department: "Payments" })))
    .bytes;
}, 60_000);

const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("reading a department's file", () => {
  it("reads a workbook this tool made", async () => {
    const read = await readDepartmentFile("Payments.xlsx", good);
    expect(isRefused(read)).toBe(false);
    expect(read).toMatchObject({ file: "Payments.xlsx", department: "Payments" });
  });

  it.each([
    [
      "an encrypted workbook or an old .xls",
      new Uint8Array([...COMPOUND_FILE, 0, 0, 0]),
      "it is encrypted (saved with a password) or an old .xls file: open it in Excel and save it as an Excel Workbook (.xlsx) without a password.",
    ],
    [
      "a text file named .xlsx",
      new TextEncoder().encode("Department,Budget\n"),
      "it is not an .xlsx workbook: pick the department's workbook made with FinOps Practice Workbooks.",
    ],
  ])("refuses %s by its first bytes", async (_, bytes, reason) => {
    expect(await readDepartmentFile("x.xlsx", bytes)).toEqual({ file: "x.xlsx", reason });
  });

  it("refuses a workbook cut short (an interrupted download) as damaged", async () => {
    expect(await readDepartmentFile("cut.xlsx", good.slice(0, good.length >> 1))).toEqual({
      file: "cut.xlsx",
      reason:
        "it is damaged or not a workbook: if it was being copied or downloaded, get it again; else open it in Excel and save it again.",
    });
  });

  it("reads every file in order with progress, a file that cannot be opened among them", async () => {
    const progress: string[] = [];
    const results = await readDepartmentFiles(
      [
        { name: "Payments.xlsx", bytes: async () => good },
        { name: "gone.xlsx", bytes: () => Promise.reject(new Error("NotFoundError")) },
        { name: "Payments copy.xlsx", bytes: async () => good },
      ],
      (p) => progress.push(`${p.index + 1}/${p.count} ${p.file}`)
    );
    expect(progress).toEqual(["1/3 Payments.xlsx", "2/3 gone.xlsx", "3/3 Payments copy.xlsx"]);
    expect(results.map((r) => [r.file, isRefused(r)])).toEqual([
      ["Payments.xlsx", false],
      ["gone.xlsx", true],
      ["Payments copy.xlsx", false],
    ]);
    expect(results[1]).toEqual({
      file: "gone.xlsx",
      reason:
        "it could not be opened (NotFoundError): check that it is still there and pick it again.",
    });
  });
});
