/** The browsing parts of a release page: breadcrumbs above it; previous/next and related releases below it. */
import type { Release } from "../src/content/release.js";
import { formatShownDate, jalaliMonthName, toIsoString } from "../src/persian/dates.js";
import { html, type SafeHtml } from "../src/render/html.js";
import { interfaceStrings } from "../src/render/i18n.js";
import type { ReleaseBrowsing } from "../src/browse/release-navigation.js";
import type { Language } from "../src/content/schema.js";
import { breadcrumbs, numberText } from "./browse-parts.js";

/** Home › Jalali year › month. */
export function releaseBreadcrumbs(lang: Language, browsing: ReleaseBrowsing): SafeHtml {
  const t = interfaceStrings(lang);
  return breadcrumbs(lang, [
    { label: t.home, url: "/" },
    { label: numberText(lang, browsing.year.year), url: browsing.year.url },
    { label: jalaliMonthName(browsing.month.month, lang), url: browsing.month.url },
  ]);
}

const neighbourLink = (release: Release, rel: "prev" | "next", label: string, className: string) =>
  html`<a class="${className}" href="${release.url}" rel="${rel}"><span class="release-nav__label">${label}</span> <span lang="${release.lang}" dir="${release.lang === "fa" ? "rtl" : "ltr"}">${release.title}</span></a>`;

/** A related release: its title and date only, to keep the page light (the lead is one click away). */
function relatedItem(lang: Language, release: Release): SafeHtml {
  const date = formatShownDate(release.date, lang, !release.dateOnly);
  return html`<li><a href="${release.url}" lang="${release.lang}" dir="${release.lang === "fa" ? "rtl" : "ltr"}">${release.title}</a> <time datetime="${toIsoString(release.date)}">${date}</time></li>`;
}

/** The release before and after this one in time, then the related releases. */
export function releaseFollowUps(lang: Language, browsing: ReleaseBrowsing): SafeHtml {
  const t = interfaceStrings(lang);
  const { newer, older, related } = browsing;
  return html`${newer || older
    ? html`<nav class="release-nav" aria-label="${t.releaseNavigation}">
${older ? neighbourLink(older, "prev", t.olderRelease, "release-nav__older") : ""}
${newer ? neighbourLink(newer, "next", t.newerRelease, "release-nav__newer") : ""}
</nav>`
    : ""}
${related.length > 0
  ? html`<section class="related" aria-labelledby="related-heading">
<h2 id="related-heading">${t.related}</h2>
<ul class="related__list">${related.map((release) => relatedItem(lang, release))}</ul>
</section>`
  : ""}`;
}
