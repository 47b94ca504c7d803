/**
 * The pages of content/pages/ (src/content/content-page.ts): each rendered from its Markdown, with
 * the releases' renderer (raw HTML escaped, pictures through the picture pipeline), into
 * layouts/page.ts at /<slug>/ (English: /en/<slug>/). They are written like the release pages:
 * through the page writer, recorded in the ledger, and kept in the page cache unless they show
 * pictures (rendering them is what tells the picture pipeline what to publish).
 *
 * The site's logo (content/site.yml) is published here too: every page's header shows it.
 */
import type { ContentPage } from "../content/content-page.js";
import type { AkhbarContext } from "../context/context.js";
import { assetsVersion, writeGeneratedFiles, type WriteReport, type WrittenPage } from "../output/page-writer.js";
import { prefixHtmlUrls } from "../render/html-urls.js";
import { useConvertedPictures } from "../render/images.js";
import { createMarkdown } from "../render/markdown.js";
import { say } from "../messages/messages.js";
import { pagesWritten } from "../messages/site.js";
import { renderContentPage } from "../../layouts/page.js";

/** The place of the logo in content/site.yml, for the picture pipeline's messages. */
const LOGO_FIELD = "logo";

/** Renders and writes the site's pages into `outputDir`, and publishes the logo. */
export async function writeContentPages(outputDir: string, context: AkhbarContext, settingsFile: string): Promise<WriteReport> {
  const { site } = context;
  const pictures = context.pictures();
  // Every page shows the logo and names it in its sharing tags: it is published whatever else the build makes.
  if (site.logo) pictures.linkedFile(site.logo.url, { file: settingsFile, field: LOGO_FIELD, find: site.logo.url });
  const pages = context.contentPages();
  // A rebuild of releases edited in place changed no page (nor the menu and footer every page shows).
  if (pages.length === 0 || context.edited()) return { written: 0, unchanged: 0, readdressed: 0 };
  const markdown = createMarkdown();
  useConvertedPictures(markdown, pictures);
  const assets = context.assets();
  const cache = context.pageCache();
  // The assets apart: a page published with other ones is readdressed, not rendered (src/output/page-writer.ts).
  const settings = cache.key(JSON.stringify({ site }));
  const assetsKey = cache.key(assets.key());
  const report = await writeGeneratedFiles(outputDir, pages, (page) => {
    const target = `${page.url}index.html`;
    const render = async () => {
      // The environment names the file, for the picture pipeline's messages (as for releases).
      const bodyHtml = markdown.render(page.body, { page: { inputPath: page.inputPath }, lang: page.lang });
      return prefixHtmlUrls(renderContentPage({ site, assets, page, bodyHtml }), site.pathPrefix);
    };
    if (page.hasPictures) return render().then((content) => ({ path: target, content }));
    const key = assetsVersion(cache.key(`page\n${settings}\n${page.fileHash}\n${target}`), assetsKey);
    cache.keep(key);
    return { path: target, version: key, content: () => cache.page(key, render) };
  }, context.ledger(), { readdress: (page) => assets.readdressed(page) });
  console.log(say(pagesWritten(pages.length, report.written)));
  return report;
}

/** The site's pages as the sitemaps see written pages: all are indexed. */
export function contentPagesForSitemaps(pages: readonly ContentPage[]): WrittenPage[] {
  return pages.map((page) => ({ url: page.url, outputPath: `${page.url}index.html`, content: "" }));
}
