import process from "node:process";
import { run } from "./run";

/** The finops-workbooks entry (bin/finops-workbooks.js): the process's argv, console and clock. */
async function main(): Promise<void> {
  // A closed pipe (finops-workbooks list | head -1) is not an error worth a stack trace.
  process.stdout.on("error", (error: Error & { code?: string }) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    now: () => new Date(),
  });
}

void main();
