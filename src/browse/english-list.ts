/**
 * The English section's list of releases: every English release, with no cap, at
 * /en/news/, archive-paged like the Persian lists of a year, a month or a term
 * (src/browse/pagination.ts): /en/news/ shows the newest 20–39, /en/news/page/N/ counts from
 * the oldest, so a published numbered page never changes while releases are added. /en/ is the
 * section's landing page, with the newest few (as / is for /news/).
 */
import type { Release } from "../content/release.js";
import { archivedPageCount, archivePageItems, archivePageUrl, FRONT_PAGE } from "./pagination.js";

export const ENGLISH_HOME_URL = "/en/";
export const ENGLISH_NEWS_URL = "/en/news/";

/** One page of the English list: FRONT_PAGE (0) for /en/news/, else counted from the oldest. */
export interface EnglishListPage {
  page: number;
  /** How many numbered pages the list has. */
  pageCount: number;
  url: string;
}

/** The English releases of `releases` (published ones, newest first: the archive's order), in that order. One pass, once per writer. */
export function englishReleases(releases: readonly Release[]): Release[] {
  return releases.filter((release) => release.lang === "en");
}

/** The pages of an English list of `total` releases: the front page, then the numbered pages from the oldest. */
export function englishListPages(total: number): EnglishListPage[] {
  const count = archivedPageCount(total);
  const pages: EnglishListPage[] = [];
  for (let page = FRONT_PAGE; page <= count; page++) pages.push({ page, pageCount: count, url: archivePageUrl(ENGLISH_NEWS_URL, page) });
  return pages;
}

/** The releases page `page` shows, of `english` (newest first). */
export function englishPageReleases(english: readonly Release[], page: EnglishListPage): Release[] {
  return archivePageItems(english, page.page);
}
