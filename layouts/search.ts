/** The search page: Pagefind's interface, in Persian, right to left (and at /en/search/ in English). */
import { html } from "../src/html.js";
import { interfaceStrings } from "../src/i18n.js";
import type { SiteMetadata } from "../src/site.js";
import type { Language } from "../src/schema.js";
import { renderPage } from "./base.js";
import { assetUrl } from "../src/asset-manifest.js";

export function renderSearch({ site, lang = "fa" }: { site: SiteMetadata; lang?: Language }): string {
  const t = interfaceStrings(lang);
  return renderPage({
    site,
    lang,
    title: t.search,
    url: lang === "en" ? "/en/search/" : "/search/",
    head: html`<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js" defer></script>
<script src="${assetUrl("search.js")}" defer></script>`,
    body: html`<h1 class="page-title">${t.searchLabel}</h1>
<div id="search" class="search"></div>
<noscript><p class="notice">${t.searchNeedsJs} <a href="${lang === "en" ? "/en/" : "/"}">${t.home}</a></p></noscript>`,
  });
}
