/**
 * Offline structural checks for the XML add-in manifest. `office-addin-manifest validate` needs an online
 * service, so these cover what it and Office would reject: element order (the schemas are xs:sequence),
 * resource ids, URLs, the shared runtime, permissions and requirement sets.
 *
 * Each check returns a list of problems, one readable sentence each; an empty list means it passed.
 * Used by test/manifest/manifest.test.ts and by scripts/validate-manifest.mjs (through ts-node), so the
 * tests and `npm run validate` can never disagree.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { DOMParser } from "@xmldom/xmldom";
import type { Document, Element } from "@xmldom/xmldom";

/** Every URL in manifest.xml starts with this; the build swaps it for ADDIN_PUBLIC_URL in dist/manifest.xml. */
export const DEV_BASE_URL = "https://localhost:3000/";

/** What the build writes at the site root. Icons are not listed: they come from assets/ and are checked on disk. */
export const BUILT_FILES: readonly string[] = [
  "taskpane.html",
  "functions.js",
  "functions.json",
  "help.html",
];

export const FUNCTIONS_NAMESPACE = "FINOPS";

export interface ManifestContext {
  /** The prefix every URL must start with. */
  baseUrl: string;
  /** The directory served at baseUrl: the project root for manifest.xml (icons live in assets/), dist/ for a build. */
  siteRoot: string;
  /** A build must also hold the pages and scripts; the source tree only holds the icons. */
  requireBuiltFiles: boolean;
}

const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xmlns: "http://www.w3.org/2000/xmlns/",
};

// Schema sequences (MS-OWEMXML: OfficeApp + TaskPaneApp, VersionOverridesV1_0, Host, CustomFunctions, ShowTaskpane).
const OFFICE_APP_ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "Dictionary",
  "VersionOverrides",
];
const OFFICE_APP_REQUIRED = [
  "Id",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];
const VERSION_OVERRIDES_ORDER = [
  "Description",
  "Requirements",
  "Hosts",
  "Resources",
  "WebApplicationInfo",
  "EquivalentAddins",
];
const HOST_ORDER = ["Runtimes", "AllFormFactors", "DesktopFormFactor"];
const CUSTOM_FUNCTIONS_ORDER = ["Script", "Page", "Metadata", "Namespace"];
const SHOW_TASKPANE_ORDER = ["TaskpaneId", "SourceLocation", "Title"];

/** The Resources group a resid must point into, by the referring element's name. */
const RESID_GROUP: Readonly<Record<string, string>> = {
  Image: "Images",
  SourceLocation: "Urls",
  Runtime: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Label: "ShortStrings",
  Title: "ShortStrings",
  Namespace: "ShortStrings",
  Description: "LongStrings",
};
const MAX_RESOURCE_ID_LENGTH = 32;

/** Minimum versions the add-in needs: one runtime for pane and functions; the error codes the functions throw. */
const REQUIRED_SETS: Readonly<Record<string, string>> = {
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.3",
};

const ICON_FILE = /^assets\/icon-(\d+)\.png$/;
const LOOKS_LIKE_URL = /^[a-z][a-z0-9+.-]*:\/\//i;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Parses strictly: xmldom otherwise recovers from some malformed input with only a console warning. */
export function parseManifest(xml: string): Document {
  let reason = "";
  const parser = new DOMParser({
    onError: (level, message) => {
      reason = `${level}: ${message}`;
      throw new Error(reason);
    },
  });
  try {
    return parser.parseFromString(xml, "text/xml");
  } catch (error) {
    // xmldom wraps what onError threw; keep just the reason and the line it found.
    const line = (error as { locator?: { lineNumber?: number } }).locator?.lineNumber;
    throw new Error(`${line ? `line ${line}: ` : ""}${reason || String(error)}`);
  }
}

export function checkWellFormed(xml: string): string[] {
  try {
    parseManifest(xml);
    return [];
  } catch (error) {
    return [
      `The manifest is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
}

/** Runs every check. A manifest that does not parse reports only that, since nothing else can be judged. */
export function checkManifest(xml: string, context: ManifestContext): string[] {
  const parseProblems = checkWellFormed(xml);
  if (parseProblems.length > 0) return parseProblems;
  const doc = parseManifest(xml);
  return [
    ...checkRoot(doc),
    ...checkOfficeAppOrder(doc),
    ...checkVersionOverrides(doc),
    ...checkResourceIds(doc),
    ...checkUrls(doc, context.baseUrl),
    ...checkFiles(doc, context),
    ...checkSharedRuntime(doc),
    ...checkNamespace(doc),
    ...checkPermissions(doc),
    ...checkRequirements(doc),
  ];
}

export function checkRoot(doc: Document): string[] {
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp" || root.namespaceURI !== NS.officeApp) {
    return [`The root element must be <OfficeApp> in ${NS.officeApp}`];
  }
  const problems: string[] = [];
  if (xsiType(root) !== "TaskPaneApp")
    problems.push(`<OfficeApp> must have xsi:type="TaskPaneApp", not "${xsiType(root)}"`);
  const hostNames = elementsNamed(childNamed(root, "Hosts"), "Host").map((host) =>
    host.getAttribute("Name")
  );
  if (hostNames.length !== 1 || hostNames[0] !== "Workbook") {
    problems.push(
      `<Hosts> must list exactly <Host Name="Workbook"/>, found: ${hostNames.join(", ") || "none"}`
    );
  }
  return problems;
}

export function checkOfficeAppOrder(doc: Document): string[] {
  return checkChildOrder(doc.documentElement!, OFFICE_APP_ORDER, OFFICE_APP_REQUIRED);
}

/** VersionOverridesV1_0 layout; in each Host, <Runtimes> must come first or Office ignores the shared runtime. */
export function checkVersionOverrides(doc: Document): string[] {
  const overrides = childNamed(doc.documentElement!, "VersionOverrides");
  if (!overrides) return ["<OfficeApp> lacks <VersionOverrides>"];
  const problems: string[] = [];
  if (overrides.namespaceURI !== NS.overrides)
    problems.push(`<VersionOverrides> must be in the ${NS.overrides} namespace`);
  // Task pane add-ins only support VersionOverrides 1.0.
  if (xsiType(overrides) !== "VersionOverridesV1_0")
    problems.push(`<VersionOverrides> must have xsi:type="VersionOverridesV1_0"`);
  problems.push(...checkChildOrder(overrides, VERSION_OVERRIDES_ORDER, ["Hosts", "Resources"]));

  const hosts = elementsNamed(childNamed(overrides, "Hosts"), "Host");
  if (hosts.length === 0) problems.push("<VersionOverrides><Hosts> has no <Host>");
  for (const host of hosts) {
    if (xsiType(host) !== "Workbook")
      problems.push(
        `<VersionOverrides> <Host> must have xsi:type="Workbook", not "${xsiType(host)}"`
      );
    const first = childElements(host)[0];
    if (first?.localName !== "Runtimes") {
      problems.push(
        `<Runtimes> must be the first child of <Host>, found <${first?.localName ?? "nothing"}>`
      );
    }
    problems.push(...checkChildOrder(host, HOST_ORDER, ["Runtimes", "AllFormFactors"]));
  }
  for (const extensionPoint of customFunctionsExtensionPoints(doc)) {
    problems.push(
      ...checkChildOrder(extensionPoint, CUSTOM_FUNCTIONS_ORDER, CUSTOM_FUNCTIONS_ORDER)
    );
  }
  for (const action of showTaskpaneActions(doc)) {
    problems.push(...checkChildOrder(action, SHOW_TASKPANE_ORDER, ["SourceLocation"]));
  }
  return problems;
}

/** Resource ids are unique and short enough; every resid resolves into the right group; every id is used. */
export function checkResourceIds(doc: Document): string[] {
  const problems: string[] = [];
  const groupById = new Map<string, string>();
  for (const resource of resourceElements(doc)) {
    const id = resource.getAttribute("id") ?? "";
    const group = (resource.parentNode as Element).localName ?? "";
    if (groupById.has(id)) problems.push(`Resource id "${id}" is defined more than once`);
    if (id.length === 0 || id.length > MAX_RESOURCE_ID_LENGTH) {
      problems.push(`Resource id "${id}" must have 1 to ${MAX_RESOURCE_ID_LENGTH} characters`);
    }
    groupById.set(id, group);
  }

  const used = new Set<string>();
  for (const element of allElements(doc)) {
    const resid = element.getAttribute("resid");
    if (resid === null) continue;
    used.add(resid);
    const group = groupById.get(resid);
    const expected = RESID_GROUP[element.localName ?? ""];
    if (group === undefined) {
      problems.push(`<${element.tagName} resid="${resid}"> refers to no resource`);
    } else if (expected !== undefined && group !== expected) {
      problems.push(
        `<${element.tagName} resid="${resid}"> must refer to bt:${expected}, but "${resid}" is in bt:${group}`
      );
    }
  }
  for (const id of groupById.keys()) {
    if (!used.has(id)) problems.push(`Resource "${id}" is never referred to by a resid`);
  }
  return problems;
}

/** Every URL (attribute value or text) starts with baseUrl and names a file the build produces or an icon. */
export function checkUrls(doc: Document, baseUrl: string): string[] {
  const problems: string[] = [];
  for (const { url, where } of collectUrls(doc)) {
    if (!url.startsWith(baseUrl)) {
      problems.push(`${where}: ${url} does not start with ${baseUrl}`);
      continue;
    }
    const file = url.slice(baseUrl.length);
    if (!BUILT_FILES.includes(file) && !ICON_FILE.test(file)) {
      problems.push(
        `${where}: ${url} points to "${file}", which is neither built (${BUILT_FILES.join(", ")}) nor an assets/icon-N.png`
      );
    }
  }
  return problems;
}

/**
 * Icons exist, are PNGs of the size their name says, and each is used at that size: IconUrl 32 px,
 * HighResolutionIconUrl 64 px (task pane add-ins), ribbon images as their size attribute says.
 * With requireBuiltFiles, the built pages and scripts must exist too.
 */
export function checkFiles(doc: Document, context: ManifestContext): string[] {
  const problems: string[] = [];
  const checked = new Set<string>();
  for (const { url, where } of collectUrls(doc)) {
    if (!url.startsWith(context.baseUrl)) continue; // checkUrls reports it
    const file = url.slice(context.baseUrl.length);
    if (checked.has(file)) continue;
    checked.add(file);
    const onDisk = path.join(context.siteRoot, file);
    const icon = ICON_FILE.exec(file);
    if (icon) {
      if (!existsSync(onDisk))
        problems.push(`${where}: ${file} is missing from ${context.siteRoot}`);
      else problems.push(...checkPng(onDisk, Number(icon[1])));
    } else if (context.requireBuiltFiles && BUILT_FILES.includes(file) && !existsSync(onDisk)) {
      problems.push(`${where}: ${file} is missing from ${context.siteRoot}`);
    }
  }

  const root = doc.documentElement!;
  problems.push(
    ...expectIconSize(childNamed(root, "IconUrl")?.getAttribute("DefaultValue"), 32, "<IconUrl>")
  );
  problems.push(
    ...expectIconSize(
      childNamed(root, "HighResolutionIconUrl")?.getAttribute("DefaultValue"),
      64,
      "<HighResolutionIconUrl>"
    )
  );
  const imageUrls = new Map(
    resourceElements(doc, "Images").map((image) => [
      image.getAttribute("id"),
      image.getAttribute("DefaultValue"),
    ])
  );
  for (const image of allElements(doc).filter(
    (element) => element.localName === "Image" && element.hasAttribute("resid")
  )) {
    const size = Number(image.getAttribute("size"));
    const resid = image.getAttribute("resid");
    problems.push(
      ...expectIconSize(imageUrls.get(resid), size, `<bt:Image size="${size}" resid="${resid}">`)
    );
  }
  return problems;
}

/** Pane, functions and ribbon share one runtime only if they all load the very page the <Runtime> names. */
export function checkSharedRuntime(doc: Document): string[] {
  const runtimes = allElements(doc).filter((element) => element.localName === "Runtime");
  if (runtimes.length !== 1) return [`Expected exactly one <Runtime>, found ${runtimes.length}`];
  const runtime = runtimes[0];
  const runtimeResid = runtime.getAttribute("resid");
  const problems: string[] = [];
  if (runtime.getAttribute("lifetime") !== "long")
    problems.push(`<Runtime> must have lifetime="long" so the functions keep running`);

  const functionPoints = customFunctionsExtensionPoints(doc);
  const taskpaneActions = showTaskpaneActions(doc);
  if (functionPoints.length === 0) problems.push(`No <ExtensionPoint xsi:type="CustomFunctions">`);
  if (taskpaneActions.length === 0) problems.push(`No <Action xsi:type="ShowTaskpane">`);
  const pages: Array<{ what: string; resid: string | null | undefined }> = [
    ...functionPoints.map((point) => ({
      what: "The custom functions <Page>",
      resid: childNamed(childNamed(point, "Page"), "SourceLocation")?.getAttribute("resid"),
    })),
    ...taskpaneActions.map((action) => ({
      what: "The ShowTaskpane action",
      resid: childNamed(action, "SourceLocation")?.getAttribute("resid"),
    })),
    ...allElements(doc)
      .filter((element) => element.localName === "FunctionFile")
      .map((element) => ({ what: "<FunctionFile>", resid: element.getAttribute("resid") })),
  ];
  for (const { what, resid } of pages) {
    if (resid !== runtimeResid)
      problems.push(
        `${what} uses resid "${resid}", but the shared <Runtime> uses "${runtimeResid}"`
      );
  }

  const runtimeUrl = resourceElements(doc, "Urls")
    .find((url) => url.getAttribute("id") === runtimeResid)
    ?.getAttribute("DefaultValue");
  const defaultPage = childNamed(
    childNamed(doc.documentElement!, "DefaultSettings"),
    "SourceLocation"
  )?.getAttribute("DefaultValue");
  if (defaultPage !== runtimeUrl) {
    problems.push(
      `<DefaultSettings><SourceLocation> is ${defaultPage}, but the shared runtime loads ${runtimeUrl}`
    );
  }
  return problems;
}

export function checkNamespace(doc: Document): string[] {
  const namespaces = allElements(doc).filter((element) => element.localName === "Namespace");
  if (namespaces.length !== 1)
    return [`Expected exactly one <Namespace>, found ${namespaces.length}`];
  const resid = namespaces[0].getAttribute("resid");
  const value = resourceElements(doc, "ShortStrings")
    .find((string) => string.getAttribute("id") === resid)
    ?.getAttribute("DefaultValue");
  return value === FUNCTIONS_NAMESPACE
    ? []
    : [`The functions namespace is "${value}", expected "${FUNCTIONS_NAMESPACE}"`];
}

/** The add-in reads and writes the workbook and asks for nothing more. */
export function checkPermissions(doc: Document): string[] {
  const permissions = childNamed(doc.documentElement!, "Permissions")?.textContent?.trim();
  return permissions === "ReadWriteDocument"
    ? []
    : [`<Permissions> must be ReadWriteDocument, found "${permissions ?? ""}"`];
}

export function checkRequirements(doc: Document): string[] {
  const sets = childNamed(childNamed(doc.documentElement!, "Requirements"), "Sets");
  const defaultMinVersion = sets?.getAttribute("DefaultMinVersion") ?? "1.1";
  const declared = new Map(
    elementsNamed(sets, "Set").map((set) => [
      set.getAttribute("Name"),
      set.getAttribute("MinVersion") ?? defaultMinVersion,
    ])
  );
  const problems: string[] = [];
  for (const [name, minimum] of Object.entries(REQUIRED_SETS)) {
    const version = declared.get(name);
    if (version === undefined) {
      problems.push(`<Requirements> must declare <Set Name="${name}" MinVersion="${minimum}"/>`);
    } else if (compareVersions(version, minimum) < 0) {
      problems.push(`<Requirements> declares ${name} ${version}; the add-in needs ${minimum}`);
    }
  }
  return problems;
}

/** Children must follow the schema sequence; unknown, repeated or missing required children are problems. */
function checkChildOrder(
  parent: Element,
  order: readonly string[],
  required: readonly string[]
): string[] {
  const problems: string[] = [];
  const names = childElements(parent).map((child) => child.localName ?? "");
  let last = -1;
  for (const name of names) {
    const index = order.indexOf(name);
    if (index < 0) problems.push(`<${parent.localName}> has an unexpected child <${name}>`);
    else if (index === last)
      problems.push(`<${name}> appears more than once in <${parent.localName}>`);
    else if (index < last)
      problems.push(
        `<${name}> is out of order in <${parent.localName}>; the schema order is ${order.join(", ")}`
      );
    else last = index;
  }
  for (const name of required) {
    if (!names.includes(name)) problems.push(`<${parent.localName}> lacks <${name}>`);
  }
  return problems;
}

function expectIconSize(url: string | null | undefined, size: number, where: string): string[] {
  const match = url ? /icon-(\d+)\.png$/.exec(url) : null;
  return match && Number(match[1]) === size
    ? []
    : [`${where} must point to a ${size} px assets/icon-${size}.png, not ${url}`];
}

function checkPng(file: string, size: number): string[] {
  const bytes = readFileSync(file);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE))
    return [`${file} is not a PNG`];
  // The IHDR chunk always comes first: width and height are big-endian at offsets 16 and 20.
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  return width === size && height === size
    ? []
    : [`${file} is ${width}x${height} px, expected ${size}x${size}`];
}

function collectUrls(doc: Document): Array<{ url: string; where: string }> {
  const urls: Array<{ url: string; where: string }> = [];
  for (const element of allElements(doc)) {
    const id = element.getAttribute("id");
    const where = id ? `<${element.tagName} id="${id}">` : `<${element.tagName}>`;
    for (const attribute of Array.from(element.attributes)) {
      if (attribute.namespaceURI !== NS.xmlns && LOOKS_LIKE_URL.test(attribute.value))
        urls.push({ url: attribute.value, where });
    }
    const text = childElements(element).length === 0 ? element.textContent?.trim() : undefined;
    if (text && LOOKS_LIKE_URL.test(text)) urls.push({ url: text, where });
  }
  return urls;
}

function resourceElements(doc: Document, group?: string): Element[] {
  const resources = childNamed(childNamed(doc.documentElement!, "VersionOverrides"), "Resources");
  return childElements(resources)
    .filter((groupElement) => group === undefined || groupElement.localName === group)
    .flatMap((groupElement) => childElements(groupElement));
}

function customFunctionsExtensionPoints(doc: Document): Element[] {
  return allElements(doc).filter(
    (element) => element.localName === "ExtensionPoint" && xsiType(element) === "CustomFunctions"
  );
}

function showTaskpaneActions(doc: Document): Element[] {
  return allElements(doc).filter(
    (element) => element.localName === "Action" && xsiType(element) === "ShowTaskpane"
  );
}

function xsiType(element: Element): string | null {
  return element.getAttributeNS(NS.xsi, "type");
}

function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagNameNS("*", "*"));
}

function childElements(parent: Element | undefined): Element[] {
  return parent ? Array.from(parent.children) : [];
}

function childNamed(parent: Element | undefined, name: string): Element | undefined {
  return childElements(parent).find((child) => child.localName === name);
}

function elementsNamed(parent: Element | undefined, name: string): Element[] {
  return childElements(parent).filter((child) => child.localName === name);
}

function compareVersions(a: string, b: string): number {
  const [aParts, bParts] = [a, b].map((version) => version.split(".").map(Number));
  for (let i = 0; i < Math.max(aParts.length, bParts.length); i++) {
    const difference = (aParts[i] ?? 0) - (bParts[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
