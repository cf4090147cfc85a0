import { execFileSync } from "child_process";
import * as path from "path";
import { serveStatic } from "./server";

/**
 * Builds the production bundles with the e2e page (FINOPS_E2E=1, into dist-e2e/) and serves them on
 * 127.0.0.1; the test files read the address from FINOPS_E2E_URL. FINOPS_E2E_SKIP_BUILD=1 reuses
 * the last dist-e2e/ (when iterating on the tests only).
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, "../..");
  if (process.env.FINOPS_E2E_SKIP_BUILD !== "1") {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: root,
        env: { ...process.env, FINOPS_E2E: "1", ADDIN_PUBLIC_URL: "" },
        stdio: ["ignore", "ignore", "inherit"],
      }
    );
  }
  const { server, url } = await serveStatic(path.join(root, "dist-e2e"));
  process.env.FINOPS_E2E_URL = url;
  (globalThis as { __finopsE2eServer?: unknown }).__finopsE2eServer = server;
}
