/**
 * Release pages: every Markdown file under the content folder is a release, rendered by
 * markdown-it into the release layout at /news/<id>/ (English: /en/news/<id>/).
 *
 * Release pages are not Eleventy templates: they are rendered from the validated archive,
 * in batches, and written straight to the output (src/output/page-writer.ts) as soon as the
 * archive is read, so that nothing of them stays in memory. Eleventy keeps every template
 * it renders, with its data and content, until the build ends (about 55 KB a page: 12 GB
 * for the 150,000-release archive), and its per-template bookkeeping was most of the
 * build's time. The release files are read by the archive loader (src/content/load.ts), never by
 * Eleventy, and Eleventy's own collections are not used: lists are made from the validated archive.
 */
import { isShown } from "../content/load.js";
import type { Release } from "../content/release.js";
import { readReleaseSource } from "../content/release-source.js";
import type { AkhbarContext } from "../context/context.js";
import { parseFrontMatter } from "../content/front-matter.js";
import { createMarkdown } from "../render/markdown.js";
import { bodyVideos } from "../render/video-markdown.js";
import { renderRelease, type ReleasePageBrowsing } from "../../layouts/release.js";
import { leadImage, releaseSharingPicture, useConvertedPictures } from "../render/images.js";
import { releasePageBrowsing } from "./list-pages.js";
import { releaseBrowsingReader, releasesShowing } from "../browse/release-navigation.js";
import { assetsVersion, writeGeneratedFiles, type WriteReport, type WrittenPage } from "../output/page-writer.js";
import { pageCacheDir, type PageCacheReport } from "../output/page-cache.js";
import { html } from "../render/html.js";
import { prefixHtmlUrls } from "../render/html-urls.js";
import { say } from "../messages/messages.js";
import { releasePagesWritten } from "../messages/build.js";

/** The releases that get a page in this build: published ones, and in preview drafts and embargoed ones too. */
export function releasesWithPages(context: AkhbarContext): Release[] {
  const includeDrafts = context.includeDrafts();
  return [...context.archive().byInputPath.values()].filter((release) => isShown(release, { includeDrafts }));
}

/**
 * Renders and writes every release page of the build under way into `outputDir`. A page whose
 * inputs did not change since an earlier build is read from the build cache (src/output/page-cache.ts)
 * instead of being rendered. Pages with pictures are always rendered: rendering is what tells the
 * picture pipeline which converted files the build must publish.
 */
export async function writeReleasePages(outputDir: string, context: AkhbarContext): Promise<WriteReport & { cache: PageCacheReport }> {
  const markdown = createMarkdown();
  const pictures = context.pictures();
  useConvertedPictures(markdown, pictures);
  const assets = context.assets();
  const cache = context.pageCache();
  const before = { ...cache.report };
  // The site settings, which every page shows, hashed once per build, not into each of 150,000 keys;
  // and apart, the stylesheets', fonts' and script's fingerprinted addresses, which every page names:
  // a page published with other ones is readdressed, not rendered (src/output/page-writer.ts).
  const settings = cache.key(JSON.stringify({ site: context.site }));
  const assetsKey = cache.key(assets.key());
  const index = context.index();
  const browse = context.browse();
  const edited = context.edited();
  // A rebuild of edited releases makes only the pages that show them; the others are as they were.
  const releases = edited ? [...releasesShowing(index, browse, edited)] : releasesWithPages(context);
  const browsingReads = releaseBrowsingReader(index, browse);
  const translationOf = shownTranslation(context);
  const written = await writeGeneratedFiles(outputDir, releases, async (release) => {
    const render = async () => {
      const browsing = releasePageBrowsing(context, release);
      const { body } = parseFrontMatter(await readReleaseSource(release));
      // The environment names the file, for the picture pipeline's messages (as Eleventy's page data did),
      // and collects the body's videos (src/render/video-markdown.ts) for the page's JSON-LD.
      const env = { page: { inputPath: release.inputPath }, lang: release.lang, ...bodyVideos("player", release) };
      const bodyHtml = markdown.render(body, env);
      const videos = env.videos.found;
      return prefixHtmlUrls(renderRelease({ site: context.site, assets, release, bodyHtml, image: leadImage(pictures, release), browsing, videos, sharingPicture: releaseSharingPicture(pictures, release), translation: translationOf(release) }), context.site.pathPrefix);
    };
    const target = `${release.url}index.html`;
    if (release.hasPictures) {
      cache.report.rendered++;
      return { path: target, content: await render() };
    }
    // The file's hash stands for its text, and the files its browsing reads for its browsing
    // (src/browse/release-navigation.ts): a page found in the cache or the published site costs no read of
    // its file, and no working out of its links.
    const browsing = browsingReads(release) ?? browsingShown(releasePageBrowsing(context, release));
    // The translation's page, when this build has one (its address; gone when it is a draft or embargoed).
    const translation = translationOf(release)?.url ?? "-";
    const key = assetsVersion(cache.key(`release\n${settings}\n${release.fileHash}\n${target}\n${release.embargoed ?? false}\n${browsing}\n${translation}`), assetsKey);
    cache.keep(key);
    // Read from the cache, or rendered, only if the published site does not have this version.
    return { path: target, version: key, content: () => cache.page(key, render) };
  }, context.ledger(), { readdress: (page) => assets.readdressed(page) });
  // The cache is shared with the feeds: this pass's part of its report.
  const report: PageCacheReport = { reused: cache.report.reused - before.reused, rendered: cache.report.rendered - before.rendered, removed: 0 };
  // Unchanged: read from the cache, or not needed at all because the published site has the page.
  const unchanged = written.written + written.unchanged - report.rendered;
  console.log(say(releasePagesWritten(report.rendered, unchanged, pageCacheDir(), written.written)));
  return { ...written, cache: report };
}

/**
 * The release's translation (src/content/load.ts `translationPairs`) when this build gives it a
 * page: a draft or an embargoed translation is linked only in preview, like its page.
 */
export function shownTranslation(context: AkhbarContext): (release: Release) => Release | undefined {
  const pairs = context.archive().translations;
  const options = { includeDrafts: context.includeDrafts() };
  return (release) => {
    const other = pairs?.get(release);
    return other && isShown(other, options) ? other : undefined;
  };
}

/** A release page's browsing as shown: what keys the page of a release that is in no list. */
function browsingShown(browsing: ReleasePageBrowsing): string {
  return JSON.stringify([html`${browsing.before}${browsing.after}`.value, browsing.countyUrl, browsing.organizationUrl, [...browsing.tagUrls]]);
}

/**
 * The release pages as the sitemaps see written pages (src/feeds/sitemaps.ts reads Eleventy's results,
 * which no longer hold them). Drafts and embargoed releases shown in preview are noindex: left out.
 */
export function releasePagesForSitemaps(context: AkhbarContext): WrittenPage[] {
  return releasesWithPages(context)
    .filter((release) => !release.draft && !release.embargoed)
    .map((release) => ({ url: release.url, outputPath: `${release.url}index.html`, content: "" }));
}
