import fc from "fast-check";
import { ABSENT, parsedTagValue, tagValue } from "../../src/domain/focus/focusTags";

// The Tags scan (no JSON.parse for flat objects of plain strings) against JSON.parse, on random texts:
// valid objects with any JSON values, whitespace, duplicate keys, escapes, and broken texts.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 500);

/** What tagValue answered before the scan: JSON.parse whenever the quoted key is in the text. */
function reference(text: string, key: string) {
  return text.indexOf(JSON.stringify(key)) === -1 ? ABSENT : parsedTagValue(text, key);
}

const keys = fc.constantFrom(
  "team",
  "env",
  "cost-center",
  "",
  "__proto__",
  "é",
  'a"b',
  "a\\b",
  "x y"
);
const space = fc.constantFrom("", " ", "  ", "\n", "\t", "\r\n");
const value = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }
);

/** A JSON object written by hand: whitespace anywhere, keys in any order, duplicates allowed. */
const objectText = fc
  .record({
    entries: fc.array(fc.tuple(keys, value, space, space, space, space), { maxLength: 5 }),
    before: space,
    after: space,
  })
  .map(({ entries, before, after }) => {
    const body = entries
      .map(
        ([k, v, s1, s2, s3, s4]) => `${s1}${JSON.stringify(k)}${s2}:${s3}${JSON.stringify(v)}${s4}`
      )
      .join(",");
    return `${before}{${body}}${after}`;
  });

/** Broken texts: a valid one cut short, with a character changed, or put in another JSON value. */
const brokenText = fc.oneof(
  fc.tuple(objectText, fc.nat()).map(([text, at]) => text.slice(0, at % (text.length + 1))),
  fc
    .tuple(objectText, fc.nat(), fc.constantFrom('"', ",", ":", "{", "}", "n", "\\", "\u0001", "x"))
    .map(([text, at, c]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + c + text.slice(i + 1);
    }),
  objectText.map((text) => `[${text}]`),
  fc.string({ maxLength: 20 })
);

test("the Tags scan answers as JSON.parse does, for every key", () => {
  fc.assert(
    fc.property(fc.oneof(objectText, brokenText), keys, (text, key) => {
      expect(tagValue(text, key, JSON.stringify(key))).toEqual(reference(text, key));
    }),
    { numRuns: RUNS }
  );
});

test("examples: the last duplicate wins, null is a key-only tag, escapes and numbers go to JSON.parse", () => {
  const team = (text: string) => tagValue(text, "team", '"team"');
  expect(team('{"team":"a","team":"b"}')).toBe("b");
  expect(team('{ "team" : null }')).toBe("");
  expect(team('{"team":"a\\"b"}')).toBe('a"b');
  expect(team('{"team":1.50}')).toBe("1.5");
  expect(team('{"team":"a"')).toEqual(expect.any(Symbol));
  expect(team('{"env":"prod"}')).toBe(ABSENT);
});
