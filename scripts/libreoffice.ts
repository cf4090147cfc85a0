import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/**
 * LibreOffice, headless: the real spreadsheet engine the engine tests recalculate generated files
 * with, and the printer that turns a workbook into the PDF a CFO reads. Every run gets a throwaway
 * profile, so nothing a user set in their own LibreOffice changes the result, and a time-out, so a
 * hung conversion fails the test instead of the whole run.
 */

/** soffice is not installed: says what to install. */
export class LibreOfficeMissing extends Error {
  constructor() {
    super(
      "LibreOffice (soffice) was not found. Install its spreadsheet engine: " +
        (process.platform === "darwin"
          ? "brew install --cask libreoffice"
          : process.platform === "win32"
            ? "winget install TheDocumentFoundation.LibreOffice, then add its program folder to PATH"
            : "sudo apt-get install -y --no-install-recommends libreoffice-calc-nogui") +
        "; or set SOFFICE to the soffice program."
    );
    this.name = "LibreOfficeMissing";
  }
}

const MAC_SOFFICE = "/Applications/LibreOffice.app/Contents/MacOS/soffice";

/** The soffice program: $SOFFICE, soffice or libreoffice on PATH, or the macOS app. */
export function findSoffice(): string | undefined {
  if (process.env.SOFFICE)
    return isExecutable(process.env.SOFFICE) ? process.env.SOFFICE : undefined;
  const names =
    process.platform === "win32" ? ["soffice.com", "soffice.exe"] : ["soffice", "libreoffice"];
  for (const folder of (process.env.PATH ?? "").split(path.delimiter).filter(Boolean))
    for (const name of names) {
      const candidate = path.join(folder, name);
      if (isExecutable(candidate)) return candidate;
    }
  return process.platform === "darwin" && isExecutable(MAC_SOFFICE) ? MAC_SOFFICE : undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * Calc's load setting for files it did not save itself: 0 recalculates every formula on load
 * ("always"), where the default keeps the values cached in the file. Set for both OOXML and ODF.
 */
const ALWAYS_RECALCULATE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** What to convert to: a recalculated .xlsx, or a PDF of every sheet as it prints. */
export type Conversion = "xlsx" | "pdf";

const FILTERS: Record<Conversion, string> = {
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  pdf: "pdf:calc_pdf_Export",
};

export interface ConvertOptions {
  /** Kill LibreOffice after this long; default 120 s. */
  readonly timeoutMs?: number;
}

/**
 * Opens `input` in LibreOffice with every formula recalculated and saves it into `outDir` as `to`
 * (the same base name). Returns the written file's path; throws LibreOfficeMissing without soffice,
 * and an Error saying what happened when LibreOffice fails, times out or writes nothing.
 */
export function convertWithLibreOffice(
  input: string,
  outDir: string,
  to: Conversion,
  options: ConvertOptions = {}
): string {
  const soffice = findSoffice();
  if (!soffice) throw new LibreOfficeMissing();
  const timeoutMs = options.timeoutMs ?? 120_000;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "finops-soffice-profile-"));
  try {
    fs.mkdirSync(path.join(profile, "user"), { recursive: true });
    fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), ALWAYS_RECALCULATE);
    fs.mkdirSync(outDir, { recursive: true });
    const result = spawnSync(
      soffice,
      [
        "--headless",
        "--norestore",
        "--nolockcheck",
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--convert-to",
        FILTERS[to],
        "--outdir",
        outDir,
        input,
      ],
      { encoding: "utf8", timeout: timeoutMs, killSignal: "SIGKILL" }
    );
    if (result.error && (result.error as Error & { code?: string }).code === "ETIMEDOUT")
      throw new Error(
        `LibreOffice did not finish converting ${input} within ${timeoutMs / 1000} s.`
      );
    if (result.error) throw result.error;
    const output = path.join(outDir, `${path.parse(input).name}.${to}`);
    if (!fs.existsSync(output) || fs.statSync(output).size === 0)
      throw new Error(
        `LibreOffice wrote nothing for ${input} (exit ${result.status}). ${[
          result.stderr,
          result.stdout,
        ]
          .join(" ")
          .trim()}`
      );
    return output;
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
}
