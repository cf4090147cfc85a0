import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { checkManifest, DEV_BASE_URL } from "../../scripts/manifest/manifestChecks";

/** Checks what `npm run build` wrote to dist/ (npm test builds before running this project). */
const dist = path.resolve(__dirname, "../../dist");
const read = (file: string) => fs.readFileSync(path.join(dist, file), "utf8");

describe("production build output", () => {
  it("writes the add-in's files", () => {
    for (const file of [
      "manifest.xml",
      "functions.json",
      "functions.js",
      "taskpane.html",
      "taskpane.js",
      "help.html",
      "guide.html",
      "assets/icon-80.png",
    ]) {
      expect({ file, exists: fs.existsSync(path.join(dist, file)) }).toEqual({
        file,
        exists: true,
      });
    }
  });

  it("dist/functions.json is the whole catalogue, generated from the JSDoc", async () => {
    const expected = JSON.parse(
      (await generateCustomFunctionsMetadata("src/functions/functions.ts", false)).metadataJson
    );
    const built = JSON.parse(read("functions.json"));
    const baseUrl = process.env.ADDIN_PUBLIC_URL ?? DEV_BASE_URL;
    expect(JSON.stringify(built)).toBe(JSON.stringify(expected).split(DEV_BASE_URL).join(baseUrl));
    expect(built.functions).toHaveLength(21);
  }, 60000);

  it("dist/manifest.xml declares the FINOPS namespace and passes the manifest checks", () => {
    const manifest = read("manifest.xml");
    expect(manifest).toContain('<bt:String id="Functions.Namespace" DefaultValue="FINOPS"/>');
    const baseUrl = process.env.ADDIN_PUBLIC_URL ?? DEV_BASE_URL;
    expect(checkManifest(manifest, { baseUrl, siteRoot: dist, requireBuiltFiles: true })).toEqual(
      []
    );
  });

  it("registers every function once and loads both bundles in the shared-runtime page", () => {
    expect(read("functions.js").match(/CustomFunctions\.associate\(/g)).toHaveLength(21);
    const html = read("taskpane.html");
    expect(html).toMatch(
      /<script[^>]+src="?functions\.js"?[\s\S]*<script[^>]+src="?taskpane\.js"?/
    );
    expect(html).toContain("appsforoffice.microsoft.com/lib/1/hosted/office.js");
  });
});
