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
import { releaseType, type ReleaseTypeKey } from "../content/release-types.js";
import { termUrl, type TermKind } from "../browse/urls.js";

export interface FeedRef {
  /** Stable name of the feed within a build: `site`, `en`, `county:<slug>`, `organization:<slug>`, `tag:<slug>`, `type:<key>`. */
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

export function organizationFeed(site: SiteMetadata, organization: Pick<Term, "slug" | "name">): FeedRef {
  const title = interfaceStrings("fa").organizationFeedTitle.replace("{name}", organization.name);
  const folder = termUrl("organization", organization.slug);
  return { key: `organization:${organization.slug}`, title: `${title} | ${site.name.fa}`, lang: "fa", folder, pageUrl: folder };
}

/** A release type's feed, named by the type's plural (src/content/release-types.ts); its term's slug is the type's key. */
export function typeFeed(site: SiteMetadata, type: Pick<Term, "slug">): FeedRef {
  const folder = termUrl("type", type.slug);
  return { key: `type:${type.slug}`, title: `${releaseType(type.slug as ReleaseTypeKey).plural.fa} | ${site.name.fa}`, lang: "fa", folder, pageUrl: folder };
}

/** The feed of a term's list: every kind of term has one. */
export function termFeed(site: SiteMetadata, kind: TermKind, term: Pick<Term, "slug" | "name">): FeedRef {
  switch (kind) {
    case "county":
      return countyFeed(site, term);
    case "organization":
      return organizationFeed(site, term);
    case "tag":
      return tagFeed(site, term);
    case "type":
      return typeFeed(site, term);
  }
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
