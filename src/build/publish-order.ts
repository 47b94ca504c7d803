/**
 * The order in which a production build's changed files move into the published site
 * (src/output/publish.ts `orderMoves`, which also puts the files the site does not have yet
 * before those it replaces). Each kind of file comes before the kinds that link to it, so that
 * a reader, or a build stopped halfway, never finds a page naming a file that is not there yet.
 */
import type { PublishRank } from "../output/publish.js";
import { SEARCH_BUNDLE_PATH } from "../search/shards.js";
import { NGINX_MAP_FILE } from "../hosting/hosts.js";

/** A release's page: `/news/<id>/`, or `/en/news/<id>/` for an English one (src/content/release.ts `releaseUrl`). */
const RELEASE_PAGE = /^\/(?:en\/)?news\/\d+\/index\.html$/;
/** Files that name other files of the site: pages, feeds, sitemaps, robots.txt, the host's rule files. */
const DOCUMENT = /(\.(?:html|xml|json|txt)|\/_redirects|\/_headers)$/;

export const PUBLISH_RANKS = {
  /** Stylesheets, fonts, scripts, pictures, the favicon: named by pages, naming no page. */
  file: 0,
  /** Release pages: named by lists, feeds, sitemaps and the search index. */
  releasePage: 1,
  /** The search index's shards, whose results name release pages, and which the search page names. */
  searchIndex: 2,
  /** Home, lists, the search page, redirect pages, feeds, sitemaps: they name everything above. */
  document: 3,
} as const;

export const publishRank: PublishRank = (file) => {
  if (file.startsWith(SEARCH_BUNDLE_PATH)) return PUBLISH_RANKS.searchIndex;
  if (RELEASE_PAGE.test(file)) return PUBLISH_RANKS.releasePage;
  // The nginx map is a rule file too: it sends old addresses to release pages.
  if (DOCUMENT.test(file) || file === NGINX_MAP_FILE) return PUBLISH_RANKS.document;
  return PUBLISH_RANKS.file;
};
