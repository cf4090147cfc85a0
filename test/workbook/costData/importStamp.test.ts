import { importNotes, readImportStamp } from "../../../src/workbook/costData/costDataSheet";
import { aggregate, focusImport } from "./focusImports";

describe("the Cost data sheet's import stamp", () => {
  const at = new Date("2026-12-07T07:05:42Z");
  const result = focusImport([aggregate("2026-01", "web"), aggregate("2026-04", "web")]);

  it("is read back from the title and the notes the import wrote", () => {
    const column = [
      "Cost data from FOCUS billing exports",
      "2026-01 to 2026-04; each row in its billing currency",
      "What was imported",
      ...importNotes(result, at),
    ];
    expect(readImportStamp(column)).toEqual({
      at: "2026-12-07T07:05Z",
      firstMonth: "2026-01",
      lastMonth: "2026-04",
    });
  });

  it("is null on a sheet that does not say when it was imported", () => {
    expect(readImportStamp(["My own notes", 42, null, "Imported yesterday."])).toBeNull();
  });
});
