import { FocusFileError } from "../../src/domain/focus/focusFileError";
import { importText } from "./focusRows";

// Malformed files give a FocusFileError with a clear message and no aggregates at all.

const HEADER =
  "BillingCurrency,ChargePeriodStart,BilledCost,EffectiveCost,ListCost,ContractedCost,ChargeDescription";
const ROW = "USD,2026-01-05T00:00:00Z,10,8,12,11,VM";

function refusal(text: string | Uint8Array, maxRowChars?: number): FocusFileError {
  try {
    importText(text, { by: "month" }, [], maxRowChars);
  } catch (error) {
    expect(error).toBeInstanceOf(FocusFileError);
    return error as FocusFileError;
  }
  throw new Error("the file was accepted");
}

test("a quoted field never closed: truncated", () => {
  const error = refusal(`${HEADER}\n${ROW}\nUSD,2026-01-05T00:00:00Z,10,8,12,11,"VM cut`);
  expect(error.kind).toBe("truncated");
  expect(error.message).toMatch(/quoted field that starts on line 3/);
});

test("a partial last line: truncated", () => {
  const error = refusal(`${HEADER}\n${ROW}\nUSD,2026-01-05T00:00:00Z,10`);
  expect(error).toMatchObject({ kind: "truncated", line: 3 });
  expect(error.message).toMatch(/cut short/);
});

test("a delimiter not read (vertical bars; semicolons and tabs are read): wrong delimiter, named", () => {
  const error = refusal(`${HEADER.replace(/,/g, "|")}\n${ROW.replace(/,/g, "|")}\n`);
  expect(error.kind).toBe("wrongDelimiter");
  expect(error.message).toMatch(/"\|" \(vertical bar\).*comma-separated/);
});

test("not a FOCUS file: the missing columns are named", () => {
  const error = refusal("a,b,c\n1,2,3\n");
  expect(error.kind).toBe("missingColumns");
  expect(error.message).toMatch(/ChargePeriodStart, BilledCost, EffectiveCost/);
});

test("a huge field: refused at the limit with its line", () => {
  const error = refusal(
    `${HEADER}\n${ROW}\nUSD,2026-01-05T00:00:00Z,10,8,12,11,"${"x".repeat(5000)}"\n`,
    1000
  );
  expect(error).toMatchObject({ kind: "fieldTooLarge", line: 3 });
  expect(error.message).toMatch(/longer than 1,000 characters/);
});

test("UTF-16 with a byte order mark", () => {
  const text = `\ufeff${HEADER}\n${ROW}\n`;
  const bytes = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++)
    ((bytes[i * 2] = text.charCodeAt(i) & 0xff), (bytes[i * 2 + 1] = text.charCodeAt(i) >> 8));
  expect(refusal(bytes)).toMatchObject({
    kind: "encoding",
    message: expect.stringMatching(/UTF-16/),
  });
});

test("invalid UTF-8 (a Latin-1 byte)", () => {
  const bytes = new TextEncoder().encode(`${HEADER}\n${ROW.replace("VM", "VM?")}\n`);
  bytes[bytes.length - 2] = 0xe9;
  expect(refusal(bytes)).toMatchObject({
    kind: "encoding",
    message: expect.stringMatching(/not valid UTF-8/),
  });
});

test("formula-like text is data: group labels keep it as text, amounts stay numbers", () => {
  const header = `${HEADER},ServiceCategory`;
  const result = importText(
    `${header}\n${ROW},=HYPERLINK("http://x")\n${ROW},+1\n${ROW},@SUM(A1)\n`,
    { by: "serviceCategory" }
  );
  expect(result.aggregates.map((a) => a.group)).toEqual([
    "+1",
    '=HYPERLINK("http://x")',
    "@SUM(A1)",
  ]);
  expect(result.aggregates.every((a) => typeof a.billedCost === "number")).toBe(true);
  // An amount written as a formula is a bad number: reported with its line and column, row left out.
  const bad = importText(`${HEADER}\nUSD,2026-01-05T00:00:00Z,=1+1,8,12,11,VM\n`);
  expect(bad.issues.find((i) => i.line > 1)).toMatchObject({
    severity: "error",
    line: 2,
    column: "BilledCost",
  });
  expect(bad.rowsSkipped).toBe(1);
});

test("bad rows are reported and skipped, the rest is summed; NULL and empty are missing", () => {
  const result = importText(
    `${HEADER}\n${ROW}\nUSD,2026-13-01T00:00:00Z,1,1,1,1,x\nUSD,2026-01-06T00:00:00Z,1e1,NULL,,null,x\nUSD,2026-01-07,abc,1,1,1,x\n`
  );
  expect(result.rowsRead).toBe(4);
  expect(result.rowsSkipped).toBe(2);
  expect(result.issues.filter((i) => i.line > 1).map((i) => [i.line, i.column])).toEqual([
    [3, "ChargePeriodStart"],
    [5, "BilledCost"],
  ]);
  const [a] = result.aggregates;
  // 10 + 1e1 billed; 8 + missing effective; list 12 + missing; contracted 11 + missing
  expect([a.billedCost, a.effectiveCost, a.listCost, a.contractedCost]).toEqual([20, 8, 12, 11]);
});

test("mixed currencies: separate aggregates and a warning", () => {
  const result = importText(`${HEADER}\n${ROW}\n${ROW.replace("USD", "EUR")}\n`);
  expect(result.currencies).toEqual(["EUR", "USD"]);
  expect(result.aggregates.map((a) => [a.currency, a.billedCost])).toEqual([
    ["EUR", 10],
    ["USD", 10],
  ]);
  expect(result.issues.find((i) => i.line > 1)).toMatchObject({
    severity: "warning",
    line: 3,
    column: "BillingCurrency",
  });
});

test("a warehouse query's result given as FOCUS rows: named as one, with the option that reads it", () => {
  const error = refusal(
    "MONTH,BILLING_CURRENCY,ROW_COUNT,BILLED_COST,EFFECTIVE_COST\n2026-01,USD,3,10,8\n"
  );
  expect(error.kind).toBe("missingColumns");
  expect(error.message).toBe(
    "cost.csv is the result of a warehouse query (the totals focus-query computes), not FOCUS rows: import it with import-focus --aggregates cost.csv."
  );
});
