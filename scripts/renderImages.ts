/*
 * npm run images: the README's pictures of the generated workbook, made from the command line's own
 * file as LibreOffice prints it (charts included): the practice set with sample data is written by
 * src/xlsx, printed to PDF by headless LibreOffice (scripts/libreoffice.ts), and the first page of
 * each pictured sheet is rasterised with poppler's pdftoppm (Debian: poppler-utils).
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { planTemplates } from "../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../src/workbook/options";
import { TEMPLATES } from "../src/workbook/templates";
import { writeXlsxFile } from "../src/xlsx";
import { convertWithLibreOffice } from "./libreoffice";

/** Image file -> the text that starts the sheet's first printed page. */
const PICTURES: Record<string, string> = {
  "generated-executive-summary.png": "FinOps executive summary",
  "generated-team-budget.png": "FinOps team budget",
  "generated-maturity-scorecard.png": "FinOps maturity scorecard",
};
const OUT = path.resolve(__dirname, "../docs/images");

function pageText(pdf: string, page: number): string {
  return execFileSync("pdftotext", ["-f", String(page), "-l", String(page), pdf, "-"], {
    encoding: "utf8",
  });
}

async function main(): Promise<void> {
  if (spawnSync("pdftoppm", ["-v"]).error) {
    console.error(
      "pdftoppm was not found: sudo apt-get install -y poppler-utils (macOS: brew install poppler)."
    );
    process.exit(1);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-images-"));
  try {
    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...DEFAULT_OPTIONS, formulaMode: "portable", sampleData: true },
      { sheets: [], tablesAndNames: [] }
    );
    const file = path.join(dir, "finops-practice.xlsx");
    await writeXlsxFile(plan, file, new Date("2026-07-01T09:00:00Z"));
    const pdf = convertWithLibreOffice(file, dir, "pdf");
    const pages = Number(
      /Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]
    );
    for (const [image, title] of Object.entries(PICTURES)) {
      let page = 1;
      while (page <= pages && !pageText(pdf, page).includes(title)) page += 1;
      if (page > pages) throw new Error(`No printed page starts "${title}"`);
      const target = path.join(OUT, image.replace(/\.png$/, ""));
      execFileSync("pdftoppm", [
        "-r",
        "90",
        "-png",
        "-singlefile",
        "-f",
        String(page),
        "-l",
        String(page),
        pdf,
        target,
      ]);
      console.log(`wrote docs/images/${image} (page ${page} of ${pages})`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
