import {
  queueFormulasAndFormats,
  queueMetadata,
  queueNames,
  queueSheet,
} from "../../src/excel/writePlan";
import { planWorkbook } from "../../src/workbook/layout";
import { METADATA_SHEET, metadataRows } from "../../src/workbook/metadata";
import { chooseNames } from "../../src/workbook/names";
import { DEFAULT_OPTIONS, TemplateOptions } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { buildAt } from "../../src/workbook/templateVersions";
import { TwinEdition } from "../../src/workbook/twins/nativeTwins";
import { ExcelFake } from "../fakes/excel";
import { NOW } from "./hostFor";

/**
 * Test-only: generates templates into an empty fake at chosen versions, as an add-in of that time
 * did (same plan, same writers, same metadata row), so upgrade can be tested on a real version-1
 * workbook. The add-in itself only ever generates the current version. `twins: "earlier"` writes
 * portable formulas with the native twins of the add-in versions before a function's definition
 * changed (TWIN_REVISIONS).
 */
export async function generateAtVersion(
  fake: ExcelFake,
  versions: Readonly<Record<string, number>>,
  options: TemplateOptions = DEFAULT_OPTIONS,
  twins: TwinEdition = "current"
): Promise<void> {
  const specs = TEMPLATES.filter((t) => t.id in versions).map((t) => {
    const spec = buildAt(t, versions[t.id], options);
    if (!spec) throw new Error(`${t.id} has no version ${versions[t.id]}`);
    return spec;
  });
  // Free names next to what is there, so a second copy can be generated as the add-in would.
  const existing = {
    sheets: fake.state.sheetNames(),
    tablesAndNames: [
      ...fake.state.tables().map((t) => t.name),
      ...fake.state.names().map((n) => n.name),
    ],
  };
  const store = fake.state.sheetNames().includes(METADATA_SHEET)
    ? fake.state.values(METADATA_SHEET, "A1:A500").filter((r) => r[0] !== "" && r[0] !== null)
        .length
    : null;
  const plan = planWorkbook(specs, options, chooseNames(specs, existing), [], twins);
  await fake.asOfficeExcel().run(async (context) => {
    const workbook = context.workbook;
    const written = plan.sheets.map((planned) => ({
      planned,
      sheet: queueSheet(workbook, planned),
    }));
    for (const { planned } of written) queueNames(workbook, planned);
    for (const { planned, sheet } of written) queueFormulasAndFormats(sheet, planned);
    queueMetadata(workbook, store, metadataRows(plan, NOW));
    await context.sync();
  });
}
