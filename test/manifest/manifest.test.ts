import { readFileSync } from "fs";
import path from "path";
import {
  BUILT_FILES,
  DEV_BASE_URL,
  type ManifestContext,
  checkFiles,
  checkManifest,
  checkNamespace,
  checkOfficeAppOrder,
  checkPermissions,
  checkRequirements,
  checkResourceIds,
  checkRoot,
  checkSharedRuntime,
  checkUrls,
  checkVersionOverrides,
  checkWellFormed,
  parseManifest,
} from "../../scripts/manifest/manifestChecks";
import type { Document } from "@xmldom/xmldom";

const projectRoot = path.resolve(__dirname, "../..");
const manifest = readFileSync(path.join(projectRoot, "manifest.xml"), "utf8");
const source: ManifestContext = {
  baseUrl: DEV_BASE_URL,
  siteRoot: projectRoot,
  requireBuiltFiles: false,
};

/** Applies a textual edit and fails loudly if it no longer matches, so a broken case cannot pass by accident. */
function broken(find: string | RegExp, replacement: string): string {
  const result = manifest.replace(find, replacement);
  if (result === manifest)
    throw new Error(`The edit ${String(find)} no longer matches manifest.xml`);
  return result;
}

describe("manifest.xml", () => {
  it("passes every structural check", () => {
    expect(checkManifest(manifest, source)).toEqual([]);
  });

  const checks: Array<[string, (doc: Document) => string[]]> = [
    ["checkRoot", checkRoot],
    ["checkOfficeAppOrder", checkOfficeAppOrder],
    ["checkVersionOverrides", checkVersionOverrides],
    ["checkResourceIds", checkResourceIds],
    ["checkSharedRuntime", checkSharedRuntime],
    ["checkNamespace", checkNamespace],
    ["checkPermissions", checkPermissions],
    ["checkRequirements", checkRequirements],
  ];
  it.each(checks)("passes %s", (_name, check) => {
    expect(check(parseManifest(manifest))).toEqual([]);
  });

  it("uses only dev-server URLs for built files and icons that exist", () => {
    const doc = parseManifest(manifest);
    expect(checkUrls(doc, DEV_BASE_URL)).toEqual([]);
    expect(checkFiles(doc, source)).toEqual([]);
  });

  it("stays valid once the build swaps the dev URL for the production one", () => {
    const production = "https://finops.example.org/addin/";
    const built = manifest.split(DEV_BASE_URL).join(production);
    expect(checkManifest(built, { ...source, baseUrl: production })).toEqual([]);
    expect(checkUrls(parseManifest(built), DEV_BASE_URL)).toContainEqual(
      expect.stringContaining("does not start with")
    );
  });

  it("requires the built pages and scripts when checking a build", () => {
    const problems = checkFiles(parseManifest(manifest), {
      ...source,
      siteRoot: path.join(projectRoot, "no-such-build"),
      requireBuiltFiles: true,
    });
    for (const file of [...BUILT_FILES, "assets/icon-16.png"]) {
      expect(problems).toContainEqual(expect.stringContaining(`${file} is missing`));
    }
  });
});

describe("the checks catch a broken manifest", () => {
  it("rejects XML that is not well-formed, and reports only that", () => {
    const xml = broken("</Resources>", "");
    expect(() => parseManifest(xml)).toThrow();
    expect(checkWellFormed(xml)).toEqual([expect.stringContaining("not well-formed")]);
    expect(checkManifest(xml, source)).toHaveLength(1);
  });

  it("rejects input xmldom would otherwise recover from", () => {
    expect(checkWellFormed(broken("<Permissions>", "<Permissions foo=bar>"))).toHaveLength(1);
  });

  const cases: Array<[string, string, (doc: Document) => string[], string | RegExp, string]> = [
    [
      "a root that is not a task pane app",
      'not "ContentApp"',
      checkRoot,
      'xsi:type="TaskPaneApp"',
      'xsi:type="ContentApp"',
    ],
    [
      "a host other than Excel",
      "found: Document",
      checkRoot,
      '<Host Name="Workbook"/>',
      '<Host Name="Document"/>',
    ],
    [
      "OfficeApp children out of schema order",
      "out of order",
      checkOfficeAppOrder,
      /(<DefaultSettings>[\s\S]*?<\/DefaultSettings>)\s*(<Permissions>ReadWriteDocument<\/Permissions>)/,
      "$2\n  $1",
    ],
    [
      "a missing required OfficeApp child",
      "lacks <DefaultLocale>",
      checkOfficeAppOrder,
      "<DefaultLocale>en-US</DefaultLocale>",
      "",
    ],
    [
      "Runtimes after AllFormFactors",
      "<Runtimes> must be the first child",
      checkVersionOverrides,
      /(<Runtimes>[\s\S]*?<\/Runtimes>)\s*(<AllFormFactors>[\s\S]*?<\/AllFormFactors>)/,
      "$2\n$1",
    ],
    [
      "VersionOverrides 1.1 in a task pane app",
      "VersionOverridesV1_0",
      checkVersionOverrides,
      'xsi:type="VersionOverridesV1_0"',
      'xsi:type="VersionOverridesV1_1"',
    ],
    [
      "custom functions children out of order",
      "out of order",
      checkVersionOverrides,
      /(<Script>[\s\S]*?<\/Script>)\s*(<Page>[\s\S]*?<\/Page>)/,
      "$2\n$1",
    ],
    [
      "a resid that resolves to nothing",
      "refers to no resource",
      checkResourceIds,
      'resid="Help.Url"',
      'resid="Help.Missing"',
    ],
    [
      "a resource nothing uses",
      '"Unused.Url" is never referred to',
      checkResourceIds,
      "</bt:Urls>",
      '<bt:Url id="Unused.Url" DefaultValue="https://localhost:3000/help.html"/></bt:Urls>',
    ],
    [
      "a duplicate resource id",
      '"Help.Url" is defined more than once',
      checkResourceIds,
      "</bt:Urls>",
      '<bt:Url id="Help.Url" DefaultValue="https://localhost:3000/help.html"/></bt:Urls>',
    ],
    [
      "a resource id over 32 characters",
      "1 to 32 characters",
      checkResourceIds,
      /Help\.Url/g,
      "Help.Url.ThatIsFarTooLongForTheSchema",
    ],
    [
      "a resid pointing into the wrong group",
      "must refer to bt:ShortStrings",
      checkResourceIds,
      '<Label resid="FinOpsGroup.Label"/>',
      '<Label resid="OpenPane.Tooltip"/>',
    ],
    [
      "two pages for what should be one runtime",
      'The custom functions <Page> uses resid "Help.Url"',
      checkSharedRuntime,
      /(<Page>\s*<SourceLocation resid=")Taskpane\.Url/,
      "$1Help.Url",
    ],
    [
      "a ribbon button opening another page",
      "The ShowTaskpane action uses",
      checkSharedRuntime,
      /(<TaskpaneId>FinOpsPane<\/TaskpaneId>\s*<SourceLocation resid=")Taskpane\.Url/,
      "$1Help.Url",
    ],
    [
      "a short-lived runtime",
      'lifetime="long"',
      checkSharedRuntime,
      'lifetime="long"',
      'lifetime="short"',
    ],
    [
      "the wrong functions namespace",
      '"CONTOSO", expected "FINOPS"',
      checkNamespace,
      'DefaultValue="FINOPS"',
      'DefaultValue="CONTOSO"',
    ],
    [
      "broader permissions",
      "must be ReadWriteDocument",
      checkPermissions,
      "<Permissions>ReadWriteDocument</Permissions>",
      "<Permissions>ReadAllDocument</Permissions>",
    ],
    [
      "no SharedRuntime requirement",
      'Name="SharedRuntime"',
      checkRequirements,
      /<Set Name="SharedRuntime"[^>]*\/>/,
      "",
    ],
    [
      "a CustomFunctionsRuntime too old for the error codes",
      "CustomFunctionsRuntime 1.2",
      checkRequirements,
      'Name="CustomFunctionsRuntime" MinVersion="1.3"',
      'Name="CustomFunctionsRuntime" MinVersion="1.2"',
    ],
  ];
  it.each(cases)("reports %s", (_title, expected, check, find, replacement) => {
    const problems = check(parseManifest(broken(find, replacement)));
    expect(problems).toContainEqual(expect.stringContaining(expected));
  });

  it("reports URLs off the dev server or to files the build does not produce", () => {
    const xml = broken(
      '<SupportUrl DefaultValue="https://localhost:3000/help.html"/>',
      '<SupportUrl DefaultValue="http://localhost:3000/help.html"/>'
    );
    expect(checkUrls(parseManifest(xml), DEV_BASE_URL)).toEqual([
      "<SupportUrl>: http://localhost:3000/help.html does not start with https://localhost:3000/",
    ]);
    const unbuilt = broken("functions.json", "functions.xml");
    expect(checkUrls(parseManifest(unbuilt), DEV_BASE_URL)).toEqual([
      expect.stringContaining('points to "functions.xml"'),
    ]);
  });

  it("reports icons that are missing or used at the wrong size", () => {
    const missing = broken(/icon-80\.png/, "icon-96.png");
    expect(checkFiles(parseManifest(missing), source)).toContainEqual(
      expect.stringContaining("assets/icon-96.png is missing")
    );
    const wrongSize = broken(
      '<bt:Image size="16" resid="Icon.16x16"/>',
      '<bt:Image size="16" resid="Icon.32x32"/>'
    );
    expect(checkFiles(parseManifest(wrongSize), source)).toContainEqual(
      expect.stringContaining("must point to a 16 px")
    );
    const lowResolution = broken(
      /(<HighResolutionIconUrl DefaultValue="[^"]*)icon-64/,
      "$1icon-32"
    );
    expect(checkFiles(parseManifest(lowResolution), source)).toContainEqual(
      expect.stringContaining("<HighResolutionIconUrl> must point to a 64 px")
    );
  });
});
