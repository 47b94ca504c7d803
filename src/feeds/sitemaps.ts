/**
 * Sitemaps and robots.txt. /sitemap.xml is a sitemap index; its children list at most
 * 50,000 addresses each (the protocol's limit): the site's own pages in sitemap-pages-N.xml,
 * the releases oldest first in sitemap-releases-N.xml, so that a new release changes only the
 * last child and the others stay as search engines last read them. /sitemap-news.xml is the
 * Google News sitemap of the releases of the last two days before the build.
 *
 * The children are made from what the build wrote (Eleventy's results, and the release and
 * list pages written outside Eleventy), after every page is rendered: any page another concern adds is listed without being declared here, and a page
 * that asks not to be indexed (redirects, 404, drafts in the dev server) is left out.
 *
 * The build is otherwise deterministic; the news sitemap depends on "now", which is the
 * SOURCE_DATE_EPOCH environment variable (seconds, the reproducible-builds convention) when
 * set, and the clock when not.
 */
import { absoluteUrl } from "../render/absolute-url.js";
import { lastModified, type Release } from "../content/release.js";
import type { AkhbarContext } from "../context/context.js";
import { toIsoString } from "../persian/dates.js";
import { withPathPrefix, type SiteMetadata } from "../content/site.js";
import { SettingError } from "../content/setting-error.js";
import { sourceDateEpochInvalid } from "../messages/settings.js";
import { xml, xmlDocument } from "../render/xml.js";
import { writeGeneratedFiles, type WrittenPage } from "../output/page-writer.js";

export const SITEMAP_URL_LIMIT = 50_000;
/** Google News reads releases of the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;
export const NEWS_URL_LIMIT = 1000;

const SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

export interface SitemapEntry {
  /** Absolute address. */
  loc: string;
  lastmod?: string;
}

/** Splits `items` into runs of at most `size`, in order; no items, no runs. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive whole number, not ${size}`);
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

export function renderUrlset(entries: readonly SitemapEntry[]): string {
  return xmlDocument(xml`<urlset xmlns="${SITEMAP_NS}">
${entries.map((entry) => xml`<url><loc>${entry.loc}</loc>${entry.lastmod ? xml`<lastmod>${entry.lastmod}</lastmod>` : ""}</url>\n`)}</urlset>`);
}

export function renderSitemapIndex(sitemaps: readonly SitemapEntry[]): string {
  return xmlDocument(xml`<sitemapindex xmlns="${SITEMAP_NS}">
${sitemaps.map((sitemap) => xml`<sitemap><loc>${sitemap.loc}</loc>${sitemap.lastmod ? xml`<lastmod>${sitemap.lastmod}</lastmod>` : ""}</sitemap>\n`)}</sitemapindex>`);
}

/** The releases of the `windowMs` before `now` (none from after it), newest first; `releases` newest first. */
export function recentReleases(releases: readonly Release[], now: number, windowMs = NEWS_WINDOW_MS, limit = NEWS_URL_LIMIT): Release[] {
  const recent: Release[] = [];
  for (const release of releases) {
    const time = release.date.toMillis();
    if (time > now) continue;
    if (time < now - windowMs || recent.length === limit) break;
    recent.push(release);
  }
  return recent;
}

export function renderNewsSitemap(site: SiteMetadata, releases: readonly Release[]): string {
  return xmlDocument(xml`<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">
${releases.map((release) => xml`<url><loc>${absoluteUrl(site.url, release.url)}</loc><news:news><news:publication><news:name>${site.name[release.lang]}</news:name><news:language>${release.lang}</news:language></news:publication><news:publication_date>${toIsoString(release.date)}</news:publication_date><news:title>${release.title}</news:title></news:news></url>\n`)}</urlset>`);
}

export function renderRobotsTxt(site: SiteMetadata): string {
  // The browser's editor (/admin/, src/admin/) is no page for a search engine.
  return `User-agent: *\nAllow: /\nDisallow: ${withPathPrefix(site.pathPrefix, "/admin/")}\n\nSitemap: ${absoluteUrl(site.url, "/sitemap.xml")}\nSitemap: ${absoluteUrl(site.url, "/sitemap-news.xml")}\n`;
}

/**
 * "Now" for the news sitemap, in ms: SOURCE_DATE_EPOCH (seconds) when set, else the clock. Not
 * the build's "now" that decides embargoes (`buildTime` of src/content/embargo.ts, AKHBAR_NOW).
 */
export function newsSitemapTime(env: NodeJS.ProcessEnv = process.env, clock: () => number = Date.now): number {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch === undefined || epoch === "") return clock();
  if (!/^\d+$/.test(epoch)) throw new SettingError(sourceDateEpochInvalid(epoch));
  return Number(epoch) * 1000;
}

/** Whether a page the build wrote asks robots not to index it (`<meta name="robots" content="…noindex…">` in its head). */
export function isNoindex(page: string): boolean {
  const headEnd = page.indexOf("</head>");
  const head = headEnd === -1 ? page : page.slice(0, headEnd);
  // Only the build's own layouts are read here, which write this tag in this one form.
  return /<meta name="robots" content="[^"]*\bnoindex\b/i.test(head);
}

export interface SitemapFile {
  /** Root-relative address. */
  url: string;
  /**
   * What the file is made from, as one string (addresses, and each release's file hash for its
   * date): a build over the published site renders only the children whose inputs changed,
   * the newest one in a day's build, not all 150,000 addresses.
   */
  inputs: string;
  content: () => string;
}

/** The index and its children, from the pages written; `releases` newest first (as the archive keeps them). */
export function planSitemaps(site: SiteMetadata, pages: readonly WrittenPage[], releases: readonly Release[], limit = SITEMAP_URL_LIMIT): SitemapFile[] {
  const abs = (url: string) => absoluteUrl(site.url, url);
  const written = new Set<string>();
  const others: string[] = [];
  for (const page of pages) {
    if (!page.outputPath.endsWith(".html") || isNoindex(page.content)) continue;
    written.add(page.url);
    others.push(page.url);
  }
  const releaseUrls = new Set<string>();
  const listed: Release[] = [];
  for (let index = releases.length - 1; index >= 0; index--) {
    const release = releases[index]!;
    if (!written.has(release.url)) continue;
    releaseUrls.add(release.url);
    listed.push(release);
  }
  const pageUrls = others.filter((url) => !releaseUrls.has(url)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

  const files: SitemapFile[] = [];
  const children: SitemapEntry[] = [];
  const childUrl = (name: string, index: number) => `/sitemap-${name}-${index + 1}.xml`;
  chunk(pageUrls, limit).forEach((urls, index) => {
    const url = childUrl("pages", index);
    files.push({ url, inputs: `${site.url}\n${urls.join("\n")}`, content: () => renderUrlset(urls.map((page) => ({ loc: abs(page) }))) });
    children.push({ loc: abs(url) });
  });
  chunk(listed, limit).forEach((group, index) => {
    const url = childUrl("releases", index);
    // A release's file hash stands for its date: the entries are made only if the child is written.
    const inputs = `${site.url}\n${group.map((release) => `${release.url} ${release.fileHash}`).join("\n")}`;
    files.push({ url, inputs, content: () => renderUrlset(group.map((release) => ({ loc: abs(release.url), lastmod: toIsoString(lastModified(release)) }))) });
    // The child changed when its latest release was published or corrected (`updated:`).
    let latest = lastModified(group.at(-1)!);
    for (const release of group) if (release.updated && release.updated.toMillis() > latest.toMillis()) latest = release.updated;
    children.push({ loc: abs(url), lastmod: toIsoString(latest) });
  });
  const index = renderSitemapIndex(children);
  return [{ url: "/sitemap.xml", inputs: index, content: () => index }, ...files];
}

/**
 * Writes the sitemap index and its children into `outputDir`, listing `pages`: every page the
 * build wrote (Eleventy's own, the release pages and the list pages).
 */
export async function writeSitemaps(outputDir: string, context: AkhbarContext, pages: readonly WrittenPage[]): Promise<void> {
  const cache = context.pageCache();
  const files = planSitemaps(context.site, pages, context.archive().releases);
  await writeGeneratedFiles(outputDir, files, (file) => ({ path: file.url, version: cache.key(`sitemap\n${file.inputs}`), content: async () => file.content() }), context.ledger());
}
