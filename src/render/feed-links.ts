/**
 * Where the feeds are, and the `<link rel="alternate">` tags that let browsers and feed
 * readers find them. Kept apart from src/feeds/feeds.ts (which renders feeds) so that layouts can
 * link a feed without loading the feed renderer. List pages link their own feed:
 *
 *   renderPage({ …, head: feedLinks(countyFeed(site, term)) })
 */
import type { Term } from "../browse/archive-index.js";
import { html, type SafeHtml } from "./html.js";
import { interfaceStrings } from "./i18n.js";
import type { Language } from "../content/schema.js";
import type { SiteMetadata } from "../content/site.js";

export interface FeedRef {
  /** Stable name of the feed within a build: `site`, `en`, `county:<slug>`, `tag:<slug>`. */
  key: string;
  title: string;
  /** The language of the feed as a whole (entries may differ). */
  lang: Language;
  /** Root-relative folder of the feed files (`/`, `/en/`, `/counties/<slug>/`), with the trailing slash. */
  folder: string;
  /** Root-relative address of the HTML page the feed follows. */
  pageUrl: string;
}

export const atomUrl = (feed: FeedRef): string => `${feed.folder}feed.xml`;
export const jsonFeedUrl = (feed: FeedRef): string => `${feed.folder}feed.json`;

/** The whole site's feed (Persian interface, every release), or the English section's. */
export function siteFeed(site: SiteMetadata, lang: Language): FeedRef {
  return lang === "en"
    ? { key: "en", title: `${interfaceStrings("en").englishNews} | ${site.name.en}`, lang: "en", folder: "/en/", pageUrl: "/en/" }
    : { key: "site", title: site.name.fa, lang: "fa", folder: "/", pageUrl: "/" };
}

export function countyFeed(site: SiteMetadata, county: Pick<Term, "slug" | "name">): FeedRef {
  const title = interfaceStrings("fa").countyFeedTitle.replace("{name}", county.name);
  const folder = `/counties/${county.slug}/`;
  return { key: `county:${county.slug}`, title: `${title} | ${site.name.fa}`, lang: "fa", folder, pageUrl: folder };
}

export function tagFeed(site: SiteMetadata, tag: Pick<Term, "slug" | "name">): FeedRef {
  const title = interfaceStrings("fa").tagFeedTitle.replace("{name}", tag.name);
  const folder = `/tags/${tag.slug}/`;
  return { key: `tag:${tag.slug}`, title: `${title} | ${site.name.fa}`, lang: "fa", folder, pageUrl: folder };
}

/** Autodiscovery links for one feed, Atom first. */
export function feedLinks(feed: FeedRef): SafeHtml {
  return html`<link rel="alternate" type="application/atom+xml" href="${atomUrl(feed)}" title="${feed.title}">
<link rel="alternate" type="application/feed+json" href="${jsonFeedUrl(feed)}" title="${feed.title} (JSON)">`;
}

/** What every page links: the whole site's feed, and on English pages the English section's first. */
export function siteFeedLinks(site: SiteMetadata, lang: Language): SafeHtml {
  return lang === "en" ? html`${feedLinks(siteFeed(site, "en"))}
${feedLinks(siteFeed(site, "fa"))}` : feedLinks(siteFeed(site, "fa"));
}
