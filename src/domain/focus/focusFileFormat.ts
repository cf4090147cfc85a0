import { FocusFileError } from "./focusFileError";

/** How a FOCUS file is stored, told by its first bytes rather than its name. */
export type FocusFileFormat = "parquet" | "gzip" | "text";

/** Bytes a host reads from the start of a file to tell its format. */
export const FORMAT_BYTES = 4;

/** "PAR1": a Parquet file starts and ends with it. */
export function isParquetMagic(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x41 &&
    bytes[2] === 0x52 &&
    bytes[3] === 0x31
  );
}

/**
 * The format of a file from its first bytes (gzip: 1f 8b). A file named .parquet that is not Parquet
 * is refused here, with its name, rather than read as text and refused for its "header".
 */
export function focusFileFormat(name: string, firstBytes: Uint8Array): FocusFileFormat {
  if (isParquetMagic(firstBytes)) return "parquet";
  // "PK\x03\x04": an .xlsx workbook or a zipped download, picked by mistake or not yet unzipped.
  if (
    firstBytes[0] === 0x50 &&
    firstBytes[1] === 0x4b &&
    firstBytes[2] === 3 &&
    firstBytes[3] === 4
  ) {
    throw new FocusFileError(
      "unreadable",
      name,
      0,
      `${name} is a zip archive (an Excel workbook, or a zipped download), not a FOCUS file: FOCUS files are CSV, gzip CSV or Parquet. If it holds an export, unzip it and import the files inside.`
    );
  }
  if (/\.parquet$/i.test(name)) {
    throw new FocusFileError(
      "unreadable",
      name,
      0,
      `${name} is named .parquet but is not a Parquet file (it does not start with "PAR1"). Download or export it again.`
    );
  }
  return firstBytes.length >= 2 && firstBytes[0] === 0x1f && firstBytes[1] === 0x8b
    ? "gzip"
    : "text";
}
