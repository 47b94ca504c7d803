/**
 * A shard's postings: every word of its Persian Pagefind index and every value of its county,
 * organization, tag and release-type filters, each with the pages holding it (numbered by their place in the
 * shard's order of news codes), as the search directory needs them (directory-build.ts).
 *
 * Read from the bundle by the worker thread that indexed the shard, while it has the bundle's
 * files at hand (shard-index.ts), and stored in the directory's cache under the shard's cache key,
 * one gzip file per first letter, so that the directory reads one letter of every shard at a time.
 * Its own module: the shard cache's key names the code shard-index.ts imports, and this is all of
 * the directory it needs.
 */
import { existsSync, readFileSync } from "node:fs";
import { mkdir, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { encodePages, filterKey, type ShardPagesList } from "./directory.js";
import { temporaryPathFor } from "../output/atomic-write.js";
import { readPagefindFile } from "./pagefind-bundle.js";

/** The filters whose values are keys of the directory (the year is the shard's own). */
const DIRECTORY_FILTERS = ["county", "organization", "tag", "type"];
/** Pagefind hides nothing by itself: the words of display-only metadata start with a tatweel (text.ts) and no query has one. */
const HIDDEN_WORD = "\u0640";

/** One shard's keys and their pages, sorted by key. */
export interface ShardPostings {
  pages: number;
  entries: Array<[key: string, pages: string]>;
  /** Each page's fragment (its file under the bundle's fragment/, without `.pf_fragment`), by page number. */
  fragments: string[];
  /** The page numbers in date order, newest first: the order results are shown in. */
  newest: number[];
}

const byKey = <T extends [string, ...unknown[]]>(a: T, b: T) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * A shard's postings, read from its Pagefind bundle (the Persian index): every word of its index
 * chunks and every value of the directory's filters, each with its pages numbered by their place
 * in the bundle's date order (oldest first).
 */
export async function readShardPostings(bundle: string): Promise<ShardPostings> {
  return bundlePostings(bundle, (file) => readFile(path.join(bundle, ...file.split("/"))));
}

/** A shard's postings from its bundle's files, however they are read (`file`: a path in the bundle, with "/"); `bundle` names it in messages. */
export async function bundlePostings(bundle: string, read: (file: string) => Promise<Uint8Array>): Promise<ShardPostings> {
  const entry = JSON.parse(Buffer.from(await read("pagefind-entry.json")).toString("utf8")) as { languages: Record<string, { hash: string }> };
  const language = entry.languages.fa;
  if (!language) return { pages: 0, entries: [], fragments: [], newest: [] };
  const meta = readPagefindFile(await read(`pagefind.${language.hash}.pf_meta`)) as [string, Array<[string, number]>, Array<[string, string, string]>, Array<[string, string]>, Array<[string, number[]]>];
  const pageCount = meta[1].length;
  const sortOrder = (name: string) => {
    const order = meta[4].find(([sort]) => sort === name)?.[1];
    if (!order || order.length !== pageCount) throw new Error(`Internal error: the search bundle ${bundle} has no ${name} order for every page`);
    return order;
  };
  // Pages are numbered in news-code order (document.ts `idSortKey`): a release added comes last.
  const idOrder = sortOrder("id");
  const place = new Array<number>(pageCount);
  idOrder.forEach((page, position) => (place[page] = position));
  const encode = (pages: Iterable<number>) =>
    encodePages(
      [...new Set(Array.from(pages, (page) => {
        if (!(page >= 0 && page < pageCount)) throw new Error(`Internal error: the search bundle ${bundle} names page ${page} of ${pageCount}: Pagefind's index format is not the one this code reads`);
        return place[page]!;
      }))].sort((a, b) => a - b),
      pageCount,
    );
  // Pagefind 1.5 writes each word's pages as the differences between page numbers.
  const fromDifferences = (differences: ReadonlyArray<[number, ...unknown[]]>) => {
    let page = 0;
    return differences.map(([difference]) => (page += difference));
  };

  const entries: Array<[string, string]> = [];
  for (const [, , hash] of meta[2]) {
    const words = (readPagefindFile(await read(`index/${hash}.pf_index`)) as [Array<[string, Array<[number, ...unknown[]]>]>])[0];
    for (const [word, pages] of words) {
      if (!word.startsWith(HIDDEN_WORD)) entries.push([word, encode(fromDifferences(pages))]);
    }
  }
  for (const [name, hash] of meta[3]) {
    if (!DIRECTORY_FILTERS.includes(name)) continue;
    const [, values] = readPagefindFile(await read(`filter/${hash}.pf_filter`)) as [string, Array<[string, number[]]>];
    for (const [value, pages] of values) entries.push([filterKey(name, value), encode(pages)]);
  }
  return {
    pages: pageCount,
    entries: entries.sort(byKey),
    fragments: idOrder.map((page) => meta[1][page]![0]),
    newest: [...sortOrder("date")].reverse().map((page) => place[page]!),
  };
}

/** The file of a shard's postings that gives its page count. */
export const PAGE_COUNT = "pages";

/** The file of a shard's postings that lists its pages' fragments and their date order: the directory publishes it as it is (`shardPagesFile`). */
export const FRAGMENTS = "fragments.json";

/** The folder of the postings in the directory's cache. */
export const POSTINGS = "postings";

const firstLetterName = (letter: string) => letter.charCodeAt(0).toString(16).padStart(4, "0");

/**
 * Stores a shard's postings in the directory's cache `dir` under its shard-cache key, one file per
 * first letter, then the page count that marks them complete: the worker thread that indexed the
 * shard does it (shard-index.ts) while it has the bundle at hand, so the build does not read it again.
 */
export async function storeShardPostings(dir: string, key: string, postings: ShardPostings): Promise<void> {
  const folder = path.join(dir, POSTINGS, key);
  // Written whole under a temporary name, then renamed: a build sharing the cache never reads half.
  const temporary = temporaryPathFor(folder);
  await rm(temporary, { recursive: true, force: true });
  await mkdir(temporary, { recursive: true });
  const byLetter = new Map<string, string[]>();
  for (const [word, pages] of postings.entries) {
    const letter = word[0]!;
    let lines = byLetter.get(letter);
    if (!lines) byLetter.set(letter, (lines = []));
    lines.push(`${word}\t${pages}`);
  }
  for (const [letter, lines] of byLetter) await writeFile(path.join(temporary, `${firstLetterName(letter)}.gz`), gzipSync(lines.join("\n")));
  await writeFile(path.join(temporary, FRAGMENTS), JSON.stringify({ fragments: postings.fragments, newest: postings.newest } satisfies ShardPagesList));
  await writeFile(path.join(temporary, PAGE_COUNT), String(postings.pages));
  await rm(folder, { recursive: true, force: true });
  try {
    await rename(temporary, folder);
  } catch (error) {
    // Another build stored the same postings (the same key) meanwhile: theirs are as good.
    await rm(temporary, { recursive: true, force: true });
    if (!existsSync(path.join(folder, PAGE_COUNT))) throw error;
  }
}

/** The first letters a shard's keys start with, from its postings' folder. */
export async function postingsLetters(folder: string): Promise<string[]> {
  const names = await readdir(folder);
  return names.filter((name) => name.endsWith(".gz")).map((name) => String.fromCharCode(parseInt(name, 16)));
}

/** A shard's entries whose keys start with `letter`, sorted, from its postings' folder. */
export async function postingsOfLetter(folder: string, letter: string): Promise<Array<[string, string]>> {
  let bytes: Buffer;
  try {
    // Synchronous: the directory reads every shard's file of each letter in turn (src/search/directory-build.ts).
    bytes = readFileSync(path.join(folder, `${firstLetterName(letter)}.gz`));
  } catch {
    return [];
  }
  return gunzipSync(bytes)
    .toString("utf8")
    .split("\n")
    .map((line) => {
      const tab = line.indexOf("\t");
      return [line.slice(0, tab), line.slice(tab + 1)] as [string, string];
    });
}
