/**
 * Akhbar as an Eleventy plugin. It reads and validates the archive before each build and
 * hands the shared context to each concern, which registers its own templates and steps.
 * `.eleventy.ts` only registers this.
 */
import { rm } from "node:fs/promises";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { indexArchive, type ArchiveIndex } from "../browse/archive-index.js";
import { editArchiveInPlace, isReleaseFile, loadArchive, reloadArchive, type Archive, type Release } from "../content/load.js";
import { PreviewOutput } from "../output/preview-output.js";
import type { AkhbarContext } from "../context/context.js";
import { registerReleasePages } from "../pages/release-pages.js";
import { registerSitePages } from "../pages/site-pages.js";
import { registerAssets } from "../assets/assets.js";
import { registerSearchIndex } from "../search/search-index.js";
import { registerFeeds } from "../feeds/feeds.js";
import { registerSitemaps } from "../feeds/sitemaps.js";
import { registerRedirects } from "../pages/redirect-pages.js";
import { registerEnglishSection } from "../pages/english-section.js";
import { registerImages } from "../render/images.js";
import { registerBrowsePages } from "../pages/list-pages.js";
import { registerDeployment } from "../build/host-headers.js";
import { siteMetadata } from "../content/site.js";
import { buildTime } from "../content/embargo.js";
import { PageCache, pageCacheDir } from "../output/page-cache.js";
import { SEAL_FILE } from "../output/publish.js";
import { archiveCacheDir } from "../content/archive-cache.js";

export default function akhbarPlugin(eleventyConfig: UserConfig): void {
  let archive: Archive | undefined;
  let index: ArchiveIndex | undefined;
  let includeDrafts = false;
  let pageCache: PageCache | undefined;
  // The dev server: the files saved since its last rebuild, and its output between rebuilds.
  let changedFiles: string[] | undefined;
  let preview: PreviewOutput | undefined;
  let edited: Set<Release> | undefined;

  const context: AkhbarContext = {
    site: siteMetadata(),
    archive: () => {
      if (!archive) throw new Error("Internal error: the archive is read in eleventy.before, before any page renders");
      return archive;
    },
    index: () => (index ??= indexArchive(context.archive().releases)),
    includeDrafts: () => includeDrafts,
    pageCache: () => {
      if (!pageCache) throw new Error("Internal error: the page cache is opened in eleventy.before, before any page renders");
      return pageCache;
    },
    edited: () => edited,
    forgetPreviewOutput: () => preview?.forget(),
  };

  // Handlers of one event run one after another, in the order registered below: each step
  // can rely on what the steps before it made (Eleventy's default runs them all at once).
  eleventyConfig.setEventEmitterMode("sequential");

  // The dev server: after every rebuild Eleventy looks for the JavaScript files the configuration
  // imports and hands them to its watcher again, which then walked the content folder once more
  // (0.5 s of each save at 40,000 releases). src/ and layouts/ are watched as folders instead
  // (src/assets/assets.ts): a change there still rebuilds. Node loads an ES module once per process, so
  // a change of code took a restart of `npm start` before this too.
  eleventyConfig.setWatchJavaScriptDependencies(false);

  eleventyConfig.on("eleventy.beforeWatch", (queue: string[]) => {
    changedFiles = queue;
  });

  eleventyConfig.on("eleventy.before", async ({ directories, runMode }) => {
    includeDrafts = runMode !== "build";
    const previous = archive;
    const changed = changedFiles;
    // Forgotten until this read succeeds: a rebuild after a failed one reads every file again.
    archive = undefined;
    changedFiles = undefined;
    edited = undefined;
    const options = { includeDrafts, now: buildTime(), cacheDir: archiveCacheDir() };
    pageCache = new PageCache(pageCacheDir());
    if (!includeDrafts) {
      index = undefined;
      archive = await loadArchive(directories.input, options);
      return;
    }
    // The dev server writes into its output in place: a production build must not trust that site's manifest.
    await rm(path.join(directories.output, SEAL_FILE), { force: true });
    preview ??= new PreviewOutput(directories.output);
    const onlyReleasesChanged = previous && changed && changed.every((file) => isReleaseFile(directories.input, file));
    // Saves that moved no release in the archive: the archive and its indexes stay, and only the
    // pages showing the saved releases are made again (at 150,000 releases, a rebuild that keyed
    // every page took 15 s). Only over an output the last rebuild wrote in full.
    if (onlyReleasesChanged && preview.intact) edited = await editArchiveInPlace(previous, changed, options);
    preview.begin(edited !== undefined);
    if (edited) {
      archive = previous;
      return;
    }
    index = undefined;
    archive = onlyReleasesChanged ? await reloadArchive(previous, changed, options) : await loadArchive(directories.input, options);
  });
  // Before the release pages, which name the fingerprinted assets and the converted pictures.
  registerAssets(eleventyConfig, context);
  registerImages(eleventyConfig);
  // Started here and waited for at the end, so that it runs while the pages are rendered.
  const awaitSearchIndex = registerSearchIndex(eleventyConfig, context);
  registerReleasePages(eleventyConfig, context);
  registerSitePages(eleventyConfig, context);
  registerBrowsePages(eleventyConfig, context);
  registerFeeds(eleventyConfig, context);
  registerSitemaps(eleventyConfig, context);
  registerRedirects(eleventyConfig, context);
  registerEnglishSection(eleventyConfig, context);
  // Waited for once the sitemaps and redirect pages are written, which need nothing of it.
  awaitSearchIndex();
  // After the index: the host's _headers name every file the build wrote.
  registerDeployment(eleventyConfig, context);
  eleventyConfig.on("eleventy.after", async () => {
    // The cache keeps one archive's pages and feeds: a production build drops what it did not use.
    if (!includeDrafts) await context.pageCache().prune();
    else await preview?.finish();
  });
}
