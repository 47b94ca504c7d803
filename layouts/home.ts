/** The home page: the newest releases. */
import { html } from "../src/render/html.js";
import { interfaceStrings } from "../src/render/i18n.js";
import type { Release } from "../src/content/release.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { releaseSummary } from "./release.js";

export const HOME_RELEASE_COUNT = 20;

export function renderHome({ site, assets, releases }: { site: SiteMetadata; assets?: AssetManifest; releases: readonly Release[] }): string {
  const t = interfaceStrings("fa");
  const newest = releases.slice(0, HOME_RELEASE_COUNT);
  return renderPage({
    site,
    assets,
    lang: "fa",
    url: "/",
    // The two home pages are each other's version in the other language (layouts/english-home.ts).
    alternates: { fa: "/", en: "/en/" },
    body: html`<h1 class="page-title">${t.latestNews}</h1>
${newest.length === 0 ? html`<p>${t.noReleases}</p>` : html`<ol class="release-list">${newest.map((release) => html`<li>${releaseSummary(release)}</li>`)}</ol>`}
<p class="more-link"><a href="/news/">${t.allNews}</a> · <a href="/archive/">${t.browseArchive}</a></p>`,
  });
}
