import { writeXlsxBuffer } from "../../../src/xlsx";
import { planTemplates } from "../../../src/workbook/generate";
import { currentValues } from "../../../src/workbook/maintain/currentValues";
import { surveyWorkbook } from "../../../src/workbook/maintain/survey";
import { asCellValue } from "../../../src/workbook/maintain/grid";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { NOW } from "../../excel/hostFor";

const ALL = TEMPLATES.map((t) => t.id);

async function fileOf(options: TemplateOptions) {
  const { plan } = planTemplates(ALL, options, { sheets: [], tablesAndNames: [] });
  const { buffer } = await writeXlsxBuffer(plan, NOW);
  return readWorkbookFile(new Uint8Array(buffer));
}

describe("currentValues", () => {
  // Generation caches the plan's evaluation of the template's inputs; the current values evaluate the
  // inputs read back from the file. Two paths to the same numbers for an untouched workbook.
  test.each([
    ["sample figures", { ...DEFAULT_OPTIONS, sampleData: true }],
    ["empty tables", { ...DEFAULT_OPTIONS, sampleData: false }],
    ["add-in functions", { ...DEFAULT_OPTIONS, sampleData: true, formulaMode: "addin" as const }],
  ])("of a freshly generated practice set (%s) are its cached values", async (_, options) => {
    const { readBack } = await fileOf(options);
    const survey = surveyWorkbook(readBack);
    const values = currentValues(survey);
    expect(values.length).toBeGreaterThan(500);
    // A formula that shows "" reads back as a blank cell.
    const shown = (value: unknown) => JSON.stringify(value === "" ? null : value);
    const mismatches = values
      .map(({ sheet, address, value }) => ({
        at: `${sheet}!${address}`,
        value,
        cached: asCellValue(survey.cellAt(sheet, address).value),
      }))
      .filter(({ value, cached }) => shown(cached) !== shown(value));
    expect(mismatches).toEqual([]);
  });
});
