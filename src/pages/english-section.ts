/**
 * The English section: releases with `lang: en` live under /en/news/<id>/ (see releaseUrl in
 * src/content/release.ts) with an English interface, left to right; /en/ lists them and /en/search/
 * searches them. Pagefind builds a separate English index from the pages' <html lang="en">;
 * the English feeds are made with the others (src/feeds/feeds.ts).
 */
import { newestEnglish, type Release } from "../content/release.js";
import type { AkhbarContext } from "../context/context.js";
import { renderSearchPage, type SitePage } from "./site-pages.js";
import { renderEnglishHome } from "../../layouts/english-home.js";

/** English releases are few; past this many, the oldest are reached through search and the feed archive. */
export const ENGLISH_LIST_LIMIT = 200;

/** The English releases /en/ lists: the newest of them, as the English feed carries its newest (src/feeds/feeds.ts). */
export function englishReleases(releases: readonly Release[], limit = ENGLISH_LIST_LIMIT): Release[] {
  return newestEnglish(releases, limit);
}

/** The English section's own pages: its home and its search page. */
export function englishPages(context: AkhbarContext): SitePage[] {
  // The site is read when the page renders: the build's first step reads its settings (content/site.yml).
  return [
    { name: "en-home", permalink: "/en/index.html", render: () => renderEnglishHome({ site: context.site, assets: context.assets(), releases: englishReleases(context.archive().releases) }) },
    { name: "en-search", permalink: "/en/search/index.html", render: () => renderSearchPage(context, "en") },
  ];
}
