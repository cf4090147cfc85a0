import JSZip from "jszip";
import { planTemplates } from "../../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../../src/workbook/options";
import { TEMPLATES } from "../../../src/workbook/templates";
import { writeXlsxBuffer } from "../../../src/xlsx";
import { withCachedValues } from "../../../src/xlsx/maintain/cachedValues";
import { NOW } from "../../excel/hostFor";

async function partsOf(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  return new Map(
    await Promise.all(names.map(async (n) => [n, await zip.file(n)!.async("string")] as const))
  );
}

describe("withCachedValues", () => {
  test("leaves a freshly generated workbook's cells and chart caches exactly as generation wrote them", async () => {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...DEFAULT_OPTIONS, sampleData: true },
      { sheets: [], tablesAndNames: [] }
    );
    const generated = new Uint8Array((await writeXlsxBuffer(plan, NOW)).buffer);
    const { bytes, written } = await withCachedValues(generated);
    expect(written).toBe(0);
    const before = await partsOf(generated);
    const after = await partsOf(bytes);
    const changed = [...before].filter(([name, text]) => after.get(name) !== text).map(([n]) => n);
    expect(changed).toEqual([]);
  });
});
