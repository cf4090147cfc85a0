import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { convertWithLibreOffice } from "../../scripts/libreoffice";
import { planTemplates } from "../../src/workbook/generate";
import { DEFAULT_OPTIONS } from "../../src/workbook/options";
import { TEMPLATES } from "../../src/workbook/templates";
import { writeXlsxFile } from "../../src/xlsx";

/**
 * The practice set as a finance team prints it (issue 14, item 5): the CLI's own file with sample data,
 * printed to PDF by headless LibreOffice, measured with poppler (pdfinfo, pdftotext -bbox).
 *
 * Text size: pdftotext gives each word's box, whose height is the font's ascent plus descent, about
 * 1.3 times the printed size in points for Calibri (Carlito) 11. The ratio is not assumed: a
 * one-cell sheet in Calibri 11 at 100% is printed in the same run, and its word height is 11 pt.
 */
const MIN_POINTS = 8;
/**
 * Issue 14: the whole practice set in at most 20 pages, every page legible (8 pt or more). Each table
 * prints the columns a reader needs and keeps its reference columns off the page (`printedColumns`);
 * the team budget prints each line's months as rows (its monthly detail) instead of 36 columns.
 */
const MAX_PAGES = 20;
/** A page with fewer words than this is a near-empty overflow page, unless it is its sheet's only page. */
const MIN_WORDS = 25;

interface Word {
  readonly text: string;
  readonly height: number;
  readonly top: number;
  readonly left: number;
  readonly right: number;
}

function pagesOf(pdf: string): Word[][] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].map((page) =>
    [
      ...page[1].matchAll(
        /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g
      ),
    ].map((w) => ({
      text: w[5],
      left: Number(w[1]),
      top: Number(w[2]),
      right: Number(w[3]),
      height: Number(w[4]) - Number(w[2]),
    }))
  );
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

describe("the practice set printed", () => {
  let dir: string;
  beforeAll(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "finops-print-"))));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("is legible, fits its page budget, has no text over text and no near-empty overflow pages", async () => {
    // Calibration: Calibri 11 at 100%.
    const calibration = new ExcelJS.Workbook();
    const cell = calibration.addWorksheet("Calibration").getCell("A1");
    cell.value = "Calibration";
    cell.font = { name: "Calibri", family: 2, scheme: "minor", size: 11 };
    const calibrationFile = path.join(dir, "calibration.xlsx");
    await calibration.xlsx.writeFile(calibrationFile);
    const [calibrated] = pagesOf(
      convertWithLibreOffice(calibrationFile, path.join(dir, "out"), "pdf")
    );
    const heightPerPoint = calibrated[0].height / 11;

    const { plan } = planTemplates(
      TEMPLATES.map((t) => t.id),
      { ...DEFAULT_OPTIONS, formulaMode: "portable", sampleData: true },
      { sheets: [], tablesAndNames: [] }
    );
    const file = path.join(dir, "practice.xlsx");
    await writeXlsxFile(plan, file, new Date("2026-07-01T09:00:00Z"));
    const pages = pagesOf(
      convertWithLibreOffice(file, path.join(dir, "out"), "pdf", { timeoutMs: 180_000 })
    );

    // Each sheet's pages: a sheet's first page starts with its A1 text (its title); LibreOffice prints
    // the sheets in order, so a page belongs to the last sheet whose title started a page before it.
    const titles = plan.sheets.map((sheet) => {
      const a1 = sheet.ranges.find((r) => r.address === "A1")?.rows[0][0];
      return String(a1?.value ?? "");
    });
    const topLine = (words: readonly Word[]) => {
      const top = Math.min(...words.map((w) => w.top));
      return words
        .filter((w) => w.top - top < 1)
        .map((w) => w.text)
        .join(" ")
        .replace(/&amp;/g, "&");
    };
    let current = -1;
    const sheetOfPage = pages.map((words) => {
      const next = titles.findIndex(
        (title, i) => i > current && title !== "" && topLine(words).startsWith(title)
      );
      if (next > current) current = next;
      return current;
    });
    const name = (p: number) =>
      `"${plan.sheets[sheetOfPage[p]]?.name ?? "?"}" page ${
        sheetOfPage.slice(0, p + 1).filter((s) => s === sheetOfPage[p]).length
      } (PDF page ${p + 1})`;
    const report = pages.map(
      (words, p) =>
        `${name(p)}: ${words.length} words, median ${(median(words.map((w) => w.height)) / heightPerPoint).toFixed(1)} pt`
    );
    const problems: string[] = [];
    if (pages.length > MAX_PAGES)
      problems.push(`${pages.length} pages printed, at most ${MAX_PAGES} wanted`);
    expect(new Set(sheetOfPage)).toEqual(new Set(plan.sheets.map((_, i) => i)));
    pages.forEach((words, p) => {
      const points = median(words.map((w) => w.height)) / heightPerPoint;
      if (points < MIN_POINTS - 0.05)
        problems.push(`${name(p)}: text ${points.toFixed(1)} pt, below ${MIN_POINTS} pt`);
      // Text printed over text: a wrapped cell in a row too low for it, or a header over a chart.
      const over = words.flatMap((a, i) =>
        words
          .slice(i + 1)
          .filter(
            (b) =>
              Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
              Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top) >
                0.3 * Math.min(a.height, b.height)
          )
          .map((b) => `"${a.text}" and "${b.text}"`)
      );
      if (over.length > 0)
        problems.push(`${name(p)}: text over text: ${over.slice(0, 3).join(", ")}`);
      const ofSheet = sheetOfPage.filter((s) => s === sheetOfPage[p]).length;
      if (words.length < MIN_WORDS && ofSheet > 1)
        problems.push(`${name(p)}: ${words.length} words, a near-empty overflow page`);
    });
    const summary = plan.sheets.findIndex((s) => s.key === "executiveSummary");
    const summaryPages = sheetOfPage.filter((s) => s === summary).length;
    if (summary >= 0 && summaryPages !== 1)
      problems.push(`"${plan.sheets[summary].name}": ${summaryPages} pages, one wanted`);
    expect({ problems, report }).toEqual({ problems: [], report });
  }, 300_000);
});
