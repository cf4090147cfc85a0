import { run } from "../../src/cli/run";

export const NOW = new Date("2026-11-29T12:00:00Z");

/** Runs one command line as a user would, at a fixed time, and collects what it printed. */
export async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run(argv, {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    now: () => NOW,
  });
  return { code, out: out.join(""), err: err.join("") };
}
