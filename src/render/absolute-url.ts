/**
 * Absolute addresses for what leaves the site (feeds, sitemaps, sharing tags, JSON-LD):
 * `siteUrl` from src/content/site.ts joined with a root-relative path, percent-encoded as the
 * sitemap protocol and feed readers expect (Persian slugs included). An address that is
 * already absolute (an https:// image) is kept, only normalized.
 */
export function absoluteUrl(siteUrl: string, url: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return new URL(url).href;
  // Joined as text, not resolved with new URL(path, base): a base with a path
  // (https://example.org/archive) keeps it.
  return new URL(`${siteUrl}${url.startsWith("/") ? "" : "/"}${url}`).href;
}
