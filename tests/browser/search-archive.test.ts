/**
 * The search page searches the whole archive (issue 22), in Chromium, over an archive written
 * here: releases over thirteen Jalali years, one shard each, of plain words drawn from a small
 * vocabulary (no half-spaces, no compounds, no letters with other spellings), so that which
 * releases hold a word is plain from their Markdown. What the page finds and counts is checked
 * against that, computed here from the files through the same folding as the index
 * (`normalizeQuery`, `foldForSearch`): a release holds a query word when one of its words,
 * folded, starts with it (Pagefind matches a word at its start).
 *
 * - a word only the oldest year has is found from a plain address, all of it, nothing pressed;
 * - the status's count is the archive's, for words, two words, filters and a year;
 * - a word the archive lacks loads no shard's index at all (the directory says so first);
 * - a county filter, with a year and with a word, across years;
 * - a common word: ten results newest first, loading only the shards those ten need, and «more»
 *   loading the next ones;
 * - `sort=relevance` loads every shard that holds the word and orders by score over all years.
 * Without Chromium the test is skipped locally and fails on CI (tests/support/chromium.ts).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "../../src/bench/chromium.js";
import { randomSource, type Random } from "../../src/bench/corpus.js";
import { everyResult, releaseIdOf, waitForSearch } from "../../src/bench/search-quality.js";
import { serveStatic, type StaticServer } from "../../src/bench/static-server.js";
import { parseFrontMatter } from "../../src/content/front-matter.js";
import { foldForSearch, formatPersianNumber, toPersianDigits } from "../../src/persian/letters.js";
import { slugify } from "../../src/persian/slug.js";
import { normalizeQuery } from "../../src/persian/words.js";
import { fillString, interfaceStrings } from "../../src/render/i18n.js";
import { DIRECTORY_PATH, DIRECTORY_ROOT, fileForTerm, readSplit, type DirectoryRoot } from "../../src/search/directory.js";
import type { ShardListing } from "../../src/search/shards.js";
import { skipWithoutChromium, withPage } from "../support/chromium.js";
import { runBuild, temporaryDirectory } from "../support/run.js";

const YEARS = Array.from({ length: 13 }, (_, index) => 1390 + index);
const PER_YEAR = 8;
/** Plain words: none starts with ژ, none has a half-space, آ, ئ, ة or an Arabic letter form. */
const VOCABULARY = ["نشست", "برنامه", "شهر", "روستا", "جاده", "کشاورز", "گندم", "باران", "مدرسه", "کتاب", "درخت", "پارک", "پزشک", "دانشجو", "ورزش", "کارخانه", "صنعت", "تولید", "بازار", "قیمت", "نان", "سفر", "موزه", "کوه", "دریا", "پرنده", "گل", "جنگل", "رود", "پل"];
/** In about two releases of three. */
const COMMON = "گزارش";
/** In three releases of the oldest year, and nowhere else. */
const RARE = "قلمدان";
/** Once in a release of most years; in the title and four times in one short release of the oldest. */
const RANKED = "کاشی";
/** Absent: no key starts with its first letter (its group's file does not exist: a 404, which means absent). */
const ABSENT_NO_FILE = "ژرفا";
/** Absent: its first letter's group exists, and holds no key that starts with it. */
const ABSENT_IN_GROUP = "گزاف";
const COUNTIES = ["شمیرانات", "ملارد", "ورامین", "پردیس"];
const TAGS = ["کشاورزی", "فرهنگ", "عمران"];
const PAGE_SIZE = 10;
const STRINGS = interfaceStrings("fa");

interface SourceRelease {
  id: number;
  /** As written, `1395/03/05 09:00`: text order is time order. */
  date: string;
  year: number;
  county: string;
  /** Title and body: what the index's text is made of. */
  text: string;
}

const pick = <T>(items: readonly T[], random: Random): T => items[Math.floor(random() * items.length)]!;
const words = (count: number, random: Random) => Array.from({ length: count }, () => pick(VOCABULARY, random));

/** The archive's Markdown files: relative path → text. */
function archiveFiles(): Record<string, string> {
  const random = randomSource(22);
  const files: Record<string, string> = {};
  let id = 700_000;
  for (const year of YEARS) {
    for (let position = 0; position < PER_YEAR; position++) {
      id++;
      const oldest = year === YEARS[0];
      const heavy = oldest && position === 2;
      const title = heavy ? [RANKED, ...words(2, random)] : words(3, random);
      let body = heavy ? [...words(2, random), RANKED, RANKED, RANKED, RANKED] : words(10, random);
      if (!heavy && random() < 0.7) body.splice(Math.floor(random() * body.length), 0, COMMON);
      if (oldest && position % 3 === 0) body.splice(4, 0, RARE);
      if (!heavy && position === 5 && year % 4 !== 1) body = [...body.slice(0, 6), RANKED, ...body.slice(6)];
      const month = 1 + Math.floor((position * 12) / PER_YEAR);
      const county = pick(COUNTIES, random);
      const date = `${year}/${String(month).padStart(2, "0")}/${String(3 + position).padStart(2, "0")} ${String(8 + position).padStart(2, "0")}:15`;
      files[`releases/${year}/${id}.md`] = [
        "---",
        `id: ${id}`,
        `title: ${title.join(" ")}`,
        `date: ${date}`,
        `county: ${county}`,
        `organization: فرمانداری شهرستان ${county}`,
        "tags:",
        `  - ${pick(TAGS, random)}`,
        "---",
        "",
        `${body.slice(0, 5).join(" ")}.`,
        "",
        `${body.slice(5).join(" ")}.`,
        "",
      ].join("\n");
    }
  }
  return files;
}

/** The releases as the Markdown files say, read back from the content folder. */
async function readArchive(content: string): Promise<SourceRelease[]> {
  const releases: SourceRelease[] = [];
  const folder = path.join(content, "releases");
  for (const year of await readdir(folder)) {
    for (const name of await readdir(path.join(folder, year))) {
      const { data, body } = parseFrontMatter(await readFile(path.join(folder, year, name), "utf8"));
      const fields = data as { id: number; title: string; date: string; county: string };
      releases.push({ id: Number(fields.id), date: String(fields.date), year: Number(String(fields.date).slice(0, 4)), county: fields.county, text: `${fields.title}\n${body}` });
    }
  }
  return releases.sort((a, b) => (a.date < b.date ? 1 : -1));
}

/** Whether a release holds every word of a query: one of its words, folded, starts with each. */
function holds(release: SourceRelease, query: string): boolean {
  const terms = normalizeQuery(query).split(" ").filter((term) => term !== "");
  const written = release.text
    .split(/\s+/)
    .map((word) => foldForSearch(word).replace(/[^\p{L}\p{N}]/gu, ""))
    .filter((word) => word !== "");
  return terms.every((term) => written.some((word) => word.startsWith(term)));
}

/** The shard files a page asks for, as `<shard id>/<file>`, in order. */
function watchShards(page: Page): string[] {
  const files: string[] = [];
  page.on("request", (request) => {
    const match = /\/pagefind\/(\d{4}-\d{2}(?:-\d{2})?)\/(.+)$/.exec(new URL(request.url()).pathname);
    if (match) files.push(`${match[1]}/${match[2]}`);
  });
  return files;
}

/** A shard's index files (not Pagefind's script, worker or WebAssembly). */
const INDEX_FILE = /\/(pagefind-entry\.json|[^/]+\.pf_meta|index\/[^/]+\.pf_index|fragment\/[^/]+\.pf_fragment|filter\/[^/]+\.pf_filter)$/;
const indexFiles = (files: readonly string[]) => files.filter((file) => INDEX_FILE.test(file));
/** The shards whose metadata was loaded: the shards Pagefind loaded. */
const metaShards = (files: readonly string[]) => [...new Set(files.filter((file) => file.endsWith(".pf_meta")).map((file) => file.split("/")[0]!))].sort();
/** The shards whose fragments were loaded: the shards of the results shown. */
const fragmentShards = (files: readonly string[]) => [...new Set(files.filter((file) => file.includes("/fragment/")).map((file) => file.split("/")[0]!))].sort();
/** Whether any of Pagefind's own files (script, worker, WebAssembly, index) was loaded: newest first needs none. */
const pagefindFiles = (files: readonly string[]) => files.filter((file) => !file.includes("/fragment/"));

/**
 * A check in a fresh page (tests/support/chromium.ts `withPage`): any page error, console
 * error or dialog fails it, except the one error that is an answer here: the browser reports
 * a directory file that is not there (404) as a resource that failed to load, and for the
 * directory that means no word starts with its prefix.
 */
async function withSearchPage(browser: Browser, check: (page: Page) => Promise<void>): Promise<void> {
  await withPage(browser, check, {
    expectedError: (text, source) => /status of 404/.test(text) && new URL(source, "http://localhost").pathname.startsWith("/pagefind/directory/"),
  });
}

async function shownIds(page: Page): Promise<number[]> {
  const hrefs = await page.locator(".search-result__title a").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  return hrefs.map(releaseIdOf);
}

const statusOf = (page: Page) => page.locator("#search-status").textContent();
const found = (count: number, query: string) => fillString(STRINGS.searchFound, { count: formatPersianNumber(count), query });
const foundInYear = (count: number, query: string, year: number) => fillString(STRINGS.searchFoundInYear, { count: formatPersianNumber(count), query, year: toPersianDigits(year) });
const foundFiltered = (count: number) => fillString(STRINGS.searchFoundFiltered, { count: formatPersianNumber(count) });
const foundFilteredInYear = (count: number, year: number) => fillString(STRINGS.searchFoundFilteredInYear, { count: formatPersianNumber(count), year: toPersianDigits(year) });

test("the search page searches the whole archive, in Chromium", { skip: skipWithoutChromium, timeout: 600_000 }, async (t) => {
  const folder = await temporaryDirectory("akhbar-search-archive-");
  let server: StaticServer | undefined;
  let browser: Browser | undefined;
  try {
    const content = path.join(folder, "content");
    for (const [name, text] of Object.entries(archiveFiles())) {
      await mkdir(path.dirname(path.join(content, name)), { recursive: true });
      await writeFile(path.join(content, name), text);
    }
    const site = path.join(folder, "site");
    // The directory's cache of its own, as runBuild gives the page and shard caches: a clean build.
    const build = await runBuild(content, site, { AKHBAR_SEARCH_DIRECTORY_CACHE: path.join(folder, "directory-cache") });
    assert.equal(build.code, 0, `the build failed:\n${build.log}`);
    const releases = await readArchive(content);
    const matching = (query: string) => releases.filter((release) => holds(release, query));

    // One shard a year, newest first: the listing the page has.
    const searchPage = await readFile(path.join(site, "search", "index.html"), "utf8");
    const listing = JSON.parse(/data-shards="([^"]*)"/.exec(searchPage)![1]!.replaceAll("&quot;", '"')) as ShardListing[];
    assert.deepEqual(
      listing.map((shard) => shard.year),
      [...YEARS].reverse(),
      "one shard a year",
    );
    const shardOfYear = new Map(listing.map((shard) => [shard.year, shard.id]));
    const shardsOf = (list: readonly SourceRelease[]) => [...new Set(list.map((release) => shardOfYear.get(release.year)!))].sort();

    // The two absent words take the page both ways: a file that is not there, and a file without the word.
    const directory = path.join(site, ...DIRECTORY_PATH.split("/").filter(Boolean));
    const { split } = JSON.parse(await readFile(path.join(directory, DIRECTORY_ROOT), "utf8")) as DirectoryRoot;
    const fileOf = (word: string) => path.join(directory, fileForTerm(normalizeQuery(word), readSplit(split)).file);
    assert.deepEqual([existsSync(fileOf(ABSENT_NO_FILE)), existsSync(fileOf(ABSENT_IN_GROUP))], [false, true]);

    server = await serveStatic(site);
    browser = await launchChromium();
    const url = server.url;
    const open = browser;

    await t.test("a word only the oldest year has is found from a plain address, all of it, with nothing pressed", () =>
      withSearchPage(open, async (page) => {
        const expected = matching(RARE);
        assert.ok(expected.length >= 2 && expected.every((release) => release.year === YEARS[0]), "the rare word is in the oldest year only");
        const files = watchShards(page);
        await page.goto(`${url}/search/?q=${encodeURIComponent(RARE)}`);
        await waitForSearch(page);
        assert.deepEqual(await shownIds(page), expected.map((release) => release.id));
        assert.equal(await page.locator("#search-more").isVisible(), false);
        assert.equal(await statusOf(page), found(expected.length, RARE));
        // Its shard's fragments alone were loaded, and nothing of Pagefind: newest first, the
        // directory names the pages and their fragments hold the results.
        const oldest = shardOfYear.get(YEARS[0]!)!;
        assert.deepEqual(fragmentShards(files), [oldest]);
        assert.deepEqual(pagefindFiles(files), []);
        assert.equal(files.length, expected.length, "one fragment a result");
      }),
    );

    await t.test("the status counts the whole archive: a word, two words, a year", () =>
      withSearchPage(open, async (page) => {
        const rows: Array<{ query: string; year?: number }> = [
          { query: COMMON },
          { query: RANKED },
          { query: "باران" },
          { query: "پ" },
          { query: `${COMMON} باران` },
          { query: `گندم ${COMMON} شهر` },
          { query: COMMON, year: 1396 },
          { query: "باران", year: YEARS[0] },
        ];
        for (const row of rows) {
          const expected = matching(row.query).filter((release) => row.year === undefined || release.year === row.year);
          assert.ok(expected.length > 0, `«${row.query}» is in the archive`);
          await page.goto(`${url}/search/?q=${encodeURIComponent(row.query)}${row.year === undefined ? "" : `&year=${row.year}`}`);
          await waitForSearch(page);
          assert.equal(await statusOf(page), row.year === undefined ? found(expected.length, row.query) : foundInYear(expected.length, row.query, row.year), row.query);
        }
      }),
    );

    await t.test("a word the archive lacks finds nothing and loads no shard's index, with a word it has or alone", () =>
      withSearchPage(open, async (page) => {
        const files = watchShards(page);
        // Opening the page loads the directory's root, and no shard.
        const root = page.waitForRequest((request) => request.url().endsWith("/pagefind/directory/root.json"));
        await page.goto(`${url}/search/`);
        await root;
        assert.deepEqual(indexFiles(files), []);
        for (const query of [`${COMMON} ${ABSENT_NO_FILE}`, `${ABSENT_IN_GROUP} ${COMMON}`, ABSENT_NO_FILE, ABSENT_IN_GROUP]) {
          assert.equal(matching(query).length, 0, `«${query}» is in the archive`);
          await page.goto(`${url}/search/?q=${encodeURIComponent(query)}`);
          await waitForSearch(page);
          assert.equal(await page.locator(".search-result").count(), 0, query);
          assert.equal(await statusOf(page), fillString(STRINGS.searchNotFound, { query }), query);
        }
        assert.deepEqual(indexFiles(files), [], "a shard's index was loaded for a word the archive lacks");
      }),
    );

    await t.test("a county filter, alone, with a year and with a word, across years", () =>
      withSearchPage(open, async (page) => {
        const county = [...COUNTIES].sort((a, b) => releases.filter((release) => release.county === b).length - releases.filter((release) => release.county === a).length)[0]!;
        const inCounty = releases.filter((release) => release.county === county);
        assert.ok(new Set(inCounty.map((release) => release.year)).size >= 5, `${county}'s releases span few years`);
        const year = inCounty[Math.floor(inCounty.length / 2)]!.year;
        const rows: Array<{ address: string; expected: SourceRelease[]; status: string }> = [
          { address: `county=${slugify(county)}`, expected: inCounty, status: foundFiltered(inCounty.length) },
          {
            address: `county=${slugify(county)}&year=${year}`,
            expected: inCounty.filter((release) => release.year === year),
            status: foundFilteredInYear(inCounty.filter((release) => release.year === year).length, year),
          },
          { address: `q=${COMMON}&county=${slugify(county)}`, expected: inCounty.filter((release) => holds(release, COMMON)), status: found(inCounty.filter((release) => holds(release, COMMON)).length, COMMON) },
        ];
        for (const row of rows) {
          await page.goto(`${url}/search/?${new URLSearchParams(row.address)}`);
          // Newest first: every result, in the archive's order, «more» pressed to the end.
          assert.deepEqual(await everyResult(page), row.expected.map((release) => release.id), row.address);
          assert.equal(await statusOf(page), row.status, row.address);
        }
      }),
    );

    await t.test("a common word: ten results newest first, from only the shards they need; «more» loads the next", () =>
      withSearchPage(open, async (page) => {
        const expected = matching(COMMON);
        assert.ok(expected.length > 4 * PAGE_SIZE, `«${COMMON}» is in ${expected.length} releases`);
        const files = watchShards(page);
        await page.goto(`${url}/search/?q=${encodeURIComponent(COMMON)}`);
        await waitForSearch(page);
        assert.equal(await statusOf(page), found(expected.length, COMMON));
        assert.deepEqual(await shownIds(page), expected.slice(0, PAGE_SIZE).map((release) => release.id));
        assert.deepEqual(fragmentShards(files), shardsOf(expected.slice(0, PAGE_SIZE)), "the shards loaded for the first page");
        assert.ok(fragmentShards(files).length < listing.length / 2);
        assert.deepEqual(pagefindFiles(files), [], "nothing of Pagefind newest first");
        assert.equal(files.length, PAGE_SIZE, "one fragment a result shown");

        await page.locator("#search-more").click();
        await page.waitForFunction((count) => document.querySelectorAll(".search-result").length === count, 2 * PAGE_SIZE);
        await waitForSearch(page);
        assert.deepEqual(await shownIds(page), expected.slice(0, 2 * PAGE_SIZE).map((release) => release.id));
        assert.deepEqual(fragmentShards(files), shardsOf(expected.slice(0, 2 * PAGE_SIZE)), "the shards loaded for two pages");
      }),
    );

    await t.test("sort=relevance loads every shard that has the word and orders by score over all years", () =>
      withSearchPage(open, async (page) => {
        const expected = matching(RANKED);
        // The one with the word in its title (the text starts with the title).
        const heavy = expected.find((release) => release.text.startsWith(RANKED))!;
        assert.equal(heavy.year, YEARS[0]);
        assert.ok(new Set(expected.map((release) => release.year)).size >= 5, `«${RANKED}» is in few years`);
        const files = watchShards(page);
        // Each shard's metadata a little late, so that the status shows the shards coming in.
        await page.route("**/*.pf_meta", async (route) => {
          await new Promise((resolve) => setTimeout(resolve, 150));
          await route.continue();
        });
        await page.goto(`${url}/search/?q=${encodeURIComponent(RANKED)}&sort=relevance`);
        const count = found(expected.length, RANKED);
        const shards = shardsOf(expected).length;
        await page.waitForFunction((count) => document.getElementById("search-status")?.textContent?.startsWith(`${count} `), count);
        const progress = Array.from({ length: shards + 1 }, (_, loaded) => `${count} ${fillString(STRINGS.searchRanking, { loaded: formatPersianNumber(loaded), total: formatPersianNumber(shards) })}`);
        assert.ok(progress.includes((await statusOf(page)) ?? ""), `${await statusOf(page)}`);
        assert.equal(await page.locator(".search-result").count(), 0, "results shown before every shard is in");
        const ids = await everyResult(page);
        assert.equal(await page.locator("#search-sort").inputValue(), "relevance");
        assert.equal(await statusOf(page), found(expected.length, RANKED));
        assert.deepEqual([...ids].sort(), expected.map((release) => release.id).sort());
        // The oldest year's release with the word in its title and four times in a short text first.
        assert.equal(ids[0], heavy.id);
        assert.deepEqual(metaShards(files), shardsOf(expected));
      }),
    );
  } finally {
    await browser?.close();
    await server?.close();
    await rm(folder, { recursive: true, force: true });
  }
});
