/*
 * npm start
 * - Windows/macOS: office-addin-debugging sideloads manifest.xml into desktop Excel (it starts the dev
 *   server itself). Extra arguments are passed on, e.g. `npm start -- web --document <url>`.
 * - Linux, or `npm start -- --serve-only` anywhere: start the webpack dev server in the background and
 *   print how to sideload into Excel on the web. Never calls sudo or touches the system trust store.
 */
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import net from "node:net";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const { certPaths, ensureDevCerts } = require("./devCerts.js");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const port = require("../package.json").config.dev_server_port;
const pageUrl = `https://localhost:${port}/taskpane.html`;
const pidFile = path.join(root, ".dev-server.pid");
const logFile = path.join(root, "dev-server.log");
const manifest = path.join(root, "manifest.xml");
const startTimeoutMs = 180_000; // a cold development build with Fluent UI takes a while on 2 cores

const args = process.argv.slice(2);
const serveOnly = args.includes("--serve-only") || !["win32", "darwin"].includes(process.platform);

if (!serveOnly) {
  const cli = require.resolve("office-addin-debugging/cli.js");
  const result = spawnSync(process.execPath, [cli, "start", "manifest.xml", ...args], {
    cwd: root,
    stdio: "inherit",
  });
  process.exit(result.status ?? 1);
}

/** PID of the dev server recorded by a previous `npm start`, if that process is still ours and alive. */
function runningPid() {
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
  try {
    process.kill(pid, 0);
    // Guard against a recycled PID: on Linux, check it is still the webpack process.
    const cmdline = `/proc/${pid}/cmdline`;
    if (fs.existsSync(cmdline) && !fs.readFileSync(cmdline, "utf8").includes("webpack"))
      throw new Error("not ours");
    return pid;
  } catch {
    fs.rmSync(pidFile, { force: true });
    return null;
  }
}

/** Resolves when the page answers 200 over https verified against the dev CA. */
function pageAnswers(ca) {
  return new Promise((resolve) => {
    const request = https.get(pageUrl, { ca, timeout: 15_000 }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    });
    request.on("timeout", () => request.destroy());
    request.on("error", () => resolve(false));
  });
}

/** True when something already accepts connections on the port (another dev server, say). */
function portInUse() {
  return new Promise((resolve) => {
    const socket = net.connect(port, "localhost");
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function logTail(lines = 25) {
  if (!fs.existsSync(logFile)) return "";
  return fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function fail(message) {
  console.error(`\nnpm start: ${message}`);
  process.exit(1);
}

await ensureDevCerts();
const ca = fs.readFileSync(certPaths.ca);

let pid = runningPid();
let exitInfo = null;
if (pid) {
  console.log(
    `The dev server is already running (PID ${pid}, log ${path.relative(root, logFile)}).`
  );
} else {
  // Otherwise another server could answer the poll below while ours fails with EADDRINUSE.
  if (await portInUse())
    fail(
      `port ${port} is already in use by another process (not one recorded in .dev-server.pid). Stop it first.`
    );
  const log = fs.openSync(logFile, "w");
  const webpackCli = require.resolve("webpack-cli/bin/cli.js");
  // detached: its own process group, which `npm stop` kills as a whole.
  const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", log, log],
    windowsHide: true,
  });
  fs.closeSync(log);
  pid = child.pid;
  fs.writeFileSync(pidFile, `${pid}\n`);
  child.on(
    "exit",
    (code, signal) => (exitInfo = signal ? `signal ${signal}` : `exit code ${code}`)
  );
  child.unref();
  console.log(
    `Starting the webpack dev server in the background (PID ${pid}, log ${path.relative(root, logFile)})...`
  );
}

const deadline = Date.now() + startTimeoutMs;
while (!(await pageAnswers(ca))) {
  if (exitInfo) {
    fs.rmSync(pidFile, { force: true });
    fail(`the dev server stopped (${exitInfo}). Last lines of ${logFile}:\n${logTail()}`);
  }
  if (Date.now() > deadline) {
    try {
      process.kill(process.platform === "win32" ? pid : -pid, "SIGTERM");
    } catch {
      /* already gone */
    }
    fs.rmSync(pidFile, { force: true });
    fail(
      `${pageUrl} did not answer within ${startTimeoutMs / 1000} s; the server was stopped. Last lines of ${logFile}:\n${logTail()}`
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

console.log(`
The add-in is served at ${pageUrl} (PID ${pid}). Stop it with: npm stop

Desktop Excel is not used here. To sideload into Excel on the web:
  1. Let your browser trust the dev certificate (created without sudo; the system trust store is untouched):
     - either import ${certPaths.ca} as a trusted certificate authority in the browser
       (Chrome/Edge: Settings > Privacy and security > Security > Manage certificates > Authorities > Import,
        tick "Trust this certificate for identifying websites"; Firefox: Settings > Privacy & Security >
        Certificates > View Certificates > Authorities > Import, tick "Trust this CA to identify websites"),
     - or open ${pageUrl} once in that browser and accept the warning.
  2. Open a workbook in Excel on the web (https://office.com, or OneDrive > Create > Excel workbook).
  3. Select Home > Add-ins, then More Settings.
     (Older ribbon: Insert > Office Add-ins > My Add-ins > Manage My Add-ins.)
  4. In the Office Add-ins dialog, select Upload My Add-in, Browse to
       ${manifest}
     and select Upload. The task pane and the FINOPS.* functions load from https://localhost:${port}/.

Alternative: with this server running, office-addin-debugging can sideload into a workbook for you:
  npx office-addin-debugging start manifest.xml web --document <workbook sharing URL>
(it sees the running server, so it starts no second server and installs no certificate).
`);
process.exit(0);
