/**
 * The search page: a search form with filters and sort (folded away until used, so that on a
 * phone the results come first), filled in and run from the address
 * (/search/?q=…&county=…&type=notice&sort=relevance) by /assets/search.js, which also keeps the address in
 * step with the form. Search runs in the browser, so without JavaScript the page says so
 * and links to the archive instead.
 */
import type { ArchiveIndex, Term } from "../src/browse/archive-index.js";
import { html } from "../src/render/html.js";
import { interfaceStrings, type InterfaceStrings } from "../src/render/i18n.js";
import { toPersianDigits } from "../src/persian/letters.js";
import type { SiteMetadata } from "../src/content/site.js";
import type { Language } from "../src/content/schema.js";
import { renderPage } from "./base.js";
import { assetUrl, type AssetManifest } from "../src/render/asset-manifest.js";
import type { ShardListing } from "../src/search/shards.js";
import { releaseType, type ReleaseTypeKey } from "../src/content/release-types.js";

/** Organizations and tags offered in the lists: the most used. Any other comes in by address (?tag=…). */
export const LISTED_TERMS = 60;

export interface SearchOption {
  value: string;
  label: string;
}

export interface SearchFilterOptions {
  counties: SearchOption[];
  organizations: SearchOption[];
  tags: SearchOption[];
  /** The release types the archive has, in the table's order, by their key (`?type=notice`). */
  types: SearchOption[];
  years: SearchOption[];
}

export function searchFilterOptions(index: ArchiveIndex, lang: Language = "fa", listed = LISTED_TERMS): SearchFilterOptions {
  const option = (term: Term): SearchOption => ({ value: term.slug, label: term.name });
  // The most used terms, then in the index's (Persian alphabetical) order.
  const mostUsed = (terms: readonly Term[]): SearchOption[] => {
    const kept = new Set([...terms].sort((a, b) => b.releases.length - a.releases.length).slice(0, listed));
    return terms.filter((term) => kept.has(term)).map(option);
  };
  return {
    counties: index.counties.map(option),
    organizations: mostUsed(index.organizations),
    tags: mostUsed(index.tags),
    types: index.types.map((term) => ({ value: term.slug, label: releaseType(term.slug as ReleaseTypeKey)[lang] })),
    years: index.years.map((year) => ({ value: String(year.year), label: lang === "fa" ? toPersianDigits(year.year) : String(year.year) })),
  };
}

/** The interface strings the search script needs, handed over in a data attribute. */
function scriptStrings(t: InterfaceStrings) {
  return {
    found: t.searchFound,
    foundInYear: t.searchFoundInYear,
    foundFiltered: t.searchFoundFiltered,
    foundFilteredInYear: t.searchFoundFilteredInYear,
    notFound: t.searchNotFound,
    notFoundFiltered: t.searchNotFoundFiltered,
    failed: t.searchFailed,
    ranking: t.searchRanking,
  };
}

function filterSelect(name: string, label: string, anyLabel: string, options: readonly SearchOption[]) {
  return html`<div class="search-page__filter">
<label for="search-${name}">${label}</label>
<select id="search-${name}" name="${name}">
<option value="">${anyLabel}</option>
${options.map((option) => html`<option value="${option.value}">${option.label}</option>`)}
</select>
</div>`;
}

export interface SearchPage {
  site: SiteMetadata;
  /** The fingerprinted assets of the build (plain addresses when absent, as in unit tests). */
  assets?: AssetManifest;
  /** The filters offer the archive's counties, organizations, tags and years. */
  index: ArchiveIndex;
  /** The search index's shards in this language, as the search script reads them (src/search/shards.ts `shardListing`). */
  shards: readonly ShardListing[];
  lang?: Language;
}

export function renderSearch({ site, assets, index, shards, lang = "fa" }: SearchPage): string {
  const t = interfaceStrings(lang);
  const options = searchFilterOptions(index, lang);
  const url = lang === "en" ? "/en/search/" : "/search/";
  return renderPage({
    site,
    assets,
    lang,
    title: t.search,
    url,
    head: html`<script type="module" src="${assetUrl(assets, "search.js")}"></script>`,
    body: html`<h1 class="page-title" id="search-title">${t.searchLabel}</h1>
<noscript><p class="notice">${t.searchNeedsJs} <a href="${lang === "en" ? "/en/" : "/"}">${t.home}</a> · <a href="/archive/">${t.searchArchiveLink}</a></p></noscript>
<form class="search-page" role="search" aria-labelledby="search-title" action="${url}" method="get" data-search-form data-strings="${JSON.stringify(scriptStrings(t))}" data-shards="${JSON.stringify(shards)}" hidden>
<div class="search-page__query">
<label for="search-query">${t.searchQueryLabel}</label>
<div class="search-page__box">
<input id="search-query" name="q" type="search" autocomplete="off" enterkeyhint="search">
<button type="submit">${t.search}</button>
</div>
</div>
<details class="search-page__options" data-search-options>
<summary>${t.searchFilters}</summary>
<div class="search-page__filters">
${filterSelect("county", t.county, t.searchAnyCounty, options.counties)}
${filterSelect("organization", t.organization, t.searchAnyOrganization, options.organizations)}
${filterSelect("tag", t.searchTag, t.searchAnyTag, options.tags)}
${filterSelect("type", t.searchType, t.searchAnyType, options.types)}
${filterSelect("year", t.searchYear, t.searchAnyYear, options.years)}
<div class="search-page__filter">
<label for="search-sort">${t.searchSort}</label>
<select id="search-sort" name="sort">
<option value="">${t.searchSortNewest}</option>
<option value="relevance">${t.searchSortRelevance}</option>
</select>
</div>
</div>
</details>
</form>
<p class="search-page__status" id="search-status" role="status"></p>
<ol class="search-results" id="search-results" aria-labelledby="search-status"></ol>
<p class="search-page__more"><button type="button" id="search-more" hidden>${t.searchMore}</button></p>`,
  });
}
