/*
 * `npm run validate [-- --dist]`: checks manifest.xml (or the built dist/manifest.xml) offline.
 * `office-addin-manifest validate` posts to an online service, so this runs the package's offline `info`
 * command (the add-in tooling's own parser must read the file) and then the structural checks the unit tests
 * use (scripts/manifest/manifestChecks.ts). Exits non-zero with one line per problem.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = process.argv.includes("--dist");
const siteRoot = dist ? path.join(root, "dist") : root;
const manifestPath = path.join(siteRoot, "manifest.xml");
const label = path.relative(root, manifestPath);

// One copy of the checks, in TypeScript for jest; ts-node compiles it here. Type checking is tsc's job.
require("ts-node").register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: { module: "commonjs", target: "es2020", esModuleInterop: true },
});
const { DEV_BASE_URL, checkManifest } = require("./manifest/manifestChecks.ts");

function fail(problems) {
  console.error(`\n${label}: ${problems.length} problem(s)`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}

if (!existsSync(manifestPath)) fail([dist ? "not found: run `npm run build` first" : "not found"]);

const problems = [];
const cli = path.join(
  path.dirname(require.resolve("office-addin-manifest/package.json")),
  "cli.js"
);
const info = spawnSync(process.execPath, [cli, "info", manifestPath], {
  stdio: ["ignore", "inherit", "inherit"],
});
if (info.status !== 0)
  problems.push(
    `office-addin-manifest info could not read it (exit code ${info.status ?? info.signal})`
  );

// A production build swaps the dev URL for ADDIN_PUBLIC_URL (see webpack.config.js); a dev build keeps it.
const baseUrl = (dist && process.env.ADDIN_PUBLIC_URL) || DEV_BASE_URL;
problems.push(
  ...checkManifest(readFileSync(manifestPath, "utf8"), {
    baseUrl,
    siteRoot,
    requireBuiltFiles: dist,
  })
);
if (
  dist &&
  baseUrl === DEV_BASE_URL &&
  problems.some((problem) => problem.includes("does not start with"))
) {
  problems.push(
    "If the build used ADDIN_PUBLIC_URL, set it to the same value when running this check"
  );
}
if (problems.length > 0) fail(problems);
console.log(
  `\n${label}: structure, resource ids, URLs (${baseUrl}), icons, shared runtime, permissions and requirement sets are valid.`
);
