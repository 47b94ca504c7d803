/**
 * The search index in year shards, over a small generated archive spanning fifteen Jalali
 * years (`npm run generate`):
 * - the build: one complete Pagefind bundle per year; the shard cache (a build from the cache
 *   writes the bytes of the build that filled it, and a clean build the same bytes too;
 *   a changed release re-indexes its year only, as the
 *   report returned by `buildSearchShards` says, and leaves every other year's bytes as they were);
 * - the search page in Chromium: with every year searched («search older years» pressed until
 *   none is left), the results are the set one Pagefind index over the same documents gives,
 *   and «newest first» is the same order.
 * Without Chromium the browser part is skipped locally and fails on CI (tests/chromium.ts).
 */
import assert from "node:assert/strict";
import { appendFile, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import type { Browser } from "playwright-core";
import { indexArchive } from "../src/collections.js";
import { loadArchive, type Release } from "../src/content.js";
import { parseFrontMatter } from "../src/frontmatter.js";
import { createMarkdown } from "../src/markdown.js";
import { normalizeQuery } from "../src/persian.js";
import { ShardCache } from "../src/search-cache.js";
import { markdownBlocks } from "../src/search-document.js";
import { searchShards, type SearchShard } from "../src/search-shards.js";
import { buildSearchShards, indexDocuments, shardDocuments, stopSearchIndexer, writeBundle } from "../src/search.js";
import { launchChromium, skipWithoutChromium, withPage } from "./chromium.js";
import { hashTree } from "./html.js";
import { everyResult, releaseIdOf, searchThroughPage } from "./search-quality.js";
import { serveStatic } from "./static-server.js";
import { runBuild, runNode, temporaryDirectory } from "./support.js";

let folder = "";
let corpus = "";

async function shardsOf(content: string): Promise<SearchShard[]> {
  const archive = await loadArchive(content, { includeDrafts: false });
  return searchShards(indexArchive(archive.releases));
}

before(async () => {
  folder = await temporaryDirectory("akhbar-shards-");
  corpus = path.join(folder, "corpus");
  const generated = await runNode(["scripts/generate-corpus.ts", "--count", "80", "--output", corpus]);
  assert.equal(generated.code, 0, generated.log);
});

after(async () => {
  await stopSearchIndexer();
  await rm(folder, { recursive: true, force: true });
});

/** Path → hash of every file of the years' bundles, by year. */
async function bundleHashes(site: string): Promise<Map<string, string>> {
  return hashTree(path.join(site, "pagefind"));
}

function yearsChanged(before: Map<string, string>, after: Map<string, string>): string[] {
  const files = new Set([...before.keys(), ...after.keys()]);
  return [...new Set([...files].filter((file) => before.get(file) !== after.get(file)).map((file) => file.split("/")[0]!))].sort();
}

describe("the shards and their cache", () => {
  test("one complete bundle per Jalali year; from the cache the same bytes; a changed release re-indexes its year only", async () => {
    const shards = await shardsOf(corpus);
    assert.ok(shards.length >= 10, `the generated archive spans ${shards.length} years`);
    const cache = new ShardCache(path.join(folder, "cache"), "test-version");

    const first = await buildSearchShards(path.join(folder, "first"), shards, { cache });
    assert.deepEqual(
      first.shards,
      shards.map((shard) => ({ year: shard.year, pages: shard.releases.length, indexed: true })),
    );
    for (const shard of shards) {
      const entry = JSON.parse(await readFile(path.join(folder, "first", "pagefind", String(shard.year), "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      const english = shard.releases.filter((release) => release.lang === "en").length;
      assert.deepEqual(
        Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count])),
        english > 0 ? { fa: shard.releases.length, en: english } : { fa: shard.releases.length },
        `year ${shard.year}`,
      );
    }

    const cached = await buildSearchShards(path.join(folder, "cached"), shards, { cache });
    assert.deepEqual(
      cached.shards.map((shard) => shard.indexed),
      shards.map(() => false),
    );
    const clean = await buildSearchShards(path.join(folder, "clean"), shards);
    const firstHashes = await bundleHashes(path.join(folder, "first"));
    assert.deepEqual(await bundleHashes(path.join(folder, "cached")), firstHashes, "a build from the cache differs from the first");
    // Pagefind's hash-map order is put right by src/pagefind-bundle.ts: a clean build is byte-identical.
    assert.deepEqual(await bundleHashes(path.join(folder, "clean")), firstHashes, "a clean build differs from one from the cache");
    assert.deepEqual(
      clean.shards.map((shard) => shard.indexed),
      shards.map(() => true),
    );

    // An editor adds a sentence (with a new compound) to one release of a middle year.
    const changedShard = shards[Math.floor(shards.length / 2)]!;
    await appendFile(changedShard.releases[0]!.inputPath, "\nجملهٔ تازه دربارهٔ آب‌رسانی روستاها.\n");
    const changed = await shardsOf(corpus);
    const again = await buildSearchShards(path.join(folder, "changed"), changed, { cache, prune: true });
    assert.deepEqual(
      again.shards.filter((shard) => shard.indexed).map((shard) => shard.year),
      [changedShard.year],
    );
    assert.deepEqual(yearsChanged(firstHashes, await bundleHashes(path.join(folder, "changed"))), [String(changedShard.year)]);
  });
});

/** The single index the shards replace: one Pagefind index over every shard's documents. */
async function writeSingleIndex(site: string, shards: readonly SearchShard[]): Promise<void> {
  const parser = createMarkdown();
  const blocksOf = async (release: Release) => markdownBlocks(parseFrontMatter(await readFile(release.inputPath, "utf8")).body, parser);
  const documents = [];
  for (const shard of shards) {
    const releases = await Promise.all(shard.releases.map(async (release) => ({ release, blocks: await blocksOf(release) })));
    documents.push(...shardDocuments(releases));
  }
  await writeBundle(path.join(site, "pagefind-single"), await indexDocuments(documents));
}

test("in Chromium, every year searched gives the single index's results", { skip: skipWithoutChromium, timeout: 600_000 }, async (t) => {
  const site = path.join(folder, "site");
  const build = await runBuild(corpus, site);
  assert.equal(build.code, 0, `the build failed:\n${build.log}`);
  await writeSingleIndex(site, await shardsOf(corpus));
  const server = await serveStatic(site);
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const open = browser;

    /** The single index's answer, as release ids, in its order. */
    const single = async (query: string, filters: Record<string, string>, byDate: boolean): Promise<number[]> => {
      let urls: string[] = [];
      await withPage(open, async (page) => {
        await page.goto(`${server.url}/search/`);
        urls = await page.evaluate(
          async ({ term, filters, byDate }) => {
            const bundle = "/pagefind-single/pagefind.js";
            const pagefind = await import(bundle);
            await pagefind.init();
            const response = await pagefind.search(term, { filters, ...(byDate ? { sort: { date: "desc" } } : {}) });
            const data = await Promise.all(response.results.map((result: { data(): Promise<{ url: string }> }) => result.data()));
            return data.map((item) => item.url);
          },
          { term: query === "" ? null : normalizeQuery(query), filters, byDate },
        );
      });
      return urls.map(releaseIdOf);
    };

    const rows: Array<{ name: string; query: string; address?: string; filters?: Record<string, string>; byDate: boolean }> = [
      { name: "a word in half the releases", query: "نشست", byDate: false },
      { name: "a word in a third of them, newest first", query: "شهرداری", address: "sort=date", byDate: true },
      { name: "a compound written with a space", query: "روابط عمومی", byDate: false },
      { name: "a compound written with a half-space", query: "روابط‌عمومی", byDate: false },
      { name: "two words", query: "مدیریت بحران", byDate: false },
      { name: "a tag without words: newest first", query: "", address: "tag=نشست", filters: { tag: "نشست" }, byDate: true },
    ];
    for (const row of rows) {
      await t.test(row.name, async () => {
        const expected = await single(row.query, row.filters ?? {}, row.byDate);
        // Enough results over enough years that the search page had to go into older years.
        assert.ok(expected.length > 10, `the single index finds ${expected.length} releases for «${row.query}»`);
        let found: number[] = [];
        await withPage(open, async (page) => {
          if (row.address === undefined) {
            found = await searchThroughPage(page, server.url, row.query);
            return;
          }
          const params = new URLSearchParams(row.address);
          if (row.query !== "") params.set("q", row.query);
          await page.goto(`${server.url}/search/?${params}`);
          found = await everyResult(page);
        });
        if (row.byDate) assert.deepEqual(found, expected);
        else assert.deepEqual([...found].sort(), [...expected].sort());
      });
    }
  } finally {
    await browser?.close();
    await server.close();
  }
});
