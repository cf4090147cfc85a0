import * as fs from "fs";
import { generateReference } from "../../scripts/docs/generateReference";
import { formatResult } from "../../scripts/docs/functionDocs";

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

  it("formats results for reading", () => {
    expect(formatResult(9000)).toBe("9,000");
    expect(formatResult(0.58823529)).toBe("0.5882");
    expect(formatResult("Green")).toBe('"Green"');
  });
});
