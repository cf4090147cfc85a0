import fc from "fast-check";
import { createFocusAggregator } from "../../src/domain/focus/focusAggregator";
import { createFocusFileReader } from "../../src/domain/focus/focusFileReader";
import { FocusGrouping, FocusImport } from "../../src/domain/focus/focusTypes";
import { Dialect, file, focusFile } from "./focusFiles";
import { importText } from "./focusRows";

// ";" and tab files, as spreadsheets save CSV in many locales (docs/FOCUS.md, "Delimiters and decimal
// marks"): the same rows written in FOCUS's form and in another dialect give the same import, to the
// last binary digit; a number the file's mark does not read, or one that reads two ways before the file
// shows its mark, is an issue with its line and column. FINOPS_PROPERTY_RUNS raises the runs.

const RUNS = Number(process.env.FINOPS_PROPERTY_RUNS ?? 60);

const DIALECTS: readonly Dialect[] = [
  { delimiter: ";", decimalMark: "," },
  { delimiter: ";", decimalMark: ",", thousands: true },
  { delimiter: ";", decimalMark: "." },
  { delimiter: "\t", decimalMark: "," },
  { delimiter: "\t", decimalMark: ".", thousands: true },
];

const groupings: FocusGrouping[] = [
  { by: "month" },
  { by: "subAccount" },
  { by: "tag", key: "team" },
];

/** What an import says about rows and issues, without the messages (they name the mark). */
const outcome = (result: FocusImport) => ({
  ...result,
  versions: result.versions.map((v) => v.version),
  issues: result.issues.map(({ severity, line, column }) => ({ severity, line, column })),
});

test.each(DIALECTS)(
  "random rows written with %o import exactly as written in FOCUS's form",
  (dialect) => {
    fc.assert(
      fc.property(
        file,
        fc.constantFrom(...groupings),
        fc.array(fc.nat(), { maxLength: 6 }),
        ({ rows, order, newline }, grouping, cutSeeds) => {
          const focus = importText(focusFile("1.2", rows, order, newline), grouping);
          const bytes = new TextEncoder().encode(focusFile("1.2", rows, order, newline, dialect));
          const cuts = cutSeeds.map((seed) => seed % bytes.length);
          const other = importText(bytes, grouping, cuts);
          expect(outcome(other)).toEqual(outcome(focus));
          // Every row read (not refused for its date or width) has amounts that show the mark.
          const shown = rows.some((r) => r.broken !== "date" && r.broken !== "width");
          expect(other.versions).toEqual([
            {
              file: "cost.csv",
              version: "1.2",
              delimiter: dialect.delimiter,
              decimalMark: shown ? dialect.decimalMark : ".",
            },
          ]);
        }
      ),
      { numRuns: RUNS }
    );
  }
);

const HEADER = [
  "BillingCurrency",
  "ChargePeriodStart",
  "BilledCost",
  "EffectiveCost",
  "ListCost",
  "ListUnitPrice",
  "SubAccountId",
];

/** A ";" file of the header above and the given rows (fields joined by ";"). */
const semicolons = (...rows: string[][]) =>
  [HEADER, ...rows].map((fields) => fields.join(";")).join("\n") + "\n";

const row = (billed: string, effective = "1", list = "1", unitPrice = "", sub = "a") => [
  "EUR",
  "2026-01-05T00:00:00Z",
  billed,
  effective,
  list,
  unitPrice,
  sub,
];

/** The data rows' issues as [line, column, message]. */
const issues = (result: FocusImport) =>
  result.issues.filter((i) => i.line > 1).map((i) => [i.line, i.column, i.message]);

test("decimal commas with thousands grouped by dots, and the mark recorded for the file", () => {
  const result = importText(semicolons(row("1.234,56"), row("-2.000.000,5"), row("0,25")));
  expect(result.aggregates[0].billedCost).toBe(1234.56 - 2000000.5 + 0.25);
  expect(result.versions).toEqual([
    { file: "cost.csv", version: "1.0", delimiter: ";", decimalMark: "," },
  ]);
  expect(issues(result)).toEqual([]);
});

test("a number the file's mark does not read is an issue with its line and column, never misread", () => {
  const result = importText(semicolons(row("12,5"), row("1.5"), row("1,5", "1.234.5"), row("3")));
  expect(issues(result)).toEqual([
    [
      3,
      "BilledCost",
      'BilledCost "1.5" is not a number written with a decimal comma, as this file\'s numbers are (from line 2). The row is left out.',
    ],
    [4, "EffectiveCost", expect.stringMatching(/^EffectiveCost "1.234.5" is not a number/)],
  ]);
  expect(result.rowsSkipped).toBe(2);
  expect(result.aggregates[0].billedCost).toBe(15.5);
});

test("a number that reads two ways before the file shows its mark is an issue; after, it reads with the mark", () => {
  const result = importText(semicolons(row("1.234"), row("0,5"), row("1.234")));
  expect(issues(result)).toEqual([
    [
      2,
      "BilledCost",
      'BilledCost "1.234" is 1.234 with a decimal point and 1234 with a decimal comma, and no number before it shows which this file uses. The row is left out.',
    ],
  ]);
  expect(result.aggregates[0].billedCost).toBe(0.5 + 1234);
  expect(result.versions[0].decimalMark).toBe(",");
});

test("a unit price in the same row shows the mark, so amounts such as 1,152 are not left out", () => {
  const result = importText(semicolons(row("1,152", "1,152", "1,152", "0,192")));
  expect(issues(result)).toEqual([]);
  expect(result.aggregates[0].billedCost).toBe(1.152);
  // Whole numbers show no mark: they read the same either way.
  const whole = importText(semicolons(row("12", "1e3")));
  expect(whole.aggregates[0].effectiveCost).toBe(1000);
  expect(whole.versions[0].decimalMark).toBe(".");
});

test("a ';' file with decimal points, thousands grouped by commas", () => {
  const result = importText(semicolons(row("1,234.5"), row("0.25")));
  expect(result.aggregates[0].billedCost).toBe(1234.75);
  expect(result.versions[0]).toMatchObject({ delimiter: ";", decimalMark: "." });
});

test('quoted fields holding ";" and "," in a ";" file; a quoted amount reads like any other', () => {
  const result = importText(
    semicolons(row('"1,5"', "2", "2", "", '"team;a,b"'), row("2,5", "2", "2", "", '"x""y;"')),
    { by: "subAccount" }
  );
  expect(result.aggregates.map((a) => [a.group, a.billedCost])).toEqual([
    ["team;a,b", 1.5],
    ['x"y;', 2.5],
  ]);
});

test("a tab file with decimal commas, quoted header names, CRLF line breaks", () => {
  const header = HEADER.map((column) => `"${column}"`).join("\t");
  const result = importText(`${header}\r\n${row("7,25", "7").join("\t")}\r\n`);
  expect(result.aggregates[0].billedCost).toBe(7.25);
  expect(result.versions[0]).toMatchObject({ delimiter: "\t", decimalMark: "," });
});

test("a comma file stays FOCUS's form: a quoted decimal comma is not a number", () => {
  const result = importText(
    `${HEADER.join(",")}\n${row('"1,5"').join(",")}\n${row("2.5").join(",")}\n`
  );
  expect(issues(result)).toEqual([
    [2, "BilledCost", 'BilledCost "1,5" is not a number. The row is left out.'],
  ]);
  expect(result.versions[0]).toMatchObject({ delimiter: ",", decimalMark: "." });
});

test("each file of an import is read in its own dialect", () => {
  const aggregator = createFocusAggregator({ grouping: { by: "month" }, issueLimit: 10 });
  const files: [string, string][] = [
    ["focus.csv", `${HEADER.join(",")}\n${row("1.5").join(",")}\n`],
    ["excel.csv", semicolons(row("2,5"))],
  ];
  for (const [name, text] of files) {
    const reader = createFocusFileReader(aggregator, name);
    reader.push(new TextEncoder().encode(text));
    reader.end();
  }
  const result = aggregator.finish();
  expect(result.versions.map((v) => [v.file, v.delimiter, v.decimalMark])).toEqual([
    ["focus.csv", ",", "."],
    ["excel.csv", ";", ","],
  ]);
  expect(result.aggregates[0].billedCost).toBe(4);
});
