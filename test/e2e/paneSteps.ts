import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import type { Page } from "./browser";

/** Ticks templates in the gallery (their titles, or "all") and chooses Create selected. */
export async function chooseTemplates(
  page: Page,
  titles: readonly string[] | "all"
): Promise<void> {
  await page.getByRole("tab", { name: "Templates" }).click();
  if (titles === "all") await page.getByRole("checkbox", { name: /^All templates/ }).check();
  else
    for (const title of titles)
      await page.getByRole("checkbox", { name: title, exact: true }).check();
  await page.getByRole("button", { name: /^Create selected \(\d+\)$/ }).click();
  await page.getByRole("button", { name: "Create", exact: true }).waitFor();
}

/**
 * Fills the options form, which starts empty, as DEFAULT_OPTIONS has them (so a test can compare
 * with what the adapter writes in Node), then chooses Create.
 */
export async function createFromOptions(page: Page): Promise<void> {
  await page.getByRole("textbox", { name: /^Organisation/ }).fill(DEFAULT_OPTIONS.organisation);
  if (DEFAULT_OPTIONS.sampleData) await page.getByRole("radio", { name: "Sample figures" }).check();
  const [year, month] = DEFAULT_OPTIONS.firstPeriod.split("-");
  await page.getByRole("combobox", { name: /^First month tracked/ }).selectOption(month);
  await page.getByRole("combobox", { name: "Year of the first month tracked" }).selectOption(year);
  await page.getByRole("button", { name: "Create", exact: true }).click();
}

/** Runs a command from one of the Workbook summary's menus (Month end, Year end, Health, Sharing). */
export async function fromMenu(page: Page, menu: string, item: string): Promise<void> {
  await page.getByRole("button", { name: menu, exact: true }).click();
  await page.getByRole("menuitem", { name: item }).click();
}
