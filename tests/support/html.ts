/**
 * Helpers for tests that read a built site: list its files, load a page with cheerio,
 * hash a whole tree, and find internal links that lead nowhere.
 */
import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import * as cheerio from "cheerio";

export type Page = cheerio.CheerioAPI;

/**
 * Whether a page of the built site is one for readers: every page but the browser's editor
 * (/admin/, src/admin/), a Decap CMS application with its own policy and tests (tests/browser/admin.test.ts).
 */
export function isReaderPage(file: string): boolean {
  return !file.startsWith("admin/");
}

/** Every file under `root`, as sorted paths relative to it with forward slashes. */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

/** Path (relative, forward slashes) → sha256 of the file's bytes, for the whole tree. */
export async function hashTree(root: string): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listFiles(root)) {
    hashes.set(file, createHash("sha256").update(await readFile(path.join(root, file))).digest("hex"));
  }
  return hashes;
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** Loads a built page; `file` is relative to the site folder (`news/140210/index.html`). */
export async function loadPage(siteDir: string, file: string): Promise<Page> {
  return cheerio.load(await readFile(path.join(siteDir, file), "utf8"));
}

/**
 * The file a root-relative URL is served from: query and fragment dropped, percent-escapes
 * decoded, a folder address (`/news/1/`) served by its index.html. Undefined for addresses
 * that are not internal (`https://…`, `//host/…`, `#top`, `mailto:`) or that climb out of the site.
 */
export function fileForUrl(siteDir: string, url: string): string | undefined {
  if (!url.startsWith("/") || url.startsWith("//")) return undefined;
  let pathname = url.replace(/[?#].*$/s, "");
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    // A malformed escape cannot be served: keep it as written, so that it is reported missing.
  }
  if (pathname.endsWith("/")) pathname += "index.html";
  const root = path.resolve(siteDir);
  const file = path.resolve(root, `.${pathname}`);
  return file === root || file.startsWith(root + path.sep) ? file : undefined;
}

/** Every element of a page with its tag name and attributes (a plain object). */
export function elementsOf($: Page): Array<{ tag: string; attributes: Record<string, string> }> {
  return $("*")
    .toArray()
    .flatMap((node) => ("attribs" in node && "tagName" in node ? [{ tag: node.tagName, attributes: { ...node.attribs } }] : []));
}

const URL_ATTRIBUTES = ["href", "src", "action", "poster", "data"] as const;

/**
 * Every address an HTML page refers to (href, src, srcset, action, a refresh's url, …), as
 * written, in document order; fragments (`#main`) and empty values left out.
 */
export function urlsOfHtml($: Page): string[] {
  const urls: string[] = [];
  const add = (value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed && !trimmed.startsWith("#")) urls.push(trimmed);
  };
  for (const { tag, attributes } of elementsOf($)) {
    for (const name of URL_ATTRIBUTES) add(attributes[name]);
    for (const candidate of (attributes.srcset ?? "").split(",")) add(candidate.trim().split(/\s+/)[0]);
    if (tag === "meta" && attributes["http-equiv"]?.toLowerCase() === "refresh") add(/url=(.*)$/i.exec(attributes.content ?? "")?.[1]?.replace(/^['"]|['"]$/g, ""));
  }
  return urls;
}

/** Every root-relative address an HTML page refers to (href, src, srcset, action, …), in document order. */
export function internalUrlsOfHtml($: Page): string[] {
  return urlsOfHtml($).filter((url) => url.startsWith("/") && !url.startsWith("//"));
}

/** Every `url(…)` and `@import` of a stylesheet, as written. */
export function urlsOfCss(css: string): string[] {
  const urls: string[] = [];
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)|@import\s+(["'])([^"']+)\3/g)) {
    const value = (match[2] ?? match[4] ?? "").trim();
    if (value && !value.startsWith("#")) urls.push(value);
  }
  return urls;
}

/** Every root-relative `url(…)` and `@import` in a stylesheet. */
export function internalUrlsOfCss(css: string): string[] {
  return urlsOfCss(css).filter((url) => url.startsWith("/") && !url.startsWith("//"));
}

export interface BrokenLink {
  /** The page or stylesheet that links, relative to the site folder. */
  from: string;
  url: string;
}

export interface CrawlOptions {
  /** The path the site is served under (`/akhbar/`, default `/`): every address must stay below it. */
  pathPrefix?: string;
  /** The site's absolute address (SITE_URL): absolute links to it (canonical, …) are checked too. */
  siteUrl?: string;
}

/**
 * Where an address written in `from` (a file of the site, relative to its folder) leads on
 * the site, as a root-relative path without the prefix (`/news/1/`); `outside` for an
 * address on the site's host that is not below the prefix; undefined for other sites and
 * schemes (https://elsewhere, mailto:, data:).
 */
export function siteTargetOf(from: string, url: string, { pathPrefix = "/", siteUrl }: CrawlOptions = {}): string | undefined | "outside" {
  const origin = "http://crawler.invalid";
  let resolved: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) {
    if (!siteUrl || !/^https?:/i.test(url) && !url.startsWith("//")) return undefined;
    const absolute = new URL(url, siteUrl);
    const site = new URL(siteUrl);
    if (absolute.host !== site.host) return undefined;
    resolved = new URL(`${absolute.pathname}${absolute.search}${absolute.hash}`, origin);
  } else {
    // A page is served at its folder's address; index.html or not, relative links resolve alike.
    resolved = new URL(url, `${origin}${pathPrefix}${from.split("/").map(encodeURIComponent).join("/")}`);
  }
  // `..` climbing out of the site, written literally, is broken even if the URL parser would tidy it away.
  if (url.startsWith("/") && !url.startsWith("//") && /(^|\/)\.\.(\/|$)/.test(url.replace(/[?#].*$/s, ""))) return "outside";
  if (!resolved.pathname.startsWith(pathPrefix)) return "outside";
  return `/${resolved.pathname.slice(pathPrefix.length)}${resolved.search}${resolved.hash}`;
}

/**
 * Crawls every *.html (and *.css) file of a built site and returns each address of the
 * site (root-relative, relative, or absolute to `siteUrl`) that does not resolve to a file
 * of the site. An empty list means no broken links.
 */
export async function findBrokenLinks(siteDir: string, options: CrawlOptions = {}): Promise<{ checked: number; broken: BrokenLink[] }> {
  const files = await listFiles(siteDir);
  // Looked up in the listing rather than asked of the file system: a large site has hundreds of thousands of links.
  const root = path.resolve(siteDir);
  const present = new Set(files.map((file) => path.join(root, file)));
  const broken: BrokenLink[] = [];
  let checked = 0;
  for (const from of files) {
    let urls: string[];
    if (from.endsWith(".html")) urls = urlsOfHtml(await loadPage(siteDir, from));
    else if (from.endsWith(".css")) urls = urlsOfCss(await readFile(path.join(siteDir, from), "utf8"));
    else continue;
    for (const url of urls) {
      const target = siteTargetOf(from, url, options);
      if (target === undefined) continue;
      checked++;
      const file = target === "outside" ? undefined : fileForUrl(siteDir, target);
      if (!file || !present.has(file)) broken.push({ from, url });
    }
  }
  return { checked, broken };
}

/**
 * The broken links a reader can meet, starting from the pages `entries` (relative to the site
 * folder: pages a reader may have open or bookmarked) and following links from page to page:
 * every address of a page or stylesheet so reached that does not resolve to a file of the
 * site. Files nothing reachable links to (a publish under way moves new pages in before any
 * page names them) are not read.
 */
export async function findReachableBrokenLinks(siteDir: string, entries: readonly string[], options: CrawlOptions = {}): Promise<{ crawled: number; broken: BrokenLink[] }> {
  const root = path.resolve(siteDir);
  const present = new Set((await listFiles(siteDir)).map((file) => path.join(root, file)));
  const queue = entries.filter((file) => present.has(path.join(root, file)));
  const seen = new Set(queue);
  const broken: BrokenLink[] = [];
  for (const next of queue) {
    let urls: string[];
    if (next.endsWith(".html")) urls = urlsOfHtml(await loadPage(siteDir, next));
    else if (next.endsWith(".css")) urls = urlsOfCss(await readFile(path.join(siteDir, next), "utf8"));
    else continue;
    for (const url of urls) {
      const target = siteTargetOf(next, url, options);
      if (target === undefined) continue;
      const file = target === "outside" ? undefined : fileForUrl(siteDir, target);
      if (!file || !present.has(file)) {
        broken.push({ from: next, url });
        continue;
      }
      const relative = path.relative(root, file).split(path.sep).join("/");
      if (!seen.has(relative)) {
        seen.add(relative);
        queue.push(relative);
      }
    }
  }
  return { crawled: seen.size, broken };
}
