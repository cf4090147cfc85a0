/**
 * Consolidate department workbooks in Chromium: three departments' workbooks made by the project's own
 * code (and a file that is not a workbook) chosen through the file chooser, read by the real Web Worker
 * chunk, previewed, and the roll-up written into the in-memory Excel. axe-core and the 320 px width in
 * each state.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { METADATA_SHEET } from "../../src/workbook/metadata";
import {
  DepartmentFile,
  departmentFile,
  departmentOptions,
} from "../workbook/consolidate/departmentFiles";
import {
  axeViolations,
  launch,
  openPane,
  overflow,
  Page,
  pageErrors,
  screenshot,
  Session,
} from "./browser";

jest.setTimeout(120_000);

let session: Session;
let dir: string;
let made: DepartmentFile[];
beforeAll(async () => {
  session = await launch();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-e2e-departments-"));
  made = await Promise.all(
    [
      ["Payments.xlsx", "Payments", "USD"],
      ["Retail.xlsx", "Retail", "USD"],
      ["Europe.xlsx", "Europe", "EUR"],
    ].map(([file, department, currency]) =>
      departmentFile(file, departmentOptions({ organisation: "Contoso", department, currency }))
    )
  );
  for (const m of made) fs.writeFileSync(path.join(dir, m.file), m.bytes);
  fs.writeFileSync(path.join(dir, "notes.xlsx"), "Department,Budget\nPayments,100\n");
});
afterAll(async () => {
  await session?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Chooses files as a user does, by path (Chromium reads them itself). */
async function choose(page: Page, names: string[]): Promise<void> {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: /^Choose (other )?files\.\.\.$/ }).click();
  await (await chooser).setFiles(names.map((n) => path.join(dir, n)));
}

/** axe-core and sideways scrolling, at 320 px, in the state the pane is in. */
async function checked(page: Page, name: string) {
  const found = { axe: await axeViolations(page), overflow: await overflow(page) };
  await screenshot(page, `consolidate-${name}-320`);
  return found;
}

describe("Consolidate department workbooks in Chromium", () => {
  it("reads three department workbooks in the worker, names the file it cannot use, and writes the roll-up when told to skip it", async () => {
    const page = await openPane(session, { width: 320 });
    await page.getByRole("button", { name: "Consolidate department workbooks" }).click();
    const states: Record<string, unknown> = {};
    await page.getByRole("button", { name: "Read files" }).waitFor();
    states.choose = await checked(page, "choose");
    await choose(page, ["Payments.xlsx", "notes.xlsx", "Retail.xlsx", "Europe.xlsx"]);
    await page.getByRole("list", { name: "Files to consolidate" }).waitFor();
    await page.getByRole("button", { name: "Read files" }).click();
    const departments = page.getByRole("list", { name: "Departments read" });
    await departments.waitFor({ timeout: 60_000 });
    expect(
      await departments
        .getByRole("listitem")
        .evaluateAll((items) => items.map((i) => i.getAttribute("aria-label")))
    ).toEqual(["Payments", "Retail", "Europe"]);
    await page
      .getByRole("list", { name: "Files that cannot be used" })
      .getByText(/^notes\.xlsx: it is not an \.xlsx workbook/)
      .waitFor();
    await page.getByText(/The roll-up is written on new sheets/).waitFor();
    const write = page.getByRole("button", { name: "Write roll-up" });
    expect(await write.isDisabled()).toBe(true);
    states.preview = await checked(page, "preview");
    await page.getByRole("checkbox", { name: "Skip files that cannot be used" }).check();
    expect(await write.isEnabled()).toBe(true);
    await write.click();
    await page.getByText("Roll-up written").waitFor({ timeout: 60_000 });
    states.done = await checked(page, "done");
    const sheets = await page
      .getByRole("list", { name: "Sheets written" })
      .getByRole("listitem")
      .allTextContents();
    await page.getByRole("button", { name: `Go to ${sheets[0]}` }).click();
    const workbook = (await page.evaluate(
      `(s => ({ sheets: s.sheetNames(), active: s.activeSheet(),
        store: s.values(${JSON.stringify(METADATA_SHEET)}, "A1:D2") }))(window.__finopsFake.state)`
    )) as { sheets: string[]; active: string; store: unknown[][] };
    expect(workbook.sheets).toEqual(["Sheet1", ...sheets, METADATA_SHEET]);
    expect(workbook.active).toBe(sheets[0]);
    expect(workbook.store[1][0]).toBe("enterpriseRollup");
    expect(JSON.parse(String(workbook.store[1][3])).departments).toEqual([
      "Payments",
      "Retail",
      "Europe",
    ]);
    const clean = { axe: [], overflow: [] };
    expect({ ...states, errors: pageErrors(page) }).toEqual({
      choose: clean,
      preview: clean,
      done: clean,
      errors: [],
    });
    await page.close();
  });
});
