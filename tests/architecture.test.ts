/**
 * The code's architecture, checked on every `npm test`: the imports of every TypeScript file under
 * src/, layouts/ and scripts/, read by the TypeScript compiler's own import scanner, must form no
 * circle and must follow the layering below (a folder of src/ imports only from itself and from the
 * folders it lists). Besides: only src/pages/ imports layouts/; only src/eleventy/ imports the
 * `@11ty/eleventy` package; src/ imports neither tests/ nor scripts/, and scripts/ never imports tests/.
 */
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import ts from "typescript";
import { repoRoot } from "./support/run.js";

/**
 * The layering, lower folders first: each folder of src/ and the folders below it that it may import
 * from (besides itself). layouts/ is part of pages. A folder missing here fails the layering test.
 */
const LAYERS: Readonly<Record<string, readonly string[]>> = {
  persian: [],
  output: [],
  messages: ["persian"],
  content: ["messages", "persian", "output"],
  hosting: ["messages", "persian", "output"],
  browse: ["content", "messages", "persian", "output"],
  render: ["browse", "content", "messages", "persian", "output"],
  context: ["hosting", "render", "browse", "content", "messages", "persian", "output"],
  assets: ["context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  search: ["context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  feeds: ["context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  admin: ["context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  pages: ["assets", "search", "feeds", "context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  build: ["pages", "admin", "assets", "search", "feeds", "context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  eleventy: ["build", "pages", "admin", "assets", "search", "feeds", "context", "hosting", "render", "browse", "content", "messages", "persian", "output", "editors", "bench"],
  editors: ["render", "content", "messages", "persian", "output"],
  bench: ["search", "context", "hosting", "render", "browse", "content", "messages", "persian", "output"],
  deploy: ["build", "hosting", "pages", "admin", "assets", "search", "feeds", "context", "render", "browse", "content", "messages", "persian", "output"],
};

/** The package that runs the build; its image plugin (@11ty/eleventy-img) and other @11ty packages are not it. */
const ELEVENTY_PACKAGE = "@11ty/eleventy";
/** Where `@11ty/eleventy` may be imported in src/ and layouts/: the folder where the build meets Eleventy. */
const ELEVENTY_IMPORTERS = ["src/eleventy/"];

/** One import of a file: what it names, and the repository file that is (a path relative to the root) when it is one. */
interface Import {
  specifier: string;
  target?: string;
}

/** Repository path (with `/`) → the file's imports. */
type ImportGraph = ReadonlyMap<string, readonly Import[]>;

/**
 * The module specifiers a file names: static imports and re-exports (type-only ones included:
 * they tie the code together as much), `import("…")` with a literal, and `new URL("./x.ts", import.meta.url)`
 * where the address is a literal naming a script (an address put together at run time, such as
 * `./worker${extension}`, is not followed; nor is a stylesheet or data file).
 */
function readSpecifiers(fileName: string, text: string): string[] {
  const specifiers = ts.preProcessFile(text, true, true).importedFiles.map((file) => file.fileName);
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const isImportMetaUrl = (node: ts.Node) =>
    ts.isPropertyAccessExpression(node) && node.name.text === "url" && ts.isMetaProperty(node.expression) && node.expression.keywordToken === ts.SyntaxKind.ImportKeyword;
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "URL" && node.arguments?.length === 2 && isImportMetaUrl(node.arguments[1]!)) {
      const address = node.arguments[0]!;
      if ((ts.isStringLiteral(address) || ts.isNoSubstitutionTemplateLiteral(address)) && /\.[cm]?[jt]s$/.test(address.text)) specifiers.push(address.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/**
 * The repository file a relative specifier names (`./x.js` is `./x.ts` when that exists, as TypeScript
 * resolves it; `./x` is `./x.ts`), or undefined for a package.
 */
function resolveSpecifier(from: string, specifier: string, exists: (file: string) => boolean): string | undefined {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return undefined;
  const joined = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  const candidates = /\.[cm]?js$/.test(joined) ? [joined.replace(/\.([cm]?)js$/, ".$1ts"), joined] : [joined, `${joined}.ts`, `${joined}/index.ts`];
  return candidates.find(exists) ?? joined;
}

/** The import graph of `files` (repository path → text); a specifier resolves to a file that `exists` says is there. */
function importGraph(files: ReadonlyMap<string, string>, exists: (file: string) => boolean = (file) => files.has(file)): ImportGraph {
  const graph = new Map<string, Import[]>();
  for (const [file, text] of files) {
    graph.set(
      file,
      readSpecifiers(file, text).map((specifier) => {
        const target = resolveSpecifier(file, specifier, exists);
        return target === undefined ? { specifier } : { specifier, target };
      }),
    );
  }
  return graph;
}

/**
 * The layering's folder of a file: its folder of src/, or pages for layouts/; undefined elsewhere,
 * and for data that is not code (src/data/*.json, which any folder may read).
 */
function layerOf(file: string): string | undefined {
  if (!file.endsWith(".ts")) return undefined;
  if (file.startsWith("layouts/")) return "pages";
  const match = /^src\/([^/]+)\//.exec(file);
  return match?.[1];
}

const inSource = (file: string) => file.startsWith("src/") || file.startsWith("layouts/");

/**
 * Every import circle among the files of the graph, one per set of files that import each other (a
 * strongly connected component), as a path that comes back to where it starts: a → b → a. The
 * shortest circle through the component's first file is given; others may remain once it is broken.
 */
function importCircles(graph: ImportGraph): string[] {
  const edges = new Map<string, string[]>();
  for (const [file, imports] of graph) {
    edges.set(file, [...new Set(imports.flatMap((entry) => (entry.target !== undefined && graph.has(entry.target) ? [entry.target] : [])))].sort());
  }
  // Tarjan's strongly connected components.
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (file: string): void => {
    order.set(file, order.size);
    low.set(file, order.get(file)!);
    stack.push(file);
    onStack.add(file);
    for (const next of edges.get(file)!) {
      if (!order.has(next)) {
        connect(next);
        low.set(file, Math.min(low.get(file)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(file, Math.min(low.get(file)!, order.get(next)!));
    }
    if (low.get(file) !== order.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    components.push(component.sort());
  };
  for (const file of [...edges.keys()].sort()) if (!order.has(file)) connect(file);

  const circles: string[] = [];
  for (const component of components) {
    const start = component[0]!;
    if (component.length === 1 && !edges.get(start)!.includes(start)) continue;
    // Breadth first from the start, inside the component, back to the start: the shortest circle.
    const members = new Set(component);
    const cameFrom = new Map<string, string>();
    const queue = [start];
    let last: string | undefined;
    for (let index = 0; index < queue.length && last === undefined; index++) {
      const file = queue[index]!;
      for (const next of edges.get(file)!) {
        if (next === start) {
          last = file;
          break;
        }
        if (members.has(next) && !cameFrom.has(next)) {
          cameFrom.set(next, file);
          queue.push(next);
        }
      }
    }
    const circle = [start];
    for (let file = last!; file !== start; file = cameFrom.get(file)!) circle.splice(1, 0, file);
    const others = component.length > circle.length ? ` (a circle of ${component.length} files in all: ${component.join(", ")})` : "";
    circles.push(`${[...circle, start].join(" → ")}${others}`);
  }
  return circles.sort();
}

/** Every import of a file of src/ or layouts/ into another folder of src/ (or layouts/) that `layers` does not list below its own. */
function layeringViolations(graph: ImportGraph, layers: Readonly<Record<string, readonly string[]>> = LAYERS): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    const layer = layerOf(file);
    if (layer === undefined) continue;
    const allowed = layers[layer];
    if (allowed === undefined) {
      problems.push(`${file}: its folder «${layer}» has no place in the layering`);
      continue;
    }
    for (const { target } of imports) {
      const targetLayer = target === undefined ? undefined : layerOf(target);
      if (targetLayer === undefined || targetLayer === layer || allowed.includes(targetLayer)) continue;
      problems.push(`${file} → ${target} (${layer} may not import ${targetLayer})`);
    }
  }
  return problems.sort();
}

/** Every import of layouts/ by a file of src/ outside src/pages/. */
function layoutImportViolations(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    if (!file.startsWith("src/") || file.startsWith("src/pages/")) continue;
    for (const { target } of imports) if (target?.startsWith("layouts/")) problems.push(`${file} → ${target}`);
  }
  return problems.sort();
}

/** Every import of the `@11ty/eleventy` package by a file of src/ or layouts/ other than ELEVENTY_IMPORTERS. */
function eleventyImportViolations(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    if (!inSource(file) || ELEVENTY_IMPORTERS.some((allowed) => (allowed.endsWith("/") ? file.startsWith(allowed) : file === allowed))) continue;
    for (const { specifier } of imports) {
      if (specifier === ELEVENTY_PACKAGE || specifier.startsWith(`${ELEVENTY_PACKAGE}/`)) problems.push(`${file} → ${specifier}`);
    }
  }
  return problems.sort();
}

/** Every import of tests/ or scripts/ by src/ or layouts/, and of tests/ by scripts/. */
function testAndScriptImportViolations(graph: ImportGraph): string[] {
  const problems: string[] = [];
  for (const [file, imports] of graph) {
    const forbidden = inSource(file) ? ["tests/", "scripts/"] : file.startsWith("scripts/") ? ["tests/"] : [];
    for (const { target } of imports) if (target !== undefined && forbidden.some((folder) => target.startsWith(folder))) problems.push(`${file} → ${target}`);
  }
  return problems.sort();
}

/** Every .ts file under the repository's `folders`, read: repository path → text. */
function readTree(folders: readonly string[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const folder of folders) {
    for (const name of readdirSync(path.join(repoRoot, folder), { recursive: true, encoding: "utf8" }).sort()) {
      if (!name.endsWith(".ts")) continue;
      const file = path.posix.join(folder, name.split(path.sep).join("/"));
      files.set(file, readFileSync(path.join(repoRoot, file), "utf8"));
    }
  }
  return files;
}

const listed = (problems: readonly string[]) => `${problems.length} found:\n  ${problems.join("\n  ")}`;

test("the checks report a deliberate import circle, an upward import and every forbidden import in a small made-up tree", () => {
  const files = new Map([
    // A circle: content/a → content/b → content/a; and content/b imports browse, which is above content.
    ["src/content/a.ts", 'import { b } from "./b.js";\nexport const a = 1;'],
    ["src/content/b.ts", 'import { a } from "./a.js";\nimport type { Index } from "../browse/index.js";\nexport const b = a;'],
    ["src/browse/index.ts", "export type Index = number;"],
    // Allowed: pages imports layouts, layouts imports pages' lower folders, the eleventy plugin imports Eleventy.
    ["src/pages/page.ts", 'import { layout } from "../../layouts/layout.js";'],
    ["layouts/layout.ts", 'import { a } from "../src/content/a.js";\nexport const layout = a;'],
    ["src/eleventy/plugin.ts", 'import type { UserConfig } from "@11ty/eleventy";\nimport "../pages/page.js";'],
    // Forbidden: render imports layouts; feeds imports Eleventy; search imports tests and (dynamically) scripts; scripts import tests.
    ["src/render/html.ts", 'import { layout } from "../../layouts/layout.js";\nimport Image from "@11ty/eleventy-img";'],
    ["src/feeds/feeds.ts", 'import type { UserConfig } from "@11ty/eleventy";'],
    ["src/search/worker.ts", 'import { help } from "../../tests/support/help.js";\nconst tool = await import("../../scripts/tool.js");\nimport "./shard.js";'],
    ["src/search/shard.ts", 'export const worker = new URL("./worker.ts", import.meta.url);\nexport const style = new URL("./style.css", import.meta.url);'],
    ["scripts/tool.ts", 'import { help } from "../tests/support/help.js";'],
    ["tests/support/help.ts", "export const help = 1;"],
  ]);
  const graph = importGraph(files);
  assert.deepEqual(importCircles(graph), ["src/content/a.ts → src/content/b.ts → src/content/a.ts", "src/search/shard.ts → src/search/worker.ts → src/search/shard.ts"]);
  assert.deepEqual(layeringViolations(graph), [
    "src/content/b.ts → src/browse/index.ts (content may not import browse)",
    "src/render/html.ts → layouts/layout.ts (render may not import pages)",
  ]);
  assert.deepEqual(layoutImportViolations(graph), ["src/render/html.ts → layouts/layout.ts"]);
  assert.deepEqual(eleventyImportViolations(graph), ["src/feeds/feeds.ts → @11ty/eleventy"]);
  assert.deepEqual(testAndScriptImportViolations(graph), [
    "scripts/tool.ts → tests/support/help.ts",
    "src/search/worker.ts → scripts/tool.ts",
    "src/search/worker.ts → tests/support/help.ts",
  ]);
  assert.deepEqual(layeringViolations(importGraph(new Map([["src/extra/x.ts", ""]]))), ["src/extra/x.ts: its folder «extra» has no place in the layering"]);
});

test("the checks find a circle that runs through several files and report it as a path back to its start", () => {
  const chain = new Map([
    ["src/browse/a.ts", 'export * from "./b.js";'],
    ["src/browse/b.ts", 'export { c } from "./c.js";'],
    ["src/browse/c.ts", 'import "./a.js";\nimport "./d.js";'],
    ["src/browse/d.ts", ""],
  ]);
  assert.deepEqual(importCircles(importGraph(chain)), ["src/browse/a.ts → src/browse/b.ts → src/browse/c.ts → src/browse/a.ts"]);
});

const tree = importGraph(readTree(["src", "layouts", "scripts"]), (file) => existsSync(path.join(repoRoot, file)));
const source = new Map([...tree].filter(([file]) => inSource(file)));

test("no file of src/ or layouts/ imports, through any chain of imports, itself", () => {
  const circles = importCircles(source);
  assert.deepEqual(circles, [], `import circles: ${listed(circles)}`);
});

test("every folder of src/ imports only from itself and from the folders below it in the layering", () => {
  const problems = layeringViolations(source);
  assert.deepEqual(problems, [], `imports against the layering: ${listed(problems)}`);
});

test("only src/pages/ imports from layouts/", () => {
  const problems = layoutImportViolations(source);
  assert.deepEqual(problems, [], `layouts/ imported outside src/pages/: ${listed(problems)}`);
});

test("only src/eleventy/ imports the @11ty/eleventy package", () => {
  const problems = eleventyImportViolations(source);
  assert.deepEqual(problems, [], `@11ty/eleventy imported elsewhere: ${listed(problems)}`);
});

test("src/ imports nothing from tests/ or scripts/, and scripts/ nothing from tests/", () => {
  const problems = testAndScriptImportViolations(tree);
  assert.deepEqual(problems, [], `imports of tests/ or scripts/: ${listed(problems)}`);
});
