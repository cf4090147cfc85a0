import fc from "fast-check";
import Papa from "papaparse";
import {
  CsvNewline,
  FocusCsvTokenizer,
  INCOMPLETE,
  TEXT_AFTER_QUOTE,
  UNTERMINATED_QUOTE,
} from "../../src/domain/focus/focusCsv";
import { FocusDelimiter } from "../../src/domain/focus/focusTypes";

// Our RFC 4180 tokenizer (src/domain/focus/focusCsv.ts) against papaparse on the same settings, over
// random CSV (",", ";" or tab between values) cut into random chunks: quotes, doubled quotes, delimiters
// and line breaks in quoted fields,
// CRLF, CR alone as data, blank lines, non-ASCII text. FINOPS_PROPERTY_RUNS raises the runs.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 300);

/** All records of `text`, fed to the tokenizer in pieces cut at `cuts` (as the file reader does). */
function tokenize(
  text: string,
  newline: CsvNewline,
  cuts: number[],
  delimiter: FocusDelimiter = ","
): string[][] {
  const tokenizer = new FocusCsvTokenizer(newline, delimiter);
  const records: string[][] = [];
  let partial = "";
  const feed = (piece: string, last: boolean): void => {
    const input = partial + piece;
    tokenizer.text(input, last);
    let at = 0;
    while (at < input.length) {
      const fields: string[] = [];
      const next = tokenizer.record(at, fields, null);
      if (next === INCOMPLETE) break;
      if (next < 0) throw new Error(`tokenizer error ${next}`);
      expect(fields.length).toBe(tokenizer.count);
      records.push(fields);
      at = next;
    }
    partial = input.substring(at);
  };
  let at = 0;
  for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
    if (cut > at && cut < text.length) {
      feed(text.substring(at, cut), false);
      at = cut;
    }
  }
  feed(text.substring(at), false);
  feed("", true);
  return records;
}

/** papaparse's records, without the empty one it adds after a final line break. */
function papaparse(text: string, newline: CsvNewline, delimiter: FocusDelimiter): string[][] {
  const parser = new Papa.Parser({ delimiter, newline, quoteChar: '"' });
  const result = parser.parse(text, 0, false) as Papa.ParseResult<string[]>;
  expect(result.errors).toEqual([]);
  const data = result.data;
  const final = data[data.length - 1];
  if (text.endsWith(newline) && final?.length === 1 && final[0] === "") data.pop();
  return data;
}

const piece = fc.constantFrom(
  "a",
  "b",
  "1.5",
  " ",
  ",",
  ";",
  "\t",
  '"',
  "\n",
  "\r\n",
  "\r",
  "é",
  "€",
  "😀",
  "NULL"
);
const field = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(""));

/**
 * A field as CSV: quoted when it must be (or when `quote` says so), quotes doubled inside. A line
 * break other than the file's own is data and may stand unquoted (a CR in a "\n" file, a LF alone or
 * a CR alone in a CRLF file).
 */
function written(
  value: string,
  quote: boolean,
  newline: CsvNewline,
  delimiter: FocusDelimiter
): string {
  const breaks = newline === "\n" ? value.includes("\n") : value.includes("\r\n");
  const must = breaks || value.includes('"') || value.includes(delimiter);
  return must || quote ? `"${value.replace(/"/g, '""')}"` : value;
}

const csv = fc
  .record({
    newline: fc.constantFrom<CsvNewline>("\n", "\r\n"),
    delimiter: fc.constantFrom<FocusDelimiter>(",", ";", "\t"),
    records: fc.array(fc.array(fc.tuple(field, fc.boolean()), { minLength: 1, maxLength: 5 }), {
      minLength: 1,
      maxLength: 8,
    }),
    finalNewline: fc.boolean(),
    cuts: fc.array(fc.nat(400), { maxLength: 8 }),
  })
  .map(({ newline, delimiter, records, finalNewline, cuts }) => {
    const lines = records.map((fields) =>
      fields.map(([value, quote]) => written(value, quote, newline, delimiter)).join(delimiter)
    );
    const text = lines.join(newline) + (finalNewline ? newline : "");
    return { newline, delimiter, text, cuts };
  });

test("the tokenizer reads random CSV in random chunks as papaparse reads it whole", () => {
  fc.assert(
    fc.property(csv, ({ newline, delimiter, text, cuts }) => {
      expect(tokenize(text, newline, cuts, delimiter)).toEqual(papaparse(text, newline, delimiter));
    }),
    { numRuns: RUNS }
  );
});

test("only the wanted fields are set; the count is all of them", () => {
  const tokenizer = new FocusCsvTokenizer("\n");
  tokenizer.text('a,"b,1",c,d\nx,y', true);
  const fields = ["", "", "", ""];
  const next = tokenizer.record(0, fields, Uint8Array.from([0, 1, 0, 1]));
  expect(fields).toEqual(["", "b,1", "", "d"]);
  expect(tokenizer.count).toBe(4);
  expect(tokenizer.record(next, fields, Uint8Array.from([1, 0, 0, 0]))).toBe(15);
  expect(fields).toEqual(["x", "b,1", "", "d"]);
  expect(tokenizer.count).toBe(2);
});

test("errors: an unterminated quote at the end, text after a closing quote", () => {
  const tokenizer = new FocusCsvTokenizer("\n");
  tokenizer.text('a,"b\nc', false);
  expect(tokenizer.record(0, [], null)).toBe(INCOMPLETE);
  tokenizer.text('a,"b\nc', true);
  expect(tokenizer.record(0, [], null)).toBe(UNTERMINATED_QUOTE);
  tokenizer.text('a,"b"c,d\n', true);
  expect(tokenizer.record(0, [], null)).toBe(TEXT_AFTER_QUOTE);
  // Spaces between a closing quote and the delimiter are allowed, as papaparse allows them.
  tokenizer.text('"a"  ,b\n', true);
  const fields: string[] = [];
  expect(tokenizer.record(0, fields, null)).toBe(8);
  expect(fields).toEqual(["a", "b"]);
});

test("a quote at the end of a chunk waits for the next (it may be doubled)", () => {
  expect(tokenize('a,"x""y"\n', "\n", [4, 5, 6])).toEqual([["a", 'x"y']]);
  expect(tokenize('a,"x"\r\nb,c', "\r\n", [5, 6])).toEqual([
    ["a", "x"],
    ["b", "c"],
  ]);
});
