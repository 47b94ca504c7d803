/**
 * A page of the English section's list (/en/news/, /en/news/page/N/: src/browse/english-list.ts),
 * English interface, left to right, archive-paged as the Persian lists are.
 */
import { html } from "../src/render/html.js";
import { fillString, interfaceStrings } from "../src/render/i18n.js";
import type { Release } from "../src/content/release.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { archivePageLinks, FRONT_PAGE } from "../src/browse/pagination.js";
import { ENGLISH_HOME_URL, ENGLISH_NEWS_URL, englishPageReleases, type EnglishListPage } from "../src/browse/english-list.js";
import { atomUrl, siteFeed } from "../src/render/feed-links.js";
import { renderPage } from "./base.js";
import { archiveNavigation, breadcrumbs, countText, numberText, type Crumb } from "./browse-parts.js";
import { releaseSummary } from "./release.js";

const LANG = "en";
const t = interfaceStrings(LANG);

export interface EnglishListView {
  site: SiteMetadata;
  assets?: AssetManifest;
  page: EnglishListPage;
  /** Every English release of the build, newest first. */
  english: readonly Release[];
}

export function renderEnglishListPage({ site, assets, page, english }: EnglishListView): string {
  const front = page.page === FRONT_PAGE;
  const releases = englishPageReleases(english, page);
  const pageLabel = fillString(t.pageNumber, { page: numberText(LANG, page.page) });
  const home: Crumb = { label: t.home, url: ENGLISH_HOME_URL };
  const trail: Crumb[] = front ? [home, { label: t.englishNews }] : [home, { label: t.englishNews, url: ENGLISH_NEWS_URL }, { label: pageLabel }];
  // A numbered page does not show the list's length, which changes with every release: it stays as it is.
  const status = front ? fillString(t.releaseCount, { count: countText(LANG, english.length) }) : fillString(t.archivePageNote, { page: numberText(LANG, page.page) });
  return renderPage({
    site,
    assets,
    lang: LANG,
    title: front ? t.englishNews : `${t.englishNews}, ${pageLabel}`,
    url: page.url,
    body: html`${breadcrumbs(LANG, trail)}
<h1 class="page-title">${t.englishNews}</h1>
<p class="list-status">${status}</p>
${front ? html`<p>${t.englishNewsIntro} <a href="${atomUrl(siteFeed(site, LANG))}">${t.atomFeed}</a></p>` : ""}
${releases.length === 0 ? html`<p>${t.noReleases}</p>` : html`<ol class="release-list">${releases.map((release) => html`<li>${releaseSummary(release)}</li>`)}</ol>`}
${archiveNavigation(LANG, ENGLISH_NEWS_URL, page.page, page.pageCount)}`,
  });
}

/**
 * Everything `renderEnglishListPage` reads of the archive, as one string (as layouts/list.ts
 * `listPageInputs` for the Persian lists): the page, the list's length on the front page only,
 * its navigation, and the files of the releases it lists with their embargo.
 */
export function englishListPageInputs({ page, english }: Omit<EnglishListView, "site" | "assets">): string {
  const front = page.page === FRONT_PAGE;
  const navigation = page.pageCount === 0 ? "" : `${archivePageLinks(page.page, page.pageCount).join(",")}${page.page === page.pageCount ? " newest" : ""}`;
  const parts: Array<string | number> = ["english", page.page, page.url, front ? english.length : "", navigation];
  for (const release of englishPageReleases(english, page)) parts.push(release.embargoed ? `${release.fileHash}!` : release.fileHash);
  return parts.join("\n");
}
