/**
 * The search index in shards, one per Jalali year: what the build indexes in each, what the
 * search page is told about them, and how the page combines their results. Plain TypeScript
 * without Node APIs: the search page's script (search-client.ts) imports it too.
 *
 * One Pagefind index over the whole archive does not scale: its backend's memory grows with
 * the archive (15.6 GB at 40,000 releases), every build re-indexes everything, and its
 * metadata (every page is listed in it) is loaded before the first search. A year is the
 * shard: ~10,000 releases at most, a release never changes year, and the newest year is the
 * one most searches want. docs/search.md ("Shards") explains the design.
 */
import type { ArchiveIndex, JalaliYear } from "./collections.js";
import type { Release } from "./content.js";
import type { Language } from "./schema.js";

/** Where the shards are published: `/pagefind/<year>/`, each a complete Pagefind bundle. */
export const SEARCH_BUNDLE_PATH = "/pagefind/";

/**
 * The first search loads the newest year, then older years while the page of results is
 * not full and the years loaded so far hold fewer than this many pages. Pagefind's metadata
 * costs ~10 bytes a page: a first search loads ~100 KB of it plus at most one more year's.
 * Counting what is loaded, not what would be, means a new year's first few releases never
 * stop a search before the last full year is in.
 */
export const FIRST_SEARCH_PAGE_BUDGET = 12_000;

export interface SearchShard {
  year: number;
  /** Newest first. */
  releases: Release[];
}

/** What the search page knows of a shard: its year and how many pages its index for the page's language holds. */
export interface ShardListing {
  year: number;
  pages: number;
}

/** The folder of a year's shard under the bundle path: Latin digits, as in the year filter's values. */
export function shardFolder(year: number): string {
  return `${year}/`;
}

/** The releases of one Jalali year, newest first (the archive index keeps months newest first). */
export function yearReleases(year: JalaliYear): Release[] {
  return year.months.flatMap((month) => month.releases);
}

/** One shard per Jalali year of the archive index (src/collections.ts), newest year first. */
export function searchShards(index: ArchiveIndex): SearchShard[] {
  return index.years.map((year) => ({ year: year.year, releases: yearReleases(year) }));
}

/**
 * The shards a search page of `lang` can search, newest first. Every release is in a shard's
 * Persian index; only English ones are in its English index, and a shard without English
 * releases has none (Pagefind would then answer from its Persian index), so it is left out.
 */
export function shardListing(shards: readonly SearchShard[], lang: Language): ShardListing[] {
  return shards
    .map((shard) => ({ year: shard.year, pages: lang === "fa" ? shard.releases.length : shard.releases.filter((release) => release.lang === lang).length }))
    .filter((listing) => listing.pages > 0);
}

/**
 * Whether a search that covered the newest `searched` shards and found `found` results there
 * goes on into the next older year by itself: only while the page of results is not full and
 * the years already loaded hold fewer than `budget` pages. Beyond, the reader asks for older
 * years (a button), so that a first search stays light.
 */
export function searchNextShard(listing: readonly ShardListing[], searched: number, found: number, pageSize: number, budget = FIRST_SEARCH_PAGE_BUDGET): boolean {
  if (searched >= listing.length || found >= pageSize) return false;
  const loaded = listing.slice(0, searched).reduce((sum, shard) => sum + shard.pages, 0);
  return loaded < budget;
}

/**
 * The results of several shards, given newest year first, as one list. By date, the years
 * follow each other (a year's results are newest first within it, and every one is newer
 * than any of an older year); by relevance, by score, as Pagefind merges its own instances
 * (a stable sort: on a tie the newer year comes first).
 */
export function combineShardResults<T extends { score: number }>(byYear: readonly (readonly T[])[], byDate: boolean): T[] {
  const all = byYear.flat();
  return byDate ? all : all.sort((a, b) => b.score - a.score);
}
