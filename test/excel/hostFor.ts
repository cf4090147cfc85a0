import { ExcelHost } from "../../src/excel/host";
import { ExcelFake } from "../fakes/excel";
import { createOfficeFake } from "../fakes/excel/office";

export const NOW = new Date("2026-11-29T12:00:00Z");

/** The adapter's host over the in-memory Excel, with a chosen ExcelApi version. */
export function hostFor(fake: ExcelFake, excelApi = "1.12"): ExcelHost {
  return {
    excel: fake.asOfficeExcel(),
    requirements: createOfficeFake({ excelApi }).context.requirements,
    now: () => NOW,
  };
}

/** Sets what a named cell shows (the fake never calculates formulas). */
export function showInName(fake: ExcelFake, name: string, value: string | number): void {
  const found = fake.state.names().find((n) => n.name === name);
  if (!found) throw new Error(`No name ${name}`);
  const [, sheet, address] = /^='?(.+?)'?!(\$?[A-Z]+\$?\d+)$/.exec(found.formula) ?? [];
  fake.state.setCachedValue(sheet.replace(/''/g, "'"), address.replace(/\$/g, ""), value);
}
