/**
 * Addresses of the browsing pages: latest news, Jalali archives, counties, organizations,
 * tags and release types. Years and months are written with Latin digits, months with two (`/archive/1403/02/`);
 * term slugs keep their Persian letters (`/tags/روابط-عمومی/`); a type's is its Latin key (`/types/notice/`).
 */

export const LATEST_NEWS_URL = "/news/";
export const ARCHIVE_URL = "/archive/";

/** A release's terms: its county, organization, tags, and its type (src/content/release-types.ts, slugged by its key). */
export type TermKind = "county" | "organization" | "tag" | "type";

export const TERM_SECTION_URLS: Record<TermKind, string> = {
  county: "/counties/",
  organization: "/organizations/",
  tag: "/tags/",
  type: "/types/",
};

export function yearUrl(year: number): string {
  return `${ARCHIVE_URL}${year}/`;
}

export function monthUrl(year: number, month: number): string {
  return `${ARCHIVE_URL}${year}/${String(month).padStart(2, "0")}/`;
}

/** `slug` is a `Term.slug` from src/browse/archive-index.ts: letters, digits and hyphens only. */
export function termUrl(kind: TermKind, slug: string): string {
  return `${TERM_SECTION_URLS[kind]}${slug}/`;
}
