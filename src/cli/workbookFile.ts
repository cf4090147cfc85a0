/**
 * Why a workbook file cannot be used, told before anything is read or written: the first bytes say
 * whether it is an .xlsx package at all (a zip), or an encrypted workbook or old .xls (both are OLE
 * compound files); Excel's owner file beside it ("~$Budget.xlsx") says it is open in Excel.
 */
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) =>
  magic.every((byte, i) => bytes[i] === byte);

/**
 * A plain message when the file cannot be used, else null. `name` is the file's name as the user
 * gave it; `siblings` the names of the files in its folder.
 */
export function unusableWorkbook(
  name: string,
  bytes: Uint8Array,
  siblings: readonly string[]
): string | null {
  if (startsWith(bytes, COMPOUND_FILE))
    return `${name} is encrypted (saved with a password) or an old .xls file: open it in Excel and save it as an Excel Workbook (.xlsx) without a password.`;
  if (!startsWith(bytes, ZIP)) return `${name} is not an .xlsx workbook.`;
  const base = name.split(/[\\/]/).pop() ?? name;
  if (siblings.includes(`~$${base}`))
    return `${name} is open in Excel (its lock file ~$${base} is beside it): close it in Excel, then run this again.`;
  return null;
}
