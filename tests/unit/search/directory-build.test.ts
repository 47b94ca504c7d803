/**
 * The search directory as the build keeps it: whatever builds led to an archive, its files are
 * the ones a clean build of that archive writes; a query word's file answers exactly what the
 * shards' postings say; a release added rewrites only the files of its words.
 */
import assert from "node:assert/strict";
import { readdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { buildSearchDirectory, type DirectoryShard } from "../../../src/search/directory-build.js";
import type { ShardPostings } from "../../../src/search/shard-postings.js";
import { countPages, decodePages, DIRECTORY_PATH, shardPagesFile, type ShardPagesList, DIRECTORY_ROOT, encodePages, fileForTerm, filterKey, readSplit, termPages, type DirectoryFile, type DirectoryRoot } from "../../../src/search/directory.js";
import { temporaryDirectory } from "../../support/run.js";

/** A small archive: shard id → page count and each page's words. */
type Archive = Map<string, string[][]>;

/** A deterministic generator, so that a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

// Words that share prefixes, as Persian words do («است», «استان», «استاندار», «استانداری»).
const STEMS = ["است", "استان", "استاندار", "استانداری", "بود", "بودجه", "بودجهها", "جلسه", "جلسات", "روابط", "روابطعمومی", "شهر", "شهردار", "شهرداری", "1402", "14021", "کووید", "و", "در"];

function makeArchive(seed: number, shards = 6, pagesPerShard = 40): Archive {
  const next = random(seed);
  const archive: Archive = new Map();
  for (let shard = 0; shard < shards; shard++) {
    const pages: string[][] = [];
    for (let page = 0; page < pagesPerShard; page++) {
      const words = new Set<string>();
      const count = 3 + Math.floor(next() * 8);
      for (let index = 0; index < count; index++) {
        const stem = STEMS[Math.floor(next() * STEMS.length)]!;
        // Some words of their own, so that groups hold rare keys too.
        words.add(next() < 0.2 ? `${stem}${Math.floor(next() * 30)}` : stem);
      }
      pages.push([...words]);
    }
    archive.set(`14${String(10 + shard)}-01`, pages);
  }
  return archive;
}

function postingsOf(pages: readonly string[][]): ShardPostings {
  const byWord = new Map<string, number[]>();
  pages.forEach((words, page) => {
    for (const word of words) byWord.set(word, [...(byWord.get(word) ?? []), page]);
    byWord.set(filterKey("county", page % 3 === 0 ? "ری" : "تهران"), [...(byWord.get(filterKey("county", page % 3 === 0 ? "ری" : "تهران")) ?? []), page]);
  });
  const entries = [...byWord].map(([word, list]): [string, string] => [word, encodePages(list, pages.length)]);
  return { pages: pages.length, entries: entries.sort((a, b) => (a[0] < b[0] ? -1 : 1)), fragments: pages.map((words, page) => `fa_${page}${hash(words.join(" "))}`), newest: pages.map((_, page) => pages.length - 1 - page) };
}

/** A shard's key stands for its content, as the shard cache's key does. */
function shardsOf(archive: Archive): DirectoryShard[] {
  return [...archive].map(([id, pages]) => ({ id, key: `${id}-${JSON.stringify(pages).length}-${hash(JSON.stringify(pages))}`, postings: async () => postingsOf(pages) }));
}

function hash(text: string): string {
  let value = 0;
  for (const character of text) value = (value * 31 + character.charCodeAt(0)) % 1_000_000_007;
  return String(value);
}

async function filesOf(site: string): Promise<Map<string, string>> {
  const folder = path.join(site, ...DIRECTORY_PATH.split("/").filter(Boolean));
  const names = (await readdir(folder)).sort();
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(path.join(folder, name), "utf8")] as [string, string])));
}

const LIMIT = 600;

test("a directory changed build after build is the one a clean build of the same archive writes", async () => {
  const folder = await temporaryDirectory("akhbar-directory-");
  try {
    let archive = makeArchive(1);
    const cacheDir = path.join(folder, "cache");
    await buildSearchDirectory(path.join(folder, "site-0"), shardsOf(archive), { cacheDir, groupLimit: LIMIT });
    const changes: Array<[string, (archive: Archive) => void]> = [
      ["a release added to the newest shard", (a) => a.get("1415-01")!.push(["بودجه", "استانداری", "تازه"])],
      ["a release edited in an old shard", (a) => (a.get("1410-01")![3] = ["شهرداری", "کووید"])],
      ["a new shard", (a) => a.set("1416-01", [["بودجه"], ["و", "در", "جلسه"]])],
      ["a shard gone", (a) => a.delete("1412-01")],
      ["many words gone (groups merge back)", (a) => { for (const pages of a.values()) for (const words of pages) words.splice(1); }],
      ["many words back (groups split again)", (a) => { for (const [id, pages] of makeArchive(7)) a.set(id, pages); }],
    ];
    for (const [name, change] of changes) {
      archive = new Map([...archive].map(([id, pages]) => [id, pages.map((words) => [...words])]));
      change(archive);
      const step = path.join(folder, `site-${name}`);
      const clean = path.join(folder, `clean-${name}`);
      await buildSearchDirectory(step, shardsOf(archive), { cacheDir, groupLimit: LIMIT });
      await buildSearchDirectory(clean, shardsOf(archive), { cacheDir: path.join(folder, `cache-${name}`), groupLimit: LIMIT });
      assert.deepEqual(await filesOf(step), await filesOf(clean), name);
    }
    const root = JSON.parse((await filesOf(path.join(folder, "site-many words back (groups split again)"))).get(DIRECTORY_ROOT)!) as DirectoryRoot;
    assert.ok(readSplit(root.split).size > 3, "the test's archive splits groups");
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test("a query word's file gives the pages of every word starting with it, in every shard", async () => {
  const folder = await temporaryDirectory("akhbar-directory-");
  try {
    const archive = makeArchive(3, 8, 60);
    const site = path.join(folder, "site");
    await buildSearchDirectory(site, shardsOf(archive), { cacheDir: path.join(folder, "cache"), groupLimit: LIMIT });
    const files = await filesOf(site);
    const split = readSplit((JSON.parse(files.get(DIRECTORY_ROOT)!) as DirectoryRoot).split);
    const counts = new Map([...archive].map(([id, pages]) => [id, pages.length]));
    const terms = ["ا", "اس", "است", "استان", "استاندار", "استانداری", "استانداری1", "بودجه", "بودجهها2", "و", "1402", "qzxw", "شهرداریها"];
    for (const term of terms) {
      const { file } = fileForTerm(term, split);
      const found = termPages((files.has(file) ? JSON.parse(files.get(file)!) : []) as DirectoryFile, term, counts);
      for (const [id, pages] of archive) {
        const expected = pages.flatMap((words, page) => (words.some((word) => word.startsWith(term)) ? [page] : []));
        const bits = found.get(id);
        const actual = bits ? pages.flatMap((_, page) => (bits[page >> 3]! & (1 << (page & 7)) ? [page] : [])) : [];
        assert.deepEqual(actual, expected, `«${term}» in ${id}`);
      }
    }
    // A filter value is one exact key.
    const county = filterKey("county", "ری");
    const { file } = fileForTerm(county, split);
    const pages = termPages(JSON.parse(files.get(file)!) as DirectoryFile, county, counts, true);
    for (const [id, list] of archive) assert.equal(countPages(pages.get(id)!), list.filter((_, page) => page % 3 === 0).length, id);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test("a release added to the newest shard rewrites only the files of its words", async () => {
  const folder = await temporaryDirectory("akhbar-directory-");
  try {
    const archive = makeArchive(5, 8, 60);
    const cacheDir = path.join(folder, "cache");
    const first = await buildSearchDirectory(path.join(folder, "a"), shardsOf(archive), { cacheDir, groupLimit: LIMIT });
    archive.get("1417-01")!.push(["بودجه"]);
    const second = await buildSearchDirectory(path.join(folder, "b"), shardsOf(archive), { cacheDir, groupLimit: LIMIT });
    assert.equal(second.shardsChanged, 1);
    // «بودجه»'s group or node and the nodes above it, the county's group: a handful of the files.
    assert.ok(second.filesWritten > 0 && second.filesWritten <= 8, `${second.filesWritten} of ${first.files} files written`);
    const third = await buildSearchDirectory(path.join(folder, "c"), shardsOf(archive), { cacheDir, groupLimit: LIMIT });
    assert.equal(third.filesWritten, 0, "nothing changed, nothing written");
    // The newest shard's pages file names the new release's fragment last (date order, oldest first).
    const { fragments, newest } = JSON.parse((await filesOf(path.join(folder, "c"))).get(shardPagesFile("1417-01"))!) as ShardPagesList;
    assert.equal(fragments.length, 61);
    assert.match(fragments[60]!, /^fa_60/);
    assert.equal(newest[0], 60);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});

test("page sets survive their encoding whatever their density", () => {
  for (const count of [1, 7, 8, 9, 750, 1_500]) {
    for (const density of [0, 0.01, 0.3, 0.5, 0.7, 0.99, 1]) {
      const next = random(count * 100 + density * 100);
      const pages = Array.from({ length: count }, (_, page) => page).filter(() => next() < density);
      const bits = decodePages(encodePages(pages, count), count);
      assert.deepEqual(pages.filter((page) => !(bits[page >> 3]! & (1 << (page & 7)))), [], `${count} pages at ${density}: lost`);
      assert.equal(countPages(bits), pages.length, `${count} pages at ${density}: count`);
    }
  }
});
