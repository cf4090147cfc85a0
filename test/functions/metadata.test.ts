import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { FINOPS_FUNCTION_NAMES } from "../../src/domain/functionsByName";
import { EXPECTED_CATALOGUE } from "./catalogue.expected";

interface MetadataParameter {
  name: string;
  description?: string;
  type: string;
  dimensionality?: string;
  optional?: boolean;
}
interface MetadataFunction {
  id: string;
  name: string;
  description: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  result: { type: string; dimensionality?: string };
}

describe("custom functions metadata (the source of dist/functions.json)", () => {
  let functions: MetadataFunction[];

  beforeAll(async () => {
    const generated = await generateCustomFunctionsMetadata("src/functions/functions.ts", true);
    expect(generated.errors).toEqual([]);
    functions = JSON.parse(generated.metadataJson).functions;
  }, 60000);

  it("holds exactly the product's function catalogue, and the domain binds the same names", () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED_CATALOGUE).sort());
    expect([...FINOPS_FUNCTION_NAMES].sort()).toEqual(Object.keys(EXPECTED_CATALOGUE).sort());
  });

  it.each(Object.entries(EXPECTED_CATALOGUE))("%s has the expected signature", (id, expected) => {
    const fn = functions.find((f) => f.id === id) as MetadataFunction;
    expect(fn.name).toBe(id);
    expect(fn.parameters.map((p) => p.name)).toEqual(expected.params.map((p) => p.name));
    expect(fn.parameters.map((p) => Boolean(p.optional))).toEqual(
      expected.params.map((p) => Boolean(p.optional))
    );
    expect(fn.parameters.map((p) => p.dimensionality === "matrix")).toEqual(
      expected.params.map((p) => Boolean(p.range))
    );
    expect(fn.parameters.every((p) => p.type === "any")).toBe(true);
    expect(fn.result.type).toBe(expected.result);
    expect(fn.result.dimensionality ?? "scalar").toBe("scalar");
  });

  it("documents every function and parameter and links its reference entry", () => {
    for (const fn of functions) {
      expect(fn.description.length).toBeGreaterThan(20);
      expect(fn.helpUrl).toBe(`https://localhost:3000/help.html#${fn.id.toLowerCase()}`);
      for (const p of fn.parameters) expect((p.description ?? "").length).toBeGreaterThan(5);
    }
  });
});
