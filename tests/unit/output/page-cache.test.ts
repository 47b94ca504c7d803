/**
 * Unit tests for src/output/page-writer.ts (batched writing, unchanged files left alone), src/output/page-cache.ts
 * and the code hashes that key the caches (src/output/code-version.ts).
 */
import { after, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { moduleCodeFiles, moduleCodeVersion, renderingCodeVersion } from "../../../src/output/code-version.js";
import { PageCache } from "../../../src/output/page-cache.js";
import { assetsVersion, WRITE_BATCH, writeGeneratedFiles } from "../../../src/output/page-writer.js";
import { OutputLedger } from "../../../src/output/publish.js";
import { temporaryDirectory } from "../../support/run.js";

const created: string[] = [];
after(async () => {
  await Promise.all(created.map((dir) => rm(dir, { recursive: true, force: true })));
});
const folder = async () => {
  const dir = await temporaryDirectory("akhbar-unit-page-cache-");
  created.push(dir);
  return dir;
};

describe("writeGeneratedFiles", () => {
  test("writes every file, in folders it makes, more than one batch of them", async () => {
    const dir = await folder();
    const ids = Array.from({ length: WRITE_BATCH + 3 }, (_, index) => index);
    const report = await writeGeneratedFiles(dir, ids, (id) => ({ path: `/News/${id}/index.html`, content: `page ${id}` }));
    assert.deepEqual(report, { written: WRITE_BATCH + 3, unchanged: 0, readdressed: 0 });
    assert.equal((await readdir(path.join(dir, "News"))).length, WRITE_BATCH + 3);
    assert.equal(await readFile(path.join(dir, "News", String(WRITE_BATCH + 2), "index.html"), "utf8"), `page ${WRITE_BATCH + 2}`);
  });

  test("a file whose bytes are already there is not written again; a changed one is", async () => {
    const dir = await folder();
    const render = (text: string) => ({ path: "/a/index.html", content: text });
    await writeGeneratedFiles(dir, ["one"], render);
    const file = path.join(dir, "a", "index.html");
    const old = new Date(2000, 0, 1);
    await utimes(file, old, old);
    assert.deepEqual(await writeGeneratedFiles(dir, ["one"], render), { written: 0, unchanged: 1, readdressed: 0 });
    assert.equal((await stat(file)).mtime.getTime(), old.getTime());
    assert.deepEqual(await writeGeneratedFiles(dir, ["two"], render), { written: 1, unchanged: 0, readdressed: 0 });
    assert.equal(await readFile(file, "utf8"), "two");
  });

  test("over a published site, a page whose version differs only in its assets is readdressed from the published page, not made", async () => {
    const published = await folder();
    const staging = await folder();
    await mkdir(path.join(published, "a"), { recursive: true });
    await writeFile(path.join(published, "a", "index.html"), `<link href="/assets/x.old.css">`);
    await writeFile(path.join(published, "b.html"), "old b");
    const ledger = new OutputLedger(new Map([["/a/index.html", assetsVersion("key-a", "old")], ["/b.html", assetsVersion("key-b", "old")], ["/c.html", assetsVersion("key-c", "new")]]), published);
    const made: string[] = [];
    const pages = [
      ["/a/index.html", assetsVersion("key-a", "new")], // only the assets changed
      ["/b.html", assetsVersion("key-b2", "new")], // the page changed
      ["/c.html", assetsVersion("key-c", "new")], // nothing changed
    ] as const;
    const report = await writeGeneratedFiles(
      staging,
      pages,
      ([file, version]) => ({ path: file, version, content: async () => (made.push(file), `made ${file}`) }),
      ledger,
      { readdress: (page) => page.replace(".old.", ".new.") },
    );
    assert.deepEqual(report, { written: 2, unchanged: 1, readdressed: 1 });
    assert.deepEqual(made, ["/b.html"]);
    assert.equal(await readFile(path.join(staging, "a", "index.html"), "utf8"), `<link href="/assets/x.new.css">`);
    assert.equal(await readFile(path.join(staging, "b.html"), "utf8"), "made /b.html");
  });

  test("renderers may be asynchronous", async () => {
    const dir = await folder();
    await writeGeneratedFiles(dir, [1, 2], async (n) => ({ path: `/${n}.txt`, content: String(n * 10) }));
    assert.deepEqual([await readFile(path.join(dir, "1.txt"), "utf8"), await readFile(path.join(dir, "2.txt"), "utf8")], ["10", "20"]);
  });
});

describe("PageCache", () => {
  test("keys differ by inputs and by code version, and are stable", () => {
    const a = new PageCache("unused", "code-1");
    const b = new PageCache("unused", "code-2");
    assert.equal(a.key("x"), a.key("x"));
    assert.notEqual(a.key("x"), a.key("y"));
    assert.notEqual(a.key("x"), b.key("x"));
  });

  test("a page is rendered once, then read back; unused entries are pruned", async () => {
    const dir = await folder();
    let renders = 0;
    const render = () => `<p>${++renders}</p>`;
    const first = new PageCache(dir, "code");
    assert.equal(await first.page(first.key("one"), render), "<p>1</p>");
    assert.equal(await first.page(first.key("two"), render), "<p>2</p>");
    assert.deepEqual(first.report, { reused: 0, rendered: 2, removed: 0 });

    const second = new PageCache(dir, "code");
    assert.equal(await second.page(second.key("one"), render), "<p>1</p>");
    assert.equal(renders, 2);
    await second.prune();
    assert.deepEqual(second.report, { reused: 1, rendered: 0, removed: 1 });
    assert.deepEqual(await readdir(dir), [`${second.key("one")}.html`]);
  });

  test("a cache that does not store (a production build) reads what is there and writes nothing", async () => {
    const dir = await folder();
    const dev = new PageCache(dir, "code");
    await dev.page(dev.key("kept"), () => "from the dev server");
    const production = new PageCache(dir, "code", false);
    assert.equal(await production.page(production.key("kept"), () => "rendered"), "from the dev server");
    assert.equal(await production.page(production.key("new"), () => "rendered"), "rendered");
    assert.deepEqual(production.report, { reused: 1, rendered: 1, removed: 0 });
    assert.deepEqual(await readdir(dir), [`${dev.key("kept")}.html`]);
  });

  test("another code version renders again", async () => {
    const dir = await folder();
    await new PageCache(dir, "v1").page(new PageCache(dir, "v1").key("same"), () => "old");
    const upgraded = new PageCache(dir, "v2");
    assert.equal(await upgraded.page(upgraded.key("same"), () => "new"), "new");
    await writeFile(path.join(dir, "stray.html"), "");
    await upgraded.prune();
    assert.deepEqual(await readdir(dir), [`${upgraded.key("same")}.html`]);
  });
});

test("moduleCodeVersion: the files a module imports count, others do not", async () => {
  const root = await mkdtemp(path.join(tmpdir(), "akhbar-module-code-"));
  try {
    await mkdir(path.join(root, "src"));
    await writeFile(path.join(root, "src", "entry.ts"), `import { part } from "./part.js";\nexport const value = part + 1;\n`);
    await writeFile(path.join(root, "src", "part.ts"), `export const part = 1;\n`);
    await writeFile(path.join(root, "src", "layout.ts"), `export const layout = "<p>";\n`);
    const entry = path.join(root, "src", "entry.ts");
    const first = moduleCodeVersion(entry, root);
    await writeFile(path.join(root, "src", "layout.ts"), `export const layout = "<div>";\n`);
    assert.equal(moduleCodeVersion(entry, root), first, "a module the entry does not import");
    await mkdir(path.join(root, "layouts"));
    await rename(path.join(root, "src", "layout.ts"), path.join(root, "layouts", "layout.ts"));
    assert.equal(moduleCodeVersion(entry, root), first, "a module the entry does not import, moved");
    await writeFile(path.join(root, "src", "part.ts"), `export const part = 2;\n`);
    const second = moduleCodeVersion(entry, root);
    assert.notEqual(second, first, "a module the entry imports");
    await mkdir(path.join(root, "src", "data"));
    await writeFile(path.join(root, "src", "data", "counties.json"), "[]");
    assert.notEqual(moduleCodeVersion(entry, root), second, "a data file, read rather than imported");
  } finally {
    await rm(root, { recursive: true, force: true });
  }
});

test("the search shards' code is the indexing code, not the archive loader's (a change to how the archive is read re-indexes nothing)", () => {
  const files = moduleCodeFiles("src/search/shard-index.ts");
  for (const indexing of ["src/search/shard-index.ts", "src/search/document.ts", "src/search/text.ts", "src/persian/letters.ts", "src/persian/words.ts", "src/persian/slug.ts", "src/render/markdown.ts", "src/content/release-source.ts"]) {
    assert.ok(files.includes(indexing), `${indexing} makes the documents: it must key the shards`);
  }
  for (const loading of ["src/content/load.ts", "src/content/archive-cache.ts", "src/content/schema.ts", "src/content/embargo.ts"]) {
    assert.ok(!files.includes(loading), `${loading} reads the archive: it must not key the shards`);
  }
  for (const rendering of ["src/output/page-cache.ts", "src/output/publish.ts"]) {
    assert.ok(!files.includes(rendering), `${rendering} keeps or publishes pages: a change to it must not re-index the archive`);
  }
});

test("the code's hashes do not depend on where it is checked out (a cache restored on another runner is used)", async () => {
  const roots = [await mkdtemp(path.join(tmpdir(), "akhbar-checkout-a-")), await mkdtemp(path.join(tmpdir(), "akhbar-checkout-b-"))];
  try {
    for (const root of roots) {
      await mkdir(path.join(root, "src", "data"), { recursive: true });
      await writeFile(path.join(root, "src", "entry.ts"), `import { part } from "./part.js";\nexport const value = part + 1;\n`);
      await writeFile(path.join(root, "src", "part.ts"), `export const part = 1;\n`);
      await writeFile(path.join(root, "src", "data", "counties.json"), "[]");
      await writeFile(path.join(root, "package-lock.json"), "{}");
    }
    const [a, b] = roots as [string, string];
    assert.equal(moduleCodeVersion(path.join(b, "src", "entry.ts"), b), moduleCodeVersion(path.join(a, "src", "entry.ts"), a));
    assert.equal(renderingCodeVersion(b), renderingCodeVersion(a));
    // And the hash still follows the code: a third checkout with one file changed differs.
    const c = await mkdtemp(path.join(tmpdir(), "akhbar-checkout-c-"));
    roots.push(c);
    await mkdir(path.join(c, "src", "data"), { recursive: true });
    await writeFile(path.join(c, "src", "entry.ts"), `import { part } from "./part.js";\nexport const value = part + 1;\n`);
    await writeFile(path.join(c, "src", "part.ts"), `export const part = 2;\n`);
    await writeFile(path.join(c, "src", "data", "counties.json"), "[]");
    await writeFile(path.join(c, "package-lock.json"), "{}");
    assert.notEqual(renderingCodeVersion(c), renderingCodeVersion(a));
    // A stylesheet of src/assets/ is not rendering code (pages name it by its fingerprinted address,
    // in their keys): a checkout that differs only there has the same hash; a script there differs.
    // Nor is the benchmark's code (src/bench/).
    for (const [name, same] of [["assets/site.css", true], ["assets/release-client.ts", false], ["bench/corpus.ts", true]] as const) {
      const d = await mkdtemp(path.join(tmpdir(), "akhbar-checkout-d-"));
      roots.push(d);
      await mkdir(path.join(d, "src", "data"), { recursive: true });
      await mkdir(path.join(d, "src", path.dirname(name)), { recursive: true });
      await writeFile(path.join(d, "src", "entry.ts"), `import { part } from "./part.js";\nexport const value = part + 1;\n`);
      await writeFile(path.join(d, "src", "part.ts"), `export const part = 1;\n`);
      await writeFile(path.join(d, "src", "data", "counties.json"), "[]");
      await writeFile(path.join(d, "package-lock.json"), "{}");
      await writeFile(path.join(d, "src", name), "/* restyled */\n");
      assert.equal(renderingCodeVersion(d) === renderingCodeVersion(a), same, name);
    }
  } finally {
    await Promise.all(roots.map((root) => rm(root, { recursive: true, force: true })));
  }
});
