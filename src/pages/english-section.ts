/**
 * The English section: releases with `lang: en` live under /en/news/<id>/ (see releaseUrl in
 * src/content/load.ts) with an English interface, left to right; /en/ lists them and /en/search/
 * searches them. Pagefind builds a separate English index from the pages' <html lang="en">;
 * the English feeds are made with the others (src/feeds/feeds.ts).
 */
import type { UserConfig } from "@11ty/eleventy";
import type { Release } from "../content/load.js";
import type { AkhbarContext } from "../context/context.js";
import { addPage } from "./site-pages.js";
import { renderEnglishHome } from "../../layouts/english-home.js";
import { renderSearch } from "../../layouts/search.js";

/** English releases are few; past this many, the oldest are reached through search and the feed archive. */
export const ENGLISH_LIST_LIMIT = 200;

export function englishReleases(releases: readonly Release[], limit = ENGLISH_LIST_LIMIT): Release[] {
  const english: Release[] = [];
  for (const release of releases) {
    if (english.length === limit) break;
    if (release.lang === "en") english.push(release);
  }
  return english;
}

export function registerEnglishSection(eleventyConfig: UserConfig, { site, archive, index }: AkhbarContext): void {
  addPage(eleventyConfig, "en-home", "/en/index.html", () => renderEnglishHome({ site, releases: englishReleases(archive().releases) }));
  addPage(eleventyConfig, "en-search", "/en/search/index.html", () => renderSearch({ site, index: index(), lang: "en" }));
}
