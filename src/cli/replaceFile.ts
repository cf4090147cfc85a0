import { promises as fs } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, dirname, join } from "node:path";

/**
 * Replaces a file with new bytes all or nothing: written next to it under a temporary name, then
 * renamed over it, so a failure at any point leaves the original untouched and no half file behind.
 */
export async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  const partial = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(4).toString("hex")}.partial.xlsx`
  );
  try {
    await fs.writeFile(partial, bytes);
    await fs.rename(partial, path);
  } catch (error) {
    await fs.rm(partial, { force: true }).catch(() => undefined);
    throw error;
  }
}
