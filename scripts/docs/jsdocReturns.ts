import * as fs from "fs";
import ts from "typescript";

/**
 * The @returns text of each custom function, by its @customfunction id. The metadata generator
 * keeps only the result type, but the reference shows what the result means.
 */
export function readReturns(file: string): Record<string, string> {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true
  );
  const returns: Record<string, string> = {};
  source.forEachChild((node) => {
    if (!ts.isFunctionDeclaration(node)) return;
    const tags = ts.getJSDocTags(node);
    const id = tags.find((tag) => tag.tagName.text === "customfunction");
    const result = tags.find((tag) => tag.tagName.text === "returns");
    if (!id || !result) return;
    const text = (comment: ts.JSDocTag["comment"]) =>
      (typeof comment === "string" ? comment : (ts.getTextOfJSDocComment(comment) ?? "")).trim();
    returns[text(id.comment)] = text(result.comment).replace(/^\{[^}]*\}\s*/, "");
  });
  return returns;
}
