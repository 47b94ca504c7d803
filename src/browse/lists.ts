/**
 * The browsing pages as data: one light descriptor per list page (kind, key, page number,
 * address), and lookups from a descriptor to its releases. The descriptors are what
 * Eleventy paginates over; they hold keys, never releases, so that no release is copied
 * into Eleventy's data cascade. Everything here is made once per build from the archive
 * index, in one pass over its lists.
 */
import type { ArchiveIndex, JalaliMonth, JalaliYear, Term } from "./archive-index.js";
import type { Release } from "../content/release.js";
import { LATEST_NEWS_URL, monthUrl, termUrl, yearUrl, type TermKind } from "./urls.js";
import { archivedPageCount, archivePageItems, archivePageUrl, FRONT_PAGE, LATEST_PAGE_LIMIT, PAGE_SIZE, pageCount, pagedUrl, pageItems } from "./pagination.js";
import { jalaliParts } from "../persian/dates.js";
import { slugify } from "../persian/slug.js";

export type ListKind = "news" | "year" | "month" | TermKind;

export const TERM_KINDS: readonly TermKind[] = ["county", "organization", "tag", "type"];

export interface ListPage {
  kind: ListKind;
  /** "" for news, "1403" for a year, "1403/2" for a month, the slug for a county, organization or tag, a type's key. */
  key: string;
  /**
   * /news/: 1-based, counted from the newest. Every other list is archive-paged
   * (src/browse/pagination.ts): FRONT_PAGE (0) for its own address, else counted from the oldest.
   */
  page: number;
  /** /news/: how many pages it has; an archive-paged list: how many numbered pages. */
  pageCount: number;
  /** Root-relative address of this page. */
  url: string;
}

export interface BrowseIndex {
  /** The releases /news/ lists: the newest LATEST_PAGE_LIMIT pages' worth. */
  latest: readonly Release[];
  /** The newest release that /news/ does not list, if any: its last page leads on to it. */
  afterLatest?: Release;
  years: ReadonlyMap<number, JalaliYear>;
  /** The releases of each year, newest first. */
  yearReleases: ReadonlyMap<number, readonly Release[]>;
  /** By `monthKey(year, month)`. */
  months: ReadonlyMap<string, JalaliMonth>;
  /** By `monthKey(year, month)`: the months with releases just before and after it. */
  adjacentMonths: ReadonlyMap<string, { newer?: JalaliMonth; older?: JalaliMonth }>;
  terms: Readonly<Record<TermKind, ReadonlyMap<string, Term>>>;
  /** Each release's related-release keys (`tag:<slug>`, `county:<slug>`), and the releases under each key. */
  relatedKeys: ReadonlyMap<Release, readonly string[]>;
  relatedBuckets: ReadonlyMap<string, readonly Release[]>;
  /** Where each release is in the bucket of each of its `relatedKeys`, in the same order (found once, not searched for each page). */
  relatedPositions: ReadonlyMap<Release, readonly number[]>;
}

export function monthKey(year: number, month: number): string {
  return `${year}/${month}`;
}

/** Which terms make releases related: shared tags and the same county. */
const RELATED_KINDS: readonly TermKind[] = ["tag", "county"];

/**
 * `releases` are the published releases, newest first (the archive's order), and `index`
 * is `indexArchive(releases)`.
 */
export function buildBrowseIndex(releases: readonly Release[], index: ArchiveIndex): BrowseIndex {
  const latestCount = LATEST_PAGE_LIMIT * PAGE_SIZE;
  const months = new Map<string, JalaliMonth>();
  const yearReleases = new Map<number, Release[]>();
  for (const year of index.years) {
    // Months are latest first and their releases newest first: concatenated, the year is newest first.
    yearReleases.set(year.year, year.months.flatMap((month) => month.releases));
    for (const month of year.months) months.set(monthKey(month.year, month.month), month);
  }
  const allMonths = index.years.flatMap((year) => year.months);
  const adjacentMonths = new Map(
    allMonths.map((month, position) => [monthKey(month.year, month.month), { newer: allMonths[position - 1], older: allMonths[position + 1] }]),
  );
  const terms = {
    county: new Map(index.counties.map((term) => [term.slug, term])),
    organization: new Map(index.organizations.map((term) => [term.slug, term])),
    tag: new Map(index.tags.map((term) => [term.slug, term])),
    type: new Map(index.types.map((term) => [term.slug, term])),
  };
  const relatedKeys = new Map<Release, string[]>();
  const relatedBuckets = new Map<string, readonly Release[]>();
  const relatedPositions = new Map<Release, number[]>();
  for (const kind of RELATED_KINDS) {
    for (const term of terms[kind].values()) {
      const key = `${kind}:${term.slug}`;
      relatedBuckets.set(key, term.releases);
      term.releases.forEach((release, position) => {
        const keys = relatedKeys.get(release);
        if (keys) {
          keys.push(key);
          relatedPositions.get(release)!.push(position);
        } else {
          relatedKeys.set(release, [key]);
          relatedPositions.set(release, [position]);
        }
      });
    }
  }
  return {
    latest: releases.slice(0, latestCount),
    afterLatest: releases[latestCount],
    years: new Map(index.years.map((year) => [year.year, year])),
    yearReleases,
    months,
    adjacentMonths,
    terms,
    relatedKeys,
    relatedBuckets,
    relatedPositions,
  };
}

/**
 * Every list page of the site, in a stable order: news, years and months (newest first), then
 * terms by name; each list's front page first, then its numbered pages from the oldest.
 */
export function listPages(browse: BrowseIndex): ListPage[] {
  const pages: ListPage[] = [];
  const add = (kind: Exclude<ListKind, "news">, key: string, total: number, base: string) => {
    const count = archivedPageCount(total);
    for (let page = FRONT_PAGE; page <= count; page++) pages.push({ kind, key, page, pageCount: count, url: archivePageUrl(base, page) });
  };
  const latestPages = pageCount(browse.latest.length);
  for (let page = 1; page <= latestPages; page++) pages.push({ kind: "news", key: "", page, pageCount: latestPages, url: pagedUrl(LATEST_NEWS_URL, page) });
  for (const year of browse.years.values()) {
    add("year", String(year.year), year.count, yearUrl(year.year));
    for (const month of year.months) add("month", monthKey(month.year, month.month), month.releases.length, monthUrl(month.year, month.month));
  }
  for (const kind of TERM_KINDS) {
    for (const term of browse.terms[kind].values()) add(kind, term.slug, term.releases.length, termUrl(kind, term.slug));
  }
  return pages;
}

/** The whole list, newest first, that a list page shows a page of. */
export function listReleases(browse: BrowseIndex, page: Pick<ListPage, "kind" | "key">): readonly Release[] {
  switch (page.kind) {
    case "news":
      return browse.latest;
    case "year":
      return browse.yearReleases.get(Number(page.key)) ?? missing(page);
    case "month":
      return browse.months.get(page.key)?.releases ?? missing(page);
    default:
      return browse.terms[page.kind].get(page.key)?.releases ?? missing(page);
  }
}

function missing(page: Pick<ListPage, "kind" | "key">): never {
  throw new Error(`Internal error: no ${page.kind} "${page.key}" in this build's archive`);
}

/** The releases a list page shows. */
export function listPageReleases(browse: BrowseIndex, page: ListPage): readonly Release[] {
  const all = listReleases(browse, page);
  return page.kind === "news" ? pageItems(all, page.page) : archivePageItems(all, page.page);
}

/**
 * The list pages that show any of `releases`: in each list a release is in, the one page that
 * holds it. For a rebuild that changed these releases and not their places in the lists.
 */
export function listPagesShowing(browse: BrowseIndex, releases: ReadonlySet<Release>): ListPage[] {
  const lists = new Set<string>();
  const latest = new Set(browse.latest);
  for (const release of releases) {
    const { year, month } = jalaliParts(release.date);
    if (latest.has(release)) lists.add("news\n");
    lists.add(`year\n${year}`).add(`month\n${monthKey(year, month)}`);
    if (release.county) lists.add(`county\n${release.county.slug}`);
    if (release.organization) lists.add(`organization\n${slugify(release.organization)}`);
    for (const tag of release.tags) lists.add(`tag\n${slugify(tag)}`);
    lists.add(`type\n${release.type}`);
  }
  return listPages(browse).filter((page) => lists.has(`${page.kind}\n${page.key}`) && listPageReleases(browse, page).some((release) => releases.has(release)));
}
