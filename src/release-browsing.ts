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
import { relatedReleases } from "./related.js";

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
