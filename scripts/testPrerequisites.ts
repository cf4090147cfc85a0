/**
 * npm test's first step: the programs the test layers need beyond npm, LibreOffice's spreadsheet
 * engine (the real-engine and print tests), poppler and the Carlito font (the print test) and
 * Chromium (the browser tests). Installed with apt-get
 * where this is Debian or Ubuntu and we are root or may sudo without a password; otherwise it stops at
 * once with the exact command to run, so nobody waits through the unit tests for a failure at the end.
 */
import { spawnSync } from "child_process";
import { findChromium } from "./chromium";
import { findSoffice } from "./libreoffice";

interface Program {
  readonly what: string;
  readonly found: () => string | undefined;
  readonly debian: string;
  readonly macos: string;
  readonly windows: string;
}

const PROGRAMS: readonly Program[] = [
  {
    what: "LibreOffice's spreadsheet engine",
    found: findSoffice,
    debian: "libreoffice-calc-nogui",
    macos: "brew install --cask libreoffice",
    windows:
      "winget install TheDocumentFoundation.LibreOffice (then add its program folder to PATH)",
  },
  {
    what: "poppler's pdfinfo and pdftotext (the print test measures the PDF)",
    found: () => onPath("pdftotext") && onPath("pdfinfo"),
    debian: "poppler-utils",
    macos: "brew install poppler",
    windows: "winget install oschwartz10612.Poppler (then add its bin folder to PATH)",
  },
  {
    what: "the Carlito font (Calibri's metrics, so LibreOffice prints as Excel does)",
    found: () =>
      /carlito|calibri/i.test(
        spawnSync("fc-match", ["Calibri"], { encoding: "utf8" }).stdout ?? ""
      ) || process.platform !== "linux"
        ? "Carlito"
        : undefined,
    debian: "fonts-crosextra-carlito",
    macos: "nothing: macOS and Windows have Calibri with Office (or install Carlito by hand)",
    windows: "nothing: Windows has Calibri",
  },
  {
    what: "Chromium",
    found: findChromium,
    debian: "chromium",
    macos: "brew install --cask chromium",
    windows: "winget install Google.Chrome",
  },
];

/** The program's path when `name` is on PATH. */
function onPath(name: string): string | undefined {
  const which = process.platform === "win32" ? "where" : "which";
  const found = spawnSync(which, [name], { encoding: "utf8" });
  return found.status === 0 ? found.stdout.split(/\r?\n/)[0] : undefined;
}

function succeeds(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: "ignore" }).status === 0;
}

function aptInstall(prefix: string[], packages: string[]): boolean {
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args: string[]) => {
    const [command, ...rest] = [...prefix, "apt-get", ...args];
    return spawnSync(command, rest, { stdio: "inherit", env }).status === 0;
  };
  return (
    apt(["update", "-qq"]) && apt(["install", "-y", "-qq", "--no-install-recommends", ...packages])
  );
}

function main(): number {
  const missing = PROGRAMS.filter((p) => !p.found());
  if (missing.length === 0) return 0;
  const names = missing.map((p) => p.what).join(" and ");

  if (process.platform === "linux" && succeeds("apt-get", ["--version"])) {
    const packages = missing.map((p) => p.debian);
    const isRoot = process.getuid?.() === 0;
    const prefix = isRoot ? [] : succeeds("sudo", ["-n", "true"]) ? ["sudo", "-n"] : undefined;
    const command = `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${packages.join(" ")}`;
    if (!prefix) {
      process.stderr.write(
        `The tests need ${names}. Install them, then run npm test again:\n  ${command}\n`
      );
      return 1;
    }
    process.stderr.write(
      `Installing ${names} for the tests (apt-get install ${packages.join(" ")})...\n`
    );
    const still = aptInstall(prefix, packages) ? PROGRAMS.filter((p) => !p.found()) : missing;
    if (still.length === 0) return 0;
    process.stderr.write(
      `Could not install ${still.map((p) => p.what).join(" and ")}. Install by hand, then run npm test again:\n  ${command}\n`
    );
    return 1;
  }

  const how = missing.map((p) =>
    process.platform === "darwin"
      ? p.macos
      : process.platform === "win32"
        ? p.windows
        : `${p.what} from your distribution's packages (Debian's ${p.debian})`
  );
  process.stderr.write(
    `The tests need ${names}. Install, then run npm test again:\n${how.map((h) => `  ${h}\n`).join("")}` +
      "Or point SOFFICE and CHROMIUM_PATH at programs installed elsewhere.\n"
  );
  return 1;
}

process.exitCode = main();
