/**
 * Browsing the archive: latest news (/news/), the Jalali archive (/archive/…), counties,
 * organizations and tags, and what release pages add (breadcrumbs, previous/next, related).
 *
 * List pages are made from light page descriptors (src/browse/lists.ts: kind, key, page number
 * and address); each looks its releases up in the build's indexes, so no page scans the
 * archive. They are written outside Eleventy, in batches, like the release pages
 * (src/output/page-writer.ts): at 150,000 releases they are ~44,000 pages, and as one paginated
 * Eleventy template they took 568 s of a 753 s rebuild (12.9 ms a page, against 0.3 ms here),
 * with Eleventy keeping every one of them in memory until the build ended.
 */
import type { UserConfig } from "@11ty/eleventy";
import type { ArchiveIndex } from "../browse/archive-index.js";
import type { Release } from "../content/load.js";
import type { AkhbarContext } from "../context/context.js";
import { ARCHIVE_URL, TERM_SECTION_URLS } from "../browse/urls.js";
import { buildBrowseIndex, listPages, listPagesShowing, TERM_KINDS, type BrowseIndex } from "../browse/lists.js";
import { releaseBrowsing } from "../browse/release-navigation.js";
import { addPage } from "./site-pages.js";
import { writeGeneratedFiles, type GeneratedFile, type WriteReport } from "../output/page-writer.js";
import { prefixHtmlUrls } from "../render/html-urls.js";
import type { WrittenPage } from "../feeds/sitemaps.js";
import { renderArchiveIndex } from "../../layouts/archive.js";
import { listPageInputs, renderListPage } from "../../layouts/list.js";
import { assetManifestKey } from "../render/asset-manifest.js";
import type { ReleasePageBrowsing } from "../../layouts/release.js";
import { releaseBreadcrumbs, releaseFollowUps } from "../../layouts/release-browsing.js";
import { renderTermIndex } from "../../layouts/terms.js";

const browseIndexes = new WeakMap<ArchiveIndex, BrowseIndex>();

/** The browsing indexes of the build under way, made once per build (the archive index is). */
export function browseIndexOf(context: AkhbarContext): BrowseIndex {
  const index = context.index();
  let browse = browseIndexes.get(index);
  if (!browse) browseIndexes.set(index, (browse = buildBrowseIndex(context.archive().releases, index)));
  return browse;
}

/** What the release layout shows for browsing (see layouts/release.ts). */
export function releasePageBrowsing(context: AkhbarContext, release: Release): ReleasePageBrowsing {
  const browsing = releaseBrowsing(context.index(), browseIndexOf(context), release);
  return {
    before: releaseBreadcrumbs(release.lang, browsing),
    after: releaseFollowUps(release.lang, browsing),
    countyUrl: browsing.countyUrl,
    organizationUrl: browsing.organizationUrl,
    tagUrls: browsing.tagUrls,
  };
}

export function registerBrowsePages(eleventyConfig: UserConfig, context: AkhbarContext): void {
  const { site } = context;
  // After the release pages (registered before this): the archive is read and the indexes made.
  eleventyConfig.on("eleventy.before", async ({ directories, outputMode }) => {
    if (outputMode === "fs") await writeListPages(directories.output, context);
  });

  addPage(eleventyConfig, "archive", `${ARCHIVE_URL}index.html`, () => renderArchiveIndex({ site, years: context.index().years }));
  for (const kind of TERM_KINDS) {
    const terms = { county: "counties", organization: "organizations", tag: "tags" } as const;
    addPage(eleventyConfig, `${kind}-index`, `${TERM_SECTION_URLS[kind]}index.html`, () =>
      renderTermIndex({ site, kind, terms: context.index()[terms[kind]] }),
    );
  }
}

/** Renders and writes every list page of the build under way into `outputDir`. */
export async function writeListPages(outputDir: string, context: AkhbarContext): Promise<WriteReport> {
  const { site } = context;
  const browse = browseIndexOf(context);
  const cache = context.pageCache();
  const settings = cache.key(JSON.stringify({ site, assets: assetManifestKey() }));
  let rendered = 0;
  const edited = context.edited();
  // A rebuild of edited releases makes only the pages that list them; the others are as they were.
  const pages = edited ? listPagesShowing(browse, edited) : listPages(browse);
  const report = await writeGeneratedFiles(outputDir, pages, async (page): Promise<GeneratedFile> => {
    const path = `${page.url}index.html`;
    const render = async () => {
      rendered++;
      return prefixHtmlUrls(renderListPage({ site, page, browse }), site.pathPrefix);
    };
    const inputs = listPageInputs({ page, browse });
    if (inputs === undefined) return { path, content: await render() };
    // Not kept in the page cache: a list page is quick to render once it is known to have changed.
    return { path, version: cache.key(`list\n${settings}\n${inputs}`), content: render };
  });
  console.log(`[akhbar] list pages: ${report.written + report.unchanged} pages, ${rendered} rendered, ${report.written} files written`);
  return report;
}

/** The list pages as the sitemaps see written pages (they are not in Eleventy's results): all are indexed. */
export function listPagesForSitemaps(context: AkhbarContext): WrittenPage[] {
  return listPages(browseIndexOf(context)).map((page) => ({ url: page.url, outputPath: `${page.url}index.html`, content: "" }));
}
