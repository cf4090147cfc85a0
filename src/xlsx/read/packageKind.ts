/**
 * What a file's first bytes say it is, before anything is parsed: an .xlsx package (a zip), an OLE
 * compound file (an encrypted workbook or an old .xls), or something else. The CLI and the pane's
 * department reader word their messages themselves.
 */
export type PackageKind = "zip" | "compound file" | "other";

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

export function packageKind(bytes: Uint8Array): PackageKind {
  if (startsWith(bytes, COMPOUND_FILE)) return "compound file";
  return startsWith(bytes, ZIP) ? "zip" : "other";
}

/** Whether readWorkbookFile failed on a damaged zip or one holding no workbook (JSZip's and the reader's words), not on a bug. */
export function isDamagedPackage(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /zip|central directory|end of data|workbook part|corrupted/i.test(message);
}
