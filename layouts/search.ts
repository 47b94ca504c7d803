/** The search page: Pagefind's interface, in Persian, right to left. */
import { html } from "../src/html.js";
import { interfaceStrings } from "../src/i18n.js";
import type { SiteMetadata } from "../src/site.js";
import { renderPage } from "./base.js";

export function renderSearch({ site }: { site: SiteMetadata }): string {
  const t = interfaceStrings("fa");
  return renderPage({
    site,
    lang: "fa",
    title: t.search,
    url: "/search/",
    head: html`<link rel="stylesheet" href="/pagefind/pagefind-ui.css">
<script src="/pagefind/pagefind-ui.js" defer></script>
<script src="/assets/search.js" defer></script>`,
    body: html`<h1 class="page-title">${t.searchLabel}</h1>
<div id="search" class="search"></div>
<noscript><p class="notice">${t.searchNeedsJs} <a href="/">${t.home}</a></p></noscript>`,
  });
}
