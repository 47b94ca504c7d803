/** Pieces the browsing pages share: breadcrumbs, page-number navigation and numbers in the page's digits. */
import { html, type SafeHtml } from "../src/render/html.js";
import { fillString, interfaceStrings } from "../src/render/i18n.js";
import { archivePageLinks, archivePageUrl, FRONT_PAGE, pageLinks, pagedUrl } from "../src/browse/pagination.js";
import { formatPersianNumber, toPersianDigits } from "../src/persian/letters.js";
import type { Language } from "../src/content/schema.js";

/** A count as readers of `lang` write it: «۱٬۲۳۴» or «1,234». */
export function countText(lang: Language, count: number): string {
  return lang === "fa" ? formatPersianNumber(count) : englishNumber.format(count);
}
const englishNumber = new Intl.NumberFormat("en-GB");

/** A year, page or month number, without grouping: «۱۴۰۳» or «1403». */
export function numberText(lang: Language, value: number): string {
  return lang === "fa" ? toPersianDigits(value) : String(value);
}

export interface Crumb {
  label: string;
  /** Absent for the page itself, which ends the trail. */
  url?: string;
}

/** The trail from the home page to this page, as an ordered list of links in a labelled nav. */
export function breadcrumbs(lang: Language, crumbs: readonly Crumb[]): SafeHtml {
  const t = interfaceStrings(lang);
  return html`<nav class="breadcrumbs" aria-label="${t.breadcrumbs}"><ol>${crumbs.map((crumb) =>
    crumb.url === undefined ? html`<li><span aria-current="page">${crumb.label}</span></li>` : html`<li><a href="${crumb.url}">${crumb.label}</a></li>`,
  )}</ol></nav>`;
}

/** Previous/next links and page numbers for page `page` of `count` of the list at `base`. Nothing for a one-page list. */
export function pageNavigation(lang: Language, base: string, page: number, count: number): SafeHtml | "" {
  if (count <= 1) return "";
  const t = interfaceStrings(lang);
  const label = (number: number) => fillString(t.pageNumber, { page: numberText(lang, number) });
  const items = pageLinks(page, count).map((link) => {
    if (link === "gap") return html`<li class="pagination__gap" aria-hidden="true">…</li>`;
    // The current page is a link to itself, marked: a <span> may not carry a name (ARIA 1.2).
    if (link === page) return html`<li><a href="${pagedUrl(base, link)}" aria-current="page" aria-label="${label(link)}">${numberText(lang, link)}</a></li>`;
    return html`<li><a href="${pagedUrl(base, link)}" aria-label="${label(link)}">${numberText(lang, link)}</a></li>`;
  });
  return html`<nav class="pagination" aria-label="${t.pagination}">
${page > 1 ? html`<a class="pagination__previous" href="${pagedUrl(base, page - 1)}" rel="prev">${t.previousPage}</a>` : ""}
<ol class="pagination__pages">${items}</ol>
${page < count ? html`<a class="pagination__next" href="${pagedUrl(base, page + 1)}" rel="next">${t.nextPage}</a>` : ""}
</nav>`;
}

/**
 * Navigation of an archive-paged list (src/browse/pagination.ts): its front page (the newest
 * releases), then numbered pages counted from the oldest. Previous is the newer page, next
 * the older one, as in every list here. Nothing for a list with no numbered page.
 */
export function archiveNavigation(lang: Language, base: string, page: number, archived: number): SafeHtml | "" {
  if (archived === 0) return "";
  const t = interfaceStrings(lang);
  const label = (number: number) => (number === FRONT_PAGE ? t.newestPageLabel : fillString(t.pageNumber, { page: numberText(lang, number) }));
  const text = (number: number) => (number === FRONT_PAGE ? t.newestPage : numberText(lang, number));
  const items = archivePageLinks(page, archived).map((link) => {
    if (link === "gap") return html`<li class="pagination__gap" aria-hidden="true">…</li>`;
    if (link === page) return html`<li><a href="${archivePageUrl(base, link)}" aria-current="page" aria-label="${label(link)}">${text(link)}</a></li>`;
    return html`<li><a href="${archivePageUrl(base, link)}" aria-label="${label(link)}">${text(link)}</a></li>`;
  });
  const newer = page === FRONT_PAGE ? undefined : page === archived ? FRONT_PAGE : page + 1;
  const older = page === FRONT_PAGE ? archived : page > 1 ? page - 1 : undefined;
  return html`<nav class="pagination" aria-label="${t.pagination}">
${newer !== undefined ? html`<a class="pagination__previous" href="${archivePageUrl(base, newer)}" rel="prev">${t.previousPage}</a>` : ""}
<ol class="pagination__pages">${items}</ol>
${older !== undefined ? html`<a class="pagination__next" href="${archivePageUrl(base, older)}" rel="next">${t.nextPage}</a>` : ""}
</nav>`;
}
