/** Unit tests for src/build/publish-order.ts: each kind of file of the site before the kinds that link to it. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { PUBLISH_RANKS, publishRank } from "../../../src/build/publish-order.js";
import { releaseUrl } from "../../../src/content/release.js";
import { SEARCH_BUNDLE_PATH } from "../../../src/search/shards.js";
import { DIRECTORY_PATH, DIRECTORY_ROOT } from "../../../src/search/directory.js";

test("publishRank: files pages name, then release pages, then the search index, then every page and file that names them", () => {
  const rows: Array<[file: string, rank: number]> = [
    ["/assets/site.rtl.852d539d19.css", PUBLISH_RANKS.file],
    ["/assets/fonts/Vazirmatn-Regular.afe90c1f7b.woff2", PUBLISH_RANKS.file],
    ["/assets/search.8a6fd525fc.js", PUBLISH_RANKS.file],
    ["/img/tehran-400.abc123.webp", PUBLISH_RANKS.file],
    ["/images/tehran-council.svg", PUBLISH_RANKS.file],
    ["/favicon.svg", PUBLISH_RANKS.file],
    [`${releaseUrl(140210, "fa")}index.html`, PUBLISH_RANKS.releasePage],
    [`${releaseUrl(133120, "en")}index.html`, PUBLISH_RANKS.releasePage],
    [`${SEARCH_BUNDLE_PATH}1403-01/`, PUBLISH_RANKS.searchIndex],
    // The search directory is part of the index, though its files are JSON like the documents.
    [`${DIRECTORY_PATH}${DIRECTORY_ROOT}`, PUBLISH_RANKS.searchIndex],
    [`${DIRECTORY_PATH}g0628.json`, PUBLISH_RANKS.searchIndex],
    ["/index.html", PUBLISH_RANKS.document],
    ["/news/index.html", PUBLISH_RANKS.document],
    ["/news/page/2/index.html", PUBLISH_RANKS.document],
    ["/News/140210/index.html", PUBLISH_RANKS.document],
    ["/tags/نشست/index.html", PUBLISH_RANKS.document],
    ["/tags/نشست/feed.xml", PUBLISH_RANKS.document],
    ["/en/feed.json", PUBLISH_RANKS.document],
    ["/search/index.html", PUBLISH_RANKS.document],
    ["/sitemap-releases-1.xml", PUBLISH_RANKS.document],
    ["/robots.txt", PUBLISH_RANKS.document],
    ["/_redirects", PUBLISH_RANKS.document],
    ["/_headers", PUBLISH_RANKS.document],
    ["/.nginx-redirects.map", PUBLISH_RANKS.document],
    ["/404.html", PUBLISH_RANKS.document],
  ];
  for (const [file, rank] of rows) assert.equal(publishRank(file), rank, file);
  assert.ok(PUBLISH_RANKS.file < PUBLISH_RANKS.releasePage && PUBLISH_RANKS.releasePage < PUBLISH_RANKS.searchIndex && PUBLISH_RANKS.searchIndex < PUBLISH_RANKS.document);
});
