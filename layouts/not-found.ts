/** The 404 page, served by static hosts for any missing address. */
import { html } from "../src/render/html.js";
import { interfaceStrings } from "../src/render/i18n.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";

export function renderNotFound({ site, assets }: { site: SiteMetadata; assets?: AssetManifest }): string {
  const t = interfaceStrings("fa");
  return renderPage({
    site,
    assets,
    lang: "fa",
    title: t.notFoundTitle,
    url: "/404.html",
    head: html`<meta name="robots" content="noindex">`,
    body: html`<h1 class="page-title">${t.notFoundTitle}</h1>
<p>${t.notFoundText}</p>
<form role="search" action="/search/" method="get" class="search-form" aria-labelledby="not-found-search-label">
<label id="not-found-search-label" for="not-found-query">${t.searchLabel}</label>
<input id="not-found-query" name="q" type="search">
<button type="submit">${t.search}</button>
</form>
<p><a href="/">${t.home}</a></p>
<p><a href="/archive/">${t.browseArchive}</a></p>`,
  });
}
