/**
 * The English section: releases with `lang: en` live under /en/news/<id>/ (see releaseUrl in
 * src/content/release.ts) with an English interface, left to right; /en/ is its landing page
 * with the newest of them, /en/news/ lists them all, archive-paged like the Persian lists
 * (src/browse/english-list.ts), and /en/search/ searches them. Pagefind builds a separate English
 * index from the pages' <html lang="en">; the English feeds are made with the others
 * (src/feeds/feeds.ts).
 *
 * The list's pages are written like the Persian list pages (src/pages/list-pages.ts): outside
 * Eleventy, through the page writer, keyed on what they read, so that an unchanged page is neither
 * rendered nor written.
 */
import { newestEnglish } from "../content/release.js";
import type { AkhbarContext } from "../context/context.js";
import { englishListPages, englishPageReleases, englishReleases } from "../browse/english-list.js";
import { assetsVersion, writeGeneratedFiles, type WriteReport, type WrittenPage } from "../output/page-writer.js";
import { prefixHtmlUrls } from "../render/html-urls.js";
import { renderSearchPage, type SitePage } from "./site-pages.js";
import { renderEnglishHome } from "../../layouts/english-home.js";
import { englishListPageInputs, renderEnglishListPage } from "../../layouts/english-list.js";
import { HOME_RELEASE_COUNT } from "../../layouts/home.js";

/** The English section's own Eleventy pages: its home and its search page. */
export function englishPages(context: AkhbarContext): SitePage[] {
  // The site is read when the page renders: the build's first step reads its settings (content/site.yml).
  return [
    { name: "en-home", permalink: "/en/index.html", render: () => renderEnglishHome({ site: context.site, assets: context.assets(), releases: newestEnglish(context.archive().releases, HOME_RELEASE_COUNT) }) },
    { name: "en-search", permalink: "/en/search/index.html", render: () => renderSearchPage(context, "en") },
  ];
}

/** Renders and writes the pages of the English list (/en/news/…) into `outputDir`. */
export async function writeEnglishListPages(outputDir: string, context: AkhbarContext): Promise<WriteReport> {
  const { site } = context;
  const english = englishReleases(context.archive().releases);
  const assets = context.assets();
  const cache = context.pageCache();
  // The assets apart: a page published with other ones is readdressed, not rendered (src/output/page-writer.ts).
  const settings = cache.key(JSON.stringify({ site }));
  const assetsKey = cache.key(assets.key());
  const edited = context.edited();
  const all = englishListPages(english.length);
  // A rebuild of releases edited in place makes only the pages that list them.
  const pages = edited ? all.filter((page) => englishPageReleases(english, page).some((release) => edited.has(release))) : all;
  return writeGeneratedFiles(outputDir, pages, async (page) => ({
    path: `${page.url}index.html`,
    // Not kept in the page cache, as the Persian list pages: quick to render once known to have changed.
    version: assetsVersion(cache.key(`english-list\n${settings}\n${englishListPageInputs({ page, english })}`), assetsKey),
    content: async () => prefixHtmlUrls(renderEnglishListPage({ site, assets, page, english }), site.pathPrefix),
  }), context.ledger(), { readdress: (page) => assets.readdressed(page) });
}

/** The English list's pages as the sitemaps see written pages: all are indexed. */
export function englishListPagesForSitemaps(context: AkhbarContext): WrittenPage[] {
  return englishListPages(englishReleases(context.archive().releases).length).map((page) => ({ url: page.url, outputPath: `${page.url}index.html`, content: "" }));
}
