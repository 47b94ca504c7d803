/**
 * /en/: the English section's landing page, left to right: its newest releases and a link to
 * the whole English list (/en/news/, src/browse/english-list.ts), as / leads to /news/.
 */
import { html } from "../src/render/html.js";
import { interfaceStrings } from "../src/render/i18n.js";
import type { Release } from "../src/content/release.js";
import type { SiteMetadata } from "../src/content/site.js";
import { atomUrl, siteFeed } from "../src/render/feed-links.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { ENGLISH_HOME_URL, ENGLISH_NEWS_URL } from "../src/browse/english-list.js";
import { renderPage } from "./base.js";
import { HOME_RELEASE_COUNT } from "./home.js";
import { releaseSummary } from "./release.js";

/** `releases`: the newest English releases, HOME_RELEASE_COUNT of them at most. */
export function renderEnglishHome({ site, assets, releases }: { site: SiteMetadata; assets?: AssetManifest; releases: readonly Release[] }): string {
  const t = interfaceStrings("en");
  const newest = releases.slice(0, HOME_RELEASE_COUNT);
  return renderPage({
    site,
    assets,
    lang: "en",
    title: t.englishNews,
    url: ENGLISH_HOME_URL,
    // The two home pages are each other's version in the other language.
    alternates: { fa: "/", en: ENGLISH_HOME_URL },
    body: html`<h1 class="page-title">${t.englishNews}</h1>
<p>${t.englishNewsIntro} <a href="${atomUrl(siteFeed(site, "en"))}">${t.atomFeed}</a></p>
${newest.length === 0 ? html`<p>${t.noReleases}</p>` : html`<ol class="release-list">${newest.map((release) => html`<li>${releaseSummary(release)}</li>`)}</ol>`}
${newest.length > 0 ? html`<p class="more-link"><a href="${ENGLISH_NEWS_URL}">${t.allEnglishNews}</a></p>` : ""}
<p><a href="/" lang="fa" dir="rtl">${site.name.fa}</a></p>`,
  });
}
