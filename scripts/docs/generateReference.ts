import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { buildFunctionDocs, FunctionDoc, MetadataFunction } from "./functionDocs";
import { readReturns } from "./jsdocReturns";
import { renderHtml } from "./renderHtml";
import { renderMarkdown } from "./renderMarkdown";

export const FUNCTIONS_SOURCE = "src/functions/functions.ts";

/** Every file `npm run docs` writes, by path, with its content. */
export async function generateReference(): Promise<Record<string, string>> {
  const generated = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE, false);
  if (generated.errors.length > 0)
    throw new Error(`Custom function metadata has errors:\n${generated.errors.join("\n")}`);
  const metadata: MetadataFunction[] = JSON.parse(generated.metadataJson).functions;
  const docs = buildFunctionDocs(metadata, readReturns(FUNCTIONS_SOURCE));
  return {
    "docs/FUNCTIONS.md": renderMarkdown(docs),
    "assets/help.html": renderHtml(docs),
    "src/taskpane/functionCatalogue.json": `${JSON.stringify(catalogue(docs), null, 2)}\n`,
  };
}

/** A result its @returns calls a share ("0.25 for 25%", "0.05 when ... 5% below", "between 0 and 1"). */
const isShare = (doc: FunctionDoc) => /\d (for|when) [^.;]*\d+%|between 0 and 1/.test(doc.returns);

/** "25%" for "0.25": how the result reads in a cell formatted as a percentage. */
function asPercent(result: string): string {
  const value = Number(result.replace(/,/g, ""));
  return Number.isFinite(value) ? `${Math.round(value * 10000) / 100}%` : result;
}

/** What the task pane lists: enough to find a function and insert it, with a link to the help page. */
function catalogue(docs: FunctionDoc[]) {
  return docs.map((doc) => ({
    name: doc.name,
    signature: doc.signature,
    description: doc.description,
    parameters: doc.parameters.map((p) => ({
      name: p.name,
      description: p.description,
      optional: p.optional,
    })),
    example: doc.examples[0].formula,
    exampleResult: doc.examples[0].result,
    ...(isShare(doc) ? { exampleShown: asPercent(doc.examples[0].result) } : {}),
    insert: doc.insert,
    anchor: doc.anchor,
  }));
}
