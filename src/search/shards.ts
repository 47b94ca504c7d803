/**
 * The search index in shards: what the build indexes in each, what the search page is told
 * about them, and how the page combines their results. Plain TypeScript without Node APIs:
 * the search page's script (client.ts) imports it too.
 *
 * One Pagefind index over the whole archive does not scale: its backend's memory grows with
 * the archive (15.6 GB at 40,000 releases), every build re-indexes everything, and its
 * metadata (every page is listed in it, ~10 bytes a page) is loaded before the first search.
 * One index per Jalali year was the first answer, but at 150,000 releases a year holds up to
 * 14,600 of them: Pagefind peaked at 5.7 GB indexing one, a release added to the newest year
 * re-indexed all of it (~140 s), and a first search loaded 148 KB of that year's metadata.
 * So a year is cut into shards of consecutive half-months (days 1–15, and 16 to the month's
 * end) of at most SHARD_CAP releases (`groupPeriods`): memory, re-indexing and the first
 * search's metadata are then bounded by the cap, not by the archive. Half-months, not months:
 * a day's new release re-indexes its shard, and at ~1,300 releases a month (the 150,000
 * archive's last years) a month's shard took Pagefind 14 s, most of the daily build's index.
 * docs/search.md ("Shards") explains the design.
 */
import type { ArchiveIndex } from "../browse/archive-index.js";
import type { Release } from "../content/release.js";
import type { Language } from "../content/schema.js";
import { SECOND_HALF } from "../persian/calendar.js";

/** Where the shards are published: `/pagefind/<shard id>/`, each a complete Pagefind bundle. */
export const SEARCH_BUNDLE_PATH = "/pagefind/";

/**
 * The most releases a shard takes, unless one half-month alone holds more (half-months are not
 * split). Pagefind's time to index a shard grows with its pages (measured on the 150,000
 * archive's newest shards: 150 pages 1.9 s, 300 2.9 s, 600 6.5 s, 1,182 13.9 s), and a day's
 * build re-indexes the newest: 750 keeps that under ~8 s and Pagefind's memory under ~0.6 GB.
 * A shard's metadata is then ~8 KB; what a smaller shard does not save is its index chunk per
 * word searched (~35 KB whatever the shard's size), which FIRST_SEARCH_PAGE_BUDGET bounds.
 */
export const SHARD_CAP = 750;

/**
 * The first search loads the newest shard, then older shards while the page of results is
 * not full and the shards loaded so far hold fewer than this many pages; the «search older»
 * button loads shards of up to this many pages at once. What a shard costs a first search is
 * its metadata (~10 bytes a page: ~15 KB for a full shard) and, above all, the index chunks
 * of the query's words: ~40 KB a shard for a word found nowhere, whatever the shard's size
 * (measured on the 10,000-release corpus). The page and Pagefind's start are ~140 KB. With
 * 3,000 pages a search for a missing word loaded four small shards there: 324 KB. With shards of
 * at most SHARD_CAP (750) pages and a budget of 1,000, a first search loads the newest shard and
 * one more (two or three: a new half-month's few releases do not count against a full shard),
 * as many shards as with 1,500-page shards and a budget of 2,000, so no more bytes, over about
 * half the releases. Counting what is loaded, not what would be, means a new half-month's first
 * releases never stop a search before a full shard is in.
 */
export const FIRST_SEARCH_PAGE_BUDGET = 1_000;

export interface SearchShard {
  /** Its year and first half-month (`shardId`), e.g. `1404-07` or `1404-07-16`: its folder and its name in the page. */
  id: string;
  year: number;
  /** The Jalali month of its first (oldest) release. */
  month: number;
  /** The first day of that release's half-month: 1 or SECOND_HALF. */
  day: number;
  /** Newest first. */
  releases: Release[];
}

/** What the search page knows of a shard: its id, its year and how many pages its index for the page's language holds. */
export interface ShardListing {
  id: string;
  year: number;
  pages: number;
}

const twoDigits = (value: number) => String(value).padStart(2, "0");

/**
 * A shard's id: its year and first half-month, Latin digits (as in the year filter's values and
 * the folder): `1404-07` from the 1st of Mehr, `1404-07-16` from the 16th.
 */
export function shardId(year: number, month: number, day = 1): string {
  return day === 1 ? `${year}-${twoDigits(month)}` : `${year}-${twoDigits(month)}-${twoDigits(day)}`;
}

/** The Jalali month and day a shard starts with, read back from its id. */
export function shardStart(id: string): { month: number; day: number } {
  const [, month, day = "1"] = id.split("-");
  return { month: Number(month), day: Number(day) };
}

/** The folder of a shard under the bundle path. */
export function shardFolder(id: string): string {
  return `${id}/`;
}

/**
 * Half-months of one year, given oldest first by their release counts, grouped into shards:
 * each a list of positions. Greedy from the year's first: a shard takes the next half-month
 * while its count plus that half-month's stays within `cap`; one over the cap alone is a shard
 * by itself. So a shard's extent depends only on the half-months before and in it: a release
 * added to the newest changes the year's last shard, or splits it into two (the half-month that
 * no longer fits starts a new one), and a release edited in an old one changes its own shard.
 */
export function groupPeriods(counts: readonly number[], cap: number = SHARD_CAP): number[][] {
  const groups: number[][] = [];
  let current: number[] = [];
  let size = 0;
  counts.forEach((count, position) => {
    if (current.length > 0 && size + count > cap) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(position);
    size += count;
  });
  if (current.length > 0) groups.push(current);
  return groups;
}

interface HalfMonth {
  month: number;
  day: number;
  /** Newest first. */
  releases: Release[];
}

/**
 * The shards of the archive index (src/browse/archive-index.ts), newest first: each Jalali year's
 * half-months (those with releases) grouped by `groupPeriods`. `cap` is a parameter for tests,
 * which force several shards in a small archive.
 */
export function searchShards(index: ArchiveIndex, cap: number = SHARD_CAP): SearchShard[] {
  return index.years.flatMap((year) => {
    // The index keeps months and their releases newest first; the grouping walks from the year's start.
    const halves: HalfMonth[] = [...year.months].reverse().flatMap(({ month, releases, secondHalf }) => {
      const parts: HalfMonth[] = [
        { month, day: 1, releases: releases.slice(secondHalf) },
        { month, day: SECOND_HALF, releases: releases.slice(0, secondHalf) },
      ];
      return parts.filter((half) => half.releases.length > 0);
    });
    return groupPeriods(
      halves.map((half) => half.releases.length),
      cap,
    )
      .map((positions): SearchShard => {
        const first = halves[positions[0]!]!;
        return {
          id: shardId(year.year, first.month, first.day),
          year: year.year,
          month: first.month,
          day: first.day,
          releases: positions.map((position) => halves[position]!.releases).reverse().flat(),
        };
      })
      .reverse();
  });
}

/**
 * The shards a search page of `lang` can search, newest first. Every release is in a shard's
 * Persian index; only English ones are in its English index, and a shard without English
 * releases has none (Pagefind would then answer from its Persian index), so it is left out.
 */
export function shardListing(shards: readonly SearchShard[], lang: Language): ShardListing[] {
  return shards
    .map((shard) => ({ id: shard.id, year: shard.year, pages: lang === "fa" ? shard.releases.length : shard.releases.filter((release) => release.lang === lang).length }))
    .filter((listing) => listing.pages > 0);
}

const pagesOf = (shards: readonly ShardListing[]) => shards.reduce((sum, shard) => sum + shard.pages, 0);

/**
 * Whether a search that covered the newest `searched` shards and found `found` results there
 * goes on into the next older shard by itself: only while the page of results is not full and
 * the shards already loaded hold fewer than `budget` pages. Beyond, the reader asks for older
 * shards (a button), so that a first search stays light.
 */
export function searchNextShard(listing: readonly ShardListing[], searched: number, found: number, pageSize: number, budget = FIRST_SEARCH_PAGE_BUDGET): boolean {
  if (searched >= listing.length || found >= pageSize) return false;
  return pagesOf(listing.slice(0, searched)) < budget;
}

/**
 * How many of the newest shards are searched once the reader asks for older releases, when
 * `searched` were: the next shard, and more while together they stay within `budget` pages,
 * so that an archive of small shards (a small year is one) does not need a press per shard.
 */
export function olderShards(listing: readonly ShardListing[], searched: number, budget = FIRST_SEARCH_PAGE_BUDGET): number {
  let next = Math.min(searched + 1, listing.length);
  while (next < listing.length && pagesOf(listing.slice(searched, next + 1)) <= budget) next++;
  return next;
}

/** The shards of one year in a listing: what the year filter loads and searches, newest first. */
export function yearShards(listing: readonly ShardListing[], year: string): ShardListing[] {
  return listing.filter((shard) => String(shard.year) === year);
}

/** What a search that did not cover every shard covered: one year, years, or the releases from a day (the 1st or the 16th of a month) on. */
export type SearchedScope = { kind: "year"; year: number } | { kind: "years"; oldest: number; newest: number } | { kind: "since"; year: number; month: number; day: number };

/**
 * What a search over the newest `searched` shards of `listing` covered, for the status line:
 * whole years (the oldest shard searched is the first its year has in the listing), or the
 * releases from a half-month on. Undefined once every shard is searched (nothing to say).
 */
export function searchedScope(listing: readonly ShardListing[], searched: number): SearchedScope | undefined {
  if (searched >= listing.length || searched < 1) return undefined;
  const oldest = listing[searched - 1]!;
  const newest = listing[0]!.year;
  // The next shard is the older one: if it is of the same year, that year is not all searched.
  if (listing[searched]!.year === oldest.year) return { kind: "since", year: oldest.year, ...shardStart(oldest.id) };
  return oldest.year === newest ? { kind: "year", year: newest } : { kind: "years", oldest: oldest.year, newest };
}

/**
 * The results of several shards, given newest shard first, as one list. By date, the shards
 * follow each other (a shard's results are newest first within it, and every one is newer
 * than any of an older shard); by relevance, by score, as Pagefind merges its own instances
 * (a stable sort: on a tie the newer shard comes first).
 */
export function combineShardResults<T extends { score: number }>(byShard: readonly (readonly T[])[], byDate: boolean): T[] {
  const all = byShard.flat();
  return byDate ? all : all.sort((a, b) => b.score - a.score);
}
