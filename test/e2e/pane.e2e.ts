/**
 * The task pane in Chromium: the production bundles with the real office.js and the in-memory Excel
 * as window.Excel (dist-e2e/e2e.html, see harness.ts). Each test opens a fresh page, so a fresh workbook.
 */
import { generateWorkbooks } from "../../src/excel/generateWorkbooks";
import { FUNCTION_CATALOGUE } from "../../src/taskpane/functionCatalogue";
import { ALL_TEMPLATE_IDS, templateCards } from "../../src/taskpane/model/templateCards";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { createExcelFake, createOfficeFake, WorkbookSnapshot } from "../fakes/excel";
import { chooseTemplates, createFromOptions, fromMenu } from "./paneSteps";
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

const background = (page: Page) =>
  page.evaluate(
    "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor"
  ) as Promise<string>;

/** The gallery with one template's preview open, its image loaded. */
async function galleryReady(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Show preview of Team budget" }).click();
  await page.waitForFunction(
    "document.images.length === 1 && document.images[0].complete && document.images[0].naturalWidth > 0"
  );
}

/**
 * Gives the practice's headline figures values, as Excel would calculate them (the in-memory Excel
 * does not calculate): the Workbook summary's tiles then show a practice under way.
 */
async function showPractice(page: Page): Promise<void> {
  const figures = {
    TeamBudgetYTD: 412000,
    TeamActualYTD: 396500,
    TeamBudgetFY: 824000,
    TeamBudgetStatus: "On budget",
    SavingsValidatedTotal: 184000,
    AvoidanceValidatedTotal: 52000,
    KpiGreen: 9,
    KpiAmber: 4,
    KpiRed: 3,
    PracticeMaturityLevel: "Walk",
    PracticeMaturityScore: 0.58,
  };
  const names = (await page.evaluate("window.__finopsFake.state.names()")) as {
    name: string;
    formula: string;
  }[];
  const cells = Object.entries(figures).map(([name, value]) => {
    const formula = names.find((n) => n.name === name)?.formula ?? "";
    const [, sheet, column, row] = /^='?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(formula) ?? [];
    return [sheet.replace(/''/g, "'"), `${column}${row}`, value];
  });
  await page.evaluate(
    `${JSON.stringify(cells)}.forEach(([s, a, v]) => window.__finopsFake.state.setCachedValue(s, a, v))`
  );
}

/** The focused element's accessible name, as near as the DOM gives it. */
const focusedName = (page: Page) =>
  page.evaluate(`(() => {
    const e = document.activeElement;
    if (!e) return "";
    const labelled = e.getAttribute("aria-labelledby");
    const label = e.getAttribute("aria-label")
      || (labelled && document.getElementById(labelled)?.textContent)
      || (e.labels && e.labels[0] && e.labels[0].textContent)
      || e.textContent || "";
    return label.trim();
  })()`) as Promise<string>;

/** Presses Tab until the focused element has this name: only the keyboard moves focus. */
async function tabTo(page: Page, name: string | RegExp, most = 80): Promise<void> {
  for (let i = 0; i < most; i++) {
    await page.keyboard.press("Tab");
    const focused = await focusedName(page);
    if (typeof name === "string" ? focused === name : name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${String(name)}`);
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
    await chooseTemplates(page, "all");
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
    "creates %s on its own",
    async (title, id) => {
      const page = await openPane(session);
      await chooseTemplates(page, [title]);
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
    await chooseTemplates(page, "all");
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

  it("where Excel cannot group undo, Undo last change after Create puts the workbook back", async () => {
    const page = await openPane(session, { width: 320 });
    const before = await snapshot(page);
    await chooseTemplates(page, ["Team budget"]);
    await createFromOptions(page);
    await page.getByText("Done.", { exact: true }).waitFor();
    await page.getByText(/cannot undo creating these sheets in one step here/).waitFor();
    const offered = { axe: await axeViolations(page), overflow: await overflow(page) };
    await screenshot(page, "result-undo-320");
    await page.getByRole("button", { name: "Undo last change" }).click();
    await page.getByText("Undone: the workbook is as it was before.").waitFor();
    expect(content(await snapshot(page))).toEqual(content(before));
    expect({ offered, errors: pageErrors(page) }).toEqual({
      offered: { axe: [], overflow: [] },
      errors: [],
    });
    await page.close();
  });

  it("a formula typed over is found by Check workbook, repaired after a preview, and the check is clean; then Make portable", async () => {
    const page = await openPane(session);
    await chooseTemplates(page, ["Decision and accountability model"]);
    await createFromOptions(page);
    await page.getByText("Done.", { exact: true }).waitFor();
    // The user types over the first RACI check (the table starts on the sheet's header row + 1).
    const where = (await page.evaluate(`(() => {
      const fake = window.__finopsFake;
      const table = fake.state.tables().find(t => t.name === "DecisionModel");
      const column = table.headers.indexOf("RACI check");
      const [start] = table.address.split(":");
      const left = start.match(/^[A-Z]+/)[0].charCodeAt(0) - 65;
      const cell = String.fromCharCode(65 + left + column) + (Number(start.match(/\\d+$/)[0]) + 1);
      const formula = fake.state.cell(table.sheet, cell).formula;
      return { sheet: table.sheet, cell, formula };
    })()`)) as { sheet: string; cell: string; formula: string };
    expect(where.formula).toContain("FINOPS.RACICHECK(");
    await page.evaluate(
      `window.__finopsFake.asOfficeExcel().run(async c => { c.workbook.worksheets.getItem(${JSON.stringify(where.sheet)}).getRange(${JSON.stringify(where.cell)}).values = [["OK"]]; await c.sync(); })`
    );
    await page.getByRole("button", { name: "See the workbook summary" }).click();
    await fromMenu(page, "Health", "Check workbook");
    await page.getByText(/^Checked 1 template: 1 error\. Repair can put 1 right\.$/).waitFor();
    await page.getByRole("button", { name: `Go to ${where.sheet}!${where.cell}` }).click();
    await page.waitForFunction(
      `window.__finopsFake.state.activeSheet() === ${JSON.stringify(where.sheet)}`
    );
    const found = { axe: await axeViolations(page), overflow: await overflow(page) };
    await screenshot(page, "check-350");
    await page.getByRole("button", { name: "Repair 1 problem" }).click();
    await page.getByRole("list", { name: "Changes Repair will make" }).waitFor();
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("list", { name: "Changes made" }).waitFor();
    await page.getByText("No problems found in 1 template.").waitFor();
    await screenshot(page, "check-repaired-350");
    const repaired = (await page.evaluate(
      `window.__finopsFake.state.cell(${JSON.stringify(where.sheet)}, ${JSON.stringify(where.cell)})`
    )) as { formula: string };
    expect(repaired.formula).toBe(where.formula);
    // Then the workbook for the CFO without the add-in: Make portable, previewed, applied.
    await page.getByRole("button", { name: "Back to the summary" }).click();
    await fromMenu(page, "Sharing", "Make portable");
    await page.getByRole("list", { name: "What will change" }).waitFor();
    const maintain = { axe: await axeViolations(page), overflow: await overflow(page) };
    await screenshot(page, "maintain-portable-350");
    await page.getByRole("button", { name: "Apply" }).click();
    await page.getByRole("list", { name: "Changes made" }).waitFor();
    const portable = (await page.evaluate(
      `window.__finopsFake.state.cell(${JSON.stringify(where.sheet)}, ${JSON.stringify(where.cell)})`
    )) as { formula: string };
    expect(portable.formula).not.toContain("FINOPS.");
    expect({ ...found, maintain, errors: pageErrors(page) }).toEqual({
      axe: [],
      overflow: [],
      maintain: { axe: [], overflow: [] },
      errors: [],
    });
    await page.close();
  });

  it("Insert on FINOPS.ESR writes the example into the active cell", async () => {
    const esr = FUNCTION_CATALOGUE.find((entry) => entry.name === "ESR");
    if (!esr) throw new Error("FINOPS.ESR is missing from the catalogue");
    const page = await openPane(session);
    await page.getByRole("tab", { name: "Functions" }).click();
    await page.getByRole("button", { name: `Insert ${esr.insert} into the active cell` }).click();
    await page.getByText(`Inserted ${esr.insert} in`).waitFor();
    const cell = (await page.evaluate("window.__finopsFake.state.cell('Sheet1', 'A1')")) as {
      formula: string | null;
    };
    expect(cell.formula).toBe(esr.insert);
    await page.close();
  });

  it("goes from the tabs to a finished workbook with the keyboard alone", async () => {
    const page = await openPane(session);
    await tabTo(page, /^Workbook/);
    await page.keyboard.press("ArrowRight");
    // A Fluent tab holds its label twice (the second, hidden, keeps the bold width): hence the prefix.
    expect(await focusedName(page)).toMatch(/^Templates/);
    await page.keyboard.press("Enter");
    await tabTo(page, "Team budget");
    await page.keyboard.press("Space");
    await tabTo(page, "Create selected (1)");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Options: Team budget" }).waitFor();
    await tabTo(page, /^Organisation/);
    await page.keyboard.press("Control+A");
    await page.keyboard.type("Contoso");
    await tabTo(page, "Create");
    await page.keyboard.press("Enter");
    await page.getByText("Done.", { exact: true }).waitFor();
    await tabTo(page, "Go to Team budget");
    await page.keyboard.press("Enter");
    await page.waitForFunction("window.__finopsFake.state.activeSheet() === 'Team budget'");
    const title = (await page.evaluate("window.__finopsFake.state.cell('Team budget', 'A1')")) as {
      value: unknown;
    };
    expect(String(title.value)).toContain("Contoso");
    expect(pageErrors(page)).toEqual([]);
    await page.close();
  });

  it("follows the Office theme, light, colourful and dark, and a change while the pane is open", async () => {
    const light = await openPane(session);
    expect(await background(light)).toBe("rgb(255, 255, 255)");
    await light.evaluate("window.__finopsSetTheme('dark')");
    await light.waitForFunction(
      "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor === 'rgb(38, 38, 38)'"
    );
    await light.evaluate("window.__finopsSetTheme('colourful')");
    await light.waitForFunction(
      "getComputedStyle(document.querySelector('.fui-FluentProvider')).backgroundColor === 'rgb(230, 230, 230)'"
    );
    expect(pageErrors(light)).toEqual([]);
    await light.close();
    const found: Record<string, unknown> = {};
    for (const theme of ["dark", "colourful"] as const) {
      const page = await openPane(session, { theme });
      found[`${theme} workbook`] = await axeViolations(page);
      await screenshot(page, `workbook-${theme}-350`);
      await page.getByRole("tab", { name: "Templates" }).click();
      await galleryReady(page);
      found[`${theme} templates`] = await axeViolations(page);
      await chooseTemplates(page, ["Team budget"]);
      await createFromOptions(page);
      await page.getByText("Done.", { exact: true }).waitFor();
      found[`${theme} result`] = await axeViolations(page);
      await screenshot(page, `result-${theme}-350`);
      await page.close();
    }
    expect(found).toEqual({
      "dark workbook": [],
      "dark templates": [],
      "dark result": [],
      "colourful workbook": [],
      "colourful templates": [],
      "colourful result": [],
    });
  });

  const LOOKS = [320, 350, 800].flatMap((width) =>
    (["light", "dark", "colourful"] as const).map((theme) => [width, theme] as const)
  );
  describe.each(LOOKS)("each view at %i px, %s theme", (width, theme) => {
    it("fits the width, has no axe-core violations, and is saved as a screenshot", async () => {
      const page = await openPane(session, { width, theme });
      const found: Record<string, unknown> = {};
      const suffix = theme === "light" ? `${width}` : `${theme}-${width}`;
      const check = async (view: string) => {
        await screenshot(page, `${view.toLowerCase()}-${suffix}`);
        found[view] = { overflow: await overflow(page), axe: await axeViolations(page) };
      };
      await page
        .getByRole("heading", { name: "Start your FinOps practice in this workbook" })
        .waitFor();
      await check("Workbook");
      await page.getByRole("tab", { name: "Functions" }).click();
      await page.getByRole("list", { name: "FINOPS functions" }).waitFor();
      await check("Functions");
      await page.getByRole("tab", { name: "Templates" }).click();
      await galleryReady(page);
      await screenshot(page, `templates-first-screen-${suffix}`, false);
      await check("Templates");
      await chooseTemplates(page, "all");
      await check("Options");
      await page.evaluate(
        "window.__finopsFake.resetCounters(); window.__finopsFake.failOnSync(2, 'The network connection was lost.')"
      );
      await createFromOptions(page);
      await page.getByRole("button", { name: "Try again" }).waitFor();
      await check("Error");
      await page.getByRole("button", { name: "Try again" }).click();
      await page.getByText("Done.", { exact: true }).waitFor();
      await screenshot(page, `result-first-screen-${suffix}`, false);
      await check("Result");
      await showPractice(page);
      await page.getByRole("button", { name: "See the workbook summary" }).click();
      await page.getByRole("list", { name: "Headline figures" }).waitFor();
      await screenshot(page, `summary-first-screen-${suffix}`, false);
      await check("Summary");
      await page.getByRole("button", { name: "Month end", exact: true }).click();
      await page.getByRole("menuitem", { name: "Next month" }).waitFor();
      // The menu fades in: axe would read its text mid-fade as too faint.
      await page.waitForFunction(
        "getComputedStyle(document.querySelector('.fui-MenuPopover')).opacity === '1'"
      );
      await check("Summary menu");
      const clean = { overflow: [], axe: [] };
      expect(found).toEqual({
        Workbook: clean,
        Functions: clean,
        Templates: clean,
        Options: clean,
        Error: clean,
        Result: clean,
        Summary: clean,
        "Summary menu": clean,
      });
      expect(pageErrors(page)).toEqual([]);
      await page.close();
    });
  });
});
