import {
  loadSavedOptions,
  OPTIONS_SETTING,
  parseSavedOptions,
  saveOptions,
} from "../../src/excel/savedOptions";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake } from "../fakes/excel";
import { hostFor } from "./hostFor";

const CHOSEN = { ...DEFAULT_OPTIONS, organisation: "Fabrikam", currency: "EUR", sampleData: false };

describe("options remembered per workbook", () => {
  it("saves the options as a workbook setting and loads them back, one sync each", async () => {
    const fake = createExcelFake();
    await expect(loadSavedOptions(hostFor(fake))).resolves.toBeUndefined();
    fake.resetCounters();
    await expect(saveOptions(CHOSEN, hostFor(fake))).resolves.toBe(true);
    expect(fake.syncCount).toBe(1);
    expect(JSON.parse(fake.state.settings()[OPTIONS_SETTING] as string)).toEqual(CHOSEN);
    fake.resetCounters();
    await expect(loadSavedOptions(hostFor(fake))).resolves.toEqual(CHOSEN);
    expect(fake.syncCount).toBe(1);
  });

  it("ignores saved options that are not valid any more", () => {
    expect(parseSavedOptions(JSON.stringify(CHOSEN))).toEqual(CHOSEN);
    expect(parseSavedOptions(CHOSEN)).toEqual(CHOSEN);
    expect(parseSavedOptions("{not json")).toBeUndefined();
    expect(parseSavedOptions(null)).toBeUndefined();
    expect(parseSavedOptions({ ...CHOSEN, currency: "EURO" })).toBeUndefined();
    expect(parseSavedOptions({ ...CHOSEN, periods: "12" })).toBeUndefined();
    expect(parseSavedOptions({ ...CHOSEN, formulaMode: "macro" })).toBeUndefined();
    expect(parseSavedOptions({ ...CHOSEN, periods: 99 })).toBeUndefined();
  });

  it("does nothing on Excel without workbook settings (before ExcelApi 1.4) and never throws", async () => {
    const fake = createExcelFake();
    await expect(saveOptions(CHOSEN, hostFor(fake, "1.3"))).resolves.toBe(false);
    await expect(loadSavedOptions(hostFor(fake, "1.3"))).resolves.toBeUndefined();
    expect(fake.syncCount).toBe(0);
    fake.failOnSync(1);
    await expect(loadSavedOptions(hostFor(fake))).resolves.toBeUndefined();
    fake.failOnSync(2);
    await expect(saveOptions(CHOSEN, hostFor(fake))).resolves.toBe(false);
  });
});
