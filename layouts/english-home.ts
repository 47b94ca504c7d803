/** /en/: the English section's list of releases, newest first, left to right. */
import { html } from "../src/render/html.js";
import { interfaceStrings } from "../src/render/i18n.js";
import type { Release } from "../src/content/release.js";
import type { SiteMetadata } from "../src/content/site.js";
import { atomUrl, siteFeed } from "../src/render/feed-links.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { releaseSummary } from "./release.js";

export function renderEnglishHome({ site, assets, releases }: { site: SiteMetadata; assets?: AssetManifest; releases: readonly Release[] }): string {
  const t = interfaceStrings("en");
  return renderPage({
    site,
    assets,
    lang: "en",
    title: t.englishNews,
    url: "/en/",
    body: html`<h1 class="page-title">${t.englishNews}</h1>
<p>${t.englishNewsIntro} <a href="${atomUrl(siteFeed(site, "en"))}">${t.atomFeed}</a></p>
${releases.length === 0 ? html`<p>${t.noReleases}</p>` : html`<ol class="release-list">${releases.map((release) => html`<li>${releaseSummary(release)}</li>`)}</ol>`}
<p><a href="/" lang="fa" dir="rtl">${site.name.fa}</a></p>`,
  });
}
