/**
 * Addresses inside a piece of HTML made absolute, for places without a page to resolve them
 * against (feed entries). Every address attribute is rewritten (href, src, srcset, …), by the
 * same PostHTML plugin Eleventy's HtmlBasePlugin and the RSS plugin use.
 *
 * The RSS plugin's own helper resolves against one base URL, which sends a root-relative
 * `/news/1/` to the host's root: wrong for a site served under a path prefix. Here addresses
 * are resolved against the page as if the site were at the root, then joined to SITE_URL,
 * which carries the prefix.
 */
import posthtml from "posthtml";
import urls from "@11ty/posthtml-urls";
import { absoluteUrl } from "./absolute-url.js";
import { withPathPrefix } from "../content/site.js";

/**
 * `url` as written in the page at root-relative `pageUrl`, absolute under `siteUrl`.
 * Absolute addresses (https:, mailto:, //host/…) are kept as written.
 */
export function siteAbsoluteUrl(siteUrl: string, pageUrl: string, url: string): string {
  const trimmed = url.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith("//")) return trimmed;
  const origin = "https://root.invalid";
  const resolved = new URL(trimmed, `${origin}${pageUrl}`);
  return absoluteUrl(siteUrl, `${resolved.pathname}${resolved.search}${resolved.hash}`);
}

export async function absoluteHtmlUrls(html: string, siteUrl: string, pageUrl: string): Promise<string> {
  const result = await posthtml()
    .use(urls({ eachURL: (url: string) => siteAbsoluteUrl(siteUrl, pageUrl, url) }))
    .process(html);
  return result.html;
}

/** A root-relative address (`/news/1/`), as opposed to absolute, protocol-relative or relative ones. */
const isRootRelative = (url: string) => url.startsWith("/") && !url.startsWith("//");

/**
 * Every root-relative address in a page moved under the path prefix, as Eleventy's HtmlBasePlugin
 * does for the pages Eleventy renders (src/build/host-headers.ts): the same PostHTML plugin, for the release and
 * redirect pages that are written outside Eleventy (src/output/page-writer.ts). At the host's root
 * (`/`) the page is returned as it is, unparsed.
 */
export async function prefixHtmlUrls(html: string, pathPrefix: string): Promise<string> {
  if (pathPrefix === "/") return html;
  const result = await posthtml()
    .use(urls({ eachURL: (url: string) => (isRootRelative(url.trim()) ? withPathPrefix(pathPrefix, url.trim()) : url) }))
    .process(html);
  return result.html;
}
