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
import { countPages } from "./directory.js";

/** Where the shards are published: `/pagefind/<shard id>/`, each a complete Pagefind bundle. */
export const SEARCH_BUNDLE_PATH = "/pagefind/";

/**
 * The most releases a shard takes, unless one half-month alone holds more (half-months are not
 * split). Pagefind's time to index a shard grows with its pages (measured on the 150,000
 * archive's newest shards: 150 pages 1.9 s, 300 2.9 s, 600 6.5 s, 1,182 13.9 s), and a day's
 * build re-indexes the newest: 750 keeps that under ~8 s and Pagefind's memory under ~0.6 GB.
 * A shard's metadata is then ~8 KB; what a smaller shard does not save is its index chunk per
 * word searched (~35 KB whatever the shard's size): the search directory (directory.ts) keeps
 * the page from loading a shard that holds no result.
 */
export const SHARD_CAP = 750;

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

const SHARD_ID = /^\d{4}-\d{2}(?:-\d{2})?$/;

/**
 * Whether a name under the bundle path is a shard's (`shardId`): pagefind/ holds other folders
 * too, such as the search directory's (directory.ts), which are published file by file.
 */
export function isShardId(name: string): boolean {
  return SHARD_ID.test(name);
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

/** The shards of one year in a listing: what the year filter loads and searches, newest first. */
export function yearShards(listing: readonly ShardListing[], year: string): ShardListing[] {
  return listing.filter((shard) => String(shard.year) === year);
}

/** A shard that holds results of a search, and how many (counted in the search directory, directory.ts). */
export interface CandidateShard {
  id: string;
  count: number;
}

/**
 * The shards of `listing` that hold results of a search, newest first, with how many: `pages`
 * are the matching pages per shard, as the directory gives them (`intersectPages`); undefined
 * when the search names nothing the directory keys (a year filter alone): then every page of
 * each shard. Shards `pages` has and the listing has not (another year's) are left out.
 */
export function candidateShards(listing: readonly ShardListing[], pages: ReadonlyMap<string, Uint8Array> | undefined): CandidateShard[] {
  return listing
    .map((shard) => {
      if (!pages) return { id: shard.id, count: shard.pages };
      const bits = pages.get(shard.id);
      return { id: shard.id, count: bits ? countPages(bits) : 0 };
    })
    .filter((shard) => shard.count > 0);
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
