/**
 * Excel moves a table below a growing table only whole: a wider table below refuses the new row. The
 * maturity scorecard before version 5 kept its history (29 columns) below the capability table (24),
 * so a capability could not be added in Excel; version 5 puts the history above.
 */
import { checkWorkbookHealth } from "../../src/excel/maintainWorkbook";
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, ExcelFake } from "../fakes/excel";
import { generateAtVersion } from "./generateAtVersion";
import { hostFor } from "./hostFor";
import { edit } from "./maintainHelpers";
import { tableNow } from "./rollForwardHelpers";

const addCapability = (fake: ExcelFake) =>
  edit(fake, (workbook) => {
    const width = tableNow(fake, "MaturityCapabilities").headers.length;
    workbook.tables
      .getItem("MaturityCapabilities")
      .rows.add(undefined, [
        ["Cloud sovereignty", ...Array.from({ length: width - 1 }, () => null)],
      ] as unknown as string[][]);
  });

describe("adding a capability to the maturity scorecard", () => {
  it("works in version 5: the history is above, the tables below move whole", async () => {
    const fake = createExcelFake();
    await generateWorkbooks(["maturity-scorecard"], DEFAULT_OPTIONS, hostFor(fake));
    await addCapability(fake);
    expect(tableNow(fake, "MaturityCapabilities").rows.at(-1)?.[0]).toBe("Cloud sovereignty");
    const health = await checkWorkbookHealth(hostFor(fake));
    expect(health.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  it("is refused in version 4, whose wider history sits below", async () => {
    const fake = createExcelFake();
    await generateAtVersion(fake, { "maturity-scorecard": 4 });
    await expect(addCapability(fake)).rejects.toThrow(/shift part of table "MaturityHistory"/);
  });
});
