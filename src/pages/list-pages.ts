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
import type { Release } from "../content/release.js";
import type { AkhbarContext } from "../context/context.js";
import { listPages, listPagesShowing } from "../browse/lists.js";
import { releaseBrowsing } from "../browse/release-navigation.js";
import { assetsVersion, writeGeneratedFiles, type GeneratedFile, type WriteReport, type WrittenPage } from "../output/page-writer.js";
import { prefixHtmlUrls } from "../render/html-urls.js";
import { say } from "../messages/messages.js";
import { listPagesWritten } from "../messages/build.js";
import { listPageInputs, renderListPage } from "../../layouts/list.js";
import type { ReleasePageBrowsing } from "../../layouts/release.js";
import { releaseBreadcrumbs, releaseFollowUps } from "../../layouts/release-browsing.js";

/** What the release layout shows for browsing (see layouts/release.ts). */
export function releasePageBrowsing(context: AkhbarContext, release: Release): ReleasePageBrowsing {
  const browsing = releaseBrowsing(context.index(), context.browse(), release);
  return {
    before: releaseBreadcrumbs(release.lang, browsing),
    after: releaseFollowUps(release.lang, browsing),
    countyUrl: browsing.countyUrl,
    organizationUrl: browsing.organizationUrl,
    tagUrls: browsing.tagUrls,
    typeUrl: browsing.typeUrl,
  };
}

/** Renders and writes every list page of the build under way into `outputDir`. */
export async function writeListPages(outputDir: string, context: AkhbarContext): Promise<WriteReport> {
  const { site } = context;
  const browse = context.browse();
  const assets = context.assets();
  const cache = context.pageCache();
  // The assets apart: a page published with other ones is readdressed, not rendered (src/output/page-writer.ts).
  const settings = cache.key(JSON.stringify({ site }));
  const assetsKey = cache.key(assets.key());
  let rendered = 0;
  const edited = context.edited();
  // A rebuild of edited releases makes only the pages that list them; the others are as they were.
  const pages = edited ? listPagesShowing(browse, edited) : listPages(browse);
  const report = await writeGeneratedFiles(outputDir, pages, async (page): Promise<GeneratedFile> => {
    const path = `${page.url}index.html`;
    const render = async () => {
      rendered++;
      return prefixHtmlUrls(renderListPage({ site, assets, page, browse }), site.pathPrefix);
    };
    const inputs = listPageInputs({ page, browse });
    if (inputs === undefined) return { path, content: await render() };
    // Not kept in the page cache: a list page is quick to render once it is known to have changed.
    return { path, version: assetsVersion(cache.key(`list\n${settings}\n${inputs}`), assetsKey), content: render };
  }, context.ledger(), { readdress: (page) => assets.readdressed(page) });
  console.log(say(listPagesWritten(report.written + report.unchanged, rendered, report.written)));
  return report;
}

/** The list pages as the sitemaps see written pages (they are not in Eleventy's results): all are indexed. */
export function listPagesForSitemaps(context: AkhbarContext): WrittenPage[] {
  return listPages(context.browse()).map((page) => ({ url: page.url, outputPath: `${page.url}index.html`, content: "" }));
}
