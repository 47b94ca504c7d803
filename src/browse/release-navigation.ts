/**
 * What a release page adds for browsing: its place in the Jalali archive (breadcrumbs),
 * the releases just before and after it, related releases, and the addresses of its
 * county, organization and tags. Made from the build's indexes, without scanning the archive.
 */
import type { ArchiveIndex } from "./archive-index.js";
import type { Release } from "../content/release.js";
import { jalaliParts } from "../persian/dates.js";
import { monthUrl, termUrl, yearUrl, type TermKind } from "./urls.js";
import { monthKey, type BrowseIndex } from "./lists.js";
import { slugify } from "../persian/slug.js";
import { nearestWindow, RELATED_WINDOW, relatedReleases } from "./related.js";

export interface ReleaseBrowsing {
  /** The Jalali year and month, with the addresses of their pages when they exist. */
  year: { year: number; url?: string };
  month: { month: number; url?: string };
  newer?: Release;
  older?: Release;
  related: Release[];
  /** Addresses of the pages of the release's county, organization and tags (by the tag as written), where those pages exist. */
  countyUrl?: string;
  organizationUrl?: string;
  tagUrls: ReadonlyMap<string, string>;
  /** The list of the release's type (/types/<key>/), where it exists. */
  typeUrl?: string;
}

export function releaseBrowsing(index: ArchiveIndex, browse: BrowseIndex, release: Release): ReleaseBrowsing {
  const { year, month } = jalaliParts(release.date);
  const neighbours = index.neighbours.get(release) ?? {};
  const keys = browse.relatedKeys.get(release) ?? [];
  const termsOf = (other: Release) => browse.relatedKeys.get(other) ?? [];
  const urlIfExists = (kind: TermKind, slug: string) => (browse.terms[kind].has(slug) ? termUrl(kind, slug) : undefined);

  const tagUrls = new Map<string, string>();
  for (const tag of release.tags) {
    const url = urlIfExists("tag", slugify(tag));
    if (url) tagUrls.set(tag, url);
  }
  return {
    year: { year, url: browse.years.has(year) ? yearUrl(year) : undefined },
    month: { month, url: browse.months.has(monthKey(year, month)) ? monthUrl(year, month) : undefined },
    newer: neighbours.newer,
    older: neighbours.older,
    related: relatedReleases(release, keys.map((key) => browse.relatedBuckets.get(key) ?? []), termsOf),
    countyUrl: release.county ? urlIfExists("county", release.county.slug) : undefined,
    organizationUrl: release.organization ? urlIfExists("organization", slugify(release.organization)) : undefined,
    tagUrls,
    typeUrl: urlIfExists("type", release.type),
  };
}

/** A file hash (git's blob id) and the space after it in `joinedHashes`. */
const HASH_STEP = 41;

/** The file hashes of `releases`, each followed by a space but the last. */
function joinedHashes(releases: readonly Release[]): string {
  for (const release of releases) {
    if (release.fileHash.length !== HASH_STEP - 1) throw new Error(`Internal error: the file hash of ${release.inputPath} is not a blob id`);
  }
  return releases.map((release) => release.fileHash).join(" ");
}

/**
 * Everything `releaseBrowsing` reads of the archive beyond the release itself, as file hashes,
 * so that a release page can be keyed on its browsing without working it out (which cost
 * ~0.1 ms a release, 15 s of every build at 150,000 releases, to find the few dozen pages a
 * new release changes). A listed release's year, month, county, organization, tags and type all have
 * pages, so its own file and "listed" give its breadcrumbs and term addresses; its neighbours'
 * files give previous/next; the related candidates' files (their titles, dates and terms) give
 * the related releases. Nothing else of the archive reaches the page.
 *
 * A reader serves one pass over many pages. Each term list's file hashes are joined once per
 * pass and a release's candidates are slices of that (the hashes are all one length), rather
 * than ~80 hashes gathered and joined again for each page: at 150,000 releases that was 3.5 s
 * and half a gigabyte of short-lived strings in every build. Once per pass, because a file hash
 * can change under the same index (the dev server's releases edited in place).
 */
export function releaseBrowsingReader(index: ArchiveIndex, browse: BrowseIndex): (release: Release) => string | undefined {
  const joined = new Map<string, string>();
  return (release) => {
    const neighbours = index.neighbours.get(release);
    // Not in the lists (no build gives such a release a page today): keyed on its browsing itself.
    if (!neighbours) return undefined;
    const keys = browse.relatedKeys.get(release) ?? [];
    const positions = browse.relatedPositions.get(release) ?? [];
    let reads = `${neighbours.newer?.fileHash ?? "-"} ${neighbours.older?.fileHash ?? "-"}`;
    keys.forEach((key, term) => {
      const bucket = browse.relatedBuckets.get(key) ?? [];
      let hashes = joined.get(key);
      if (hashes === undefined) joined.set(key, (hashes = joinedHashes(bucket)));
      const position = positions[term]!;
      // The release itself is at `position` of its own list: left out, as relatedCandidates does.
      const { from, to } = nearestWindow(bucket.length, position, 1, RELATED_WINDOW);
      reads += ` ${key}`;
      if (from < position) reads += ` ${hashes.slice(from * HASH_STEP, position * HASH_STEP - 1)}`;
      if (position + 1 < to) reads += ` ${hashes.slice((position + 1) * HASH_STEP, to * HASH_STEP - 1)}`;
    });
    return reads;
  };
}

/**
 * The releases whose pages show any of `edited` (themselves included): the inverse of
 * `releaseBrowsingReader`, for a rebuild that changed those releases and not their places in the
 * lists. A page shows its neighbours and the related releases it draws from each of its term
 * lists, up to 2·RELATED_WINDOW away from it in the list (`nearestInTime` takes more on one side
 * where the other runs out); so the pages that can show a release are those within that
 * distance of it in each of its term lists, and its neighbours. Some of these do not show it
 * after all: their keys say so, and they are not written.
 */
export function releasesShowing(index: ArchiveIndex, browse: BrowseIndex, edited: Iterable<Release>, window = RELATED_WINDOW): Set<Release> {
  const showing = new Set<Release>();
  for (const release of edited) {
    showing.add(release);
    const neighbours = index.neighbours.get(release);
    if (neighbours?.newer) showing.add(neighbours.newer);
    if (neighbours?.older) showing.add(neighbours.older);
    const positions = browse.relatedPositions.get(release) ?? [];
    (browse.relatedKeys.get(release) ?? []).forEach((key, term) => {
      const bucket = browse.relatedBuckets.get(key) ?? [];
      const position = positions[term]!;
      for (const other of bucket.slice(Math.max(0, position - 2 * window), position + 2 * window + 1)) showing.add(other);
    });
  }
  return showing;
}
