/*
 * The pane's load in headless Chromium, for `npm run bench`: the e2e build (production bundles plus the
 * in-memory Excel, dist-e2e/, built by scripts/bench.ts) served from 127.0.0.1, timed from navigation
 * start to the first screen (the pane's heading) and to an interactive gallery (the Templates tab's
 * "Create" buttons). JavaScript transferred is counted gzip, as a server would send it, without the
 * harness and office.js (the real Office host loads office.js from its CDN). Prints one JSON line.
 */
import * as fs from "fs";
import * as path from "path";
import { gzipSync } from "zlib";
import { launch } from "../test/e2e/browser";
import { serveStatic } from "../test/e2e/server";

const ROOT = path.resolve(__dirname, "../dist-e2e");
const NOT_THE_PANE = /^(office|o15apptofilemappingtable|e2e-harness)\b/;

async function once(url: string) {
  const session = await launch();
  try {
    const page = await session.context.newPage();
    const scripts: string[] = [];
    page.on("response", (response) => {
      const name = new URL(response.url()).pathname.slice(1);
      if (name.endsWith(".js") && !NOT_THE_PANE.test(name)) scripts.push(name);
    });
    await page.goto(`${url}e2e.html`);
    await page.getByRole("heading", { name: "FinOps Practice Workbooks", exact: true }).waitFor();
    const firstScreenMs = await page.evaluate(() => performance.now());
    const initialScripts = [...scripts];
    await page.getByRole("tab", { name: "Templates" }).click();
    await page
      .getByRole("button", { name: /^Create / })
      .first()
      .waitFor();
    const galleryMs = await page.evaluate(() => performance.now());
    const gzip = (files: string[]) =>
      files.reduce(
        (sum, file) => sum + gzipSync(fs.readFileSync(path.join(ROOT, file)), { level: 9 }).length,
        0
      );
    return {
      firstScreenMs,
      galleryMs,
      initialJsGzipKB: gzip(initialScripts) / 1000,
      galleryJsGzipKB: gzip(scripts) / 1000,
    };
  } finally {
    await session.close();
  }
}

async function main() {
  const { server, url } = await serveStatic(ROOT);
  try {
    const runs = [];
    for (let i = 0; i < 5; i++) runs.push(await once(url));
    const best = runs.reduce((a, b) => (b.galleryMs < a.galleryMs ? b : a));
    console.log(
      JSON.stringify({
        firstScreenMs: Math.round(best.firstScreenMs),
        interactiveGalleryMs: Math.round(best.galleryMs),
        initialJsGzipKB: Number(best.initialJsGzipKB.toFixed(1)),
        jsGzipKBWithGallery: Number(best.galleryJsGzipKB.toFixed(1)),
      })
    );
  } finally {
    server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
