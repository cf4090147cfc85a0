import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Browser, BrowserContext, chromium, Page } from "playwright-core";
import { findChromium } from "../../scripts/chromium";

export const ARTIFACTS = path.resolve(__dirname, "artifacts");

export interface Session {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (a persistent context in a temporary --user-data-dir). */
export async function launch(): Promise<Session> {
  const executablePath = findChromium();
  if (!executablePath)
    throw new Error(
      "No Chromium found: run `npm run test:prerequisites`, or set CHROMIUM_PATH to a Chromium or Chrome."
    );
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "finops-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
    viewport: { width: 350, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  return {
    context,
    async close() {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export type { Browser, Page };

export interface PaneOptions {
  readonly theme?: "light" | "dark" | "colourful";
  readonly width?: number;
}

const errorsByPage = new WeakMap<Page, string[]>();

/** Opens the e2e page (office.js, the in-memory Excel, the production bundles) and waits for the pane. */
export async function openPane(session: Session, options: PaneOptions = {}): Promise<Page> {
  const base = process.env.FINOPS_E2E_URL;
  if (!base)
    throw new Error(
      "FINOPS_E2E_URL is not set: run through `npm run test:e2e` (jest --selectProjects e2e)."
    );
  const page = await session.context.newPage();
  await page.setViewportSize({ width: options.width ?? 350, height: 900 });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  errorsByPage.set(page, errors);
  await page.goto(`${base}e2e.html${options.theme ? `?theme=${options.theme}` : ""}`);
  await page.getByRole("heading", { name: "FinOps Practice Workbooks", exact: true }).waitFor();
  return page;
}

/** Uncaught errors the page threw since openPane. */
export const pageErrors = (page: Page): string[] => errorsByPage.get(page) ?? [];

export interface AxeViolation {
  readonly id: string;
  readonly impact: string | null;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly string[] }[];
}

const axeSource = path.resolve(__dirname, "../../node_modules/axe-core/axe.min.js");

/**
 * Runs axe-core on the page as it is; returns the violations (id, impact, help and the elements).
 * Fluent UI's focus manager (Tabster) adds aria-hidden, focusable <i data-tabster-dummy> sentinels that
 * only pass focus on; axe's aria-hidden-focus flags them, a known false positive (microsoft/tabster#288,
 * microsoft/fluentui#25133), so they are left out of the scan.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate("typeof window.axe !== 'undefined'")))
    await page.addScriptTag({ path: axeSource });
  const violations = await page.evaluate(
    "window.axe.run({ exclude: ['[data-tabster-dummy]'] }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target })) })))"
  );
  return violations as AxeViolation[];
}

/** Elements wider than the pane, which would make it scroll sideways: none at 320 px upward. */
export const overflow = (page: Page) =>
  page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll("body *")]
      .filter(e => e.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map(e => e.tagName + "." + e.className + " " + (e.textContent || "").slice(0, 40));
  })()`) as Promise<string[]>;

/** Screenshot into test/e2e/artifacts/ (ignored by git): the full page, or what the pane shows. */
export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}
