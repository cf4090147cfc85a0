import fc from "fast-check";
import { cellPosition } from "../../../src/workbook/addresses";
import { planTemplates } from "../../../src/workbook/generate";
import { currentValues } from "../../../src/workbook/maintain/currentValues";
import { checkWorkbook } from "../../../src/workbook/maintain/healthCheck";
import { surveyWorkbook } from "../../../src/workbook/maintain/survey";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { PackageEdit } from "../../../src/xlsx/edit/packageEdit";
import { convertFile } from "../../../src/xlsx/maintain/convertFile";
import { recordAssessmentFile } from "../../../src/xlsx/maintain/recordAssessmentFile";
import { repairFile } from "../../../src/xlsx/maintain/repairFile";
import { rollForwardFile } from "../../../src/xlsx/maintain/rollForwardFile";
import { readWorkbookFile } from "../../../src/xlsx/read/readWorkbookFile";
import { NOW } from "../../excel/hostFor";
import { foreignView } from "../foreign/canonicalParts";
import { withForeignParts } from "../foreign/foreignParts";

/**
 * The promise of the in-place commands: what no operation owns stays, as canonical XML, what it was.
 * Random sequences of a user's edits to template cells and names and of the file commands (repair,
 * roll forward, record assessment, convert) run on a
 * practice workbook that also holds a finance team's own sheet, note, image, chart, pivot table,
 * slicer, sparklines, validation, conditional formats, names, external link, custom XML, printer
 * settings and document properties (test/xlsx/foreign).
 */
type Operation =
  | { readonly kind: "typeOver"; readonly pick: number; readonly value: number }
  | { readonly kind: "deleteName"; readonly pick: number }
  | { readonly kind: "repair" }
  | { readonly kind: "repairDryRun" }
  | { readonly kind: "rollForward"; readonly by: "month" | "quarter" | "fiscal-year" }
  | { readonly kind: "recordAssessment"; readonly day: number }
  | { readonly kind: "convert"; readonly to: "portable" | "addin" };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    kind: fc.constant("typeOver" as const),
    pick: fc.nat(),
    value: fc.integer({ min: -1000, max: 100000 }),
  }),
  fc.record({ kind: fc.constant("deleteName" as const), pick: fc.nat() }),
  fc.constant({ kind: "repair" as const }),
  fc.constant({ kind: "repairDryRun" as const }),
  fc.record({
    kind: fc.constant("rollForward" as const),
    by: fc.constantFrom("month" as const, "quarter" as const, "fiscal-year" as const),
  }),
  fc.record({
    kind: fc.constant("recordAssessment" as const),
    day: fc.integer({ min: 0, max: 300 }),
  }),
  fc.record({
    kind: fc.constant("convert" as const),
    to: fc.constantFrom("portable" as const, "addin" as const),
  })
);

async function apply(bytes: Uint8Array, op: Operation): Promise<Uint8Array> {
  const file = await readWorkbookFile(bytes);
  if (op.kind === "repair" || op.kind === "repairDryRun") {
    const done = await repairFile(file, bytes, NOW, op.kind === "repairDryRun");
    return done.bytes ?? bytes;
  }
  if (op.kind === "rollForward")
    return (await rollForwardFile(file, bytes, op.by, NOW, false)).bytes ?? bytes;
  if (op.kind === "recordAssessment") {
    const date = new Date(Date.UTC(2026, 0, 1 + op.day));
    return (await recordAssessmentFile(file, bytes, NOW, date, false)).bytes ?? bytes;
  }
  if (op.kind === "convert")
    return (await convertFile(file, bytes, op.to, NOW, false)).bytes ?? bytes;
  const survey = surveyWorkbook(file.readBack);
  const edit = await PackageEdit.open(bytes);
  if (op.kind === "typeOver") {
    const cells = currentValues(survey);
    const cell = cells[op.pick % cells.length];
    await edit.writeCells(cell.sheet, [{ ...cellPosition(cell.address), value: op.value }]);
  } else {
    const names = survey.templates.flatMap((t) => t.figures.map((f) => f.figure.name));
    const present = names.filter((n) => file.readBack.names.some((x) => x.name === n));
    if (present.length === 0) return bytes;
    await edit.changeNames([{ name: present[op.pick % present.length], formula: null }]);
  }
  return new Uint8Array(await edit.bytes());
}

describe("file commands keep what they do not own", () => {
  let start: Uint8Array;
  let before: Record<string, string>;
  beforeAll(async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...DEFAULT_OPTIONS, sampleData: true },
      { sheets: [], tablesAndNames: [] }
    );
    start = await withForeignParts(new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer));
    before = await foreignView(start);
  });

  test("random edits and commands leave every foreign part as it was; a final repair leaves nothing to repair", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 4 }), async (ops) => {
        let bytes = start;
        for (const op of ops) bytes = await apply(bytes, op);
        expect(await foreignView(bytes)).toEqual(before);
        bytes = await apply(bytes, { kind: "repair" });
        expect(await foreignView(bytes)).toEqual(before);
        const left = checkWorkbook((await readWorkbookFile(bytes)).readBack).findings;
        expect(left.filter((f) => f.repairable)).toEqual([]);
      }),
      { numRuns: Number(process.env.FINOPS_PROPERTY_RUNS ?? 12) }
    );
  }, 120_000);
});
