/**
 * One page of a list of releases: latest news (/news/), a Jalali year or month
 * (/archive/1403/, /archive/1403/02/), a county, an organization, a tag or a release type. Persian
 * interface; each release keeps its own language in its summary.
 */
import { ARCHIVE_URL, LATEST_NEWS_URL, TERM_SECTION_URLS, monthUrl, termUrl, yearUrl } from "../src/browse/urls.js";
import { jalaliMonthName, jalaliParts } from "../src/persian/dates.js";
import { html, type Renderable, type SafeHtml } from "../src/render/html.js";
import { fillString, interfaceStrings } from "../src/render/i18n.js";
import { listPageReleases, listReleases, monthKey, type BrowseIndex, type ListPage } from "../src/browse/lists.js";
import { archivePageItems, archivePageLinks, archivePageOfPosition, archivePageUrl, FRONT_PAGE, LATEST_PAGE_LIMIT, PAGE_SIZE } from "../src/browse/pagination.js";
import { newestFirstPosition } from "../src/browse/related.js";
import type { SiteMetadata } from "../src/content/site.js";
import { monthChart } from "./archive.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { atomUrl, feedLinks, jsonFeedUrl, termFeed } from "../src/render/feed-links.js";
import { releaseType, type ReleaseTypeKey } from "../src/content/release-types.js";
import { archiveNavigation, breadcrumbs, countText, numberText, pageNavigation, type Crumb } from "./browse-parts.js";
import { releaseSummary } from "./release.js";

const LANG = "fa";
const t = interfaceStrings(LANG);

export interface ListPageView {
  site: SiteMetadata;
  /** The fingerprinted assets of the build (plain addresses when absent, as in unit tests). */
  assets?: AssetManifest;
  page: ListPage;
  browse: BrowseIndex;
}

interface ListHeading {
  title: string;
  /** The list's first page. */
  base: string;
  /** The trail up to, not including, the list itself. */
  trail: Crumb[];
  /** Shown above the releases, on the first page only. */
  intro?: Renderable;
  /** Shown above the releases on every page. */
  context?: Renderable;
  /** Extra head elements: the list's own feed, where it has one. */
  head?: Renderable;
}

const monthName = (year: number, month: number) => `${jalaliMonthName(month, LANG)} ${numberText(LANG, year)}`;

function headingOf({ site, page, browse }: ListPageView): ListHeading {
  const home: Crumb = { label: t.home, url: "/" };
  switch (page.kind) {
    case "news":
      return { title: t.latestNews, base: LATEST_NEWS_URL, trail: [home] };
    case "year": {
      const year = browse.years.get(Number(page.key))!;
      return {
        title: fillString(t.yearTitle, { year: numberText(LANG, year.year) }),
        base: yearUrl(year.year),
        trail: [home],
        intro: monthChart(year),
      };
    }
    case "month": {
      const month = browse.months.get(page.key)!;
      const { newer, older } = browse.adjacentMonths.get(page.key) ?? {};
      const links = [
        older ? html`<a class="month-nav__older" href="${monthUrl(older.year, older.month)}" rel="prev">${t.previousMonth}: ${monthName(older.year, older.month)}</a>` : "",
        newer ? html`<a class="month-nav__newer" href="${monthUrl(newer.year, newer.month)}" rel="next">${t.nextMonth}: ${monthName(newer.year, newer.month)}</a>` : "",
      ];
      return {
        title: fillString(t.monthTitle, { month: jalaliMonthName(month.month, LANG), year: numberText(LANG, month.year) }),
        base: monthUrl(month.year, month.month),
        trail: [home, { label: numberText(LANG, month.year), url: yearUrl(month.year) }],
        context: html`<nav class="month-nav" aria-label="${t.previousMonth} / ${t.nextMonth}">${links}</nav>`,
      };
    }
    default: {
      const term = browse.terms[page.kind].get(page.key)!;
      const titles = { county: t.countyTitle, organization: t.organizationTitle, tag: t.tagTitle, type: "{name}" };
      const sections = { county: t.counties, organization: t.organizations, tag: t.tags, type: t.types };
      // Every term's list has feeds of its own (src/feeds/feeds.ts).
      const feed = termFeed(site, page.kind, term);
      // A type's list is titled by the type's plural («اطلاعیه‌ها»), from the table.
      const name = page.kind === "type" ? releaseType(term.slug as ReleaseTypeKey).plural.fa : term.name;
      return {
        title: fillString(titles[page.kind], { name }),
        base: termUrl(page.kind, term.slug),
        trail: [home, { label: sections[page.kind], url: TERM_SECTION_URLS[page.kind] }],
        head: feedLinks(feed),
        context: html`<p class="list-feed"><a href="${atomUrl(feed)}">${t.atomFeed}</a> · <a href="${jsonFeedUrl(feed)}">${t.jsonFeed}</a></p>`,
      };
    }
  }
}

/** On the last page of /news/: where the list goes on, month by month. */
function olderNews(browse: BrowseIndex): SafeHtml {
  const next = browse.afterLatest;
  let continuation: Renderable = "";
  if (next) {
    const { year, month } = jalaliParts(next.date);
    const releases = listReleases(browse, { kind: "month", key: monthKey(year, month) });
    const page = archivePageOfPosition(newestFirstPosition(releases, next), releases.length);
    continuation = html`<li><a href="${archivePageUrl(monthUrl(year, month), page)}">${fillString(t.continueInMonth, { month: jalaliMonthName(month, LANG), year: numberText(LANG, year) })}</a></li>`;
  }
  return html`<section class="older-news" aria-labelledby="older-news">
<h2 id="older-news">${t.olderNews}</h2>
<p>${fillString(t.olderNewsText, { count: countText(LANG, LATEST_PAGE_LIMIT * PAGE_SIZE) })}</p>
<ul>${continuation}<li><a href="${ARCHIVE_URL}">${t.browseArchive}</a></li></ul>
</section>`;
}

export function renderListPage(view: ListPageView): string {
  const { site, assets, page, browse } = view;
  const heading = headingOf(view);
  const all = listReleases(browse, page);
  const latest = page.kind === "news";
  const front = latest ? page.page === 1 : page.page === FRONT_PAGE;
  const releases = listPageReleases(browse, page);
  const pageLabel = fillString(t.pageNumber, { page: numberText(LANG, page.page) });
  const trail: Crumb[] = front ? [...heading.trail, { label: heading.title }] : [...heading.trail, { label: heading.title, url: heading.base }, { label: pageLabel }];
  // An archive-paged list's numbered pages do not show its length, which changes with every
  // release added: they stay as they are (src/browse/pagination.ts).
  const status = latest
    ? [fillString(t.releaseCount, { count: countText(LANG, all.length) }), page.pageCount > 1 ? fillString(t.pageOf, { page: numberText(LANG, page.page), count: numberText(LANG, page.pageCount) }) : ""]
    : [front ? fillString(t.releaseCount, { count: countText(LANG, all.length) }) : fillString(t.archivePageNote, { page: numberText(LANG, page.page) })];

  return renderPage({
    site,
    assets,
    lang: LANG,
    title: front ? heading.title : `${heading.title}، ${pageLabel}`,
    url: page.url,
    head: heading.head,
    body: html`${breadcrumbs(LANG, trail)}
<h1 class="page-title">${heading.title}</h1>
<p class="list-status">${status.filter(Boolean).join(" · ")}</p>
${front ? heading.intro : ""}
${heading.context}
${releases.length === 0 ? html`<p>${t.noReleases}</p>` : html`<ol class="release-list">${releases.map((release) => html`<li>${releaseSummary(release)}</li>`)}</ol>`}
${latest ? pageNavigation(LANG, heading.base, page.page, page.pageCount) : archiveNavigation(LANG, heading.base, page.page, page.pageCount)}
${page.kind === "news" && page.page === page.pageCount ? olderNews(browse) : ""}`,
  });
}

/**
 * Everything `renderListPage` reads of the archive, as one string: the page, what its heading
 * shows (a year's month counts on its front page, a month's neighbours, a term's name), the
 * list's length where the page shows it (front pages), its navigation, and the files of the
 * releases it lists (their summaries) with their embargo, which the preview marks. A page whose
 * inputs the published site already has is not rendered at all (src/pages/list-pages.ts): at
 * 150,000 releases rendering all ~45,000 list pages to learn which of them changed took 16 s of
 * every build. A numbered page's inputs do not include its list's length, so that it stays as it
 * is while releases are added after it. Kept beside the renderer so that what it reads and what
 * keys it change together; tests/unit/pages/page-keys.test.ts checks that pages with the same inputs
 * render the same. /news/ is not keyed (undefined): its last page reads where its successor
 * sits in a month, and its 50 pages are cheap to render.
 */
export function listPageInputs({ page, browse }: Omit<ListPageView, "site">): string | undefined {
  if (page.kind === "news") return undefined;
  const all = listReleases(browse, page);
  const front = page.page === FRONT_PAGE;
  // The navigation is a function of the page, its page numbers shown and whether it is the newest numbered page.
  const navigation = `${archivePageLinks(page.page, page.pageCount).join(",")}${page.page === page.pageCount ? " newest" : ""}`;
  const parts: Array<string | number> = [page.kind, page.key, page.page, page.url, front ? all.length : "", page.pageCount === 0 ? "" : navigation];
  if (page.kind === "year") {
    if (front) for (const month of browse.years.get(Number(page.key))!.months) parts.push(`${month.month}:${month.releases.length}`);
  } else if (page.kind === "month") {
    const { newer, older } = browse.adjacentMonths.get(page.key) ?? {};
    parts.push(newer ? monthKey(newer.year, newer.month) : "-", older ? monthKey(older.year, older.month) : "-");
  } else {
    parts.push(browse.terms[page.kind].get(page.key)!.name);
  }
  for (const release of archivePageItems(all, page.page)) parts.push(release.embargoed ? `${release.fileHash}!` : release.fileHash);
  return parts.join("\n");
}
