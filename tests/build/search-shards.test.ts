/**
 * The search index in shards, over a small generated archive spanning fifteen Jalali
 * years (`npm run generate`, with the sample releases' words: no dictionary needed):
 * - the build: one complete Pagefind bundle per shard; the shard cache (a build from the cache
 *   writes the bytes of the build that filled it, and a clean build the same bytes too;
 *   a changed release re-indexes its shard only, as the report returned by `buildSearchShards`
 *   says, and leaves every other shard's bytes as they were);
 * - with a cap of 2 releases (`searchShards(index, cap)`, the seam for tests: the production cap
 *   of 750 would need an archive of thousands), several shards in one year: their folders,
 *   the year filter in each, and a release added to the newest half-month re-indexing that
 *   year's last shard only;
 * - the search page in Chromium, on the site built with that cap (its search directory made
 *   again for those shards): every result («more» pressed to the end) is the set one Pagefind
 *   index over the same documents gives, «newest first» is the same order, a year filter finds
 *   every release of its year across its shards, and the status counts them all at once.
 * Without Chromium the browser part is skipped locally and fails on CI (tests/support/chromium.ts).
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { appendFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import * as cheerio from "cheerio";
import type { Browser } from "playwright-core";
import { indexArchive } from "../../src/browse/archive-index.js";
import { jalaliParts } from "../../src/persian/dates.js";
import { fillString, interfaceStrings } from "../../src/render/i18n.js";
import { loadArchive } from "../../src/content/load.js";
import type { Release } from "../../src/content/release.js";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { createMarkdown } from "../../src/render/markdown.js";
import { readPagefindFile } from "../../src/search/pagefind-bundle.js";
import { formatPersianNumber } from "../../src/persian/letters.js";
import { normalizeQuery } from "../../src/persian/words.js";
import { ShardCache } from "../../src/search/shard-cache.js";
import { markdownBlocks } from "../../src/search/document.js";
import { searchShards, shardListing, type SearchShard } from "../../src/search/shards.js";
import { buildSearchDirectory } from "../../src/search/directory-build.js";
import { readShardPostings } from "../../src/search/shard-postings.js";
import { archiveLexicon, buildSearchShards, stopSearchIndexer } from "../../src/search/search-index.js";
import { indexDocuments, shardDocuments, writeBundle } from "../../src/search/shard-index.js";
import { IndexTextEncoder } from "../../src/search/text.js";
import { launchChromium } from "../../src/bench/chromium.js";
import { skipWithoutChromium, withPage } from "../support/chromium.js";
import { hashTree, listFiles } from "../support/html.js";
import { everyResult, releaseIdOf, searchThroughPage, waitForSearch } from "../../src/bench/search-quality.js";
import { serveStatic } from "../../src/bench/static-server.js";
import { runBuild, runNode, temporaryDirectory } from "../support/run.js";

/** The cap that cuts the generated archive's years (~5 releases each) into several shards. */
const SMALL_CAP = 2;

let folder = "";
let corpus = "";

async function shardsOf(content: string, cap?: number): Promise<SearchShard[]> {
  const archive = await loadArchive(content, { includeDrafts: false });
  return searchShards(indexArchive(archive.releases), cap);
}

before(async () => {
  // The cases below depend on the archive's dates, which come from the count and the seed alone (src/bench/corpus.ts);
  // the sample releases' words, taken even where a dictionary is installed, make the same files on every machine.
  folder = await temporaryDirectory("akhbar-shards-");
  corpus = path.join(folder, "corpus");
  const generated = await runNode(["scripts/generate-corpus.ts", "--count", "85", "--sample-words", "--output", corpus]);
  assert.equal(generated.code, 0, generated.log);
});

after(async () => {
  await stopSearchIndexer();
  await rm(folder, { recursive: true, force: true });
});

/** Path → hash of every file of the shards' bundles. */
async function bundleHashes(site: string): Promise<Map<string, string>> {
  return hashTree(path.join(site, "pagefind"));
}

function shardsChanged(before: Map<string, string>, after: Map<string, string>): string[] {
  const files = new Set([...before.keys(), ...after.keys()]);
  return [...new Set([...files].filter((file) => before.get(file) !== after.get(file)).map((file) => file.split("/")[0]!))].sort();
}

describe("the shards and their cache", () => {
  test("one complete bundle per shard (a year each, at this size); from the cache the same bytes; a changed release re-indexes its shard only", async () => {
    const shards = await shardsOf(corpus);
    assert.ok(shards.length >= 10, `the generated archive spans ${shards.length} years`);
    assert.equal(new Set(shards.map((shard) => shard.year)).size, shards.length, "a small year is one shard");
    const cache = new ShardCache(path.join(folder, "cache"), "test-version");

    const first = await buildSearchShards(path.join(folder, "first"), shards, { cache });
    assert.deepEqual(
      first.shards,
      shards.map((shard) => ({ id: shard.id, year: shard.year, pages: shard.releases.length, indexed: true })),
    );
    for (const shard of shards) {
      const entry = JSON.parse(await readFile(path.join(folder, "first", "pagefind", shard.id, "pagefind-entry.json"), "utf8")) as {
        languages: Record<string, { page_count: number }>;
      };
      const english = shard.releases.filter((release) => release.lang === "en").length;
      assert.deepEqual(
        Object.fromEntries(Object.entries(entry.languages).map(([lang, info]) => [lang, info.page_count])),
        english > 0 ? { fa: shard.releases.length, en: english } : { fa: shard.releases.length },
        `shard ${shard.id}`,
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
    // Pagefind's hash-map order is put right by src/search/pagefind-bundle.ts: a clean build is byte-identical.
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
      again.shards.filter((shard) => shard.indexed).map((shard) => shard.id),
      [changedShard.id],
    );
    assert.deepEqual(shardsChanged(firstHashes, await bundleHashes(path.join(folder, "changed"))), [changedShard.id]);
  });

  test("a compound learnt from one release re-indexes the shards that write it spaced, and no other; the same bytes as a clean build", async () => {
    const content = path.join(folder, "lexicon-corpus");
    await runNode(["-e", `require("node:fs").cpSync(${JSON.stringify(corpus)}, ${JSON.stringify(content)}, { recursive: true })`]);
    let shards = await shardsOf(content);
    const [writer, spacer] = [shards[1]!, shards[shards.length - 2]!];
    const cache = new ShardCache(path.join(folder, "lexicon-cache"), "test-version");
    const directoryCache = path.join(folder, "lexicon-directory-cache");
    const build = async (name: string) => {
      const current = await shardsOf(content);
      const report = await buildSearchShards(path.join(folder, name), current, { cache, directoryCache });
      return report.shards.filter((shard) => shard.indexed).map((shard) => shard.id);
    };
    assert.equal((await build("lexicon-first")).length, shards.length);
    // One release writes the words spaced: only its shard changes.
    await appendFile(spacer.releases[0]!.inputPath, "\nگزارش واژه نوساخت استان.\n");
    assert.deepEqual(await build("lexicon-spaced"), [spacer.id]);
    // Another shard's release writes them as a compound: its shard, and the one that writes them spaced.
    await appendFile(writer.releases[0]!.inputPath, "\nدو بار واژه‌نوساخت و واژه‌نوساخت.\n");
    assert.deepEqual((await build("lexicon-learnt")).sort(), [writer.id, spacer.id].sort());
    // Nothing changed: nothing indexed.
    assert.deepEqual(await build("lexicon-again"), []);
    shards = await shardsOf(content);
    const clean = path.join(folder, "lexicon-clean");
    await buildSearchShards(clean, shards);
    assert.deepEqual(await bundleHashes(path.join(folder, "lexicon-learnt")), await bundleHashes(clean));
  });

  test("with a small cap: several shards in a year, named after their first half-months; the year filter in each; a release added to the newest half-month re-indexes that year's last shard only", async () => {
    const shards = await shardsOf(corpus, SMALL_CAP);
    const newestYear = shards[0]!.year;
    const ofNewestYear = shards.filter((shard) => shard.year === newestYear);
    assert.ok(ofNewestYear.length >= 2, `the newest year has ${ofNewestYear.length} shards`);
    const cache = new ShardCache(path.join(folder, "small-cache"), "test-version");
    const site = path.join(folder, "small");
    const first = await buildSearchShards(site, shards, { cache });
    assert.ok(first.shards.every((shard) => shard.indexed));

    // The folders: one per shard, `<year>-<first month>` or `<year>-<first month>-16`, each a whole bundle.
    assert.deepEqual((await readdir(path.join(site, "pagefind"))).sort(), shards.map((shard) => shard.id).sort());
    for (const shard of shards) {
      // Each release's half-month, as a number that orders them: month·100 + 1 or 16.
      const halves = shard.releases.map((release) => {
        const { month, day } = jalaliParts(release.date);
        return month * 100 + (day >= 16 ? 16 : 1);
      });
      const first = Math.min(...halves);
      const firstMonth = String(Math.floor(first / 100)).padStart(2, "0");
      assert.equal(shard.id, first % 100 === 1 ? `${shard.year}-${firstMonth}` : `${shard.year}-${firstMonth}-16`);
      assert.ok(shard.releases.length <= SMALL_CAP || new Set(halves).size === 1, `${shard.id} passes the cap with more than one half-month`);
      // Every page of the shard carries its year in the year filter (src/search/document.ts).
      const filterFiles = (await listFiles(path.join(site, "pagefind", shard.id))).filter((file) => /^filter\/fa_.+\.pf_filter$/.test(file));
      const filters = await Promise.all(filterFiles.map(async (file) => readPagefindFile(await readFile(path.join(site, "pagefind", shard.id, file))) as [string, Array<[string, number[]]>]));
      const year = filters.find(([name]) => name === "year");
      assert.deepEqual(
        year?.[1],
        [[String(shard.year), shard.releases.map((_, position) => position)]],
        `the year filter of ${shard.id}`,
      );
    }

    // Releases added to the newest half-month, one build each (copies of the newest release under new news codes).
    const contents = (list: readonly SearchShard[]) => new Set(list.map((shard) => `${shard.id}:${shard.releases.map((release) => release.id).join(",")}`));
    const newest = shards[0]!.releases[0]!;
    let code = Math.max(...shards.flatMap((shard) => shard.releases.map((release) => release.id)));
    let previous = shards;
    const reindexed: string[][] = [];
    for (let addition = 0; addition < 2; addition++) {
      code++;
      const text = (await readFile(newest.inputPath, "utf8")).replace(/^id: \d+$/m, `id: ${code}`).replace(/\/News\/\d+\//, `/News/${code}/`);
      await writeFile(path.join(path.dirname(newest.inputPath), `${code}.md`), text);
      const grown = await shardsOf(corpus, SMALL_CAP);
      assert.ok(grown[0]!.releases.some((release) => release.id === code), "the new release is in the newest shard");
      const before = await bundleHashes(site);
      const again = await buildSearchShards(site, grown, { cache, prune: true });
      // The shards whose releases changed: the newest half-month's, which takes the release, or (when
      // it no longer fits with the half-months before it) that one cut in two. Always the newest year's last
      // one or two; every other shard comes from the cache with its bytes.
      const old = contents(previous);
      const changed = grown.filter((shard) => !old.has([...contents([shard])][0]!)).map((shard) => shard.id);
      assert.deepEqual(changed, grown.slice(0, changed.length).map((shard) => shard.id), "only the newest year's last shards change");
      assert.ok(grown.slice(0, changed.length).every((shard) => shard.year === newestYear));
      assert.deepEqual(
        again.shards.filter((shard) => shard.indexed).map((shard) => shard.id),
        changed,
      );
      assert.deepEqual(shardsChanged(before, await bundleHashes(site)), [...new Set([...changed, previous[0]!.id])].sort());
      reindexed.push(changed);
      previous = grown;
    }
    // In the generated archive the newest shard is full (two half-months of one release each): the
    // first release cuts it in two (its older half-month keeps the id, the newest starts a shard);
    // the second goes to the newest half-month's shard, which alone is indexed again.
    assert.deepEqual(
      reindexed.map((changed) => changed.length),
      [2, 1],
    );
  });
});

/** The single index the shards replace: one Pagefind index over every shard's documents. */
async function writeSingleIndex(site: string, shards: readonly SearchShard[]): Promise<void> {
  const parser = createMarkdown();
  const blocksOf = async (release: Release) => markdownBlocks(parseFrontMatter(await readFile(release.inputPath, "utf8")).body, parser);
  const documents = [];
  for (const shard of shards) {
    const releases = await Promise.all(shard.releases.map(async (release) => ({ release, blocks: await blocksOf(release) })));
    documents.push(...shardDocuments(releases, new IndexTextEncoder(archiveLexicon(shards))));
  }
  await writeBundle(path.join(site, "pagefind-single"), await indexDocuments(documents));
}

/**
 * The built site with its search index cut by `cap`: the shards written again, their directory
 * made again from them, and the search pages told about them (the build itself uses the
 * production cap, which a small archive never reaches).
 */
async function reshard(site: string, cap: number): Promise<SearchShard[]> {
  const shards = await shardsOf(corpus, cap);
  await buildSearchShards(site, shards);
  await buildSearchDirectory(
    site,
    shards.map((shard) => ({
      id: shard.id,
      // Any key that names the bundle's content: its releases.
      key: createHash("sha1").update(`${shard.id}:${shard.releases.map((release) => release.id).join(",")}`).digest("hex"),
      postings: () => readShardPostings(path.join(site, "pagefind", shard.id)),
    })),
    { cacheDir: path.join(folder, `directory-cache-${cap}`) },
  );
  for (const [page, lang] of [["search/index.html", "fa"], ["en/search/index.html", "en"]] as const) {
    const file = path.join(site, page);
    const $ = cheerio.load(await readFile(file, "utf8"));
    $("form[data-search-form]").attr("data-shards", JSON.stringify(shardListing(shards, lang)));
    await writeFile(file, $.html());
  }
  return shards;
}

test("in Chromium, every shard searched gives the single index's results, with several shards in a year", { skip: skipWithoutChromium, timeout: 600_000 }, async (t) => {
  const site = path.join(folder, "site");
  const build = await runBuild(corpus, site);
  assert.equal(build.code, 0, `the build failed:\n${build.log}`);
  const shards = await reshard(site, SMALL_CAP);
  assert.ok(shards.length > 2 * new Set(shards.map((shard) => shard.year)).size, `${shards.length} shards`);
  await writeSingleIndex(site, shards);
  // A year of three shards or more (the second newest year: a whole one).
  const filteredYear = [...new Set(shards.map((shard) => shard.year))].find((year) => year !== shards[0]!.year && shards.filter((shard) => shard.year === year).length >= 3)!;
  assert.ok(filteredYear, "no year has three shards");
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

    const rows: Array<{ name: string; query: string; address?: string; filters?: Record<string, string>; byDate: boolean; atLeast?: number }> = [
      { name: "a word in half the releases", query: "نشست", byDate: true },
      { name: "a word in a third of them, newest first (the default)", query: "شهرداری", byDate: true },
      { name: "a word in half the releases, by relevance", query: "نشست", address: "sort=relevance", byDate: false },
      { name: "a compound written with a space", query: "روابط عمومی", byDate: true },
      { name: "a compound written with a half-space", query: "روابط‌عمومی", byDate: true },
      { name: "two words", query: "مدیریت بحران", byDate: true },
      { name: "a tag without words: newest first", query: "", address: "tag=نشست", filters: { tag: "نشست" }, byDate: true },
      // A year filter loads and searches every shard of that year, and only those.
      { name: "a year filter, across the year's shards", query: "", address: `year=${filteredYear}`, filters: { year: String(filteredYear) }, byDate: true, atLeast: 3 },
      { name: "a word and a year filter", query: "شهرداری", address: `year=${filteredYear}`, filters: { year: String(filteredYear) }, byDate: true, atLeast: 1 },
    ];
    for (const row of rows) {
      await t.test(row.name, async () => {
        const expected = await single(row.query, row.filters ?? {}, row.byDate);
        // Enough results over enough shards that the search page had to go into older ones.
        assert.ok(expected.length >= (row.atLeast ?? 11), `the single index finds ${expected.length} releases for «${row.query}»`);
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

    await t.test("the status counts every shard's results at once, and the first page loads only the fragments it shows", async () => {
      const query = "شهرداری";
      const expected = await single(query, {}, true);
      const shardOf = new Map(shards.flatMap((shard) => shard.releases.map((release) => [release.id, shard.id] as const)));
      const strings = interfaceStrings("fa");
      await withPage(open, async (page) => {
        const fragments: string[] = [];
        const pagefind: string[] = [];
        page.on("request", (request) => {
          const match = /\/pagefind\/([^/]+)\/(.+)$/.exec(new URL(request.url()).pathname);
          if (!match || match[1] === "directory") return;
          (match[2]!.startsWith("fragment/") ? fragments : pagefind).push(`${match[1]}/${match[2]}`);
        });
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
        await waitForSearch(page);
        assert.equal(await page.locator("#search-status").textContent(), fillString(strings.searchFound, { count: formatPersianNumber(expected.length), query }));
        assert.equal(await page.locator(".search-result").count(), 10);
        assert.equal(fragments.length, 10, "one fragment a result shown");
        assert.deepEqual([...new Set(fragments.map((file) => file.split("/")[0]!))].sort(), [...new Set(expected.slice(0, 10).map((id) => shardOf.get(id)!))].sort());
        assert.deepEqual(pagefind, [], "newest first needs nothing of Pagefind's own");
      });
    });
  } finally {
    await browser?.close();
    await server.close();
  }
});
