/**
 * The task pane in Chromium: the production bundles with the real office.js and the in-memory Excel
 * as window.Excel (dist-e2e/e2e.html, see harness.ts). Each test opens a fresh page, so a fresh workbook.
 */
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { FUNCTION_CATALOGUE } from "../../src/taskpane/functionCatalogue";
import { ALL_TEMPLATE_IDS, templateCards } from "../../src/taskpane/model/templateCards";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, createOfficeFake, WorkbookSnapshot } from "../fakes/excel";
import { axeViolations, launch, openPane, Page, pageErrors, screenshot, Session } from "./browser";

jest.setTimeout(60_000);

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(async () => {
  await session?.close();
});

const sheetNames = (page: Page) =>
  page.evaluate("window.__finopsFake.state.sheetNames()") as Promise<string[]>;
const visibleSheets = (page: Page) =>
  page.evaluate(
    "(s => s.sheetNames().filter(name => s.visibility(name) === 'Visible'))(window.__finopsFake.state)"
  ) as Promise<string[]>;
const snapshot = (page: Page) =>
  page.evaluate("window.__finopsFake.state.snapshot()") as Promise<WorkbookSnapshot>;

/** What the adapter writes for these templates with the default options, run in Node on a fresh fake. */
async function expectedWorkbook(ids: readonly string[]): Promise<WorkbookSnapshot> {
  const fake = createExcelFake();
  await generateWorkbooks(ids, DEFAULT_OPTIONS, {
    excel: fake.asOfficeExcel(),
    requirements: createOfficeFake().context.requirements,
  });
  return fake.state.snapshot();
}

/** The workbook's content, without what depends on the session (active sheet, saved options, creation times). */
const content = (workbook: WorkbookSnapshot): unknown =>
  JSON.parse(
    JSON.stringify({
      sheets: workbook.sheets,
      tables: workbook.tables,
      names: workbook.names,
    }).replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z/g, "<time>")
  );

async function createFromOptions(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Create", exact: true }).click();
}

async function createdSheets(page: Page): Promise<string[]> {
  await page.getByText("Done.", { exact: true }).waitFor();
  const links = await page
    .getByRole("list", { name: "Sheets created" })
    .getByRole("button")
    .allTextContents();
  return links.map((text) => text.replace(/^Go to /, ""));
}

describe("task pane in Chromium", () => {
  it("creates the full practice set: the result lists the sheets and the workbook holds what the adapter plans", async () => {
    const page = await openPane(session);
    await page.getByRole("tab", { name: "Templates" }).click();
    await page.getByRole("button", { name: /^Create the full practice set/ }).click();
    await createFromOptions(page);
    const listed = await createdSheets(page);
    expect(listed.length).toBeGreaterThan(ALL_TEMPLATE_IDS.length - 1);
    expect(await visibleSheets(page)).toEqual(["Sheet1", ...listed]);
    expect(content(await snapshot(page))).toEqual(
      content(await expectedWorkbook(ALL_TEMPLATE_IDS))
    );
    await screenshot(page, "result-full-set-350");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it.each(templateCards().map((card) => [card.title, card.id]))(
    "creates %s from its card",
    async (title, id) => {
      const page = await openPane(session);
      await page.getByRole("tab", { name: "Templates" }).click();
      await page.getByRole("button", { name: `Create ${title}` }).click();
      await createFromOptions(page);
      const listed = await createdSheets(page);
      expect(listed.length).toBeGreaterThan(0);
      expect(await visibleSheets(page)).toEqual(["Sheet1", ...listed]);
      expect(content(await snapshot(page))).toEqual(content(await expectedWorkbook([id])));
      await page.close();
    }
  );

  it("a failing Excel sync shows the message in plain words and leaves no sheets behind", async () => {
    const page = await openPane(session);
    const before = await sheetNames(page);
    await page.getByRole("tab", { name: "Templates" }).click();
    await page.getByRole("button", { name: /^Create the full practice set/ }).click();
    await page.getByRole("button", { name: "Create", exact: true }).waitFor();
    // Counted from here: the options form's own reads are done; the generation's second sync fails.
    await page.evaluate(
      "window.__finopsFake.resetCounters(); window.__finopsFake.failOnSync(2, 'The network connection was lost.')"
    );
    await createFromOptions(page);
    await page.getByText(/could not be created/).waitFor();
    const message = await page.locator(".fui-MessageBarBody").first().textContent();
    expect(message).toMatch(/could not be created.*failed: The network connection was lost\./);
    await page.getByRole("button", { name: "Try again" }).waitFor();
    expect(await sheetNames(page)).toEqual(before);
    await screenshot(page, "error-350");
    await page.close();
  });

  it("Insert on FINOPS.ESR writes the example into the active cell", async () => {
    const esr = FUNCTION_CATALOGUE.find((entry) => entry.name === "ESR");
    if (!esr) throw new Error("FINOPS.ESR is missing from the catalogue");
    const page = await openPane(session);
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByRole("button", { name: `Insert ${esr.example} into the active cell` }).click();
    await page.getByText(`Inserted ${esr.example} in`).waitFor();
    const cell = (await page.evaluate("window.__finopsFake.state.cell('Sheet1', 'A1')")) as {
      formula: string | null;
    };
    expect(cell.formula).toBe(esr.example);
    await page.close();
  });

  it("follows the Office theme: light, and dark when Office is dark", async () => {
    const background = (page: Page) =>
      page.evaluate(
        "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor"
      ) as Promise<string>;
    const light = await openPane(session);
    expect(await background(light)).toBe("rgb(255, 255, 255)");
    await light.close();
    const dark = await openPane(session, { theme: "dark" });
    const [r, g, b] = ((await background(dark)).match(/\d+/g) ?? []).map(Number);
    expect(Math.max(r, g, b)).toBeLessThan(64);
    await screenshot(dark, "workbook-dark-350");
    await dark.close();
  });

  describe.each([350, 800])("each view at %i px", (width) => {
    it("has no axe-core violations, and is saved as a screenshot", async () => {
      const page = await openPane(session, { width });
      const found: Record<string, unknown> = {};
      for (const [tab, ready] of [
        ["Workbook", null],
        ["Templates", "Create the full practice set"],
        ["Functions", "FINOPS functions"],
      ] as const) {
        await page.getByRole("tab", { name: tab }).click();
        if (ready) await page.getByText(ready, { exact: false }).first().waitFor();
        await page.waitForLoadState("networkidle");
        await screenshot(page, `${tab.toLowerCase()}-${width}`);
        found[tab] = await axeViolations(page);
      }
      await page.getByRole("tab", { name: "Templates" }).click();
      await page.getByRole("button", { name: /^Create the full practice set/ }).click();
      await page.getByRole("button", { name: "Create", exact: true }).waitFor();
      await screenshot(page, `options-${width}`);
      found.Options = await axeViolations(page);
      expect(found).toEqual({ Workbook: [], Templates: [], Functions: [], Options: [] });
      await page.close();
    });
  });
});
