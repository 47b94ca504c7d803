/**
 * What a release page adds for browsing: its place in the Jalali archive (breadcrumbs),
 * the releases just before and after it, related releases, and the addresses of its
 * county, organization and tags. Made from the build's indexes, without scanning the archive.
 */
import type { ArchiveIndex } from "./collections.js";
import type { Release } from "./content.js";
import { jalaliParts } from "./dates.js";
import { monthUrl, termUrl, yearUrl } from "./browse-urls.js";
import { monthKey, type BrowseIndex } from "./list-pages.js";
import { slugify } from "./persian.js";
import { relatedCandidates, relatedReleases } from "./related.js";

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
}

export function releaseBrowsing(index: ArchiveIndex, browse: BrowseIndex, release: Release): ReleaseBrowsing {
  const { year, month } = jalaliParts(release.date);
  const neighbours = index.neighbours.get(release) ?? {};
  const keys = browse.relatedKeys.get(release) ?? [];
  const termsOf = (other: Release) => browse.relatedKeys.get(other) ?? [];
  const urlIfExists = (kind: "county" | "organization" | "tag", slug: string) => (browse.terms[kind].has(slug) ? termUrl(kind, slug) : undefined);

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
  };
}

/**
 * Everything `releaseBrowsing` reads of the archive beyond the release itself, as file hashes,
 * so that a release page can be keyed on its browsing without working it out (which cost
 * ~0.1 ms a release, 15 s of every build at 150,000 releases, to find the few dozen pages a
 * new release changes). A listed release's year, month, county, organization and tags all have
 * pages, so its own file and "listed" give its breadcrumbs and term addresses; its neighbours'
 * files give previous/next; the related candidates' files (their titles, dates and terms) give
 * the related releases. Nothing else of the archive reaches the page.
 */
export function releaseBrowsingReads(index: ArchiveIndex, browse: BrowseIndex, release: Release): string | undefined {
  const neighbours = index.neighbours.get(release);
  // Not in the lists (no build gives such a release a page today): keyed on its browsing itself.
  if (!neighbours) return undefined;
  const keys = browse.relatedKeys.get(release) ?? [];
  const parts = [neighbours.newer?.fileHash ?? "-", neighbours.older?.fileHash ?? "-"];
  relatedCandidates(release, keys.map((key) => browse.relatedBuckets.get(key) ?? [])).forEach((candidates, position) => {
    parts.push(keys[position]!);
    for (const candidate of candidates) parts.push(candidate.fileHash);
  });
  return parts.join(" ");
}
