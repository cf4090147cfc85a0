/*
 * npm stop
 * - Windows/macOS: office-addin-debugging stops the dev server and unregisters the sideloaded add-in.
 * - Everywhere: a dev server started by `npm start` on Linux or with --serve-only (recorded in
 *   .dev-server.pid) is stopped by killing its process group.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const pidFile = path.join(root, ".dev-server.pid");

if (["win32", "darwin"].includes(process.platform) && !fs.existsSync(pidFile)) {
  const cli = require.resolve("office-addin-debugging/cli.js");
  spawnSync(process.execPath, [cli, "stop", "manifest.xml"], { cwd: root, stdio: "inherit" });
  process.exit(0);
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

if (!fs.existsSync(pidFile)) {
  console.log("No dev server was running (no .dev-server.pid): nothing to stop.");
  process.exit(0);
}

const pid = Number(fs.readFileSync(pidFile, "utf8").trim());
const cmdline = `/proc/${pid}/cmdline`;
// A stale file may name a PID that now belongs to something else: only kill our webpack process.
const ours =
  Number.isInteger(pid) &&
  pid > 0 &&
  alive(pid) &&
  (!fs.existsSync(cmdline) || fs.readFileSync(cmdline, "utf8").includes("webpack"));

if (!ours) {
  console.log(
    `No dev server was running (PID ${pid} from .dev-server.pid is not a running dev server): nothing to stop.`
  );
} else if (process.platform === "win32") {
  spawnSync("taskkill", ["/pid", String(pid), "/T", "/F"], { stdio: "inherit" });
  console.log(`Stopped the dev server (PID ${pid}).`);
} else {
  process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + 10_000;
  while (alive(pid) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 200));
  if (alive(pid)) process.kill(-pid, "SIGKILL");
  console.log(`Stopped the dev server (process group ${pid}).`);
}
fs.rmSync(pidFile, { force: true });
process.exit(0);
