/**
 * The site's own pages, made from the archive rather than from files: home, search, 404, the
 * Jalali archive's index and the index pages of counties, organizations and tags. They are few,
 * and Eleventy renders them (src/eleventy/plugin.ts adds each as a template).
 */
import type { AkhbarContext } from "../context/context.js";
import type { Language } from "../content/schema.js";
import { TERM_KINDS } from "../browse/lists.js";
import { ARCHIVE_URL, TERM_SECTION_URLS } from "../browse/urls.js";
import { searchShards, shardListing } from "../search/shards.js";
import { renderHome } from "../../layouts/home.js";
import { renderSearch } from "../../layouts/search.js";
import { renderNotFound } from "../../layouts/not-found.js";
import { renderArchiveIndex } from "../../layouts/archive.js";
import { renderTermIndex } from "../../layouts/terms.js";

/** A page Eleventy writes at `permalink`, rendered by `render` when Eleventy renders it. */
export interface SitePage {
  name: string;
  permalink: string;
  render(): string | Promise<string>;
}

const TERM_LISTS = { county: "counties", organization: "organizations", tag: "tags", type: "types" } as const;

export function sitePages(context: AkhbarContext): SitePage[] {
  // Read when the page renders, not now: the build's first step reads the site's settings (content/site.yml).
  const site = () => context.site;
  return [
    { name: "home", permalink: "/index.html", render: () => renderHome({ site: site(), assets: context.assets(), releases: context.archive().releases }) },
    { name: "search", permalink: "/search/index.html", render: () => renderSearchPage(context, "fa") },
    { name: "not-found", permalink: "/404.html", render: () => renderNotFound({ site: site(), assets: context.assets() }) },
    { name: "archive", permalink: `${ARCHIVE_URL}index.html`, render: () => renderArchiveIndex({ site: site(), assets: context.assets(), years: context.index().years }) },
    ...TERM_KINDS.map((kind) => ({
      name: `${kind}-index`,
      permalink: `${TERM_SECTION_URLS[kind]}index.html`,
      render: () => renderTermIndex({ site: site(), assets: context.assets(), kind, terms: context.index()[TERM_LISTS[kind]] }),
    })),
  ];
}

/** The search page in `lang`, with the search index's shards in that language. */
export function renderSearchPage(context: AkhbarContext, lang: Language): string {
  const index = context.index();
  return renderSearch({ site: context.site, assets: context.assets(), index, shards: shardListing(searchShards(index), lang), lang });
}
