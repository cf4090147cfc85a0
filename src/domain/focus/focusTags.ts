// Tags: FOCUS writes a row's tags as a JSON object of key to value (FOCUS 1.0, column Tags).

/** What tagValue found: the value as text, ABSENT when the key is not there, INVALID for bad JSON. */
export const ABSENT = null;
export const INVALID = Symbol("invalid tags");

const QUOTE = 34;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const OPEN = 123;
const CLOSE = 125;

/**
 * The value of `key` in a Tags cell (`quotedKey` is JSON.stringify(key)). Most rows of a large file do
 * not carry a given key, so a cell that does not even contain the quoted key is answered without
 * parsing. A key with a null value (a key-only tag) is present with the empty string. The common shape,
 * a flat object of plain strings (no escapes) and nulls, is read by a scan of the text; anything else
 * goes through JSON.parse. Both give the same answers (test/focus/focusTags.test.ts checks it).
 */
export function tagValue(
  tags: string,
  key: string,
  quotedKey: string
): string | typeof ABSENT | typeof INVALID {
  if (tags.indexOf(quotedKey) === -1) return ABSENT;
  const found = scanTags(tags, key);
  return found === UNUSUAL ? parsedTagValue(tags, key) : found;
}

/** tagValue through JSON.parse: the reference the scan agrees with. */
export function parsedTagValue(tags: string, key: string): string | typeof ABSENT | typeof INVALID {
  let parsed: unknown;
  try {
    parsed = JSON.parse(tags);
  } catch {
    return INVALID;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return INVALID;
  if (!Object.prototype.hasOwnProperty.call(parsed, key)) return ABSENT;
  const value = (parsed as Record<string, unknown>)[key];
  if (value === null) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}

/** scanTags: the text is not the common shape (or not JSON at all); JSON.parse decides. */
const UNUSUAL = Symbol("unusual tags");

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** The end of a plain JSON string starting at `open` (its opening quote), or -1 when it has escapes or control characters or no end. */
function plainStringEnd(text: string, open: number): number {
  const close = text.indexOf('"', open + 1);
  if (close === -1) return -1;
  for (let i = open + 1; i < close; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH || c < 32) return -1;
  }
  return close;
}

/**
 * A flat JSON object of plain strings and nulls, read without building it: the last value of `key`
 * (JSON.parse keeps the last of duplicate keys), ABSENT, or UNUSUAL for any other text.
 */
function scanTags(text: string, key: string): string | typeof ABSENT | typeof UNUSUAL {
  const n = text.length;
  let i = 0;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  if (text.charCodeAt(i) !== OPEN) return UNUSUAL;
  i++;
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  let value: string | typeof ABSENT = ABSENT;
  if (text.charCodeAt(i) === CLOSE) {
    i++;
  } else {
    for (;;) {
      if (text.charCodeAt(i) !== QUOTE) return UNUSUAL;
      const keyEnd = plainStringEnd(text, i);
      if (keyEnd === -1) return UNUSUAL;
      const matches = keyEnd - i - 1 === key.length && text.startsWith(key, i + 1);
      i = keyEnd + 1;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) !== COLON) return UNUSUAL;
      i++;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const valueEnd = plainStringEnd(text, i);
        if (valueEnd === -1) return UNUSUAL;
        if (matches) value = text.substring(i + 1, valueEnd);
        i = valueEnd + 1;
      } else if (text.startsWith("null", i)) {
        if (matches) value = "";
        i += 4;
      } else {
        return UNUSUAL;
      }
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      const next = text.charCodeAt(i);
      i++;
      if (next === CLOSE) break;
      if (next !== COMMA) return UNUSUAL;
      while (i < n && isSpace(text.charCodeAt(i))) i++;
    }
  }
  while (i < n && isSpace(text.charCodeAt(i))) i++;
  return i === n ? value : UNUSUAL;
}
