import { packageKind } from "../xlsx/read/packageKind";

/**
 * Why a workbook file cannot be used, told before anything is read or written: the first bytes say
 * whether it is an .xlsx package at all (a zip), or an encrypted workbook or old .xls (both are OLE
 * compound files); Excel's owner file beside it ("~$Budget.xlsx") says it is open in Excel.
 */

/**
 * A plain message when the file cannot be used, else null. `name` is the file's name as the user
 * gave it; `siblings` the names of the files in its folder.
 */
export function unusableWorkbook(
  name: string,
  bytes: Uint8Array,
  siblings: readonly string[]
): string | null {
  const kind = packageKind(bytes);
  if (kind === "compound file")
    return `${name} is encrypted (saved with a password) or an old .xls file: open it in Excel and save it as an Excel Workbook (.xlsx) without a password.`;
  if (kind !== "zip") return `${name} is not an .xlsx workbook.`;
  const base = name.split(/[\\/]/).pop() ?? name;
  if (siblings.includes(`~$${base}`))
    return `${name} is open in Excel (its lock file ~$${base} is beside it): close it in Excel, then run this again.`;
  return null;
}
