/**
 * Retiring a sheet an upgrade lays out anew: free names that Excel accepts, the version always said.
 */
import { InstalledTemplate } from "../../../src/workbook/metadata";
import { ReadTable, WorkbookReadBack } from "../../../src/workbook/maintain/readBack";
import { retireSheets } from "../../../src/workbook/maintain/retireSheets";

const table = (name: string, sheet: string) => ({ name, sheet }) as unknown as ReadTable;

function workbook(
  sheet: string,
  taken: { sheets?: string[]; tables?: string[]; names?: string[] }
) {
  const readBack = {
    templates: [],
    sheets: [{ name: sheet, used: { rows: [] } }],
    tables: [table("ExecKpiStatus", sheet)],
    names: [
      { name: "ExecRoi", formula: `='${sheet}'!$B$5` },
      ...(taken.names ?? []).map((n) => ({ name: n, formula: "=1" })),
    ],
    sheetNames: ["Sheet1", sheet, ...(taken.sheets ?? [])],
    tableNames: ["ExecKpiStatus", ...(taken.tables ?? [])],
  } as unknown as WorkbookReadBack;
  const record = { sheets: [sheet] } as unknown as InstalledTemplate;
  return retireSheets(readBack, [{ record, version: 3 }]);
}

describe("retireSheets", () => {
  it("renames the sheet and its tables with the version, and the names follow the sheet", () => {
    const { retirements, readBack } = workbook("Executive summary", {});
    expect(retirements).toEqual([
      {
        sheet: "Executive summary",
        to: "Executive summary (version 3)",
        tables: [{ from: "ExecKpiStatus", to: "ExecKpiStatusVersion3" }],
        position: 1,
      },
    ]);
    expect(readBack.names[0].formula).toBe("='Executive summary (version 3)'!$B$5");
    expect(readBack.sheets[0].used).toBeNull();
    expect(readBack.tables).toEqual([]);
  });

  it("keeps a long name within 31 characters with its version said, and never clashes", () => {
    const long = "Executive summary for the board"; // 31 characters
    const { retirements } = workbook(long, {
      sheets: ["Executive summary f (version 3)"],
      tables: ["ExecKpiStatusVersion3"],
      names: ["ExecKpiStatusVersion3_2"],
    });
    const [retired] = retirements;
    expect(retired.to).toBe("Executive summary (version 3) 2");
    expect(retired.to.length).toBeLessThanOrEqual(31);
    // A table name has no spaces, and table and defined names share one namespace.
    expect(retired.tables[0].to).toBe("ExecKpiStatusVersion3_3");
  });
});
