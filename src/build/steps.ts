/**
 * Everything a build does, in order. This list is the build: src/eleventy/plugin.ts runs
 * `BEFORE_ELEVENTY_PAGES` on Eleventy's `eleventy.before`, lets Eleventy render `eleventyPages`,
 * and runs `AFTER_ELEVENTY_PAGES` on `eleventy.after`, one step after another; a production build
 * (src/eleventy/build.ts) prepares its publication before and publishes after. Nothing depends on
 * the order in which anything is registered with Eleventy.
 *
 *   take the output's lock         (production: one build at a time; src/output/output-lock.ts)
 *   prepare the publication        (production: finish an interrupted publish, read what is published, check it against its files)
 *   read the archive               every release file, the site's pages and settings (content/site.yml), validated; the archive index
 *   make the assets                stylesheets, fonts, the search script, fingerprinted
 *   open the picture pipeline
 *   start the search index         in worker threads, while the pages are written
 *   write the release pages
 *   write the list pages
 *   write the English list pages   (/en/news/, archive-paged: src/browse/english-list.ts)
 *   write the site's pages         (content/pages/: about us, contact…; and publish the logo of content/site.yml)
 *   write the feeds
 *   check the file system's letter case   (only when the host gets redirect pages)
 *     Eleventy renders its own pages: home, search, 404, archive and term indexes, robots.txt,
 *     the news sitemap, the host's redirect rules (_redirects, the nginx map: as the host reads),
 *     the English section; and copies the favicon
 *   write the assets
 *   write the editor               (/admin/: Decap CMS in Persian, its configuration made from the schema; src/admin/)
 *   publish the pictures           (and the other files of content/images/ and content/files/ the pages use; no other)
 *   write the sitemaps
 *   write the redirect pages       (for a host without redirect rules: src/hosting/hosts.ts)
 *   wait for the search index      (and its directory: which shards hold each word, src/search/directory-build.ts)
 *   write the host's headers       (_headers, for a host that reads it)
 *   close the build               (prune the page cache; the dev server removes what it no longer has)
 *   check the host's limits        (production: the site's totals from the publication's manifest; a site the host cannot take is not published)
 *   publish                        (production: move what changed into the site, in publish-order.ts's order; release the lock)
 *
 * Each step is a small function over the build's state (state.ts) and its folders.
 */
import path from "node:path";
import { buildAssetManifest, writeAssets } from "../assets/assets.js";
import { writeFeeds } from "../feeds/feeds.js";
import { adminFiles, adminPolicyText, adminSecurityPolicy, contentFolderInRepository, localBackendUrl, releaseYearFolders, writeAdmin } from "../admin/admin-page.js";
import { fontFaceCss } from "../assets/fonts.js";
import { buildTime } from "../content/embargo.js";
import { jalaliParts } from "../persian/dates.js";
import { newsSitemapTime, recentReleases, renderNewsSitemap, renderRobotsTxt, writeSitemaps } from "../feeds/sitemaps.js";
import type { WrittenPage } from "../output/page-writer.js";
import { contentPagesForSitemaps, writeContentPages } from "../pages/content-pages.js";
import { englishListPagesForSitemaps, englishPages, writeEnglishListPages } from "../pages/english-section.js";
import { listPagesForSitemaps, writeListPages } from "../pages/list-pages.js";
import { countRedirectRules, fileSystemIgnoresCase, renderNginxMap, renderRedirectsFile, writeRedirectPages } from "../pages/redirect-pages.js";
import { NGINX_MAP_FILE } from "../hosting/hosts.js";
import { releasePagesForSitemaps, writeReleasePages } from "../pages/release-pages.js";
import { sitePages, type SitePage } from "../pages/site-pages.js";
import { bundleSearchClient } from "../search/client-bundle.js";
import { searchWorkerCount } from "../search/pool.js";
import { buildSearchShards, describeIndexReport, lexiconDir, loadArchiveLexicon, shardBundle, shardKey } from "../search/search-index.js";
import { buildSearchDirectory, describeDirectoryReport, directoryCacheDir } from "../search/directory-build.js";
import { readShardPostings } from "../search/shard-postings.js";
import { searchCacheDir, ShardCache } from "../search/shard-cache.js";
import { searchShards } from "../search/shards.js";
import { writeHostHeaders } from "./host-headers.js";
import type { BuildState } from "./state.js";
import { SETTINGS_FILE } from "../content/content-files.js";
import { inputPathKey, nextId } from "../content/release.js";
import { imageCacheDir } from "../render/images.js";
import { say } from "../messages/messages.js";
import { LETTER_CASE_IGNORED, picturesPublished, searchIndexFailed } from "../messages/build.js";

/** What a step is given besides the state: the build's folders, and what Eleventy wrote. */
export interface BuildRun {
  /** The content folder: data that the steps read, never Eleventy's input (src/eleventy/plugin.ts). */
  contentDir: string;
  outputDir: string;
  /** The dev server (`npm start`): drafts shown, the output kept and rewritten in place. */
  preview: boolean;
  /** Eleventy writes files (not `--to=json`): the steps that write do. */
  writes: boolean;
  /** The pages Eleventy rendered (after its pages only). */
  eleventyResults: readonly WrittenPage[];
}

export interface BuildStep {
  name: string;
  run(state: BuildState, run: BuildRun): void | Promise<void>;
}

/** A step that writes files, skipped when Eleventy writes none (`--to=json`). */
function writing(write: (state: BuildState, run: BuildRun) => Promise<unknown>): BuildStep["run"] {
  return async (state, run) => {
    if (run.writes) await write(state, run);
  };
}

export const BEFORE_ELEVENTY_PAGES: readonly BuildStep[] = [
  { name: "read the archive", run: (state, run) => state.readArchive(run.contentDir, run.outputDir, run.preview) },
  { name: "make the assets", run: makeAssets },
  { name: "open the picture pipeline", run: (state, run) => state.openPictures(run.contentDir) },
  { name: "start the search index", run: startSearchIndex },
  { name: "write the release pages", run: writing((state, run) => writeReleasePages(run.outputDir, state)) },
  { name: "write the list pages", run: writing((state, run) => writeListPages(run.outputDir, state)) },
  { name: "write the English list pages", run: writing((state, run) => writeEnglishListPages(run.outputDir, state)) },
  { name: "write the site's pages", run: writing((state, run) => writeContentPages(run.outputDir, state, inputPathKey(path.join(run.contentDir, SETTINGS_FILE)))) },
  { name: "write the feeds", run: writing((state, run) => writeFeeds(run.outputDir, state)) },
  { name: "check the file system's letter case", run: checkLetterCase },
];

export const AFTER_ELEVENTY_PAGES: readonly BuildStep[] = [
  { name: "write the assets", run: writing((state, run) => writeAssets(run.outputDir, state.assets())) },
  { name: "write the editor", run: writing(writeEditor) },
  { name: "publish the pictures", run: publishPictures },
  { name: "write the sitemaps", run: writeAllSitemaps },
  { name: "write the redirect pages", run: writing(writeRedirectPagesForHost) },
  { name: "wait for the search index", run: awaitSearchIndex },
  { name: "write the host's headers", run: writing(writeHeadersForHost) },
  { name: "close the build", run: (state) => state.close() },
];

/**
 * The pages Eleventy renders (the few that are not one per release or per list page). Listed when
 * Eleventy reads its configuration, after the build's host is set (src/eleventy/build.ts): a rule
 * file the host does not read is not listed, so not written.
 */
export function eleventyPages(state: BuildState): SitePage[] {
  // The site is read when a page renders: the build's first step reads content/site.yml.
  return [
    ...sitePages(state),
    { name: "robots", permalink: "/robots.txt", render: () => renderRobotsTxt(state.site) },
    { name: "sitemap-news", permalink: "/sitemap-news.xml", render: () => renderNewsSitemap(state.site, recentReleases(state.archive().releases, newsSitemapTime())) },
    ...(state.host.redirectsFile ? [{ name: "redirects-file", permalink: "/_redirects", render: () => redirectsFileForHost(state) }] : []),
    ...(state.host.redirects === "nginx-map"
      ? [{ name: "nginx-redirects", permalink: NGINX_MAP_FILE, render: () => state.redirectsFile(NGINX_MAP_FILE, (redirects) => renderNginxMap(redirects, state.site.pathPrefix)) }]
      : []),
    ...englishPages(state),
  ];
}

/** `_redirects`, its rules and bytes noted for the check of the host's limits. */
function redirectsFileForHost(state: BuildState): string {
  const text = state.redirectsFile("/_redirects", (redirects) => renderRedirectsFile(redirects, state.site.pathPrefix));
  state.hostFiles.redirectRules = countRedirectRules(text);
  state.hostFiles.redirectsFileBytes = Buffer.byteLength(text);
  return text;
}

/** A page at each old address, for a host that has no redirect rules (src/hosting/hosts.ts `RedirectForm`). */
async function writeRedirectPagesForHost(state: BuildState, run: BuildRun): Promise<void> {
  if (state.host.redirects !== "pages") return;
  await writeRedirectPages(run.outputDir, state, state.redirects(), state.skipLegacyPages);
}

/** `_headers`, for a host that reads it; its rules noted for the check of the host's limits. */
async function writeHeadersForHost(state: BuildState, run: BuildRun): Promise<void> {
  if (!state.host.headersFile) return;
  const adminPolicy = adminPolicyText(adminSecurityPolicy(state.cms, localBackendUrl()), "header");
  state.hostFiles.headerRules = await writeHostHeaders(run.outputDir, state.site.pathPrefix, state.ledger(), adminPolicy);
}

/**
 * /admin/, the browser's editor (src/admin/). A rebuild of releases edited in place keeps it: the
 * archive's next free id, the one thing in it that releases change, changes only with a new file.
 */
async function writeEditor(state: BuildState, run: BuildRun): Promise<void> {
  if (state.edited()) return;
  const archive = state.archive();
  const assets = state.assets();
  const files = await adminFiles({
    config: {
      contentFolder: contentFolderInRepository(run.contentDir),
      years: await releaseYearFolders(run.contentDir),
      currentYear: jalaliParts(buildTime()).year,
      nextId: nextId([...archive.byInputPath.values()].map((release) => release.id)),
      cms: state.cms,
      localBackendUrl: localBackendUrl(),
    },
    siteStylesheet: assets.url("site.rtl.css"),
    fontFaces: fontFaceCss((face) => `..${assets.url(`fonts/${face.name}`)}`),
    siteName: state.site.name.fa,
  });
  await writeAdmin(run.outputDir, files);
}

async function makeAssets(state: BuildState): Promise<void> {
  // Assets are made from the code and the fonts, never from releases: a dev-server rebuild of
  // edited releases keeps them (bundling and subsetting again took a good part of a second).
  if (state.keepsAssets()) return;
  state.setAssets(await buildAssetManifest(await bundleSearchClient()));
}

/**
 * The index is started as soon as the archive is read and waited for near the end of the build:
 * the shards are indexed in worker threads, each with its own Pagefind process, while the main
 * thread renders the pages (the index is made from the release files, not from the pages, so
 * it needs nothing they write).
 */
async function startSearchIndex(state: BuildState, run: BuildRun): Promise<void> {
  // One index at a time writes into the dev server's output.
  await state.previewIndex;
  const controller = new AbortController();
  const shards = searchShards(state.index());
  const edited = state.edited();
  // A rebuild of edited releases indexes only their shards; the others are as they were.
  const changed = edited ? shards.filter((shard) => shard.releases.some((release) => edited.has(release))) : shards;
  const cache = new ShardCache(searchCacheDir());
  const ledger = state.ledger();
  const prune = !state.includeDrafts();
  const directoryCache = directoryCacheDir();
  const site = state.includeDrafts() ? "preview" : "production";
  // Compounds are learnt from the whole archive, whichever shards this build indexes.
  const lexicon = loadArchiveLexicon(lexiconDir(cache, directoryCache), site, cache, shards);
  const indexed = buildSearchShards(run.outputDir, changed, { cache, prune, workers: searchWorkerCount(), signal: controller.signal, ledger, directoryCache, lexicon });
  // The directory follows the shards: it reads the words of those that changed from their bundles.
  const report = indexed.then(async (index) => {
    const publishedDir = typeof ledger?.publishedDir === "string" ? ledger.publishedDir : undefined;
    // The dev server indexes only the edited releases' shards: the others keep the keys the lexicon gives them.
    const archiveLexicon = await lexicon;
    const keys = shards.map((shard): string => {
      const contentKey = shardKey(cache, shard);
      return index.keys.get(shard.id) ?? archiveLexicon.keyOf(contentKey) ?? contentKey;
    });
    const directory = await buildSearchDirectory(
      run.outputDir,
      shards.map((shard, position) => {
        const key = keys[position]!;
        return { id: shard.id, key, postings: async (scratch: string) => readShardPostings(await shardBundle(shard, key, { cache, siteDir: run.outputDir, publishedDir, scratch, lexicon: archiveLexicon })) };
      }),
      { ledger, prune, cacheDir: directoryCache, site },
    );
    return { index, directory };
  });
  // Its failure is reported when it is waited for; a build that fails before then stops it and
  // waits for it to stop (BuildState.searchIndexSettled) and reports its own error.
  const settled = report.then(
    () => undefined,
    () => undefined,
  );
  state.searchIndexing = { report, stop: () => controller.abort(), settled };
  // A production build waits here for the lexicon the shards' jobs need, so that the search
  // workers start before the pages: each await on the way to a worker's first job otherwise
  // waited for a turn of a main thread busy rendering (at 10,000 releases the workers started
  // 10 s late). The dev server does not wait: a save's pages come first.
  if (!state.includeDrafts()) await lexicon.catch(() => undefined);
}

async function awaitSearchIndex(state: BuildState): Promise<void> {
  const indexing = state.searchIndexing;
  if (!indexing) throw new Error("Internal error: the search index was not started before the build");
  state.searchIndexing = undefined;
  if (!state.includeDrafts()) {
    const { index, directory } = await indexing.report;
    console.log(say(describeIndexReport(index)));
    console.log(say(describeDirectoryReport(directory)));
    return;
  }
  // The dev server reloads the browser as soon as the pages are written: re-indexing the shard
  // of a saved release takes seconds more, and the search follows when it is done. A failed
  // index is reported; the next rebuild rewrites what it left.
  state.previewIndex = indexing.report.then(
    ({ index, directory }) => {
      console.log(say(describeIndexReport(index)));
      console.log(say(describeDirectoryReport(directory)));
    },
    (error: unknown) => {
      console.error(say(searchIndexFailed(error instanceof Error ? error.message : String(error))));
      state.forgetPreviewOutput();
    },
  );
}

function checkLetterCase(state: BuildState, run: BuildRun): void {
  // Only a /News/<id>/ page can clash with its release's /news/<id>/: a host with redirect rules gets none.
  state.skipLegacyPages = state.host.redirects === "pages" && fileSystemIgnoresCase(path.dirname(path.resolve(run.outputDir)));
  if (state.skipLegacyPages) {
    console.warn(say(LETTER_CASE_IGNORED));
  }
}

async function publishPictures(state: BuildState, run: BuildRun): Promise<void> {
  const work = await state.pictures().finish(run.outputDir, state.ledger());
  if (work.converted + work.reused > 0) {
    console.log(say(picturesPublished(work.converted, work.reused, imageCacheDir())));
  }
}

async function writeAllSitemaps(state: BuildState, run: BuildRun): Promise<void> {
  // A sitemap lists addresses and dates: a rebuild of releases edited in place changed neither.
  if (!run.writes || state.edited()) return;
  await writeSitemaps(run.outputDir, state, [
    ...run.eleventyResults,
    ...releasePagesForSitemaps(state),
    ...listPagesForSitemaps(state),
    ...englishListPagesForSitemaps(state),
    ...contentPagesForSitemaps(state.contentPages()),
  ]);
}
