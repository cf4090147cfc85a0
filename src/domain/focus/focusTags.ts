// Tags: FOCUS writes a row's tags as a JSON object of key to value (FOCUS 1.0, column Tags).

/** What tagValue found: the value as text, ABSENT when the key is not there, INVALID for bad JSON. */
export const ABSENT = null;
export const INVALID = Symbol("invalid tags");

/**
 * The value of `key` in a Tags cell. Most rows of a large file do not carry a given key, so a cell
 * that does not even contain the quoted key is answered without parsing. A key with a null value
 * (a key-only tag) is present with the empty string.
 */
export function tagValue(
  tags: string,
  key: string,
  quotedKey: string
): string | typeof ABSENT | typeof INVALID {
  if (tags.indexOf(quotedKey) === -1) return ABSENT;
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
