/** Dates as the workbooks hold them: Excel serial numbers (1900 date system, days since 1899-12-30). */

/** The serial number of a calendar day. */
export function excelDate(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The serial number of an ISO date "YYYY-MM-DD". */
export function excelSerial(iso: string): number {
  const [year, month, day] = iso.split("-").map(Number);
  return excelDate(year, month, day);
}

/** The serial number of a day given as a Date (its UTC calendar day). */
export function dateSerial(date: Date): number {
  return excelDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** The ISO date "YYYY-MM-DD" of a serial number. */
export function isoDate(serial: number): string {
  return new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000).toISOString().slice(0, 10);
}

/** The last day of a month (1 to 12) of a year. */
export function monthEnd(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
