/** The index pages of counties, organizations, tags and release types: each name with its number of releases. */
import type { Term } from "../src/browse/archive-index.js";
import { TERM_SECTION_URLS, termUrl, type TermKind } from "../src/browse/urls.js";
import { html } from "../src/render/html.js";
import { fillString, interfaceStrings } from "../src/render/i18n.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { AssetManifest } from "../src/render/asset-manifest.js";
import { renderPage } from "./base.js";
import { breadcrumbs, countText } from "./browse-parts.js";

const LANG = "fa";

export function renderTermIndex({ site, assets, kind, terms }: { site: SiteMetadata; assets?: AssetManifest; kind: TermKind; terms: readonly Term[] }): string {
  const t = interfaceStrings(LANG);
  const title = { county: t.counties, organization: t.organizations, tag: t.tags, type: t.types }[kind];
  return renderPage({
    site,
    assets,
    lang: LANG,
    title,
    url: TERM_SECTION_URLS[kind],
    body: html`${breadcrumbs(LANG, [{ label: t.home, url: "/" }, { label: title }])}
<h1 class="page-title">${title}</h1>
${terms.length === 0
  ? html`<p>${t.noReleases}</p>`
  : html`<ul class="term-index">${terms.map(
      (term) => html`<li><a href="${termUrl(kind, term.slug)}">${term.name}</a> <span class="count">${fillString(t.releaseCount, { count: countText(LANG, term.releases.length) })}</span></li>`,
    )}</ul>`}`,
  });
}
