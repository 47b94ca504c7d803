/**
 * Indexes over the published releases, made once per build in one pass (plus sorting):
 * Jalali years and months, counties, organizations and tags, and each release's
 * neighbours in time. List pages, feeds and sitemaps read these; none of them scans the
 * whole archive per page.
 */
import type { Release } from "../content/release.js";
import { jalaliParts } from "../persian/dates.js";
import { SECOND_HALF } from "../persian/calendar.js";
import { fixPersianLetters } from "../persian/letters.js";
import { slugify } from "../persian/slug.js";
import { RELEASE_TYPES } from "../content/release-types.js";

export interface Term {
  slug: string;
  /** The name as shown: the spelling of the newest release that uses it. */
  name: string;
  /** Newest first. */
  releases: Release[];
}

export interface JalaliMonth {
  year: number;
  month: number;
  /** Newest first. */
  releases: Release[];
  /** How many of `releases`, the newest, are of the month's second half (the search index's shards cut months there). */
  secondHalf: number;
}

export interface JalaliYear {
  year: number;
  /** Months that have releases, the latest first. */
  months: JalaliMonth[];
  count: number;
}

export interface Neighbours {
  newer?: Release;
  older?: Release;
}

export interface ArchiveIndex {
  /** Newest year first. */
  years: JalaliYear[];
  counties: Term[];
  organizations: Term[];
  tags: Term[];
  /** The release types that have releases, in the table's order (src/content/release-types.ts); a type's slug is its key. */
  types: Term[];
  neighbours: Map<Release, Neighbours>;
}

const persianOrder = new Intl.Collator("fa");

/** `releases` must be newest first, as the archive keeps them. */
export function indexArchive(releases: readonly Release[]): ArchiveIndex {
  const months = new Map<string, JalaliMonth>();
  const counties = new Map<string, Term>();
  const organizations = new Map<string, Term>();
  const tags = new Map<string, Term>();
  const types = new Map<string, Term>();
  const neighbours = new Map<Release, Neighbours>();
  // A few hundred tags and organizations recur across 150,000 releases: each spelling is slugged once.
  const slugOf = memoized(slugify);
  const nameOf = memoized(fixPersianLetters);

  releases.forEach((release, position) => {
    neighbours.set(release, { newer: releases[position - 1], older: releases[position + 1] });

    const { year, month, day } = jalaliParts(release.date);
    const monthKey = `${year}/${month}`;
    let jalaliMonth = months.get(monthKey);
    if (!jalaliMonth) months.set(monthKey, (jalaliMonth = { year, month, releases: [], secondHalf: 0 }));
    jalaliMonth.releases.push(release);
    if (day >= SECOND_HALF) jalaliMonth.secondHalf++;

    if (release.county) addTo(counties, release.county.slug, release.county.name, release);
    if (release.organization) addTo(organizations, slugOf(release.organization), nameOf(release.organization), release);
    for (const tag of release.tags) addTo(tags, slugOf(tag), nameOf(tag), release);
    addTo(types, release.type, release.type, release);
  });

  const years = new Map<number, JalaliYear>();
  for (const jalaliMonth of months.values()) {
    let jalaliYear = years.get(jalaliMonth.year);
    if (!jalaliYear) years.set(jalaliMonth.year, (jalaliYear = { year: jalaliMonth.year, months: [], count: 0 }));
    jalaliYear.months.push(jalaliMonth);
    jalaliYear.count += jalaliMonth.releases.length;
  }

  return {
    years: [...years.values()].sort((a, b) => b.year - a.year).map((year) => ({ ...year, months: year.months.sort((a, b) => b.month - a.month) })),
    counties: byName(counties),
    organizations: byName(organizations),
    tags: byName(tags),
    // Named by the table (the list's title is its plural, layouts/list.ts), in its order: news first.
    types: RELEASE_TYPES.flatMap((type) => {
      const term = types.get(type.key);
      return term ? [{ ...term, name: type.fa }] : [];
    }),
    neighbours,
  };
}

function memoized(transform: (text: string) => string): (text: string) => string {
  const results = new Map<string, string>();
  return (text) => {
    let result = results.get(text);
    if (result === undefined) results.set(text, (result = transform(text)));
    return result;
  };
}

function addTo(terms: Map<string, Term>, slug: string, name: string, release: Release): void {
  if (slug === "") return;
  const term = terms.get(slug);
  // Releases arrive newest first, so a term keeps its newest spelling and stays sorted.
  if (term) term.releases.push(release);
  else terms.set(slug, { slug, name, releases: [release] });
}

function byName(terms: Map<string, Term>): Term[] {
  return [...terms.values()].sort((a, b) => persianOrder.compare(a.name, b.name));
}
