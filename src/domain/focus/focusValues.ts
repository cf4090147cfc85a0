// Value parsing for FOCUS cells. FOCUS writes decimals in plain or exponent notation and dates as
// ISO 8601 in UTC; an empty cell or the literal NULL (any case: exports write "null" too) is a missing
// value. These run once per cell over millions of rows, so the common shapes take a fast path.

/** Empty, or the literal NULL in any case. */
export function isMissing(text: string): boolean {
  const length = text.length;
  if (length === 0) return true;
  if (length !== 4) return false;
  const c = text.charCodeAt(0) | 0x20;
  return c === 0x6e && text.toLowerCase() === "null";
}

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * A decimal number, or NaN when the text is not one (call isMissing first). Up to 15 digits without
 * an exponent are read as an integer divided by a power of ten: both are exact doubles, so the one
 * division rounds correctly and the result equals Number(text). Anything else goes through a strict
 * pattern and Number(), which alone would accept "0x1f", "Infinity" or "".
 */
export function parseDecimal(text: string): number {
  const length = text.length;
  let i = 0;
  let c = text.charCodeAt(0);
  const negative = c === 45;
  if (negative || c === 43) i = 1;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; i < length; i++) {
    c = text.charCodeAt(i);
    if (c < 48 || c > 57) break;
    mantissa = mantissa * 10 + (c - 48);
    digits++;
  }
  if (i < length && c === 46) {
    for (i++; i < length; i++) {
      c = text.charCodeAt(i);
      if (c < 48 || c > 57) break;
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      scale++;
    }
  }
  if (i === length && digits > 0 && digits <= 15) {
    const value = scale === 0 ? mantissa : mantissa / POW10[scale];
    return negative ? -value : value;
  }
  const trimmed = text.trim();
  return DECIMAL.test(trimmed) ? Number(trimmed) : NaN;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * "YYYY-MM" of the UTC month an ISO 8601 date or date-time falls in, or null when the text is not
 * a valid one. A time without an offset is taken as UTC, as FOCUS requires.
 */
export function utcMonthOf(text: string): string | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [, y, mo, d, h = "00", mi = "00", s = "00", zone] = match;
  const year = +y;
  const month = +mo;
  const day = +d;
  const hour = +h;
  if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return null;
  if (hour > 24 || +mi > 59 || +s > 59 || (hour === 24 && (+mi > 0 || +s > 0))) return null;
  const offsetMinutes = zone === undefined || zone === "Z" ? 0 : zoneMinutes(zone);
  if (offsetMinutes === 0 && hour < 24) return `${y}-${mo}`;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, +mi, +s) - offsetMinutes * 60_000);
  return `${String(utc.getUTCFullYear()).padStart(4, "0")}-${String(utc.getUTCMonth() + 1).padStart(2, "0")}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneMinutes(zone: string): number {
  const digits = zone.replace(":", "");
  const minutes = +digits.slice(1, 3) * 60 + +digits.slice(3, 5);
  return zone[0] === "-" ? -minutes : minutes;
}
