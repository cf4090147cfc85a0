import * as fs from "fs";
import { generateReference } from "../../scripts/docs/generateReference";
import { formatResult } from "../../scripts/docs/functionDocs";
import { FINOPS_FUNCTIONS, FinopsFunctionName } from "../../src/domain/functionsByName";

/** A formula literal as Excel passes it: a number, a text, or an array constant as rows of cells. */
function literal(text: string): unknown {
  const scalar = (t: string) => (t.startsWith('"') ? t.slice(1, -1) : Number(t));
  if (!text.startsWith("{")) return scalar(text);
  return text
    .slice(1, -1)
    .split(";")
    .map((row) => row.split(",").map(scalar));
}

describe("function reference (npm run docs)", () => {
  let files: Record<string, string>;
  beforeAll(async () => {
    files = await generateReference();
  }, 60000);

  it("is up to date with the JSDoc and the reference data: run `npm run docs` when this fails", () => {
    for (const [file, content] of Object.entries(files)) {
      expect({
        file,
        content: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "(missing)",
      }).toEqual({ file, content });
    }
  });

  it("documents every function with computed examples, errors and a portable equivalent", () => {
    const markdown = files["docs/FUNCTIONS.md"];
    const catalogue = JSON.parse(files["src/taskpane/functionCatalogue.json"]) as {
      name: string;
    }[];
    expect(catalogue).toHaveLength(21);
    for (const { name } of catalogue) {
      expect(markdown).toContain(`### FINOPS.${name}\n`);
      expect(files["assets/help.html"]).toContain(`<section id="${name.toLowerCase()}">`);
    }
    expect(markdown).toContain("| `=FINOPS.ESR(1000,750)` | `0.25` |");
    expect(markdown).toContain("| `=FINOPS.RUNRATE(3000,10,30)` | `9,000` |");
    expect(markdown).toContain('| `=FINOPS.RACICHECK(C5:H5)` | `"needs exactly one A, found 2"` |');
  });

  it("inserts formulas that need no cells and compute the documented result (parsed back from the text)", () => {
    const catalogue = JSON.parse(files["src/taskpane/functionCatalogue.json"]) as {
      name: FinopsFunctionName;
      insert: string;
      exampleResult: string;
    }[];
    for (const { name, insert, exampleResult } of catalogue) {
      const call = new RegExp(`^=FINOPS\\.${name}\\((.*)\\)$`).exec(insert);
      expect(call).not.toBeNull();
      // Arguments: numbers, "text", or {a,b} / {a;b} array constants; never a cell reference.
      const args = (call?.[1].match(/\{[^}]*\}|"[^"]*"|[^,]+/g) ?? []).map(literal);
      const fn = FINOPS_FUNCTIONS[name] as (...a: unknown[]) => number | string;
      expect({ name, result: formatResult(fn(...args)) }).toEqual({ name, result: exampleResult });
    }
    const inserts = Object.fromEntries(catalogue.map((e) => [e.name, e.insert]));
    expect(inserts.FTE).toBe("=FINOPS.FTE({1;0.5;0.25})");
    expect(inserts.RACICHECK).toBe('=FINOPS.RACICHECK({"R","A","C","I","C"})');
  });

  it("formats results for reading", () => {
    expect(formatResult(9000)).toBe("9,000");
    expect(formatResult(0.58823529)).toBe("0.5882");
    expect(formatResult("Green")).toBe('"Green"');
  });
});
