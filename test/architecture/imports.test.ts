import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

/**
 * The module graph of src/: no import circles (type-only and lazy imports count too, since a newcomer
 * reads them as dependencies), and the layers of docs/ARCHITECTURE.md hold. ESLint forbids the
 * layer breaks as they are typed; this test sees the whole graph at once.
 */
const SRC = path.resolve(__dirname, "../../src");

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    path.join(base, "index.ts"),
    path.join(base, "index.tsx"),
  ];
  return candidates.find((c) => c.startsWith(SRC) && fs.existsSync(c) && fs.statSync(c).isFile());
}

const graph = new Map<string, string[]>(
  sourceFiles(SRC).map((file) => {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
    const targets = importedFiles
      .map((i) => resolveImport(file, i.fileName))
      .filter((t): t is string => t !== undefined);
    return [file, [...new Set(targets)]];
  })
);

const rel = (file: string) => path.relative(SRC, file).replace(/\\/g, "/");

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function circles(edges: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node))
        found.push(component.map(rel).sort());
    }
  };
  for (const node of edges.keys()) if (!index.has(node)) visit(node);
  return found;
}

const layerOf = (file: string) => rel(file).split("/")[0];

/** Which layers each layer may import (besides itself). */
const ALLOWED: Record<string, readonly string[]> = {
  domain: [],
  workbook: ["domain"],
  excel: ["domain", "workbook"],
  xlsx: ["domain", "workbook"],
  node: ["domain", "workbook"],
  functions: ["domain", "workbook"],
  taskpane: ["domain", "workbook", "excel"],
  cli: ["domain", "workbook", "xlsx", "node"],
};

describe("the module graph of src", () => {
  it("has modules to check", () => {
    expect(graph.size).toBeGreaterThan(150);
    expect(graph.get(path.join(SRC, "cli/run.ts"))!.map(rel)).toContain("cli/command.ts");
  });

  it("has no import circles", () => {
    expect(circles(graph)).toEqual([]);
  });

  it("finds a circle when there is one", () => {
    const a = path.join(SRC, "a.ts");
    const b = path.join(SRC, "b.ts");
    expect(
      circles(
        new Map([
          [a, [b]],
          [b, [a]],
        ])
      )
    ).toEqual([["a.ts", "b.ts"]]);
  });

  it("keeps every import within the layers: adapters never import each other", () => {
    const breaks = [...graph].flatMap(([file, targets]) =>
      targets
        .filter(
          (t) =>
            layerOf(t) !== layerOf(file) && !(ALLOWED[layerOf(file)] ?? []).includes(layerOf(t))
        )
        .map((t) => `${rel(file)} -> ${rel(t)}`)
    );
    expect(breaks).toEqual([]);
    expect(Object.keys(ALLOWED).sort()).toEqual(
      [...new Set([...graph.keys()].map(layerOf))].filter((l) => !l.includes(".")).sort()
    );
  });
});
