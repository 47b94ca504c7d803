/**
 * Atom and JSON Feed 1.1 for the whole site, the English section, each county, organization, tag
 * and release type:
 * the newest releases of each (FEED_SIZES), with the full body. The plan of which releases each feed
 * carries is made once per build from the archive indexes; the feeds are written outside
 * Eleventy (src/output/page-writer.ts), and a feed whose releases' files are unchanged since an
 * earlier build is read from the build cache (src/output/page-cache.ts): at 150,000 releases the
 * ~1,000 feeds carry thousands of bodies, whose Markdown would otherwise be rendered every build.
 *
 * Dates are RFC 3339 with the Tehran offset (src/persian/dates.ts), not the UTC form of the RSS
 * plugin's dateToRfc3339: a reader sees the hour the office published at.
 */
import type { ArchiveIndex } from "../browse/archive-index.js";
import { lastModified, newestEnglish, type Release } from "../content/release.js";
import type { AkhbarContext } from "../context/context.js";
import { toIsoString } from "../persian/dates.js";
import { absoluteUrl } from "../render/absolute-url.js";
import { atomUrl, countyFeed, jsonFeedUrl, organizationFeed, siteFeed, tagFeed, typeFeed, type FeedRef } from "../render/feed-links.js";
import { ReleaseBodies, renderBodyFromFile } from "./release-bodies.js";
import type { SiteMetadata } from "../content/site.js";
import { xml, xmlDocument } from "../render/xml.js";
import { writeGeneratedFiles, type WriteReport } from "../output/page-writer.js";
import { say } from "../messages/messages.js";
import { feedsWritten } from "../messages/build.js";

/** The releases the site's two feeds (the whole site, the English section) carry. */
export const FEED_SIZE = 50;
/**
 * The releases a county's, organization's, tag's or release type's feed carries. Each feed repeats its releases' full bodies, and
 * a release is in the feed of its county and of every one of its tags: at 10,000 releases the ~900
 * county and tag feeds of 50 were 160 MB of a 497 MB site. A reader following one county or tag
 * is told of its new releases with 20 as well as with 50.
 */
export const TERM_FEED_SIZE = 20;

/** How many releases each kind of feed carries. */
export interface FeedSizes {
  /** The whole site's and the English section's. */
  site: number;
  /** Each county's, organization's, tag's and release type's. */
  term: number;
}

export const FEED_SIZES: FeedSizes = { site: FEED_SIZE, term: TERM_FEED_SIZE };

/** A feed and the releases it carries, newest first. */
export interface FeedPlan extends FeedRef {
  description: string;
  releases: readonly Release[];
}

/** One entry as the renderers see it: the release and its body, already absolute. */
export interface FeedEntry {
  release: Release;
  contentHtml: string;
}

/** Every feed of the site; `releases` and the index are the archive's (newest first). O(feeds × feed size + releases). */
export function planFeeds(site: SiteMetadata, releases: readonly Release[], index: Pick<ArchiveIndex, "counties" | "organizations" | "tags" | "types">, sizes: FeedSizes = FEED_SIZES): FeedPlan[] {
  const newest = (list: readonly Release[], size: number) => list.slice(0, size);
  const english = newestEnglish(releases, sizes.site);
  return [
    { ...siteFeed(site, "fa"), description: site.description.fa, releases: newest(releases, sizes.site) },
    { ...siteFeed(site, "en"), description: site.description.en, releases: english },
    ...index.counties.map((term) => ({ ...countyFeed(site, term), description: site.description.fa, releases: newest(term.releases, sizes.term) })),
    ...index.tags.map((term) => ({ ...tagFeed(site, term), description: site.description.fa, releases: newest(term.releases, sizes.term) })),
    ...index.organizations.map((term) => ({ ...organizationFeed(site, term), description: site.description.fa, releases: newest(term.releases, sizes.term) })),
    ...index.types.map((term) => ({ ...typeFeed(site, term), description: site.description.fa, releases: newest(term.releases, sizes.term) })),
  ];
}

/** What a feed with no entry gives as its last update: Atom needs one, and the build must not depend on the clock. */
const NO_UPDATE = "1970-01-01T03:30:00+03:30";

/** The latest change of any of its entries: a release published, or one corrected (`updated:`) since. */
function updatedOf(feed: FeedPlan): string {
  let latest: Release | undefined;
  for (const release of feed.releases) if (!latest || lastModified(release).toMillis() > lastModified(latest).toMillis()) latest = release;
  return latest ? toIsoString(lastModified(latest)) : NO_UPDATE;
}

/** An Atom 1.0 document (RFC 4287). */
export function renderAtom(site: SiteMetadata, feed: FeedPlan, entries: readonly FeedEntry[]): string {
  const abs = (url: string) => absoluteUrl(site.url, url);
  const self = abs(atomUrl(feed));
  return xmlDocument(xml`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${feed.lang}">
<id>${self}</id>
<title>${feed.title}</title>
<subtitle>${feed.description}</subtitle>
<updated>${updatedOf(feed)}</updated>
<link rel="self" type="application/atom+xml" href="${self}"/>
<link rel="alternate" type="text/html" href="${abs(feed.pageUrl)}"/>
<author><name>${site.publisher[feed.lang]}</name><uri>${abs("/")}</uri></author>
${site.logo ? xml`<logo>${abs(site.logo.url)}</logo>\n` : ""}${entries.map(({ release, contentHtml }) => {
    const date = toIsoString(release.date);
    const modified = toIsoString(lastModified(release));
    return xml`<entry${release.lang === feed.lang ? "" : xml` xml:lang="${release.lang}"`}>
<id>${abs(release.url)}</id>
<title>${release.title}</title>
<link rel="alternate" type="text/html" href="${abs(release.url)}"/>
<published>${date}</published>
<updated>${modified}</updated>
${release.lead ? xml`<summary>${release.lead}</summary>\n` : ""}${release.tags.map((tag) => xml`<category term="${tag}"/>\n`)}<content type="html">${contentHtml}</content>
</entry>
`;
  })}</feed>`);
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1). */
export function renderJsonFeed(site: SiteMetadata, feed: FeedPlan, entries: readonly FeedEntry[]): string {
  const abs = (url: string) => absoluteUrl(site.url, url);
  const document = {
    version: "https://jsonfeed.org/version/1.1",
    title: feed.title,
    home_page_url: abs(feed.pageUrl),
    feed_url: abs(jsonFeedUrl(feed)),
    description: feed.description,
    language: feed.lang,
    authors: [{ name: site.publisher[feed.lang], url: abs("/") }],
    ...(site.logo ? { icon: abs(site.logo.url) } : {}),
    items: entries.map(({ release, contentHtml }) => ({
      id: abs(release.url),
      url: abs(release.url),
      title: release.title,
      content_html: contentHtml,
      ...(release.lead ? { summary: release.lead } : {}),
      ...(release.image ? { image: abs(release.image) } : {}),
      date_published: toIsoString(release.date),
      date_modified: toIsoString(lastModified(release)),
      ...(release.tags.length > 0 ? { tags: release.tags } : {}),
      language: release.lang,
    })),
  };
  return `${JSON.stringify(document)}\n`;
}

/** Renders (or reads from the build cache) and writes every feed of the build under way into `outputDir`. */
export async function writeFeeds(outputDir: string, context: AkhbarContext): Promise<WriteReport & { rendered: number }> {
  const { site } = context;
  const cache = context.pageCache();
  const bodies = new ReleaseBodies(renderBodyFromFile(site.url));
  const edited = context.edited();
  const plans = planFeeds(site, context.archive().releases, context.index());
  // A rebuild of edited releases makes only the feeds that carry them; the others are as they were.
  const files = (edited ? plans.filter((plan) => plan.releases.some((release) => edited.has(release))) : plans).flatMap((plan) =>
    (["atom", "json"] as const).map((format) => ({ plan, format })),
  );
  for (const { plan } of files) for (const release of plan.releases) bodies.expect(release);
  const siteKey = JSON.stringify(site);
  let rendered = 0;
  const report = await writeGeneratedFiles(outputDir, files, async ({ plan, format }) => {
    const { releases, ...feed } = plan;
    // A release's file hash stands for its body and fields: a feed found in the cache reads no file.
    const inputs = JSON.stringify({ format, feed, releases: releases.map((release) => [release.url, release.fileHash]), site: siteKey });
    const key = cache.key(inputs);
    cache.keep(key);
    const content = () =>
      cache.page(key, async () => {
        rendered++;
        const entries = await Promise.all(releases.map(async (release) => ({ release, contentHtml: await bodies.get(release) })));
        return format === "atom" ? renderAtom(site, plan, entries) : renderJsonFeed(site, plan, entries);
      });
    return { path: format === "atom" ? atomUrl(plan) : jsonFeedUrl(plan), version: key, content };
  }, context.ledger());
  console.log(say(feedsWritten(files.length, rendered, report.written)));
  return { ...report, rendered };
}
