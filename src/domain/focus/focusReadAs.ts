import { FocusFileInfo } from "./focusTypes";

const DELIMITER_NAMES: Record<FocusFileInfo["delimiter"], string> = {
  ",": "comma",
  ";": "semicolon",
  "\t": "tab",
};

/** "semicolon-separated values with decimal commas (...)": how one file was read. */
function readAs(file: FocusFileInfo): string {
  const values = `${DELIMITER_NAMES[file.delimiter]}-separated values`;
  if (file.decimalMark === ".") return values;
  const note = file.delimiter === ";" ? " (as Excel saves CSV in many European locales)" : "";
  return `${values} with decimal commas${note}`;
}

/**
 * How the files were read, in one sentence for the pane's preview and the CLI; null when every file
 * is written as FOCUS writes it (commas between values, decimal points), which goes without saying.
 */
export function readAsNote(files: readonly FocusFileInfo[]): string | null {
  const unusual = files.filter((f) => f.delimiter !== "," || f.decimalMark !== ".");
  if (unusual.length === 0) return null;
  const ways = new Set(files.map(readAs));
  if (ways.size === 1) return `Read as ${readAs(files[0])}.`;
  const others = unusual.length < files.length ? ", the rest as comma-separated values" : "";
  return `Read ${unusual.map((f) => `${f.file} as ${readAs(f)}`).join(", ")}${others}.`;
}
